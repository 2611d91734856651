#!/usr/bin/python3
"""A surrogate's energy error against the target's along a vacancy-hop run, binned by how far the hop has gone.

For each frame of a hop run's trajectory (63-atom diamond Si with one vacancy, cubic cell) the coordinate is the
largest distance of any atom from its nearest ideal lattice site, after removing the frame's mean displacement
(about 0.6–0.9 Å for thermal vibrations at 1573 K, up to about 1.2 Å, half a bond, for an atom in flight between
two sites). The error is the surrogate's energy minus the target's, relative to its mean over all frames (a constant
offset moves no atom). A barrier the surrogate gets wrong by ΔE shows as a rise of ΔE in the bins of atoms in flight;
a 10% change of the hop rate at 1573 K needs ΔE ≈ 13 meV (k_B T ln 1.1).

usage: energy_along_hops.py TARGET_TRAJECTORY.extxyz SURROGATE_EVALUATION.extxyz
       (the second: proxima evaluate --surrogate MODEL --input TARGET_TRAJECTORY.extxyz --output it)
"""
import re
import statistics
import sys

import numpy as np


def frames(path):
    out = []
    lines = open(path).read().split("\n")
    i = 0
    while i < len(lines) and lines[i].strip():
        n = int(lines[i])
        header = lines[i + 1]
        energy = float(re.search(r"(?<![a-z_])energy=([-0-9.Ee+]+)", header).group(1))
        edge = float(re.search(r'Lattice="([-0-9.Ee+]+)', header).group(1))
        pos = np.array([[float(x) for x in lines[i + 2 + a].split()[1:4]] for a in range(n)])
        out.append((energy, edge, pos))
        i += n + 2
    return out


def largest_site_distance(pos, sites, edge):
    d = pos[:, None, :] - sites[None, :, :]
    d -= edge * np.round(d / edge)
    nearest = np.linalg.norm(d, axis=2).argmin(1)
    shift = d[np.arange(len(pos)), nearest].mean(0)
    d2 = pos[:, None, :] - shift - sites[None, :, :]
    d2 -= edge * np.round(d2 / edge)
    return np.linalg.norm(d2, axis=2).min(1).max()


def main():
    ref, sur = frames(sys.argv[1]), frames(sys.argv[2])
    edge = ref[0][1]
    a = edge / 2
    basis = np.array([[0, 0, 0], [0, .5, .5], [.5, 0, .5], [.5, .5, 0], [.25, .25, .25], [.25, .75, .75],
                      [.75, .25, .75], [.75, .75, .25]])
    sites = np.array([(b + np.array([i, j, k])) * a for b in basis for i in range(2) for j in range(2)
                      for k in range(2)])
    bins, errors = {}, []
    for (e_ref, _, pos), (e_sur, _, _) in zip(ref, sur):
        key = round(min(largest_site_distance(pos, sites, edge), 1.3) * 10) / 10
        bins.setdefault(key, []).append(e_sur - e_ref)
        errors.append(e_sur - e_ref)
    mean = statistics.mean(errors)
    print(f"{len(errors)} frames; energy error sd {1000 * statistics.pstdev(errors):.2f} meV")
    for key in sorted(bins):
        v = bins[key]
        if len(v) >= 20:
            print(f"largest site distance {key:.1f} Å: {len(v)} frames, error {1000 * (statistics.mean(v) - mean):+.2f}"
                  f" ({1000 * statistics.pstdev(v) / len(v) ** 0.5:.2f}) meV")


if __name__ == "__main__":
    main()
