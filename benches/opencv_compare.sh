#!/usr/bin/env bash
# Frame-analysis speed against OpenCV doing the same measures, one thread each, in one run.
# Installs OpenCV from PyPI (opencv-python-headless<5) and builds the release binary if needed.
# ROUNDS=N sets how many alternating rounds are run (default 7).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import cv2" 2>/dev/null || python3 -m pip install -q "opencv-python-headless<5" numpy
target=${CARGO_TARGET_DIR:-target}
cargo build --release --bin selfcheck
python3 benches/opencv_compare.py "$target/release/selfcheck" "${ROUNDS:-7}"
