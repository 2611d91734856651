#!/usr/bin/python3
"""Analysis of a blended run on CP2K for docs/results-cp2k.md (Debian python3 with numpy, scipy, matplotlib).

Usage: analyse.py RUN_DIR OUT_DIR CP2K_LOG [CP2K_LOG ...]

RUN_DIR holds the run's steps.jsonl and summary.json (proxima md --step-records/--summary); each CP2K_LOG is the
proxima.inp.out of one CP2K shell the run started (a resumed run starts a new one), in order. Writes figures
(PNG) and numbers (analysis.json) into OUT_DIR and prints the numbers.
"""
import json
import re
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from scipy.stats import spearmanr  # noqa: E402

EPS_TARGET = 0.9


def cp2k_evaluations(logs):
    """One entry per energy-and-forces evaluation: guess method, SCF iterations, CP2K's SCF time (s)."""
    evals = []
    for shell, log in enumerate(logs):
        method, times = None, []
        for line in Path(log).read_text().splitlines():
            m = re.match(r"\s*Extrapolation method:\s*(\S+)", line)
            if m:
                method, times = m.group(1), []
                continue
            m = re.match(r"\s+(\d+)\s+\S+/\S+\s+\S+\s+([0-9.]+)\s+([0-9.E+-]+)\s+-?[0-9.]+\s+", line)
            if m and method is not None:
                if not times:
                    first_residual = float(m.group(3))
                times.append(float(m.group(2)))
                continue
            m = re.search(r"SCF run converged in\s+(\d+) steps", line)
            if m and method is not None:
                evals.append({"shell": shell, "guess": method, "scf_iterations": int(m.group(1)),
                              "scf_seconds": sum(times), "first_residual": first_residual})
                method = None
            if "SCF run NOT converged" in line and method is not None:
                evals.append({"shell": shell, "guess": method, "scf_iterations": len(times),
                              "scf_seconds": sum(times), "first_residual": first_residual,
                              "not_converged": True})
                method = None
    return evals


