package org.proxima.examples.cli;

import java.util.Locale;

import org.proxima.md.Integrator;
import org.proxima.md.integrate.BarostatMask;
import org.proxima.md.integrate.BerendsenNpt;
import org.proxima.md.integrate.BerendsenNvt;
import org.proxima.md.integrate.Bussi;
import org.proxima.md.integrate.Langevin;
import org.proxima.md.integrate.MelchionnaNpt;
import org.proxima.md.integrate.MtkNpt;
import org.proxima.md.integrate.NoseHooverChain;
import org.proxima.md.integrate.VelocityVerlet;

import picocli.CommandLine.Option;

/**
 * The ensemble and integrator options shared by {@code proxima md} and the studies. Defaults are the paper's:
 * ttime 25 fs, ptime 25 fs, bulk modulus 98 GPa, mask 1,1,1,0,0,0, 0 GPa.
 */
public final class EnsembleOptions {

    /** The ensembles {@code --ensemble} accepts. */
    public static final String NAMES = "nve, langevin, bussi, nhc, berendsen-nvt, berendsen-npt, npt, npt-mtk";

    @Option(names = "--ensemble", defaultValue = "nve", paramLabel = "NAME",
            description = "Integrator: " + NAMES + " (default ${DEFAULT-VALUE}).")
    String ensemble;

    @Option(names = "--temperature", paramLabel = "K", description = "Temperature, K: the thermostat target and the "
            + "Maxwell-Boltzmann initial velocities.")
    Double temperatureK;

    @Option(names = "--pressure", defaultValue = "0", paramLabel = "GPA",
            description = "Target pressure, GPa (default ${DEFAULT-VALUE}).")
    double pressureGpa;

    @Option(names = "--timestep", defaultValue = "1", paramLabel = "FS", description = "Time step, fs "
            + "(default ${DEFAULT-VALUE}).")
    double timestepFs;

    @Option(names = "--ttime", defaultValue = "25", paramLabel = "FS",
            description = "Thermostat time constant of bussi, nhc, berendsen, npt and npt-mtk (Tdamp), fs "
                    + "(default ${DEFAULT-VALUE}).")
    double ttimeFs;

    @Option(names = "--friction", defaultValue = "0.01", paramLabel = "PER_FS",
            description = "Langevin friction, 1/fs (default ${DEFAULT-VALUE}).")
    double frictionPerFs;

    @Option(names = "--ptime", defaultValue = "25", paramLabel = "FS",
            description = "Barostat time, fs: npt uses pfactor = ptime² × bulk modulus, npt-mtk uses it as Pdamp, "
                    + "berendsen-npt as tau_P (default ${DEFAULT-VALUE}).")
    double ptimeFs;

    @Option(names = "--bulk-modulus", defaultValue = "98", paramLabel = "GPA",
            description = "Bulk modulus, GPa, for npt's pfactor and Berendsen's compressibility 1/B "
                    + "(default ${DEFAULT-VALUE}).")
    double bulkModulusGpa;

    @Option(names = "--mask", defaultValue = "1,1,1,0,0,0", paramLabel = "XX,YY,ZZ,YZ,XZ,XY",
            description = "Cell components the barostat may change, six 0/1 values in Voigt order "
                    + "(default ${DEFAULT-VALUE}, the paper's).")
    String mask;

    @Option(names = "--isotropic", description = "Couple the diagonal (volume only) for npt-mtk and berendsen-npt.")
    boolean isotropic;

    @Option(names = "--chain", defaultValue = "3", paramLabel = "M",
            description = "Nosé-Hoover chain length for nhc and npt-mtk (default ${DEFAULT-VALUE}).")
    int chain;

    /** @return whether the ensemble needs stress from the calculator */
    public boolean isNpt() {
        return name().contains("npt");
    }

    private String name() {
        return ensemble.toLowerCase(Locale.ROOT);
    }

    /**
     * Checks the options before any work starts.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public void validate() {
        create();
    }

    /** @return the temperature, K, required for every ensemble but nve */
    public double requireTemperature() {
        if (temperatureK == null) {
            throw new IllegalArgumentException("--temperature is required for --ensemble " + ensemble);
        }
        return temperatureK;
    }

    /**
     * Builds the integrator.
     *
     * @return the integrator
     * @throws IllegalArgumentException for an unknown ensemble or bad values
     */
    public Integrator create() {
        BarostatMask m = BarostatMask.parse(mask);
        return switch (name()) {
            case "nve" -> VelocityVerlet.of(timestepFs);
            case "langevin" -> Langevin.of(timestepFs, requireTemperature(), frictionPerFs);
            case "bussi" -> Bussi.of(timestepFs, requireTemperature(), ttimeFs);
            case "nhc" -> NoseHooverChain.builder(timestepFs, requireTemperature(), ttimeFs).chainLength(chain).build();
            case "berendsen-nvt" -> BerendsenNvt.of(timestepFs, requireTemperature(), ttimeFs);
            case "berendsen-npt" -> {
                BerendsenNpt.Builder b = BerendsenNpt.builder(timestepFs, requireTemperature()).thermostat(ttimeFs)
                        .barostat(ptimeFs, bulkModulusGpa).pressureGpa(pressureGpa);
                yield (isotropic ? b.isotropic() : b.mask(m)).build();
            }
            case "npt" -> {
                if (isotropic) {
                    throw new IllegalArgumentException("--isotropic is not available for npt (Melchionna, as ASE); "
                            + "use --mask or --ensemble npt-mtk");
                }
                yield MelchionnaNpt.builder(timestepFs, requireTemperature()).ttimeFs(ttimeFs)
                        .barostat(ptimeFs, bulkModulusGpa).pressureGpa(pressureGpa).mask(m).build();
            }
            case "npt-mtk" -> {
                MtkNpt.Builder b = MtkNpt.builder(timestepFs, requireTemperature()).tdampFs(ttimeFs).pdampFs(ptimeFs)
                        .pressureGpa(pressureGpa).thermostatChain(chain);
                yield (isotropic ? b.isotropic() : b.mask(m)).build();
            }
            default -> throw new IllegalArgumentException("Unknown ensemble '" + ensemble + "': expected " + NAMES);
        };
    }

    /** @return the options as a JSON-ready map (what defines the dynamics, compared when resuming) */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("ensemble", name());
        m.put("temperature_K", temperatureK);
        m.put("pressure_GPa", pressureGpa);
        m.put("timestep_fs", timestepFs);
        m.put("ttime_fs", ttimeFs);
        m.put("friction_per_fs", frictionPerFs);
        m.put("ptime_fs", ptimeFs);
        m.put("bulk_modulus_GPa", bulkModulusGpa);
        m.put("mask", mask);
        m.put("isotropic", isotropic);
        m.put("chain", chain);
        return m;
    }

    /** @return the temperature for initial velocities, K, or null if none was given */
    public Double temperatureK() {
        return temperatureK;
    }

    /** @return time step, fs */
    public double timestepFs() {
        return timestepFs;
    }

    /** @return the ensemble name */
    public String ensemble() {
        return ensemble;
    }
}
