#!/usr/bin/env bash
# Rebuilds the two face models in assets/models/ from the registry packages they come from:
# - face_detection_yunet.scnn, the face detector: YuNet, from the PyPI wheel yuface==2023.5.1
#   (libfacedetection compiled, BSD-3-Clause, licence in assets/models/LICENSE-
#   libfacedetection-BSD-3-Clause.txt); scripts/face-detector-export.py reads its weights out
#   of the library and writes the graph the Rust engine (crates/nn) runs.
# - face_landmark.scnn, the face mesh (468 points on one face, whose lips the lip-sync
#   rehearsal follows): from the PyPI wheel mediapipe==0.10.14 (Apache-2.0, licence in
#   assets/models/LICENSE-mediapipe-Apache-2.0.txt); TensorFlow Lite makes its weights dense
#   and scripts/face-model-export.py writes the graph.
# Also rewrites tests/fixtures/models/ (pictures and the source library's own outputs for
# them), which tests/face_model.rs and tests/face_mesh_model.rs compare the engine with.
# Needs: python3 3.11 with venv and pip (it installs yuface, pyelftools, tensorflow-cpu, numpy
# and pillow into a temporary virtual environment).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
py="$tmp/venv/bin/python"
"$tmp/venv/bin/pip" install --quiet yuface==2023.5.1 pyelftools==0.33 tensorflow-cpu==2.21.0 \
  numpy pillow

# The detector.
site=$("$py" -c 'import os, yuface; print(os.path.dirname(yuface.__file__))')
"$py" scripts/face-detector-export.py "$site/libfacedetection.so" \
  assets/models/face_detection_yunet.scnn
cp "$site"/../yuface-2023.5.1.dist-info/LICENSE \
  assets/models/LICENSE-libfacedetection-BSD-3-Clause.txt
mkdir -p tests/fixtures/models
"$py" scripts/face-detector-reference.py tests/fixtures/models

# The face mesh.
pip download --no-deps --only-binary=:all: --python-version 3.11 \
  --platform manylinux_2_17_x86_64 -d "$tmp" mediapipe==0.10.14 >/dev/null
wheel=$(ls "$tmp"/mediapipe-0.10.14-*.whl)
unzip -p "$wheel" mediapipe/modules/face_landmark/face_landmark.tflite > "$tmp/mesh.tflite"
unzip -p "$wheel" 'mediapipe-0.10.14.dist-info/LICENSE' \
  > assets/models/LICENSE-mediapipe-Apache-2.0.txt
"$py" scripts/face-model-export.py "$tmp/mesh.tflite" \
  assets/models/face_landmark.scnn \
  "mediapipe==0.10.14 mediapipe/modules/face_landmark/face_landmark.tflite" \
  "1=face_flag,1404=landmarks" 192
# The face of one_face_portrait.jpg: centre (470, 300), its box grown 1.5 times = 440 px.
"$py" scripts/face-mesh-reference.py "$tmp/mesh.tflite" \
  tests/fixtures/images/one_face_portrait.jpg 470 300 440 \
  tests/fixtures/models/mesh_192.png tests/fixtures/models/mesh_192_tflite.bin
# The right-hand man of two_people.jpg (closed mouth): where tests/common/talking_face.rs
# finds the lips of its validation face.
"$py" scripts/face-mesh-reference.py "$tmp/mesh.tflite" \
  tests/fixtures/images/two_people.jpg 858 160 290 \
  tests/fixtures/models/mesh_two_people_right_192.png \
  tests/fixtures/models/mesh_two_people_right_tflite.bin
ls -l assets/models/ tests/fixtures/models/