def main():
    run, out, logs = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
    out.mkdir(parents=True, exist_ok=True)
    recs = [json.loads(l) for l in (run / "steps.jsonl").read_text().splitlines() if l.strip()]
    sf = run / "summary.json"
    # a run still going has no summary yet: fall back on what the step records carry
    summary = json.loads(sf.read_text()) if sf.exists() else {
        "target_calls": recs[-1]["target_calls"],
        "time": {"wall_seconds": sum(r.get("target_s", 0) + r.get("surrogate_s", 0) + r.get("training_s", 0)
                                     for r in recs)}}
    evals = cp2k_evaluations(logs)
    res = {}

    # CP2K cost from its own timings
    scf_it = np.array([e["scf_iterations"] for e in evals])
    scf_s = np.array([e["scf_seconds"] for e in evals])
    cold = np.array([e["guess"] == "initial_guess" for e in evals])
    res["cp2k_evaluations"] = len(evals)
    res["cp2k_cold_starts"] = int(cold.sum())
    res["cold_scf_iterations"] = scf_it[cold].tolist()
    res["cold_scf_seconds"] = scf_s[cold].tolist()
    res["warm_scf_iterations_mean"] = float(scf_it[~cold].mean())
    res["warm_scf_iterations_range"] = [int(scf_it[~cold].min()), int(scf_it[~cold].max())]
    res["warm_scf_seconds_mean"] = float(scf_s[~cold].mean())
    res["scf_seconds_per_iteration"] = float(scf_s.sum() / scf_it.sum())
    # CPU sharing with other jobs stretches some calls: the low percentile of seconds per iteration is the cost on
    # two free cores, the median what this run saw
    per_it = scf_s / scf_it
    res["scf_seconds_per_iteration_p10"] = float(np.percentile(per_it, 10))
    res["scf_seconds_per_iteration_median"] = float(np.median(per_it))
    res["not_converged"] = sum(1 for e in evals if e.get("not_converged"))
    by_it = {}
    for it, s in zip(scf_it[~cold], scf_s[~cold]):
        by_it.setdefault(int(it), []).append(s)
    res["warm_by_iterations"] = {str(k): {"calls": len(v), "scf_seconds_mean": float(np.mean(v))}
                                 for k, v in sorted(by_it.items())}

    # SCF effort against the MD steps since the previous target call (the wavefunction guess extrapolates from the
    # previous calls, which a blended run makes at irregular intervals)
    call_steps = [r["step"] for r in recs if r.get("target_s", 0) > 0]
    # one CP2K shell per run segment; the log may run ahead of the step records (written at checkpoints)
    if len(call_steps) == len(evals) or (len(logs) == 1 and len(call_steps) < len(evals)):
        by_gap = {}
        for k in range(1, len(call_steps)):
            if evals[k]["guess"] == "initial_guess":
                continue
            gap = call_steps[k] - call_steps[k - 1]
            key = "1" if gap == 1 else ("2-4" if gap <= 4 else "5+")
            by_gap.setdefault(key, []).append(evals[k])
        res["warm_by_gap_steps"] = {g: {"calls": len(v),
                                        "scf_iterations_mean": float(np.mean([e["scf_iterations"] for e in v])),
                                        "first_residual_median": float(np.median([e["first_residual"] for e in v]))}
                                    for g, v in sorted(by_gap.items())}
    else:
        res["warm_by_gap_steps"] = f"not mapped: {len(call_steps)} target calls, {len(evals)} CP2K evaluations"
    res["cold_first_residual"] = [e["first_residual"] for e in evals if e["guess"] == "initial_guess"]

    # wall time per target call as measured by the run (includes Java-side I/O and CP2K's force/stress work)
    target_s = np.array([r["target_s"] for r in recs if r.get("target_s", 0) > 0])
    res["target_wall_seconds_per_call_mean"] = float(target_s.mean())
    res["target_wall_seconds_per_call_median"] = float(np.median(target_s))

    # errors, UQ, threshold
    audited = [r for r in recs if r.get("audited") and r.get("error_eV_per_A") is not None]
    err_a = np.array([r["error_eV_per_A"] for r in audited])
    with_uq = [r for r in recs if r.get("error_eV_per_A") is not None and r.get("uq_eV_per_A") is not None]
    u = np.array([r["uq_eV_per_A"] for r in with_uq])
    e = np.array([r["error_eV_per_A"] for r in with_uq])
    res["audits_with_error"] = len(err_a)
    if len(err_a):
        res["audit_error_median"] = float(np.median(err_a))
        res["audit_error_mean"] = float(err_a.mean())
        res["audit_error_p90"] = float(np.percentile(err_a, 90))
        res["audit_error_max"] = float(err_a.max())
        res["audit_fraction_above_eps"] = float((err_a > EPS_TARGET).mean())
    res["target_steps_with_uq_and_error"] = len(e)
    if len(e) >= 3:
        rho, p = spearmanr(u, e)
        res["uq_error_spearman"] = float(rho)
        res["uq_error_spearman_p"] = float(p)
    thr = [(r["step"], r["threshold_eV_per_A"]) for r in recs if r.get("threshold_eV_per_A") is not None]
    if thr:
        res["threshold_final"] = thr[-1][1]
        res["threshold_max"] = max(t for _, t in thr)
    steps = len(recs)
    src = [r["source"] for r in recs]
    res["steps"] = steps
    res["fraction_target"] = src.count("TARGET") / steps
    res["fraction_blend"] = src.count("BLEND") / steps
    res["fraction_surrogate"] = src.count("SURROGATE") / steps
    res["target_calls"] = summary["target_calls"]
    res["controller_warnings"] = summary.get("controller_warnings")
    res["first_trained_step"] = summary.get("first_trained_step")

    # measured speedup: what target-only would have cost over what the run took
    wall = summary["time"]["wall_seconds"]
    res["run_wall_seconds"] = wall
    res["speedup_wall"] = steps * float(target_s.mean()) / wall
    # with CP2K's own timings: SCF time per call (mean) against the run's SCF time plus everything else
    res["speedup_cp2k_timings"] = (steps * float(scf_s.mean())) / (
        float(scf_s.sum()) + wall - float(target_s.sum()))

    # figures
    if len(err_a):
        fig, ax = plt.subplots(figsize=(6, 4))
        ax.hist(err_a, bins=20, color="tab:blue", alpha=0.8)
        for x, lab, c in [(np.median(err_a), "median", "k"), (err_a.mean(), "mean", "tab:red"),
                          (EPS_TARGET, "ε_target", "tab:green")]:
            ax.axvline(x, color=c, ls="--", label=f"{lab} {x:.3f}")
        ax.set_xlabel("audited max-atom force error |F_CP2K − F_surrogate| [eV/Å]")
        ax.set_ylabel("audits")
        ax.set_title("Si vacancy, 1573 K, CP2K paper-lda, linear surrogate")
        ax.legend()
        fig.tight_layout()
        fig.savefig(out / "audit-errors.png", dpi=110)
        plt.close(fig)
    if len(e):
        fig, ax = plt.subplots(figsize=(6, 4))
        aud = np.array([bool(r.get("audited")) for r in with_uq])
        ax.scatter(u[~aud], e[~aud], s=10, label="UQ test failed or blend step")
        ax.scatter(u[aud], e[aud], s=10, label="audit")
        ax.set_xscale("log")
        ax.set_xlabel("UQ (ensemble spread) [eV/Å]")
        ax.set_ylabel("max-atom error [eV/Å]")
        ax.axhline(EPS_TARGET, color="tab:green", ls="--", label="ε_target")
        ax.set_title(f"UQ against error on target steps, Spearman ρ = {res.get('uq_error_spearman', float('nan')):.2f}")
        ax.legend()
        fig.tight_layout()
        fig.savefig(out / "uq-vs-error.png", dpi=110)
        plt.close(fig)
    if thr:
        fig, ax = plt.subplots(figsize=(6, 4))
        s_, t_ = zip(*thr)
        ax.plot(s_, t_, label="threshold")
        uq_steps = [(r["step"], r["uq_eV_per_A"]) for r in recs if r.get("uq_eV_per_A") is not None]
        if uq_steps:
            a_, b_ = zip(*uq_steps)
            ax.plot(a_, b_, lw=0.6, alpha=0.7, label="UQ")
        ax.set_yscale("log")
        ax.set_xlabel("MD step")
        ax.set_ylabel("eV/Å")
        ax.legend()
        fig.tight_layout()
        fig.savefig(out / "threshold.png", dpi=110)
        plt.close(fig)
    (out / "analysis.json").write_text(json.dumps(res, indent=2) + "\n")
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
