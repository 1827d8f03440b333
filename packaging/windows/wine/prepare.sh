#!/usr/bin/env bash
# Makes a Wine prefix that runs Rust programs: initialises it once (no Mono/Gecko prompts) and
# installs the ProcessPrng shim (see bcryptprimitives.c). Usage: prepare.sh PREFIX
set -euo pipefail
prefix=$1
here=$(cd "$(dirname "$0")" && pwd)
export WINEPREFIX=$prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml,winemenubuilder.exe="
if [[ ! -f $prefix/system.reg ]]; then
  mkdir -p "$prefix"
  timeout 300 wineboot -i >/dev/null 2>&1 || true
  # Report Windows 10, as the sellers' PCs do (Wine 8 defaults to Windows 7).
  timeout 60 wine winecfg /v win10 >/dev/null 2>&1 || true
  timeout 60 wineserver -w || true
fi
dll=$prefix/drive_c/windows/system32/bcryptprimitives.dll
if [[ ! -f $dll || $here/bcryptprimitives.c -nt $dll ]]; then
  x86_64-w64-mingw32-gcc -shared -O2 -o "$dll" "$here/bcryptprimitives.c"
fi
