#!/usr/bin/python3
"""Subsets of extxyz frames for frozen-surrogate controls of the hop study.

  training_subset.py even FRAMES.extxyz N OUT.extxyz
      N frames evenly spaced over FRAMES (e.g. a target-only run's trajectory, as many frames as a calibrated
      replica's training set).
  training_subset.py keep TRAINING.extxyz STEPS.jsonl CLASSES OUT.extxyz
      the frames of a blended run's training set whose step is of the given classes (comma-separated): untrained
      (before the first threshold), audit, failure (UQ above the threshold, the target step itself), ramp (blend steps
      after a failure), as step_kinds.py classifies them.
"""
import json
import sys

from step_kinds import kind


def frames(path):
    lines = open(path).read().splitlines()
    out, i = [], 0
    while i < len(lines):
        n = int(lines[i])
        out.append(lines[i:i + n + 2])
        i += n + 2
    return out


def step_of(frame):
    return int(frame[1].split(" step=")[1].split()[0])


def classes(steps_path):
    return {r["step"]: kind(r) for r in map(json.loads, open(steps_path))}


def main():
    if sys.argv[1] == "even":
        fs, n, out = frames(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
        chosen = [fs[round(k * (len(fs) - 1) / (n - 1))] for k in range(n)]
    else:
        fs, kinds, wanted, out = frames(sys.argv[2]), classes(sys.argv[3]), set(sys.argv[4].split(",")), sys.argv[5]
        chosen = [f for f in fs if kinds.get(step_of(f)) in wanted]
    open(out, "w").write("\n".join(line for f in chosen for line in f) + "\n")
    print(f"{out}: {len(chosen)} of {len(fs)} frames")


if __name__ == "__main__":
    main()
