#!/usr/bin/python3
"""Where a blended run's target calls go, by step window, pooled over runs (steps.jsonl of each run).

Each step that called the target is put in one class (step_kinds.py): before the first threshold, an audit, a UQ
failure, or a ramp step (a blend step after a failure).
Also the audited error per window, plain and weighted by 1/p (the importance-weighted estimate of the accepted
steps' error, without forgetting), and the mean audit probability.

usage: calls_by_window.py EDGES RUN_DIR/steps.jsonl...      e.g. calls_by_window.py 0,64,300,600,1000,1500,2048 runs/npt/npt/*/steps.jsonl
"""
import json
import sys
from collections import Counter, defaultdict

from step_kinds import kind


def main():
    edges = [int(x) for x in sys.argv[1].split(",")]
    c = defaultdict(Counter)
    for path in sys.argv[2:]:
        previous = 0
        for line in open(path):
            r = json.loads(line)
            s = r["step"]
            if not edges[0] <= s < edges[-1]:
                continue
            k = next(i for i in range(len(edges) - 1) if edges[i] <= s < edges[i + 1])
            w = c[k]
            w["steps"] += 1
            w["p"] += r["audit_probability"]
            called, previous = r["target_calls"] > previous, r["target_calls"]
            if r["audited"] and r["error_eV_per_A"] is not None:
                w["audits"] += 1
                w["e"] += r["error_eV_per_A"]
                w["we"] += r["error_eV_per_A"] / r["audit_probability"]
                w["wsum"] += 1 / r["audit_probability"]
            if not called:
                continue
            w["calls"] += 1
            w[kind(r)] += 1
    print("| steps | target calls | before a threshold | audits | UQ failures | ramp steps | mean audit probability "
          "| audits | audited error, plain / 1/p-weighted [eV/Å] |")
    print("|---|---|---|---|---|---|---|---|---|")
    for k in sorted(c):
        w = c[k]
        n = w["steps"]
        err = f"{w['e'] / w['audits']:.3f} / {w['we'] / w['wsum']:.3f}" if w["audits"] else "–"
        print(f"| {edges[k]}–{edges[k + 1]} | {w['calls'] / n:.1%} | {w['untrained'] / n:.1%} | {w['audit'] / n:.1%} "
              f"| {w['failure'] / n:.1%} | {w['ramp'] / n:.1%} | {w['p'] / n:.3f} | {w['audits']} | {err} |")


if __name__ == "__main__":
    main()
