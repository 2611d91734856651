package org.proxima.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxima.core.testing.ArrayAssertions.assertArrayClose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Structure;
import org.proxima.core.testing.TestStructures;

class ExtXyzTest {

    @TempDir
    Path dir;

    private static Frame sampleFrame(long seed) {
        Random rng = new Random(seed);
        Structure s = TestStructures.randomTriclinic(TestStructures.rattle(TestStructures.diamond("Si", 5.43, 1), 0.1,
                rng), 0.05, rng);
        double[] f = new double[24];
        double[] e = new double[8];
        double[] v = new double[24];
        for (int k = 0; k < 24; k++) {
            f[k] = rng.nextGaussian();
            v[k] = 0.01 * rng.nextGaussian();
        }
        for (int k = 0; k < 8; k++) {
            e[k] = -4.3 + 0.1 * rng.nextGaussian();
        }
        double[] stress = {1e-3, -2e-3, 3e-4, 1e-5, -2e-5, 7e-6};
        CalculationResult r = new CalculationResult(-34.123456789012345, f, stress, e);
        return new Frame(s, r, Map.of("step", 17L, "time_fs", 17.5, "label", "a \"quoted\" name", "ok", true),
                Map.of()).withVelocities(v);
    }

    @Test
    void writeReadRoundTripIsExact() {
        Frame a = sampleFrame(1);
        Frame b = sampleFrame(2).withInfo("extra", new double[] {1.5, 2.5});
        Path p = dir.resolve("t.extxyz");
        ExtXyzWriter.writeAll(p, List.of(a, b));
        List<Frame> back = ExtXyzReader.readAll(p);
        assertEquals(2, back.size());
        Frame r = back.get(0);
        assertArrayEquals(a.structure().positionsA(), r.structure().positionsA());
        assertArrayEquals(a.structure().cell().toRowMajorArray(), r.structure().cell().toRowMajorArray());
        assertEquals(a.result().energyEv(), r.result().energyEv());
        assertArrayEquals(a.result().forcesEvPerA(), r.result().forcesEvPerA());
        assertArrayClose(a.result().stressEvPerA3(), r.result().stressEvPerA3(), 0, "stress");
        assertArrayEquals(a.result().energiesEv(), r.result().energiesEv());
        assertArrayEquals(a.velocitiesAPerFs().orElseThrow(), r.velocitiesAPerFs().orElseThrow());
        assertEquals(17L, r.info().get("step"));
        assertEquals(17.5, r.info().get("time_fs"));
        assertEquals("a \"quoted\" name", r.info().get("label"));
        assertEquals(Boolean.TRUE, r.info().get("ok"));
        assertArrayEquals(new double[] {1.5, 2.5}, (double[]) back.get(1).info().get("extra"));
    }

    @Test
    void customMassesSurviveRoundTrip() {
        Structure s = TestStructures.diamond("Si", 5.43, 1);
        double[] m = s.massesAmu();
        m[3] = 30.0;
        Path p = dir.resolve("m.extxyz");
        ExtXyzWriter.writeAll(p, List.of(Frame.of(s.withMasses(m))));
        assertArrayEquals(m, ExtXyzReader.readFirst(p).structure().massesAmu());
    }

