#!/usr/bin/env bash
# The installers' budgets: sizes of what ships (release profile) and the cold start of the
# installed app. Builds the release .deb and, unless SKIP_WINDOWS=1, the release selfcheck.exe
# and its NSIS installer; installs the .deb with apt (needs root); then times `selfcheck` from
# the menu entry's command to its window being mapped under Xvfb, first with the page cache
# dropped (cold: the binary and its libraries come from disk), then warm. Three runs each.
# Usage: bash benches/install_budget.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/selfcheck-target}
bash packaging/build.sh deb >/dev/null
deb=$(ls -t target/dist/seller-selfcheck_*.deb | head -1)
if [[ ${SKIP_WINDOWS:-} != 1 ]]; then
  (unset CARGO_TARGET_DIR; WINDOWS_PROFILE=release bash packaging/build.sh windows >/dev/null)
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "./$deb" >/dev/null

work=$(mktemp -d)
exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
cleanup() { [[ -n $app ]] && kill "$app" 2>/dev/null; kill "$xvfb" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
until [[ -s $work/display ]]; do sleep 0.05; done
export DISPLAY=":$(head -1 "$work/display")" HOME=$work
command=$(sed -n 's/^Exec=//p' /usr/share/applications/selfcheck.desktop | sed 's/ %.//')

window_after() {
  local start
  start=$(date +%s.%N)
  $command --no-network >/dev/null 2>&1 &
  app=$!
  until xwininfo -root -tree 2>/dev/null | grep -q "视频验证自检助手"; do sleep 0.01; done
  echo "$(date +%s.%N) - $start" | bc
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
}
cold=() warm=()
for _ in 1 2 3; do
  sync; echo 3 >/proc/sys/vm/drop_caches
  cold+=("$(window_after)")
  warm+=("$(window_after)")
done

size() { stat -c %s "$1" | awk '{printf "%.1f MB (%d bytes)", $1 / 1e6, $1}'; }
echo "deb package:             $(size "$deb")"
echo "installed /usr/bin/selfcheck (stripped): $(size /usr/bin/selfcheck)"
if [[ ${SKIP_WINDOWS:-} != 1 ]]; then
  echo "selfcheck.exe (stripped): $(size target/dist/selfcheck.exe)"
  echo "Windows installer:        $(size "$(ls -t target/dist/selfcheck-setup-*.exe | head -1)")  (budget < 15 MB)"
fi
echo "window mapped, page cache dropped: ${cold[*]} s"
echo "window mapped, warm:               ${warm[*]} s"
