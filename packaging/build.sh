#!/usr/bin/env bash
# Builds an installable package into target/dist/.
#   packaging/build.sh deb      Debian/Ubuntu package (needs dpkg-deb)
#   packaging/build.sh windows  selfcheck.exe + NSIS installer, cross-built with Debian's Rust
#                               and mingw-w64 (scripts/setup.sh windows installs them)
#   packaging/build.sh macos    the .app bundle (on a Mac with Xcode tools; used by CI)
# Set SKIP_BUILD=1 to package what is already built; DEB_PROFILE=dev packages the debug
# build (CI uses it to test the packaging without a second, release, build of the stack).
# WINDOWS_PROFILE=wine builds the Windows exe with CI's quicker profile (default release).
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:?usage: packaging/build.sh deb|windows|macos|paths}
# shellcheck source=../scripts/paths.sh
source scripts/paths.sh
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
dist=$SELFCHECK_DIST
mkdir -p "$dist"
# The cargo profile folder the .deb is made from (DEB_PROFILE=dev: the debug build).
deb_profile_dir() { [[ ${DEB_PROFILE:-release} == dev ]] && echo debug || echo release; }

case $kind in
deb)
  profile=${DEB_PROFILE:-release}
  dir=$(deb_profile_dir)
  [[ ${SKIP_BUILD:-} == 1 ]] || cargo build --profile "$profile" --locked --bin selfcheck
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  bin="$CARGO_TARGET_DIR/$dir/selfcheck"
  [[ -x $bin ]] || { echo "build.sh deb: no build at $bin (build it first, or unset SKIP_BUILD)" >&2; exit 1; }
  install -Dm755 "$bin" "$root/usr/bin/selfcheck"
  strip "$root/usr/bin/selfcheck" 2>/dev/null || true
  install -Dm644 packaging/linux/selfcheck.desktop "$root/usr/share/applications/selfcheck.desktop"
  install -Dm644 assets/icons/selfcheck-256.png "$root/usr/share/icons/hicolor/256x256/apps/selfcheck.png"
  install -Dm644 assets/fonts/LICENSE-wqy-microhei.txt "$root/usr/share/doc/seller-selfcheck/LICENSE-fonts.txt"
  # The face models are built into the binary; their licences travel with it.
  install -Dm644 assets/models/LICENSE-libfacedetection-BSD-3-Clause.txt \
    "$root/usr/share/doc/seller-selfcheck/LICENSE-face-detector.txt"
  install -Dm644 assets/models/LICENSE-mediapipe-Apache-2.0.txt \
    "$root/usr/share/doc/seller-selfcheck/LICENSE-face-mesh.txt"
  mkdir -p "$root/DEBIAN"
  size=$(du -sk "$root/usr" | cut -f1)
  # Run-time libraries the app loads: ALSA (microphone), OpenGL/EGL and Vulkan loaders
  # (renderers), X11/xkbcommon/Wayland (windows). The CJK font is bundled in the binary.
  cat > "$root/DEBIAN/control" <<CONTROL
Package: seller-selfcheck
Version: $version
Section: utils
Priority: optional
Architecture: $(dpkg --print-architecture)
Installed-Size: $size
Depends: libc6 (>= 2.31), libgcc-s1, libasound2 | libasound2t64, libgl1, libegl1, libx11-6, libxcursor1, libxrandr2, libxi6, libxkbcommon0, libxkbcommon-x11-0, libwayland-client0, libwayland-egl1 | libwayland-egl1-mesa
Recommends: libgl1-mesa-dri, libvulkan1, mesa-vulkan-drivers, xdg-utils
Maintainer: Seller Self-Check <support@seller-selfcheck.invalid>
Description: 视频验证自检助手 — Seller Self-Check
 Checks the computer, network, camera and microphone before a marketplace's live video
 identity verification, rehearses the steps and writes a readiness report for support.
CONTROL
  out="$dist/seller-selfcheck_${version}_$(dpkg --print-architecture).deb"
  dpkg-deb --root-owner-group --build "$root" "$out" >/dev/null
  ls -l "$out"
  ;;
windows)
  # shellcheck source=windows/env.sh
  source packaging/windows/env.sh
  [[ ${SKIP_BUILD:-} == 1 ]] || cargo build "${WINDOWS_CARGO_FLAGS[@]}" --profile "$WINDOWS_PROFILE" --locked --bin selfcheck
  exe="$CARGO_TARGET_DIR/x86_64-pc-windows-gnu/$WINDOWS_PROFILE/selfcheck.exe"
  [[ -f $exe ]] || { echo "build.sh windows: no build at $exe (build it first, or unset SKIP_BUILD)" >&2; exit 1; }
  x86_64-w64-mingw32-strip "$exe" 2>/dev/null || true
  cp "$exe" "$dist/selfcheck.exe"
  # Signed (packaging/windows/sign.sh): the program, the uninstaller the installer embeds
  # (installer.nsi's !uninstfinalize), then the installer.
  bash packaging/windows/sign.sh "$dist/selfcheck.exe"
  (cd packaging/windows && makensis -V2 -DVERSION="$version" -DEXE="$dist/selfcheck.exe" \
     -DOUT="$dist/selfcheck-setup-$version.exe" installer.nsi)
  bash packaging/windows/sign.sh "$dist/selfcheck-setup-$version.exe"
  ls -l "$dist/selfcheck.exe" "$dist/selfcheck-setup-$version.exe"
  ;;
macos)
  [[ $(uname) == Darwin ]] || { echo "build.sh macos: run on macOS (the release workflow does)" >&2; exit 2; }
  cargo build --release --locked
  app="$dist/视频验证自检助手.app"
  rm -rf "$app"
  mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
  cp "$CARGO_TARGET_DIR/release/selfcheck" "$app/Contents/MacOS/selfcheck"
  sed "s/@VERSION@/$version/g" packaging/macos/Info.plist > "$app/Contents/Info.plist"
  cp -R packaging/macos/zh_CN.lproj packaging/macos/en.lproj "$app/Contents/Resources/"
  iconset=$(mktemp -d)/selfcheck.iconset
  mkdir -p "$iconset"
  for s in 16 32 128 256; do sips -z $s $s assets/icons/selfcheck-256.png --out "$iconset/icon_${s}x${s}.png" >/dev/null; done
  iconutil -c icns "$iconset" -o "$app/Contents/Resources/selfcheck.icns"
  codesign --force --deep --sign "${MACOS_SIGN_IDENTITY:--}" --options runtime \
    --entitlements packaging/macos/selfcheck.entitlements "$app"
  (cd "$dist" && ditto -c -k --keepParent "$(basename "$app")" "selfcheck-$version-macos.zip")
  ;;
paths)
  # Where each stage reads and writes, for scripts/test.sh and scripts/check-paths.sh.
  echo "deb_binary=$CARGO_TARGET_DIR/$(deb_profile_dir)/selfcheck"
  # shellcheck source=windows/env.sh
  source packaging/windows/env.sh
  echo "windows_exe=$CARGO_TARGET_DIR/x86_64-pc-windows-gnu/$WINDOWS_PROFILE/selfcheck.exe"
  echo "dist=$dist"
  ;;
*)
  echo "usage: packaging/build.sh deb|windows|macos|paths" >&2
  exit 2
  ;;
esac
