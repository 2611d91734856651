#!/usr/bin/python3
"""Hop rates of two sets of replicas with a standard error that counts the replicas, not the hops.

The studies' SE of a pooled rate, rate/√(waiting times), treats every waiting time as independent. Hop counts per
replica scatter more than that (variance/mean 1.5–1.7 on SW at 1573 K, docs/results.md), so this script also gives
the jackknife SE of the same pooled rate over replicas (each left out in turn, as HopStatistics computes the
studies' replica SE), which includes that scatter, and the comparison in units of both. It reads run directories, so
it can pool several studies' runs (the comparison JSON files hold only each study's pooled figures).

Reads DIR/hops/<mode>-seed<S>/summary.json (hops.wigner_seitz.hop_times_fs) for every DIR given; runs that stopped
early are left out.

usage: replica_hops.py REFERENCE_DIR[,DIR...] OTHER_DIR[,DIR...]
"""
import glob
import json
import math
import sys


def replicas(dirs):
    out = []
    for root in dirs.split(","):
        for path in sorted(glob.glob(f"{root}/hops/*/summary.json")):
            s = json.load(open(path))
            if "stopped_at_step" in s:
                continue
            t = s["hops"]["wigner_seitz"]["hop_times_fs"]
            out.append((len(t) - 1, (t[-1] - t[0]) / 1000 if len(t) > 1 else 0.0, len(t)))
    return out


def pooled(reps):
    n = sum(r[0] for r in reps)
    return n / sum(r[1] for r in reps), n


def describe(name, reps):
    reps = [r for r in reps if r[0] > 0]
    rate, n = pooled(reps)
    k = len(reps)
    loo = [pooled(reps[:i] + reps[i + 1:])[0] for i in range(k)]
    mean = sum(loo) / k
    se_jack = math.sqrt((k - 1) / k * sum((v - mean) ** 2 for v in loo))
    counts = [r[2] for r in reps]
    m = sum(counts) / len(counts)
    vm = sum((c - m) ** 2 for c in counts) / (len(counts) - 1) / m
    print(f"{name}: {len(reps)} replicas, {rate:.4f} 1/ps, SE from waiting times {rate / math.sqrt(n):.4f}, "
          f"over replicas {se_jack:.4f}; hop counts variance/mean {vm:.2f}")
    return rate, rate / math.sqrt(n), se_jack


def main():
    r0, s0, b0 = describe("reference", replicas(sys.argv[1]))
    r1, s1, b1 = describe("other", replicas(sys.argv[2]))
    print(f"difference {100 * (r1 - r0) / r0:+.1f}%: {(r1 - r0) / math.hypot(s0, s1):+.1f} combined SE from waiting "
          f"times, {(r1 - r0) / math.hypot(b0, b1):+.1f} combined SE over replicas")


if __name__ == "__main__":
    main()
