"""What a step of a blended run's steps.jsonl was, for the analysis scripts beside this file.

untrained: before the first threshold (no trained surrogate yet); audit: an audited usable step; failure: UQ above
the threshold; ramp: any other step (its target call, if any, is a blend step after a failure, UQ below the
threshold).
"""


def kind(record):
    u, t = record["uq_eV_per_A"], record["threshold_eV_per_A"]
    if t is None:
        return "untrained"
    if record["audited"]:
        return "audit"
    return "failure" if u is not None and u > t else "ramp"
