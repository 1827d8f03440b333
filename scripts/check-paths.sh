#!/usr/bin/env bash
# Catches, in seconds, a build stage and a packaging stage that disagree on where the build is
# (a fresh clone once failed 50 minutes into scripts/test.sh: the .deb stage looked for the
# binary in a folder the build never used). In a fresh clone of this project, with and without
# CI's CARGO_TARGET_DIR, it asks cargo where it would build, puts a stand-in binary exactly
# there, and runs the real packaging stages with SKIP_BUILD=1: each must find it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone -q --no-hardlinks "$here" "$tmp/clone"
# Uncommitted changes to the build scripts count too: they are what runs next.
cp "$here"/scripts/*.sh "$tmp/clone/scripts/"
cp "$here"/packaging/build.sh "$tmp/clone/packaging/"
cp "$here"/packaging/windows/env.sh "$here"/packaging/windows/sign.sh "$tmp/clone/packaging/windows/"
cd "$tmp/clone"
export PATH="$HOME/.cargo/bin:$PATH"

# Where cargo itself puts a build, in the environment a stage runs with.
cargo_target() { cargo metadata --no-deps --offline --format-version 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])'; }

check() { # $1: a label; the environment is the caller's
  local linux windows
  linux=$(cargo_target)
  # shellcheck disable=SC1091
  windows=$(source packaging/windows/env.sh && cargo_target)
  mkdir -p "$linux/debug" "$windows/x86_64-pc-windows-gnu/${WINDOWS_PROFILE:-wine}"
  printf '#!/bin/sh\necho stand-in\n' > "$linux/debug/selfcheck"
  chmod +x "$linux/debug/selfcheck"
  # The Windows stand-in is a real (tiny) program: the stage signs it.
  local exe="$windows/x86_64-pc-windows-gnu/${WINDOWS_PROFILE:-wine}/selfcheck.exe"
  if command -v x86_64-w64-mingw32-gcc >/dev/null; then
    printf 'int main(void) { return 0; }\n' > "$tmp/stand-in.c"
    x86_64-w64-mingw32-gcc -o "$exe" "$tmp/stand-in.c"
  fi
  SKIP_BUILD=1 DEB_PROFILE=dev bash packaging/build.sh deb >/dev/null ||
    { echo "check-paths ($1): the .deb stage did not find the build cargo makes in $linux" >&2; exit 1; }
  if command -v makensis >/dev/null && [[ -f $exe ]]; then
    SKIP_BUILD=1 WINDOWS_PROFILE=${WINDOWS_PROFILE:-wine} bash packaging/build.sh windows >/dev/null ||
      { echo "check-paths ($1): the Windows stage did not find the build cargo makes in $windows" >&2; exit 1; }
  fi
  rm -rf target/dist
  echo "check-paths ($1): Linux build in $linux, Windows build in $windows: the packaging stages find both"
}

(unset CARGO_TARGET_DIR WINDOWS_TARGET_DIR; check "README's command, cargo's default folder")
(export CARGO_TARGET_DIR=$tmp/ci-target; unset WINDOWS_TARGET_DIR; check "CI's folder, \$CARGO_TARGET_DIR")
