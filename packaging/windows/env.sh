# Source this to cross-build for Windows with Debian's Rust (rustc-web 1.96, which ships the
# standard library source): rustup here has no Windows target, so std is built from source
# with -Zbuild-std, and mingw-w64 links. See packaging/README.md.
export PATH="/usr/bin:$PATH"
export RUSTC=/usr/bin/rustc
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine
# Unoptimised builds (CI's `wine` profile) share generic code between crates by exporting it;
# nokhwa, which is also built as a DLL, then exports more symbols than a DLL can number
# (mingw's ld: "export ordinal too large"). Optimised builds do not share it anyway.
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS="-Zshare-generics=n"
# shellcheck source=../../scripts/paths.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/paths.sh"
export CARGO_TARGET_DIR=$WINDOWS_TARGET_DIR
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
# `test` is in the std set for builds too, not only for `cargo test`: with the same set the
# exe reuses the unit tests' std and dependencies instead of building them all again (a cold
# CI run spent 884 s on that second build).
WINDOWS_CARGO_FLAGS=(-Zbuild-std=std,panic_abort,panic_unwind,test --target x86_64-pc-windows-gnu)
# The cargo profile: `release` for what ships; CI's Windows stage sets `wine` (Cargo.toml).
export WINDOWS_PROFILE=${WINDOWS_PROFILE:-release}
