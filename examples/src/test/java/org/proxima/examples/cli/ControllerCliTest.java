package org.proxima.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.io.ExtXyzWriter;
import org.proxima.core.io.Frame;
import org.proxima.core.io.Json;
import org.proxima.core.model.Crystals;

/** {@code --controller}, {@code --audit-policy} and their parameters on {@code proxima md}. */
class ControllerCliTest {

    @TempDir
    Path dir;

    private List<String> args(String name, String errorTarget, String... extra) {
        Path in = dir.resolve("si63.extxyz");
        if (!Files.exists(in)) {
            ExtXyzWriter.writeAll(in, List.of(Frame.of(Crystals.diamondVacancy("Si", 5.43))));
        }
        List<String> a = new ArrayList<>(List.of("md", "--structure", in.toString(), "--target", "sw", "--ensemble",
                "bussi", "--temperature", "1573", "--steps", "1500", "--seed", "2", "--mode", "blend", "--surrogate",
                "linear", "--error-target", errorTarget, "--retrain-interval", "32", "--summary",
                dir.resolve(name + "/summary.json").toString(), "--step-records",
                dir.resolve(name + "/steps.jsonl").toString()));
        a.addAll(List.of(extra));
        return a;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCalibratedControllerWithAdaptiveAuditsCallsTheTargetLessAndReportsTheAcceptedError() throws Exception {
        // at the first round's loose ε_target the paper's controller saturates and the fixed audits set the target
        // calls; the calibrated controller accepts what meets the bound and audits at its floor once it is sure
        CliRun paper = CliRun.of(args("paper", "1.25").toArray(String[]::new));
        assertEquals(0, paper.exitCode(), paper.err());
        CliRun calibrated = CliRun.of(args("calibrated", "1.25", "--controller", "calibrated", "--audit-policy",
                "adaptive", "--training-weights", "importance").toArray(String[]::new));
        assertEquals(0, calibrated.exitCode(), calibrated.err());
        Map<String, Object> p = (Map<String, Object>) Json.readFile(dir.resolve("paper/summary.json"));
        Map<String, Object> c = (Map<String, Object>) Json.readFile(dir.resolve("calibrated/summary.json"));
        assertEquals("calibrated", c.get("controller"));
        assertEquals("adaptive", c.get("audit_policy"));
        assertEquals(0.5, ((Number) c.get("audit_swap_discount")).doubleValue(), "the default swap discount");
        assertEquals("importance", c.get("training_weights"));
        assertTrue(!p.containsKey("training_weights"), "uniform weights (the paper's) are not recorded");
        assertTrue(!p.containsKey("descriptor"), "nor are the paper's descriptors (checkpoints resume as before)");
        double pt = ((Number) p.get("target_calls")).doubleValue();
        double ct = ((Number) c.get("target_calls")).doubleValue();
        assertTrue(ct < 0.6 * pt, "fewer target calls: calibrated " + ct + ", paper " + pt);
        assertTrue(((Number) c.get("accepted_error_eV_per_A")).doubleValue() > 0, c.toString());
        double lo = ((Number) c.get("accepted_error_ci_low_eV_per_A")).doubleValue();
        double hi = ((Number) c.get("accepted_error_ci_high_eV_per_A")).doubleValue();
        assertTrue(lo < hi, "an interval: " + lo + " .. " + hi);
        List<String> lines = Files.readAllLines(dir.resolve("calibrated/steps.jsonl"));
        Map<String, Object> last = (Map<String, Object>) Json.parse(lines.get(lines.size() - 1));
        double prob = ((Number) last.get("audit_probability")).doubleValue();
        assertTrue(prob >= 0.02 && prob <= 0.2, "audit probability in [floor, ceiling]: " + prob);
    }

    @Test
    void badControlSettingsAreRefusedNamingTheValue() {
        String[][] cases = {{"0.32", "--controller", "pid"}, {"0.32", "--audit-policy", "random"},
            {"0.32", "--controller", "calibrated", "--error-quantile", "1.5"},
            {"0.32", "--audit-policy", "adaptive", "--audit-floor", "0.5", "--audit", "0.2"},
            {"-0.1", "--controller", "calibrated"}, {"0.32", "--retrain-growth", "-0.5"},
            {"0.32", "--ridge", "NaN"}, {"0.32", "--audit-swap-discount", "1.5"},
            {"0.32", "--training-weights", "heavy"}, {"0.32", "--descriptor", "fine"},
            {"0.32", "--audit-policy", "adaptive", "--audit-boost", "-3"}, {"0.32", "--first-fit", "0"}};
        String[] named = {"pid", "random", "1.5", "0.5", "-0.1", "-0.5",
            "--ridge must be a finite number ≥ 0, got NaN", "swap discount must be in (0, 1], got 1.5",
            "Unknown training weights 'heavy'", "Unknown descriptor 'fine'", "--audit-boost must be ≥ 0, got -3",
            "--first-fit must be ≥ 1, got 0"};
        for (int k = 0; k < cases.length; k++) {
            String[] c = cases[k];
            CliRun r = CliRun.of(args("bad", c[0], java.util.Arrays.copyOfRange(c, 1, c.length))
                    .toArray(String[]::new));
            assertNotEquals(0, r.exitCode(), String.join(" ", c));
            assertTrue(r.err().contains(named[k]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFirstFitSizeDelaysOnlyTheFirstModel() throws Exception {
        // with --retrain-interval 32 the first model comes at 32 points; --first-fit 100 moves it to 100 points and
        // leaves the refits every 32 new points after it
        CliRun late = CliRun.of(args("late", "0.32", "--first-fit", "100").toArray(String[]::new));
        assertEquals(0, late.exitCode(), late.err());
        CliRun usual = CliRun.of(args("usual", "0.32").toArray(String[]::new));
        assertEquals(0, usual.exitCode(), usual.err());
        Map<String, Object> s = (Map<String, Object>) Json.readFile(dir.resolve("late/summary.json"));
        assertEquals(100, ((Number) s.get("first_fit_size")).intValue());
        Map<String, Object> u = (Map<String, Object>) Json.readFile(dir.resolve("usual/summary.json"));
        assertTrue(!u.containsKey("first_fit_size"), "not recorded when the interval decides");
        assertEquals(List.of(100L, 132L), targetCallsAtTheFirstTwoModels("late"));
        assertEquals(List.of(32L, 64L), targetCallsAtTheFirstTwoModels("usual"));
    }

    /** Target calls (= training points: every target result is kept) when models 1 and 2 took over. */
    @SuppressWarnings("unchecked")
    private List<Long> targetCallsAtTheFirstTwoModels(String name) throws Exception {
        List<Long> calls = new ArrayList<>();
        long version = 0;
        long previousCalls = 0;
        for (String line : Files.readAllLines(dir.resolve(name + "/steps.jsonl"))) {
            Map<String, Object> r = (Map<String, Object>) Json.parse(line);
            long v = ((Number) r.get("model_version")).longValue();
            if (v > version && calls.size() < 2) {
                calls.add(previousCalls);
            }
            version = v;
            previousCalls = ((Number) r.get("target_calls")).longValue();
        }
        return calls;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAuditBoostReachesTheAdaptivePolicy() throws Exception {
        // a boost longer than the refit interval keeps the adaptive audits at their ceiling; none lets them fall
        long[] audits = new long[2];
        String[] boosts = {"0", "400"};
        for (int k = 0; k < 2; k++) {
            String name = "boost" + boosts[k];
            CliRun r = CliRun.of(args(name, "1.25", "--controller", "calibrated", "--audit-policy", "adaptive",
                    "--audit-boost", boosts[k]).toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.err());
            for (String line : Files.readAllLines(dir.resolve(name + "/steps.jsonl"))) {
                audits[k] += Boolean.TRUE.equals(((Map<String, Object>) Json.parse(line)).get("audited")) ? 1 : 0;
            }
        }
        Map<String, Object> s = (Map<String, Object>) Json.readFile(dir.resolve("boost400/summary.json"));
        assertEquals(400, ((Number) s.get("audit_boost_calls")).intValue());
        assertTrue(audits[1] > 2 * audits[0], "audits with a boost of 400 calls " + audits[1] + ", without "
                + audits[0]);
    }
}
