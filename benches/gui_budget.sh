#!/usr/bin/env bash
# The app's budgets, measured on the release binary under Xvfb with software GL (llvmpipe):
# time until the window is mapped, pictures the preview shows per second from a 30 fps
# 1280×720 replay, CPU while previewing, CPU when idle (welcome screen, nothing changing),
# and peak resident memory. Needs: Xvfb, x11-utils, imagemagick (scripts/setup.sh test).
# Usage: bash benches/gui_budget.sh   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/selfcheck-target}
cargo build --release --quiet
bin="$CARGO_TARGET_DIR/release/selfcheck"
work=$(mktemp -d)
display=":$((70 + RANDOM % 20))"
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
cleanup() { [[ -n $app ]] && kill "$app" 2>/dev/null; kill "$xvfb" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
sleep 1
export DISPLAY=$display HOME=$work
mkdir -p "$work/frames"
portrait=tests/fixtures/images/one_face_portrait.jpg
for i in 0 1 2 3 4 5; do
  convert "$portrait" -resize '1280x720^' -gravity north -extent 1280x720 -roll "+$((i * 4))+0" "$work/frames/f$i.jpg" 2>/dev/null
done
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

start=$(date +%s.%N)
SELFCHECK_STATS_FILE="$work/stats.txt" "$bin" --step camera --camera-source "$work/frames" --no-network >/dev/null 2>&1 &
app=$!
until xwininfo -root -tree 2>/dev/null | grep -q "视频验证自检助手"; do sleep 0.01; done
up=$(echo "$(date +%s.%N) - $start" | bc)
sleep 5
c0=$(ticks "$app"); sleep 10; c1=$(ticks "$app")
preview_cpu=$(echo "scale=1; ($c1 - $c0) * 100 / $hz / 10" | bc)
fps=$(grep -o 'preview_fps=[0-9]*' "$work/stats.txt" | tail -10 | cut -d= -f2 | sort -n | sed -n 5p)
hwm=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$app/status")
kill "$app"; wait "$app" 2>/dev/null || true; app=""

"$bin" --no-network >/dev/null 2>&1 &
app=$!
sleep 4
c0=$(ticks "$app"); sleep 10; c1=$(ticks "$app")
idle_cpu=$(echo "scale=2; ($c1 - $c0) * 100 / $hz / 10" | bc)
kill "$app"; wait "$app" 2>/dev/null || true; app=""

echo "window mapped after start:       ${up} s            (budget ≤ 1 s)"
echo "preview, median of 10 seconds:   ${fps} pictures/s  (30 fps replay; budget ≥ 25)"
echo "CPU while previewing 720p:       ${preview_cpu} % of one core (replay decode + analysis + llvmpipe drawing)"
echo "CPU idle on the welcome screen:  ${idle_cpu} % of one core (budget ≈ 0)"
echo "peak resident memory (preview):  ${hwm} MB          (budget ≤ 200 MB)"
