#!/usr/bin/python3
"""Whether the steps that fail the UQ test sit near vacancy hops, over a hop study's calibrated runs.

A UQ failure is a step whose UQ exceeds the threshold without being an audit (steps.jsonl); hops are the
Wigner–Seitz hop times of summary.json. Counts, after the first FROM steps, the share of failures within ±W fs of a
hop against the share of steps that are (equal if they are unrelated), and the share of hops with a failure within
±W fs.

usage: failures_near_hops.py DIR [W_FS] [FROM]      (DIR/hops/calibrated-seed*/)
"""
import bisect
import glob
import json
import sys

from step_kinds import kind


def main():
    root = sys.argv[1]
    w = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    start = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
    steps = failures = near = hops = hops_near = covered = 0
    for path in sorted(glob.glob(f"{root}/hops/calibrated-seed*/summary.json")):
        times = sorted(int(round(t)) for t in json.load(open(path))["hops"]["wigner_seitz"]["hop_times_fs"])
        fails = []
        for line in open(path.replace("summary.json", "steps.jsonl")):
            r = json.loads(line)
            if r["step"] < start:
                continue
            steps += 1
            if kind(r) == "failure":
                fails.append(r["step"])
        failures += len(fails)
        for f in fails:
            i = bisect.bisect_left(times, f - w)
            near += i < len(times) and times[i] <= f + w
        marked = set()
        for h in times:
            if h < start + w:
                continue
            hops += 1
            marked.update(range(max(start, h - w), h + w + 1))
            i = bisect.bisect_left(fails, h - w)
            hops_near += i < len(fails) and fails[i] <= h + w
        covered += len(marked)
    print(f"UQ failures: {failures} of {steps} steps ({failures / steps:.2%}); within ±{w} fs of a hop: "
          f"{near / failures:.1%} of the failures, {covered / steps:.1%} of the steps; hops with a failure within "
          f"±{w} fs: {hops_near / hops:.1%} of {hops}")


if __name__ == "__main__":
    main()
