#!/usr/bin/env bash
# Runs the fuzzers (cargo fuzz, libFuzzer with AddressSanitizer) — not part of CI.
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]      (default 600 s, all targets)
# Installs cargo-fuzz if missing. Uses the stable toolchain with RUSTC_BOOTSTRAP=1 for the
# sanitizer flags. Corpora grow in fuzz/corpus/<target> (not committed), starting from the
# committed seeds in fuzz/seeds/<target>. A crash stops that target and leaves its input in
# fuzz/artifacts/<target>/; copy it to fuzz/regressions/<target>/ once fixed, and
# tests/fuzz_inputs.rs replays it on every CI run. Each target's last stats line (executions,
# coverage) is printed at the end and kept in fuzz/last-run.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(image_analysis wav_analysis report_json profile_toml os_output)
export PATH="$HOME/.cargo/bin:$PATH" RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
target_dir=${FUZZ_TARGET_DIR:-/var/tmp/selfcheck-fuzz-target}
cd fuzz
cargo fuzz build --target-dir "$target_dir"
echo "== $(date -u +%FT%TZ) ${secs} s each" >> last-run.txt
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  log=$(mktemp)
  echo "== $t for $secs s"
  # -rss_limit_mb / -timeout: an input that needs over 2 GB or 10 s counts as a failure.
  if cargo fuzz run --target-dir "$target_dir" "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="artifacts/$t/" >"$log" 2>&1; then
    status=clean
  else
    status="FAILED (see fuzz/artifacts/$t/)"
  fi
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
  echo "$t: $status; executions ${runs:-?}; last: $last" | tee -a last-run.txt
  grep -E 'ERROR|panicked|SUMMARY' "$log" | head -5 || true
  rm -f "$log"
done
