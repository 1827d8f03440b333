#!/usr/bin/env bash
# Runs every quality gate and test: formatting, clippy (warnings are errors), the Windows
# cross-build with its unit tests under Wine and its installer, the .deb, and the unit and
# integration tests (which install the .deb and drive selfcheck.exe under Wine).
# Installs what it needs first. `--linux-only` leaves out the Windows stage.
set -euo pipefail
cd "$(dirname "$0")/.."
windows=1
[[ ${1:-} == --linux-only ]] && windows=0
if ((windows)); then bash scripts/setup.sh windows; else bash scripts/setup.sh test; fi
export PATH="$HOME/.cargo/bin:$PATH"
start=$SECONDS
stage() { echo "== $1 ($((SECONDS - start)) s so far)"; }

stage "cargo fmt --check"
cargo fmt --all -- --check
stage "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --locked -- -D warnings
if ((windows)); then
  stage "Windows (scripts/windows.sh)"
  bash scripts/windows.sh
  export SELFCHECK_WINDOWS_EXE=$PWD/target/dist/selfcheck.exe
  export WINEPREFIX=${WINEPREFIX:-/var/tmp/selfcheck-wine}
fi
stage "build the tests and the binary (cargo test --no-run)"
cargo test --all-targets --locked --no-run
stage "deb package (packaging/build.sh deb, from that debug build)"
SKIP_BUILD=1 DEB_PROFILE=dev bash packaging/build.sh deb
SELFCHECK_DEB=$(ls -t "$PWD"/target/dist/seller-selfcheck_*.deb | head -1)
export SELFCHECK_DEB
stage "cargo test"
cargo test --all-targets --locked
stage "done"
