#!/usr/bin/env bash
# Rebuilds tests/fixtures/images/validation/: photos made apart from the project, against which
# limits chosen on the tuning fixtures are checked. They come from the scikit-image wheel on
# PyPI (its sample data: public domain and CC0, see tests/fixtures/README.md) and, for
# grace_hopper.jpg (a US Navy photo, public domain), the matplotlib wheel's sample data.
# Needs pip.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pip download --no-deps --only-binary=:all: --python-version 3.11 \
  --platform manylinux_2_17_x86_64 -d "$tmp" scikit-image==0.25.2 >/dev/null
out=tests/fixtures/images/validation
mkdir -p "$out"
for f in astronaut.png chelsea.png coffee.png rocket.jpg brick.png gravel.png; do
  unzip -p "$tmp"/scikit_image-*.whl "skimage/data/$f" > "$out/$f"
done
pip download --no-deps --only-binary=:all: --python-version 3.11 \
  --platform manylinux_2_17_x86_64 -d "$tmp" matplotlib==3.9.2 >/dev/null
unzip -p "$tmp"/matplotlib-*.whl matplotlib/mpl-data/sample_data/grace_hopper.jpg \
  > "$out/grace_hopper.jpg"
ls -l "$out"
