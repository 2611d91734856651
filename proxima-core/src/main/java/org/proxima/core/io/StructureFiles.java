package org.proxima.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a structure from any supported format, chosen by file name or, failing that, by content: extended XYZ
 * ({@code .xyz}, {@code .extxyz}), VASP POSCAR/CONTCAR ({@code POSCAR*}, {@code CONTCAR*}, {@code .vasp},
 * {@code .poscar}), LAMMPS data ({@code .data}, {@code .lmp}, {@code .lammps}, {@code data.*}).
 */
public final class StructureFiles {

    /** The supported formats. */
    public enum Format {
        /** Extended XYZ. */
        EXTXYZ,
        /** VASP POSCAR/CONTCAR. */
        POSCAR,
        /** LAMMPS data, atom style atomic. */
        LAMMPS_DATA
    }

    private StructureFiles() {
    }

    /**
     * Reads the first (for extxyz: the first) frame of a file in any supported format.
     *
     * @param path the file
     * @return the frame
     */
    public static Frame readFirst(Path path) {
        return switch (detect(path)) {
            case EXTXYZ -> ExtXyzReader.readFirst(path);
            case POSCAR -> PoscarReader.read(path);
            case LAMMPS_DATA -> LammpsDataReader.read(path);
        };
    }

    /**
     * Reads all frames (one for POSCAR and LAMMPS data).
     *
     * @param path the file
     * @return the frames
     */
    public static List<Frame> readAll(Path path) {
        return switch (detect(path)) {
            case EXTXYZ -> ExtXyzReader.readAll(path);
            case POSCAR -> List.of(PoscarReader.read(path));
            case LAMMPS_DATA -> List.of(LammpsDataReader.read(path));
        };
    }

    /**
     * Decides the format of a file.
     *
     * @param path the file
     * @return the format
     * @throws StructureFormatException if neither the name nor the content tells
     */
    public static Format detect(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new UncheckedIOException(new IOException("Structure file " + path + " does not exist or is not a "
                    + "regular file"));
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xyz") || name.endsWith(".extxyz")) {
            return Format.EXTXYZ;
        }
        if (name.startsWith("poscar") || name.startsWith("contcar") || name.endsWith(".vasp")
                || name.endsWith(".poscar")) {
            return Format.POSCAR;
        }
        if (name.endsWith(".data") || name.endsWith(".lmp") || name.endsWith(".lammps") || name.startsWith("data.")) {
            return Format.LAMMPS_DATA;
        }
        List<String> head = head(path, 12);
        if (head.size() >= 2 && head.get(0).trim().matches("\\d+") && head.get(1).contains("=")) {
            return Format.EXTXYZ;
        }
        for (String l : head) {
            if (l.matches("\\s*\\d+\\s+atoms\\s*(#.*)?")) {
                return Format.LAMMPS_DATA;
            }
        }
        if (head.size() >= 5 && head.get(1).trim().matches("[-+0-9.eE]+")) {
            return Format.POSCAR;
        }
        throw new StructureFormatException(path.toString(), 0, "cannot tell the file format: use an .extxyz, "
                + ".vasp (or POSCAR) or .data (LAMMPS) name");
    }

    private static List<String> head(Path path, int lines) {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String l = r.readLine(); l != null && out.size() < lines; l = r.readLine()) {
                out.add(l);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
        return out;
    }
}
