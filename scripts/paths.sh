# Sourced by every script that builds or packages: the one place that decides where builds go.
# Cargo's own rule: $CARGO_TARGET_DIR when set (CI sets it, to reuse a warm build), else target/
# in the project. The Windows cross-build uses another rustc (Debian's), so it keeps its own
# folder, inside that one unless $WINDOWS_TARGET_DIR says otherwise. Packages go to target/dist/
# in the project whatever the build folders are.
SELFCHECK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$SELFCHECK_ROOT/target}
export WINDOWS_TARGET_DIR=${WINDOWS_TARGET_DIR:-$CARGO_TARGET_DIR/windows}
export SELFCHECK_DIST=$SELFCHECK_ROOT/target/dist
