#!/usr/bin/python3
"""Trade-off table of docs/results.md: target-call fraction against the deviation from target-only, for each
controller and ε_target, with the surrogate-only bias beside it.

Usage: tradeoff.py STUDY TARGET_COST_S MAIN_JSON EPS_MAIN [EPS:JSON ...]

STUDY is npt or hops; MAIN_JSON is the comparison JSON of the main study (it holds the target-only and
surrogate-only modes, run at EPS_MAIN), or several separated by commas (a mode is taken from the first that has it); each EPS:JSON adds the blended modes of a study at another ε_target; EPS:JSON@MODE+MODE keeps only
those modes, and a trailing ~LABEL appends the label to their names (e.g. an earlier version of a mode). The
projected speedup puts TARGET_COST_S on every target call and keeps the rest of each mode's measured wall time.
"""
import json
import math
import sys

NAMES = {"proxima": "PROXIMA", "blend": "PROXIMA+BLEND", "calibrated": "PROXIMA+BLEND, calibrated",
         "surrogate": "surrogate only", "target": "target only"}


def value(study, m):
    if study == "npt":
        return m["density_g_cm3"], m["density_se_g_cm3"]
    h = m["hops_wigner_seitz"]
    return h["rate_per_ps"], h["se_per_ps"]


def cost(m, c):
    return m["target_calls_mean"] * c + m["wall_seconds_mean"] - m["target_seconds_mean"]


def main():
    study, c, main_json, eps_main = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
    modes = []
    for path in main_json.split(","):
        modes += [m for m in json.load(open(path))["modes"] if m["mode"] not in {x["mode"] for x in modes}]
    ref = next(m for m in modes if m["mode"] == "target")
    v0, s0 = value(study, ref)
    rows = [(eps_main, m) for m in modes if m["mode"] != "target"]
    for arg in sys.argv[5:]:
        eps, path = arg.split(":", 1)
        path, _, label = path.partition("~")
        path, _, keep = path.partition("@")
        for m in json.load(open(path))["modes"]:
            if not keep or m["mode"] in keep.split("+"):
                rows.append((eps, dict(m, label=label)))
    unit = "density [g/cm³]" if study == "npt" else "hop rate [1/ps]"
    dv = study == "npt"
    print(f"| mode | ε_target [eV/Å] | runs | {unit} (SE) | deviation | Δ/SE | "
          + ("max \\|dV/dt\\| / target-only | " if dv else "")
          + f"target calls / steps | after the first training | projected speedup ({c:g} s per call) |")
    print("|---|---|---|---|---|---|---|---|---|" + ("---|" if dv else ""))
    print(f"| target only | – | {ref['runs']} | {v0:.4f} ({s0:.4f}) | – | – | " + ("1.00 | " if dv else "")
          + "1.00 | – | 1.00 |")
    order = {"proxima": 0, "blend": 1, "calibrated": 2, "surrogate": 3}
    rows.sort(key=lambda r: (order[r[1]["mode"]], r[1].get("label", ""), float(r[0])))
    for eps, m in rows:
        v, s = value(study, m)
        d = (v - v0) / v0
        z = (v - v0) / math.hypot(s, s0)
        after = m.get("target_fraction_after_first_training_mean")
        e = "–" if m["mode"] == "surrogate" else eps
        ratio = (f"{m['max_abs_dVdt_mean_A3_per_fs'] / ref['max_abs_dVdt_mean_A3_per_fs']:.2f} | " if dv else "")
        name = NAMES[m["mode"]] + (f" ({m['label']})" if m.get("label") else "")
        print(f"| {name} | {e} | {m['runs']} | {v:.4f} ({s:.4f}) | {100 * d:+.{2 if dv else 1}f}% | "
              f"{z:+.1f} | {ratio}{m['target_fraction_mean']:.3f} | {'–' if after is None else f'{after:.3f}'} | "
              f"{f'{cost(ref, c) / cost(m, c):.2f}' if m['target_calls_mean'] > 0 else '–'} |")


if __name__ == "__main__":
    main()
