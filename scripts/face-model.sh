#!/usr/bin/env bash
# Rebuilds the two face models in assets/models/ from the registry package they come from, the
# PyPI wheel mediapipe==0.10.14 (Apache-2.0, licence in assets/models/LICENSE-mediapipe-
# Apache-2.0.txt): face_detection_full_range.scnn (the full-range BlazeFace, which finds faces)
# and face_landmark.scnn (the face mesh: 468 points on one face, whose lips the lip-sync
# rehearsal follows). TensorFlow Lite makes their weights dense and
# scripts/face-model-export.py writes the graph the Rust engine (crates/nn) runs. Also
# rewrites tests/fixtures/models/ (a face and TFLite's own outputs for it, per model), which
# tests/face_model.rs and tests/face_mesh_model.rs compare the engine with.
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
unzip -p "$wheel" mediapipe/modules/face_landmark/face_landmark.tflite > "$tmp/mesh.tflite"
unzip -p "$wheel" 'mediapipe-0.10.14.dist-info/LICENSE' \
  > assets/models/LICENSE-mediapipe-Apache-2.0.txt
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet tensorflow-cpu==2.21.0 numpy pillow
"$tmp/venv/bin/python" scripts/face-model-export.py "$tmp/full_range.tflite" \
  assets/models/face_detection_full_range.scnn
"$tmp/venv/bin/python" scripts/face-model-export.py "$tmp/mesh.tflite" \
  assets/models/face_landmark.scnn \
  "mediapipe==0.10.14 mediapipe/modules/face_landmark/face_landmark.tflite" \
  "1=face_flag,1404=landmarks" 192
mkdir -p tests/fixtures/models
"$tmp/venv/bin/python" scripts/face-model-reference.py "$tmp/full_range.tflite" \
  tests/fixtures/images/one_face_portrait.jpg tests/fixtures/models/face_192.png \
  tests/fixtures/models/face_192_tflite.bin
# The face of one_face_portrait.jpg: centre (470, 300), its box grown 1.5 times = 440 px.
"$tmp/venv/bin/python" scripts/face-mesh-reference.py "$tmp/mesh.tflite" \
  tests/fixtures/images/one_face_portrait.jpg 470 300 440 \
  tests/fixtures/models/mesh_192.png tests/fixtures/models/mesh_192_tflite.bin
# The right-hand man of two_people.jpg (closed mouth): where tests/common/talking_face.rs
# finds the lips of its validation face.
"$tmp/venv/bin/python" scripts/face-mesh-reference.py "$tmp/mesh.tflite" \
  tests/fixtures/images/two_people.jpg 858 160 290 \
  tests/fixtures/models/mesh_two_people_right_192.png \
  tests/fixtures/models/mesh_two_people_right_tflite.bin
ls -l assets/models/ tests/fixtures/models/
