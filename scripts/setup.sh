#!/usr/bin/env bash
# Installs what building, running and testing need on a fresh Debian/Ubuntu machine:
# system packages (with sudo when not root) and a Rust toolchain >= 1.95.
# Usage: scripts/setup.sh [build|app|test|windows]   (each adds to the one before)
set -euo pipefail
stage=${1:-build}

build_pkgs=(build-essential pkg-config libasound2-dev libclang-dev nasm ca-certificates curl)
app_pkgs=(libgl1 libegl1 libgl1-mesa-dri libvulkan1 mesa-vulkan-drivers libxkbcommon-x11-0 libwayland-client0 libxcursor1 libxrandr2 libxi6 fonts-wqy-microhei)
windows_pkgs=(rustc-web cargo-web rust-web-src mingw-w64 wine wine64 nsis osslsigncode openssl)
test_pkgs=(xvfb libgl1-mesa-dri x11-utils imagemagick iproute2 iperf3 espeak-ng sox chromium firefox-esr strace desktop-file-utils)

want=("${build_pkgs[@]}")
[[ $stage == app || $stage == test || $stage == windows ]] && want+=("${app_pkgs[@]}")
[[ $stage == test || $stage == windows ]] && want+=("${test_pkgs[@]}")
[[ $stage == windows ]] && want+=("${windows_pkgs[@]}")

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Rust >= 1.95 (eframe 0.37 needs it). Use rustup's cargo if present, else install rustup.
export PATH="$HOME/.cargo/bin:$PATH"
need_minor=95
have_minor=$(rustc --version 2>/dev/null | sed -E 's/rustc 1\.([0-9]+).*/\1/' || true)
if [[ -z $have_minor || $have_minor -lt $need_minor ]]; then
  if command -v rustup >/dev/null; then
    rustup toolchain install stable --profile minimal -c clippy -c rustfmt
    rustup default stable
  else
    echo "setup: installing Rust with rustup" >&2
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy -c rustfmt
  fi
fi
if [[ $stage == test || $stage == windows ]]; then
  rustup component list --installed 2>/dev/null | grep -q clippy || rustup component add clippy rustfmt 2>/dev/null || true
fi
