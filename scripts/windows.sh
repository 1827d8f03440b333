#!/usr/bin/env bash
# The Windows stage of the tests: cross-builds for x86_64-pc-windows-gnu with Debian's Rust,
# runs the library's unit tests under Wine, and packages selfcheck.exe and the NSIS installer
# into target/dist/ (the Wine integration tests in tests/windows_wine.rs then run that exe).
# Build folders: scripts/paths.sh (through packaging/windows/env.sh).
# One profile throughout (`wine` unless WINDOWS_PROFILE says otherwise), so the tests and the
# package share one dependency build.
set -euo pipefail
cd "$(dirname "$0")/.."
export WINDOWS_PROFILE=${WINDOWS_PROFILE:-wine}
# shellcheck source=../packaging/windows/env.sh
source packaging/windows/env.sh
export WINEPREFIX=${WINEPREFIX:-/var/tmp/selfcheck-wine}
start=$SECONDS
stage() { echo "== windows: $1 ($((SECONDS - start)) s so far)"; }

stage "Wine prefix"
bash packaging/windows/wine/prepare.sh "$WINEPREFIX"
stage "unit tests (cargo test --workspace --lib under Wine: the app's and the engine's)"
cargo test "${WINDOWS_CARGO_FLAGS[@]}" --profile "$WINDOWS_PROFILE" --locked --workspace --lib
stage "selfcheck.exe and installer"
bash packaging/build.sh windows
stage "done"
