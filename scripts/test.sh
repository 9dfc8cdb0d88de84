#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through CTest, headless.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# Packages only the tests need: chromium opens the HTML report headless (tests/report).
SKYLINE_TEST_ONLY_PACKAGES=(chromium)
skyline_install_packages "${SKYLINE_TEST_ONLY_PACKAGES[@]}" ${SKYLINE_TEST_PACKAGES:-}
skyline_build
export QT_QPA_PLATFORM=offscreen
cd "$SKYLINE_BUILD"
ctest --output-on-failure -j"$(nproc)" "$@"
