#!/usr/bin/python3
"""Lowest target-call fraction that any UQ-threshold controller with audits could reach, from a population run.

A population run calls the target on every step while a surrogate trains as usual (the calibrated mode at an
ε_target so small that the threshold stays at 0), so every step has its (UQ, error) pair: the whole population that
a controller decides on. For a threshold that accepts the fraction a of the steps with the lowest UQ, the accepted
steps' mean error m(a) and spread s(a) follow. Audits must show m(a) ≤ ε_target to z standard errors; with the
accepted error's spread s(a) that takes n(a) = (z s(a) / (ε − m(a)))² audits, which a run of S steps spends on top
of the 1 − a rejected steps (each at least one target call):

    calls(a) ≥ n(a)/S + (1 − a),   minimised over a.

Everything here favours the controller: it knows m(a) exactly (an oracle), each rejection costs one call (no ramp),
and the audits are spread evenly over a run whose surrogate does not change. A real controller does worse.

usage: verification_bound.py STEPS_JSONL[.gz] FIRST_STEP EPS_TARGET RUN_STEPS [Z ...]
"""
import gzip
import json
import sys

import numpy as np


def main():
    path, first, eps, run_steps = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    zs = [float(z) for z in sys.argv[5:]] or [1.0, 2.0, 3.0]
    with (gzip.open(path, "rt") if path.endswith(".gz") else open(path)) as f:
        rows = [json.loads(line) for line in f][first:]
    pairs = [(r["uq_eV_per_A"], r["error_eV_per_A"]) for r in rows
             if r["uq_eV_per_A"] is not None and r["error_eV_per_A"] is not None]
    u = np.array([p[0] for p in pairs])
    e = np.array([p[1] for p in pairs])
    order = np.argsort(u)
    es = e[order]
    k = np.arange(1, len(es) + 1)
    mean = np.cumsum(es) / k
    spread = np.sqrt(np.maximum(np.cumsum(es ** 2) / k - mean ** 2, 0))
    print(f"{len(es)} steps from step {first}: error mean {e.mean():.4f}, median {np.median(e):.4f}, "
          f"sd {e.std():.4f} eV/Å; Spearman(UQ, error) {spearman(u, e):.2f}")
    for a in (1.0, 0.99, 0.97, 0.95, 0.9, 0.8):
        i = int(a * len(es)) - 1
        print(f"  accept the {100 * a:.0f}% lowest UQ: accepted mean error {mean[i]:.4f} eV/Å")
    for z in zs:
        best = None
        for a in np.linspace(0.3, 1.0, 701):
            i = int(a * len(es)) - 1
            if mean[i] >= eps:
                continue
            audits = (z * spread[i] / (eps - mean[i])) ** 2
            calls = audits / run_steps + (1 - a)
            if best is None or calls < best[0]:
                best = (calls, a, mean[i], audits)
        if best is None:
            print(f"  z = {z:g}: no threshold keeps the accepted mean below {eps}")
            continue
        print(f"  z = {z:g}, {run_steps} steps: at least {100 * best[0]:.1f}% target calls (accept {100 * best[1]:.1f}%, "
              f"accepted mean {best[2]:.4f} eV/Å, {best[3]:.0f} audits)")


def spearman(x, y):
    rx = np.argsort(np.argsort(x))
    ry = np.argsort(np.argsort(y))
    return float(np.corrcoef(rx, ry)[0, 1])


if __name__ == "__main__":
    main()