    @Test
    void readsFilesWrittenByAse() throws Exception {
        Path p = Path.of(getClass().getResource("/ase/si8_ase_calc.extxyz").toURI());
        List<Frame> frames = ExtXyzReader.readAll(p);
        assertEquals(2, frames.size());
        Frame f = frames.get(0);
        assertEquals(8, f.structure().size());
        assertEquals(-34.5, f.result().energyEv());
        assertEquals(7L, f.info().get("step"));
        assertEquals("hello world", f.info().get("name"));
        assertEquals(Boolean.TRUE, f.info().get("flag"));
        assertEquals(812.5, f.info().get("temp"));
        assertEquals(Column.Type.INTEGER, f.columns().get("tags2").type());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7}, f.columns().get("tags2").integers());
        assertEquals(0.0008407190705424693, f.result().stressEvPerA3(0));
        assertEquals(0.0014756061955469911, f.result().stressEvPerA3(3)); // yz
        assertEquals(-0.37067527, f.result().forceEvPerA(0, 0));
        assertFalse(f.structure().cell().isLeftHanded());
    }

    @Test
    void malformedInputNamesFileLineAndExpectation() {
        String noCount = "eight\nLattice=\"5 0 0 0 5 0 0 0 5\"\nSi 0 0 0\n";
        StructureFormatException e1 = assertThrows(StructureFormatException.class, () -> read(noCount));
        assertTrue(e1.getMessage().startsWith("mem.xyz:1: expected the number of atoms"), e1.getMessage());

        String shortLine = "2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nSi 0 0 0\nSi 1 1\n";
        StructureFormatException e2 = assertThrows(StructureFormatException.class, () -> read(shortLine));
        assertEquals(4, e2.line());
        assertTrue(e2.getMessage().contains("expected 4 columns"), e2.getMessage());

        String badNumber = "1\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nSi 0 x 0\n";
        StructureFormatException e3 = assertThrows(StructureFormatException.class, () -> read(badNumber));
        assertTrue(e3.getMessage().contains("mem.xyz:3") && e3.getMessage().contains("'x'"), e3.getMessage());

        String truncated = "3\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nSi 0 0 0\n";
        StructureFormatException e4 = assertThrows(StructureFormatException.class, () -> read(truncated));
        assertTrue(e4.getMessage().contains("end of file"), e4.getMessage());

        String badLattice = "1\nLattice=\"5 0 0 0 5 0\" Properties=species:S:1:pos:R:3\nSi 0 0 0\n";
        StructureFormatException e5 = assertThrows(StructureFormatException.class, () -> read(badLattice));
        assertTrue(e5.getMessage().contains("Lattice must hold 9 numbers"), e5.getMessage());

        String nanPosition = "1\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nSi 0 nan 0\n";
        StructureFormatException e6 = assertThrows(StructureFormatException.class, () -> read(nanPosition));
        assertTrue(e6.getMessage().contains("NaN"), e6.getMessage());

        String unknownElement = "1\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nXq 0 0 0\n";
        StructureFormatException e7 = assertThrows(StructureFormatException.class, () -> read(unknownElement));
        assertTrue(e7.getMessage().contains("'Xq'"), e7.getMessage());
    }

    @Test
    void anAtomsErrorNamesItsOwnLineNotTheFramesFirst() {
        String head = "4\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nSi 0 0 0\nSi 1 1 1\n";
        StructureFormatException nan = assertThrows(StructureFormatException.class,
                () -> read(head + "Si 2 nan 2\nSi 3 3 3\n"));
        assertEquals(5, nan.line(), nan.getMessage());
        assertTrue(nan.getMessage().startsWith("mem.xyz:5:") && nan.getMessage().contains("atom 2"), nan.getMessage());
        StructureFormatException element = assertThrows(StructureFormatException.class,
                () -> read(head + "Si 2 2 2\nXq 3 3 3\n"));
        assertEquals(6, element.line(), element.getMessage());
        assertTrue(element.getMessage().contains("'Xq'"), element.getMessage());
    }

    @Test
    void velocitiesAreWrittenAsAseMomentaAndTheOlderColumnIsStillRead() throws IOException {
        Frame f = sampleFrame(3);
        Path p = dir.resolve("v.extxyz");
        ExtXyzWriter.writeAll(p, List.of(f));
        String header = Files.readAllLines(p).get(1);
        assertTrue(header.contains("momenta:R:3") && !header.contains("velocities"), header);
        double[] v = f.velocitiesAPerFs().orElseThrow();
        double[] p0 = f.columns().get(Frame.MOMENTA).reals();
        assertEquals(f.structure().massAmu(0) * v[0] / org.proxima.core.units.Units.ASE_FS, p0[0], 1e-15,
                "p = m v / ASE_FS");
        Path old = dir.resolve("old.extxyz");
        ExtXyzWriter.writeAll(old, List.of(f.withVelocities(v, Frame.VELOCITIES)));
        assertTrue(Files.readAllLines(old).get(1).contains("velocities:R:3"));
        assertArrayEquals(v, ExtXyzReader.readFirst(old).velocitiesAPerFs().orElseThrow(), "Å/fs, unchanged");
        assertArrayClose(v, ExtXyzReader.readFirst(p).velocitiesAPerFs().orElseThrow(), 1e-17, "from momenta");
    }

    @Test
    void frameWithoutLatticeGetsOpenBox() {
        Frame f = read("2\nProperties=species:S:1:pos:R:3\nH 0 0 0\nH 0.74 0 0\n").get(0);
        assertFalse(f.structure().cell().isPeriodic(0));
        assertEquals(0.74, f.structure().position(1, 0));
    }

    @Test
    void readerIsLazy() throws IOException {
        // a reader that fails if anything beyond the first two frames is requested
        String frame = ExtXyzWriter.format(Frame.of(TestStructures.diamond("Si", 5.43, 1)));
        String text = frame + frame + "garbage that would fail to parse\n".repeat(1000);
        int limit = 2 * frame.length() + 8192 + 64; // BufferedReader reads ahead at most one buffer
        Reader guarded = new Reader() {
            private final StringReader in = new StringReader(text);
            private int consumed;

            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                int n = in.read(cbuf, off, len);
                consumed += Math.max(n, 0);
                if (consumed > limit) {
                    throw new IOException("reader is not streaming: consumed " + consumed + " chars");
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
        try (ExtXyzReader r = new ExtXyzReader(new BufferedReader(guarded, 8192), "guarded")) {
            assertTrue(r.hasNext());
            r.next();
            assertTrue(r.hasNext());
            assertEquals(8, r.next().structure().size());
        }
    }

    @Test
    void streamsManyFrames() {
        Path p = dir.resolve("long.extxyz");
        Frame small = Frame.of(Structure.builder(org.proxima.core.model.Cell.cubic(3)).add("Ar", 0, 0, 0).build());
        try (ExtXyzWriter w = ExtXyzWriter.create(p)) {
            for (int k = 0; k < 100_000; k++) {
                w.write(small.withInfo("step", (long) k));
            }
        }
        long[] sum = {0};
        try (ExtXyzReader r = ExtXyzReader.open(p)) {
            r.forEachRemaining(f -> sum[0] += (Long) f.info().get("step"));
        }
        assertEquals(99_999L * 100_000L / 2, sum[0]);
    }

    private static List<Frame> read(String text) {
        try (ExtXyzReader r = new ExtXyzReader(new BufferedReader(new StringReader(text)), "mem.xyz")) {
            List<Frame> out = new java.util.ArrayList<>();
            r.forEachRemaining(out::add);
            return out;
        }
    }

    @Test
    void writerProducesAseStyleHeader() throws IOException {
        Path p = dir.resolve("h.extxyz");
        ExtXyzWriter.writeAll(p, List.of(sampleFrame(3)));
        String header = Files.readAllLines(p).get(1);
        assertTrue(header.startsWith("Lattice=\""), header);
        assertTrue(header.contains("Properties=species:S:1:pos:R:3:momenta:R:3:forces:R:3:energies:R:1"), header);
        assertTrue(header.contains(" energy=-34.12345678901234"), header);
        assertTrue(header.endsWith("pbc=\"T T T\""), header);
    }
}
