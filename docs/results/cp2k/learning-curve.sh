#!/usr/bin/env bash
# Learning curve on a blended run's target frames (docs/results-cp2k.md): the linear and NN ensembles trained on
# the first k target frames (k = 32, 64, 128; a k is skipped when fewer than k + 30 frames exist), tested on the
# last 20% of the frames in time.
# Usage: learning-curve.sh TRAINING.extxyz OUT_DIR [PROXIMA]   (PROXIMA: the proxima command, default bin/proxima)
set -euo pipefail
data="$1"; out="$2"; proxima="${3:-bin/proxima}"
mkdir -p "$out"
# frames are blocks of (atom count + 2) lines
natoms=$(head -1 "$data")
block=$((natoms + 2))
nframes=$(( $(wc -l < "$data") / block ))
ntest=$(( nframes / 5 ))
first_test=$(( nframes - ntest ))
tail -n +$(( first_test * block + 1 )) "$data" > "$out/test.extxyz"
echo "frames $nframes, test frames $ntest (from frame $first_test)" | tee "$out/split.txt"
for k in 32 64 128; do
  if (( nframes < k + 30 || k > first_test )); then
    echo "k=$k skipped: $nframes frames" | tee -a "$out/split.txt"
    continue
  fi
  head -n $(( k * block )) "$data" > "$out/train-$k.extxyz"
  for s in linear nn; do
    rm -rf "$out/model-$s-$k"
    $proxima train --data "$out/train-$k.extxyz" --surrogate "$s" --seed 1 --output "$out/model-$s-$k" \
        > "$out/train-$s-$k.log" 2>&1
    $proxima evaluate --surrogate "$out/model-$s-$k" --input "$out/test.extxyz" \
        --output "$out/eval-$s-$k.extxyz" --summary "$out/eval-$s-$k.json" > "$out/eval-$s-$k.log" 2>&1
  done
done
