#!/usr/bin/env bash
# Opens the Seller Self-Check app (builds it first). Extra arguments go to the app, e.g.
#   scripts/app.sh --lang en
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
export PATH="$HOME/.cargo/bin:$PATH"
# shellcheck source=paths.sh
source scripts/paths.sh
exec cargo run --release --bin selfcheck -- "$@"
