package org.proxima.md.integrate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.md.Integrator;
import org.proxima.md.analysis.BlockAverage;
import org.proxima.md.analysis.ThermoStatistics;

/**
 * Both NPT schemes find the right state: on 64 Stillinger–Weber Si atoms at 800 K and 0 GPa, the mean pressure
 * (kinetic term included) is the target within 3 standard errors, and the mean volume agrees within 3 combined
 * standard errors with the volume at which NVT runs (Bussi) give zero mean pressure, interpolated linearly between
 * three volumes. Standard errors by block averaging of per-step series.
 */
class NptEquilibriumTest {

    private static final double T = 800;
    private static final Structure CRYSTAL = Crystals.diamondCubic("Si", 5.431).repeat(2, 2, 2);
    private static double zeroPressureVolume;
    private static double zeroPressureVolumeSe;

    private static ThermoStatistics run(Structure s, Integrator integrator, long steps, long seed) {
        return MdRuns.run(s, integrator, T, steps, seed, 1);
    }

    @BeforeAll
    static void zeroPressureVolumeFromNvt() {
        double[] lattice = {5.43, 5.45, 5.47};
        double[] v = new double[3];
        double[] p = new double[3];
        double[] se = new double[3];
        for (int k = 0; k < 3; k++) {
            Structure s = CRYSTAL.withCell(CRYSTAL.cell().withVolume(Math.pow(2 * lattice[k], 3)), true);
            BlockAverage.Estimate e = run(s, Bussi.of(1.0, T, 25), 25_000, 100 + k).pressure(3_000);
            v[k] = s.cell().volumeA3();
            p[k] = e.mean();
            se[k] = e.standardError();
        }
        // weighted least-squares line p = a + b v, then v0 = −a/b with error propagation
        double sw = 0;
        double sv = 0;
        double sp = 0;
        double svv = 0;
        double svp = 0;
        for (int k = 0; k < 3; k++) {
            double w = 1 / (se[k] * se[k]);
            sw += w;
            sv += w * v[k];
            sp += w * p[k];
            svv += w * v[k] * v[k];
            svp += w * v[k] * p[k];
        }
        double det = sw * svv - sv * sv;
        double b = (sw * svp - sv * sp) / det;
        double a = (svv * sp - sv * svp) / det;
        zeroPressureVolume = -a / b;
        // var(v0): v0 = −a/b; var(a) = svv/det, var(b) = sw/det, cov(a,b) = −sv/det
        double va = svv / det;
        double vb = sw / det;
        double cab = -sv / det;
        double dv0da = -1 / b;
        double dv0db = a / (b * b);
        zeroPressureVolumeSe = Math.sqrt(dv0da * dv0da * va + dv0db * dv0db * vb + 2 * dv0da * dv0db * cab);
    }

    private static void assertEquilibrium(Integrator npt, long seed) {
        ThermoStatistics stats = run(CRYSTAL, npt, 60_000, seed);
        BlockAverage.Estimate p = stats.pressure(5_000);
        BlockAverage.Estimate vol = stats.volume(5_000);
        String info = npt.name() + ": <P> = " + p.mean() + " ± " + p.standardError() + " GPa, <V> = " + vol.mean()
                + " ± " + vol.standardError() + " Å³, NVT zero-pressure V = " + zeroPressureVolume + " ± "
                + zeroPressureVolumeSe + " Å³";
        System.out.println(info);
        assertTrue(Math.abs(p.mean()) < 3 * p.standardError(), info);
        double combined = Math.sqrt(vol.standardError() * vol.standardError()
                + zeroPressureVolumeSe * zeroPressureVolumeSe);
        assertTrue(Math.abs(vol.mean() - zeroPressureVolume) < 3 * combined, info);
        assertTrue(combined < 0.003 * zeroPressureVolume, "test must resolve 0.3% in volume: " + info);
    }

    @Test
    void melchionnaNptReachesZeroPressureVolume() {
        assertEquilibrium(MelchionnaNpt.builder(1.0, T).ttimeFs(25).barostat(25, 98).mask(BarostatMask.DIAGONAL)
                .pressureGpa(0).build(), 7);
    }

    @Test
    void mtkNptReachesZeroPressureVolume() {
        assertEquilibrium(MtkNpt.builder(1.0, T).tdampFs(100).pdampFs(500).pressureGpa(0).build(), 8);
    }
}
