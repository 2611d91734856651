package org.proxima.md.potential;

import java.nio.file.Path;

import org.proxima.core.io.ExtXyzReader;
import org.proxima.core.io.Frame;
import org.proxima.core.testing.ReferenceData;

/** The LAMMPS reference data copied from ../shared/reference/lammps-sw into reference/. */
final class LammpsReference {

    static final String[] SINGLE_POINTS = {"c01_si8_ideal", "c02_si8_ideal_a5.50", "c03_si8_disp_s101",
        "c04_si8_disp_s102", "c06_si63vac_disp_s201", "c08_si63vac_tri_s301", "c09_si63vac_tri_s302",
        "c11_si512_disp_s401"};

    private LammpsReference() {
    }

    static Path path(String name) {
        return ReferenceData.file("lammps-sw/" + name);
    }

    static Frame singlePoint(String config) {
        return ExtXyzReader.readFirst(path(config + ".extxyz"));
    }
}
