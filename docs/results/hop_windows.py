#!/usr/bin/python3
"""Vacancy hop rates over windows of a hop study's runs, pooled over replicas, each mode against target-only.

Reads the Wigner–Seitz hop times (`hops.wigner_seitz.hop_times_fs` of each run's summary.json) under a study's
output directory, DIR/hops/<mode>-seed<S>/summary.json; runs that stopped early are left out. The rate of a window
is hops / (runs × window length), its SE √hops / (runs × length) (Poisson).

usage: hop_windows.py DIR EDGES_PS        e.g. hop_windows.py runs/hops 0,5,10,20,40
"""
import glob
import json
import math
import sys
from collections import Counter, defaultdict


def main():
    root, edges = sys.argv[1], [float(x) for x in sys.argv[2].split(",")]
    counts = defaultdict(lambda: [0] * (len(edges) - 1))
    runs = Counter()
    for path in sorted(glob.glob(f"{root}/hops/*/summary.json")):
        s = json.load(open(path))
        times = s["hops"]["wigner_seitz"].get("hop_times_fs")
        if times is None or "stopped_at_step" in s:
            continue
        runs[s["mode"]] += 1
        for t in times:
            for i in range(len(edges) - 1):
                if edges[i] <= t / 1000 < edges[i + 1]:
                    counts[s["mode"]][i] += 1

    def rate(mode, i):
        length = runs[mode] * (edges[i + 1] - edges[i])
        return counts[mode][i] / length, math.sqrt(counts[mode][i]) / length

    for mode in counts:
        cells = []
        for i in range(len(edges) - 1):
            r, se = rate(mode, i)
            cell = f"[{edges[i]:g}, {edges[i + 1]:g}) ps: {r:.3f} ({se:.3f})"
            if mode != "target" and "target" in counts:
                r0, se0 = rate("target", i)
                cell += f" {100 * (r - r0) / r0:+.1f}% {(r - r0) / math.hypot(se, se0):+.1f} SE"
            cells.append(cell)
        print(f"{mode} ({runs[mode]} runs): " + " | ".join(cells))


if __name__ == "__main__":
    main()
