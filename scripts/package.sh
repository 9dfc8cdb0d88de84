#!/usr/bin/env bash
# Builds the Debian package skyline_VERSION_ARCH.deb with CPack and checks it with lintian.
#   scripts/package.sh [OUTDIR]      (default OUTDIR: the build folder)
# Installs what is missing (apt-get), configures the build folder ($SKYLINE_BUILD, default
# build/) when needed, builds only what the package holds, then runs `cpack -G DEB`.
# Install the result with: apt install ./build/skyline_*.deb
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# dpkg-shlibdeps (dpkg-dev) computes Depends; lintian checks the package when installed.
SKYLINE_PACKAGE_TOOLS=(dpkg-dev file)
skyline_install_packages "${SKYLINE_PACKAGE_TOOLS[@]}"

out="$(mkdir -p "${1:-$SKYLINE_BUILD}" && cd "${1:-$SKYLINE_BUILD}" && pwd)"
if [ ! -f "$SKYLINE_BUILD/CMakeCache.txt" ]; then
    generator=()
    command -v ninja >/dev/null && generator=(-G Ninja)
    cmake -S "$SKYLINE_ROOT" -B "$SKYLINE_BUILD" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
# The package holds the two programs and the desktop files (no tests, no benchmarks).
cmake --build "$SKYLINE_BUILD" -j"$(nproc)" --target skyline skyline-cli skyline_desktop_files

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# CPack stages in $work (not in the build folder), so concurrent runs do not collide.
(cd "$work" && cpack -G DEB --config "$SKYLINE_BUILD/CPackConfig.cmake" -B "$work" >"$work/cpack.log") || {
    cat "$work/cpack.log"
    exit 1
}
deb="$(ls "$work"/skyline_*.deb)"
mv "$deb" "$out/"
deb="$out/$(basename "$deb")"
echo "$deb"
if command -v lintian >/dev/null; then
    # Errors make this script fail; warnings are listed (README: "Debian package").
    lintian --tag-display-limit 0 "$deb" || exit 1
fi
