#!/usr/bin/env bash
# Rebuilds assets/models/face_detection_full_range.scnn (the face model) from the registry
# package it comes from: MediaPipe's full-range BlazeFace in the PyPI wheel mediapipe==0.10.14
# (Apache-2.0, licence in assets/models/LICENSE-mediapipe-Apache-2.0.txt). TensorFlow Lite
# densifies its sparse weights and scripts/face-model-export.py writes the graph the Rust
# engine (crates/nn) runs. Also rewrites tests/fixtures/models/ (a face and TFLite's own outputs
# for it), which tests/face_model.rs compares the engine with.
# Needs: python3 with venv and pip (it installs tensorflow-cpu, numpy and pillow into a
# temporary virtual environment).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pip download --no-deps --only-binary=:all: --python-version 3.11 \
  --platform manylinux_2_17_x86_64 -d "$tmp" mediapipe==0.10.14 >/dev/null
wheel=$(ls "$tmp"/mediapipe-0.10.14-*.whl)
unzip -p "$wheel" mediapipe/modules/face_detection/face_detection_full_range_sparse.tflite \
  > "$tmp/full_range.tflite"
unzip -p "$wheel" 'mediapipe-0.10.14.dist-info/LICENSE' \
  > assets/models/LICENSE-mediapipe-Apache-2.0.txt
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet tensorflow-cpu==2.21.0 numpy pillow
"$tmp/venv/bin/python" scripts/face-model-export.py "$tmp/full_range.tflite" \
  assets/models/face_detection_full_range.scnn
mkdir -p tests/fixtures/models
"$tmp/venv/bin/python" scripts/face-model-reference.py "$tmp/full_range.tflite" \
  tests/fixtures/images/one_face_portrait.jpg tests/fixtures/models/face_192.png \
  tests/fixtures/models/face_192_tflite.bin
ls -l assets/models/face_detection_full_range.scnn tests/fixtures/models/
