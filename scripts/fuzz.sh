#!/usr/bin/env bash
# scripts/fuzz.sh PARSER SECONDS [libFuzzer options...]: a fuzzing campaign of one parser
# (tests/fuzz/fuzz_PARSER.cpp) for SECONDS, in its own build folder (build-fuzz, clang,
# libFuzzer + ASan + UBSan, the model libraries only: no Qt).
#   scripts/fuzz.sh project_file 3600      scripts/fuzz.sh trace_csv 600 -jobs=2
# Seeds: tests/fuzz/corpus/PARSER/ and the folders listed in tests/fuzz/PARSER.seeds; the
# corpus grows in build-fuzz/corpus/PARSER/. Dictionary: tests/fuzz/PARSER.dict. A crash is
# copied to tests/fuzz/regressions/PARSER/ (the replay test fuzz_replay_PARSER keeps it
# fixed) and the script fails. SKYLINE_FUZZ_QUIET=1 prints only the summary line.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if (($# < 2)); then
    echo "usage: $0 PARSER SECONDS [libFuzzer options...]" >&2
    echo "parsers: $(cd "$SKYLINE_ROOT/tests/fuzz" && ls fuzz_*.cpp | sed 's/^fuzz_//; s/\.cpp$//' | tr '\n' ' ')" >&2
    exit 2
fi
parser=$1 seconds=$2
shift 2
fuzz_dir="$SKYLINE_ROOT/tests/fuzz"
[ -f "$fuzz_dir/fuzz_$parser.cpp" ] || { echo "no harness tests/fuzz/fuzz_$parser.cpp" >&2; exit 2; }

skyline_install_packages clang libclang-rt-14-dev
build="${SKYLINE_FUZZ_BUILD:-$SKYLINE_ROOT/build-fuzz}"
generator=()
command -v ninja >/dev/null && [ ! -f "$build/Makefile" ] && generator=(-G Ninja)
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$fuzz_dir" -B "$build" "${generator[@]}" "${launcher[@]}" -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=None >/dev/null
cmake --build "$build" -j"$(nproc)" --target "fuzz_$parser" >/dev/null

corpus="$build/corpus/$parser" artifacts="$build/artifacts/$parser"
rm -rf "$artifacts"
mkdir -p "$corpus" "$artifacts" "$fuzz_dir/regressions/$parser"
seeds=("$fuzz_dir/corpus/$parser")
if [ -f "$fuzz_dir/$parser.seeds" ]; then
    while read -r dir; do
        [ -n "$dir" ] && [ "${dir:0:1}" != "#" ] && seeds+=("$SKYLINE_ROOT/$dir")
    done <"$fuzz_dir/$parser.seeds"
fi
options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536
         -artifact_prefix="$artifacts/" -print_final_stats=1)
[ -f "$fuzz_dir/$parser.dict" ] && options+=(-dict="$fuzz_dir/$parser.dict")
log="$build/$parser.log"
status=0
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$build/bin/fuzz_$parser" "${options[@]}" "$@" "$corpus" "${seeds[@]}" >"$log" 2>&1 || status=$?
[ "${SKYLINE_FUZZ_QUIET:-0}" = 1 ] || grep -E '^#[0-9]+\s+(INITED|DONE)|^stat::|ERROR|SUMMARY' "$log" | tail -20 || true
runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
rss=$(grep -E '^stat::peak_rss_mb' "$log" | awk '{print $2}')
found=0
for artifact in "$artifacts"/*; do
    [ -e "$artifact" ] || continue
    cp "$artifact" "$fuzz_dir/regressions/$parser/"
    found=$((found + 1))
done
echo "fuzz $parser: ${runs:-?} inputs in ${seconds} s, peak RSS ${rss:-?} MB, corpus $(ls "$corpus" | wc -l) files, $found crash/hang/leak inputs (log: $log)"
if ((status != 0 || found > 0)); then
    echo "fuzz $parser FAILED: inputs copied to tests/fuzz/regressions/$parser/" >&2
    exit 1
fi
