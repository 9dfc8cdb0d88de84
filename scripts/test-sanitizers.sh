#!/usr/bin/env bash
# AddressSanitizer + UndefinedBehaviorSanitizer build (folder build-asan, GCC) of the model,
# import, document, CLI and widget tests and the fuzz replays, run through CTest, headless,
# with leak checking. Benchmarks are not built; the HTML report test (Chromium) is skipped.
# Run by .ci/run after scripts/test.sh. Extra arguments go to ctest (e.g. -R tst_recovery).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
skyline_install_packages
SKYLINE_BUILD="${SKYLINE_ASAN_BUILD:-$SKYLINE_ROOT/build-asan}"
sanitize="-fsanitize=address,undefined -fno-omit-frame-pointer"
# -O1: a third of the compile time of -O2, and stacks that still name every frame.
# The folder once took 13 GB and a CI machine ran out of disk building it: every test
# executable carried its own instrumented copy of the project's libraries (100-340 MB each,
# most of it UBSan's check records and their relocations). Shared libraries hold one copy;
# -g1 keeps line tables and function names, which is all a sanitizer report prints.
skyline_build -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O1" \
    -DCMAKE_CXX_FLAGS="$sanitize" -DCMAKE_EXE_LINKER_FLAGS="$sanitize" \
    -DCMAKE_SHARED_LINKER_FLAGS="$sanitize" -DSKYLINE_LIBRARY_TYPE=SHARED \
    -DSKYLINE_BUILD_BENCHMARKS=OFF ${SKYLINE_CMAKE_EXTRA:-}
export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_init_order=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS="suppressions=$SKYLINE_ROOT/tests/sanitizers/lsan.supp:print_suppressions=0"
cd "$SKYLINE_BUILD"
# Not here: the Chromium report check, and the installation and packaging checks (they would
# install and lint a sanitizer build, which is not what users get).
ctest --output-on-failure -j"$(nproc)" -E '^(report_chromium|install_prefix|install_debian_package)$' "$@"
