#!/usr/bin/env bash
# Shared by run.sh and test.sh: install what is missing (Debian 12), then configure and build.
set -euo pipefail

SKYLINE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SKYLINE_BUILD="${SKYLINE_BUILD:-$SKYLINE_ROOT/build}"

# Everything comes from Debian packages; nothing is downloaded at build time.
SKYLINE_PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
    libqcustomplot-dev nlohmann-json3-dev libyaml-cpp-dev libgl-dev
    xvfb xauth
)

skyline_install_packages() {
    local missing=()
    for p in "${SKYLINE_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if ((${#missing[@]})); then
        echo "Installing missing packages: ${missing[*]}"
        local sudo=()
        [ "$(id -u)" -ne 0 ] && sudo=(sudo)
        "${sudo[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

skyline_build() {
    local generator=()
    command -v ninja >/dev/null && [ ! -f "$SKYLINE_BUILD/Makefile" ] && generator=(-G Ninja)
    cmake -S "$SKYLINE_ROOT" -B "$SKYLINE_BUILD" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
    cmake --build "$SKYLINE_BUILD" -j"$(nproc)"
}
