#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through CTest, headless.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# Packages only the tests need: chromium opens the HTML report headless (tests/report); the
# installation checks (tests/install) validate the desktop files, detect the file type, render
# the manual pages, and build and lint the Debian package.
SKYLINE_TEST_ONLY_PACKAGES=(chromium
    desktop-file-utils appstream libxml2-utils shared-mime-info libglib2.0-bin man-db
    dpkg-dev file lintian xdg-utils)
skyline_install_packages "${SKYLINE_TEST_ONLY_PACKAGES[@]}" ${SKYLINE_TEST_PACKAGES:-}
skyline_build
export QT_QPA_PLATFORM=offscreen
cd "$SKYLINE_BUILD"
ctest --output-on-failure -j"$(nproc)" "$@"
