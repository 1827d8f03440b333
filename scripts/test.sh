#!/usr/bin/env bash
# Runs every quality gate and test: formatting, clippy (warnings are errors), unit and
# integration tests. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PATH"
start=$SECONDS
stage() { echo "== $1 ($((SECONDS - start)) s so far)"; }

stage "cargo fmt --check"
cargo fmt --all -- --check
stage "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --locked -- -D warnings
stage "cargo test"
cargo test --all-targets --locked
stage "done"
