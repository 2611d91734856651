package org.proxima.examples.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.proxima.md.analysis.HopStatistics;

/**
 * The comparison of modes in one study: a row per mode ({@link ModeRow}), the differences of each mode from the
 * target-only mode with their combined standard error √(SE₁² + SE₂²), and the projected speedup for a given cost of
 * one target call. Renders as markdown (the shape of the paper's Table 1 plus the other measures) and as JSON.
 */
public final class Comparison {

    private final String study;
    private final boolean hopStudy;
    private final List<ModeRow> rows;
    private final double secondsPerCall;
    private final boolean measuredCost;

    /**
     * @param study the study's name ({@code npt} or {@code hops})
     * @param hopStudy whether hop rates apply
     * @param outcomes the runs of every mode
     * @param targetCostSeconds assumed cost of one target call, s, or null to use the measured one
     */
    public Comparison(String study, boolean hopStudy, List<RunOutcome> outcomes, Double targetCostSeconds) {
        this.study = study;
        this.hopStudy = hopStudy;
        Map<StudyMode, List<RunOutcome>> byMode = new LinkedHashMap<>();
        for (RunOutcome o : outcomes) {
            byMode.computeIfAbsent(o.mode(), k -> new ArrayList<>()).add(o);
        }
        this.rows = byMode.entrySet().stream().map(e -> new ModeRow(e.getKey(), e.getValue())).toList();
        this.measuredCost = targetCostSeconds == null;
        this.secondsPerCall = targetCostSeconds != null ? targetCostSeconds
                : rows.stream().filter(r -> r.mode() == StudyMode.TARGET).findFirst()
                        .orElse(rows.get(0)).secondsPerTargetCall();
    }

    /** @return the rows */
    public List<ModeRow> rows() {
        return rows;
    }

    /** @return whether a run failed or was stopped before its last step */
    public boolean anyStoppedEarly() {
        return rows.stream().flatMap(r -> r.runs().stream()).anyMatch(o -> o.failure() != null);
    }

    private ModeRow target() {
        return rows.stream().filter(r -> r.mode() == StudyMode.TARGET).findFirst().orElse(null);
    }

    /**
     * @param row a mode's row
     * @return its projected speedup over the target-only mode, NaN without a target-only row
     */
    public double speedup(ModeRow row) {
        ModeRow t = target();
        return t == null ? Double.NaN : t.projectedSeconds(secondsPerCall) / row.projectedSeconds(secondsPerCall);
    }

    /** @return the cost of one target call used for projections, s */
    public double secondsPerCall() {
        return secondsPerCall;
    }

    /**
     * The difference of a measure from the target-only mode in units of the combined standard error.
     *
     * @param value the mode's value
     * @param se its standard error
     * @param targetValue the target-only value
     * @param targetSe its standard error
     * @return (value − target)/√(se² + targetSe²)
     */
    static double zScore(double value, double se, double targetValue, double targetSe) {
        return (value - targetValue) / Math.sqrt(se * se + targetSe * targetSe);
    }

