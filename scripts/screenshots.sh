#!/usr/bin/env bash
# Screenshots of every step as a seller sees it on a 1366×768 laptop (100 % scaling), in
# Chinese, with a portrait replayed as the camera: docs/screenshots/NN-step-….png, shown in
# the README. Rendered by wgpu in process (Vulkan lavapipe or GL llvmpipe; no display needed)
# by tests/gui_screenshots.rs, which also checks the bottom bar fits.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PATH"
# shellcheck source=paths.sh
source scripts/paths.sh
out=${1:-docs/screenshots}
mkdir -p "$out"
SELFCHECK_SCREENSHOTS=$(realpath "$out") cargo test --locked --test gui_screenshots -- --nocapture
ls -l "$out"
