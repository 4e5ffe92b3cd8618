#!/usr/bin/env bash
# Retrains the figure classifier from scratch: synthetic data into /tmp (never committed), then training.
# Run from the repository root: npm run train:classifier
set -euo pipefail
data=/tmp/clsdata
kinds=neurons,flow2d,stacked2d,cuboids3d,pipeline,linechart,barchart,scatter,confusion,samplegrid,tableimage
npx tsx src/cli/main.ts synth --count 900 --seed 101 --out "$data/synth_kc" --styles keras2,keras3,caffe
npx tsx src/cli/main.ts synth --count 550 --seed 201 --out "$data/synth_k5a" --styles "$kinds"
npx tsx src/cli/main.ts synth --count 550 --seed 202 --out "$data/synth_k5b" --styles "$kinds"
# pil2: the PIL generator since it draws the looks of real figures (matplotlib curves, feature-map grids, digit
# strips, blobs, paper block diagrams; captions, small sizes, JPEG). A new directory name, because the
# preprocessing cache in a dataset directory is keyed by the preprocessing, not by the generator.
/usr/bin/python3 models/gen_figures.py --out "$data/pil2" --count 4800 --seed 1
/usr/bin/python3 models/train_classifier.py --epochs 16 --out models/figure-classifier.onnx \
  --data "$data/pil2" "$data/synth_kc" "$data/synth_k5a" "$data/synth_k5b"
