#!/usr/bin/env bash
# Runs every quality gate and test: formatting, clippy (warnings are errors), the Windows
# cross-build with its unit tests under Wine and its installer, the .deb, and the unit and
# integration tests (which install the .deb and drive selfcheck.exe under Wine).
# Installs what it needs first. `--linux-only` leaves out the Windows stage.
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
trap 'rm -f "$SELFCHECK_SKIP_LOG"' EXIT

stage "build folders agree (scripts/check-paths.sh)"
bash scripts/check-paths.sh
stage "cargo fmt --check"
cargo fmt --all -- --check
stage "cargo clippy --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings
stage "cargo check --no-default-features (the command-line-only build)"
cargo check --no-default-features --locked --lib --bins
eval "$(DEB_PROFILE=dev bash packaging/build.sh paths)"
if ((windows)); then
  stage "Windows (scripts/windows.sh)"
  bash scripts/windows.sh
  export SELFCHECK_WINDOWS_EXE=$dist/selfcheck.exe
  SELFCHECK_WINDOWS_INSTALLER=$(ls -t "$dist"/selfcheck-setup-*.exe | head -1)
  export SELFCHECK_WINDOWS_INSTALLER
  export WINEPREFIX=${WINEPREFIX:-/var/tmp/selfcheck-wine}
fi
# Library, binary and integration tests; the benches are built by clippy above and run by
# `cargo bench` / `selfcheck bench`, not as tests.
targets=(--workspace --lib --bins --tests)
stage "build the tests and the binary (cargo test --no-run)"
cargo test "${targets[@]}" --locked --no-run
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
