#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through CTest, headless; then a short
# fuzzing run of every parser (tests/fuzz, SKYLINE_FUZZ_SECONDS each, default 60; 0 skips it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# Packages only the tests need: chromium opens the HTML report headless (tests/report); the
# installation checks (tests/install) validate the desktop files, detect the file type, render
# the manual pages, and build and lint the Debian package; clang and its runtime (libFuzzer,
# sanitizers) build the fuzzers (scripts/fuzz.sh).
SKYLINE_TEST_ONLY_PACKAGES=(
    chromium
    desktop-file-utils appstream libxml2-utils shared-mime-info libglib2.0-bin man-db
    dpkg-dev file lintian xdg-utils
    clang
    libclang-rt-14-dev
)
skyline_install_packages "${SKYLINE_TEST_ONLY_PACKAGES[@]}" ${SKYLINE_TEST_PACKAGES:-}
skyline_build
export QT_QPA_PLATFORM=offscreen
(cd "$SKYLINE_BUILD" && ctest --output-on-failure -j"$(nproc)" "$@")

# The fuzz step of the tests is deterministic (a fixed seed and number of inputs, at most
# SKYLINE_FUZZ_SECONDS each), so that it can pass or fail only with the code: what it tries
# here was tried before the change landed. Finding new bugs is the job of longer campaigns
# (scripts/fuzz.sh PARSER SECONDS), whose finds become regression inputs.
fuzz_seconds=${SKYLINE_FUZZ_SECONDS:-60}
fuzz_runs=${SKYLINE_FUZZ_RUNS:-3000}
if ((fuzz_seconds > 0)) && command -v clang++ >/dev/null; then
    for harness in "$SKYLINE_ROOT"/tests/fuzz/fuzz_*.cpp; do
        parser=$(basename "$harness" .cpp)
        SKYLINE_FUZZ_QUIET=1 bash "$SKYLINE_ROOT/scripts/fuzz.sh" "${parser#fuzz_}" "$fuzz_seconds" \
            -seed=1 -runs="$fuzz_runs"
    done
fi
