#!/usr/bin/env bash
# Retrains the figure classifier from scratch: synthetic data into /tmp (never committed), then training.
# Run from the repository root: npm run train:classifier. Needs Debian's python3-torch and python3-pil (seen by
# /usr/bin/python3 only). Uses one CPU thread.
set -euo pipefail
data=/tmp/clsdata
kinds=neurons,flow2d,stacked2d,cuboids3d,pipeline,linechart,barchart,scatter,confusion,samplegrid,tableimage,roccurve,screenshots,seggrid,attention
# src/synth renders: Keras / Caffe plots (Graphviz), the five drawn kinds and the negatives, including those that
# fooled the previous model inside PDFs (ROC/PR curves, screenshots, segmentation grids, attention maps). The
# training script puts them through gen_figures' wear (caption, size, blur, JPEG, margins): --wear.
npx tsx src/cli/main.ts synth --count 466 --seed 101 --out "$data/synth_kc" --styles keras2,keras3,caffe --jobs 1
npx tsx src/cli/main.ts synth --count 914 --seed 301 --out "$data/synth_all" --styles "$kinds" --jobs 1
# pil3: the PIL generator (gen_figures.py + gen_looks.py): 28 kinds, 160 each, with their own wear.
/usr/bin/python3 models/gen_figures.py --out "$data/pil3" --count 4480 --seed 7
/usr/bin/python3 models/train_classifier.py --epochs 24 --out models/figure-classifier.onnx \
  --data "$data/pil3" "$data/synth_kc" "$data/synth_all" --wear "$data/synth_kc" "$data/synth_all"
