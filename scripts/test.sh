#!/usr/bin/env bash
# Runs every quality gate and test: formatting, clippy (warnings are errors), the Windows
# cross-build with its unit tests under Wine and its installer, the .deb, and the unit and
# integration tests (which install the .deb and drive selfcheck.exe under Wine).
# Installs what it needs first. `--linux-only` leaves out the Windows stage, which otherwise
# builds beside the Linux stages (its output is printed when it ends).
# Build folders come from scripts/paths.sh (CARGO_TARGET_DIR, else target/).
# With CI=true a test that cannot run (no root, a missing tool) fails instead of skipping; either
# way the run ends by counting the tests that skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
windows=1
[[ ${1:-} == --linux-only ]] && windows=0
start=$SECONDS
stage() { echo "== $1 ($((SECONDS - start)) s so far)"; }
stage "set-up (scripts/setup.sh)"
if ((windows)); then bash scripts/setup.sh windows; else bash scripts/setup.sh test; fi
export PATH="$HOME/.cargo/bin:$PATH"
# shellcheck source=paths.sh
source scripts/paths.sh
export WINDOWS_PROFILE=${WINDOWS_PROFILE:-wine}
# Each test that skips appends a line here (tests/common/skip.rs).
SELFCHECK_SKIP_LOG=$(mktemp)
export SELFCHECK_SKIP_LOG
windows_log=$(mktemp)
windows_pid=""
# On any exit: stop a Windows stage still running (its own process group) and clean up.
finish() {
  if [[ -n $windows_pid ]]; then kill -- -"$windows_pid" 2>/dev/null || true; fi
  rm -f "$SELFCHECK_SKIP_LOG" "$windows_log"
}
trap finish EXIT

stage "build folders agree (scripts/check-paths.sh)"
bash scripts/check-paths.sh
if ((windows)); then
  # The Windows cross-build (another rustc, its own build folder) shares nothing with the
  # Linux builds below, so it runs beside them: the two cores are both busy where one build
  # alone leaves one idle (downloads, a crate that waits for another, links, the unit tests
  # under Wine). Its output is printed when it ends.
  stage "Windows (scripts/windows.sh) starts, beside the Linux stages"
  setsid -w bash scripts/windows.sh > "$windows_log" 2>&1 &
  windows_pid=$!
fi
stage "cargo fmt --check"
cargo fmt --all -- --check
stage "cargo clippy --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings
stage "cargo check --no-default-features (the command-line-only build)"
cargo check --no-default-features --locked --lib --bins
eval "$(DEB_PROFILE=dev bash packaging/build.sh paths)"
# Library, binary and integration tests; the benches are built by clippy above and run by
# `cargo bench` / `selfcheck bench`, not as tests.
targets=(--workspace --lib --bins --tests)
stage "build the tests and the binary (cargo test --no-run)"
cargo test "${targets[@]}" --locked --no-run
if ((windows)); then
  stage "waiting for the Windows stage"
  windows_ok=1
  wait "$windows_pid" || windows_ok=0
  windows_pid=""
  cat "$windows_log"
  if ((!windows_ok)); then
    echo "the Windows stage (scripts/windows.sh) failed: its output is above" >&2
    exit 1
  fi
  export SELFCHECK_WINDOWS_EXE=$dist/selfcheck.exe
  SELFCHECK_WINDOWS_INSTALLER=$(ls -t "$dist"/selfcheck-setup-*.exe | head -1)
  export SELFCHECK_WINDOWS_INSTALLER
  export WINEPREFIX=${WINEPREFIX:-/var/tmp/selfcheck-wine}
fi
stage "deb package (packaging/build.sh deb, from that debug build at $deb_binary)"
SKIP_BUILD=1 DEB_PROFILE=dev bash packaging/build.sh deb
SELFCHECK_DEB=$(ls -t "$dist"/seller-selfcheck_*.deb | head -1)
export SELFCHECK_DEB
stage "cargo test"
cargo test "${targets[@]}" --locked
skips=$(wc -l < "$SELFCHECK_SKIP_LOG")
stage "done: $skips tests skipped"
if ((skips)); then
  sed 's/^/  skipped: /' "$SELFCHECK_SKIP_LOG"
  if [[ ${CI:-} == true ]]; then
    echo "CI: a skipped test is not a passed test" >&2
    exit 1
  fi
fi