    /** @return a JSON-ready map */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("study", study);
        m.put("target_seconds_per_call", secondsPerCall);
        m.put("target_cost", measuredCost ? "measured" : "given");
        List<Object> list = new ArrayList<>();
        ModeRow t = target();
        for (ModeRow r : rows) {
            Map<String, Object> row = r.toMap(hopStudy, secondsPerCall);
            row.put("projected_speedup", speedup(r));
            if (t != null && r != t) {
                if (hopStudy) {
                    HopStatistics h = r.hops(true);
                    HopStatistics ht = t.hops(true);
                    row.put("hop_rate_method", "wigner_seitz");
                    row.put("hop_rate_difference_per_ps", h.ratePerPs() - ht.ratePerPs());
                    row.put("hop_rate_difference_in_combined_se", zScore(h.ratePerPs(), h.standardErrorPerPs(),
                            ht.ratePerPs(), ht.standardErrorPerPs()));
                    row.put("hop_rate_combined_se_relative", Math.hypot(h.standardErrorPerPs(),
                            ht.standardErrorPerPs()) / ht.ratePerPs());
                    row.put("hop_rate_difference_in_combined_replica_se", zScore(h.ratePerPs(),
                            h.replicaStandardErrorPerPs(), ht.ratePerPs(), ht.replicaStandardErrorPerPs()));
                } else {
                    row.put("density_difference_g_cm3", r.density() - t.density());
                    row.put("density_difference_in_combined_se", zScore(r.density(), r.densitySe(), t.density(),
                            t.densitySe()));
                    row.put("density_combined_se_relative", Math.hypot(r.densitySe(), t.densitySe()) / t.density());
                }
            }
            list.add(row);
        }
        m.put("modes", list);
        return m;
    }

    /** @return the comparison as a markdown table with a short legend */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        ModeRow t = target();
        b.append("### ").append(hopStudy ? "Vacancy hops (NVT)" : "Density and volume dynamics (NPT)").append("\n\n");
        if (hopStudy) {
            b.append("| Method | runs | Hop rate (SE) [1/ps], Wigner–Seitz | Δ/SE | Hop rate (SE) [1/ps], "
                    + "neighbour counts | Δ/SE | target / blend / surrogate steps | target calls | wall time "
                    + "(target, surrogate, training, other) [s] | projected speedup |\n");
            b.append("|---|---|---|---|---|---|---|---|---|---|\n");
        } else {
            b.append("| Method | runs | density (SE) [g/cm³] | Δ/SE | max \\|dV/dt\\| (SE) [Å³/fs] | "
                    + "target / blend / surrogate steps | target calls | of steps after the first training | wall "
                    + "time (target, surrogate, training, other) [s] | projected speedup |\n");
            b.append("|---|---|---|---|---|---|---|---|---|---|\n");
        }
        for (ModeRow r : rows) {
            Map<String, Object> m = r.toMap(hopStudy, secondsPerCall);
            String name = r.mode().title();
            String fractions = String.format(Locale.ROOT, "%.0f%% / %.0f%% / %.0f%%",
                    100 * num(m, "fraction_target"), 100 * num(m, "fraction_blend"),
                    100 * num(m, "fraction_surrogate"));
            String time = String.format(Locale.ROOT, "%.1f (%.1f, %.1f, %.1f, %.1f)", num(m, "wall_seconds_mean"),
                    num(m, "target_seconds_mean"), num(m, "surrogate_seconds_mean"), num(m, "training_seconds_mean"),
                    num(m, "integration_and_output_seconds_mean"));
            String dvdt = String.format(Locale.ROOT, "%.3f (%s)", num(m, "max_abs_dVdt_mean_A3_per_fs"),
                    fmt(num(m, "max_abs_dVdt_se_A3_per_fs"), "%.3f"));
            if (hopStudy) {
                b.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %.0f | %s | %s |\n", name,
                        r.runs().size(), hopCell(r.hops(true)), hopZ(r, t, true), hopCell(r.hops(false)),
                        hopZ(r, t, false), fractions, num(m, "target_calls_mean"), time, fmt(speedup(r), "%.2f")));
            } else {
                String z = t == null || r == t ? "–" : String.format(Locale.ROOT, "%+.1f",
                        zScore(r.density(), r.densitySe(), t.density(), t.densitySe()));
                b.append(String.format(Locale.ROOT, "| %s | %d | %.4f (%s) | %s | %s | %s | %.0f | %s | %s | %s |\n",
                        name, r.runs().size(), r.density(), fmt(r.densitySe(), "%.4f"), z, dvdt, fractions,
                        num(m, "target_calls_mean"), fmt(100 * num(m, "target_fraction_after_first_training_mean"),
                                "%.1f%%"), time, fmt(speedup(r), "%.2f")));
            }
        }
        if (t != null) {
            b.append(String.format(Locale.ROOT, "%nProjected speedup: wall time of the target-only runs over this "
                    + "mode's, with each target call costing %.3g s (%s) and everything else as measured.%n",
                    secondsPerCall, measuredCost ? "measured in these runs" : "given"));
        } else {
            b.append("\nNo target-only runs: no differences or projected speedups.\n");
        }
        b.append("Δ/SE: difference from the target-only mode in units of the combined standard error "
                + "√(SE₁² + SE₂²).");
        b.append(hopStudy ? " Hop rates are pooled over replicas: rate = 1/mean waiting time, SE = rate/√n (after the"
                + " semicolon, and Δ/SE in brackets: the jackknife SE over replicas, which includes the run-to-run"
                + " scatter of hop counts).\n"
                : " max |dV/dt| is taken after the first surrogate training.\n");
        return b.toString();
    }

    private static String hopCell(HopStatistics h) {
        return h.waitingTimes() == 0 ? String.format(Locale.ROOT, "– (%d hops)", h.hops())
                : String.format(Locale.ROOT, "%.3f (%.3f; %s), %d hops", h.ratePerPs(), h.standardErrorPerPs(),
                        fmt(h.replicaStandardErrorPerPs(), "%.3f"), h.hops());
    }

    private static String hopZ(ModeRow r, ModeRow t, boolean wignerSeitz) {
        if (t == null || r == t) {
            return "–";
        }
        HopStatistics h = r.hops(wignerSeitz);
        HopStatistics ht = t.hops(wignerSeitz);
        double z = zScore(h.ratePerPs(), h.standardErrorPerPs(), ht.ratePerPs(), ht.standardErrorPerPs());
        double zr = zScore(h.ratePerPs(), h.replicaStandardErrorPerPs(), ht.ratePerPs(),
                ht.replicaStandardErrorPerPs());
        return Double.isFinite(z) ? String.format(Locale.ROOT, "%+.1f (%s)", z, fmt(zr, "%+.1f")) : "–";
    }

    private static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String fmt(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "–";
    }
}
