#!/usr/bin/python3
"""Pools the Wigner–Seitz hop rates of several comparison JSON files (disjoint seeds) and compares two modes.

Each file's rate is 1/(mean waiting time) over its n waiting times, so its summed waiting time is n/rate; the pooled
rate is Σn / Σ(n/rate) and its SE rate/√Σn, as `proxima si-vacancy` computes them for one file.

usage: pool_hops.py REFERENCE_MODE:FILE[,FILE...] MODE:FILE[,FILE...] [MODE:FILE[,FILE...] ...]
"""
import json
import math
import sys


def pooled(spec):
    mode, files = spec.split(":", 1)
    n = waited = runs = 0
    for path in files.split(","):
        m = next(x for x in json.load(open(path))["modes"] if x["mode"] == mode)
        h = m["hops_wigner_seitz"]
        runs += m["runs"]
        if h["waiting_times"] > 0 and h["rate_per_ps"]:  # a run stopped before its second hop has no waiting time
            n += h["waiting_times"]
            waited += h["waiting_times"] / h["rate_per_ps"]
    rate = n / waited
    return mode, runs, rate, rate / math.sqrt(n)


def main():
    ref_mode, ref_runs, r0, s0 = pooled(sys.argv[1])
    print(f"{ref_mode}: {ref_runs} runs, {r0:.4f} ({s0:.4f}) 1/ps")
    for spec in sys.argv[2:]:
        mode, runs, r, s = pooled(spec)
        print(f"{mode}: {runs} runs, {r:.4f} ({s:.4f}) 1/ps, {100 * (r - r0) / r0:+.1f}%, "
              f"{(r - r0) / math.hypot(s, s0):+.1f} combined SE")


if __name__ == "__main__":
    main()
