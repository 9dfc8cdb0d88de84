#!/usr/bin/env bash
# Opens a generated decision record in headless Chromium and checks that the browser decodes
# every embedded image (the report's own script marks <body data-images-loaded="true"> once all
# <img> elements have naturalWidth > 0). Exit 0: pass, 1: fail, 77: Chromium is not installed.
# usage: check_report_chromium.sh SKYLINE_CLI EXAMPLE.skyline
set -uo pipefail

cli="${1:?usage: check_report_chromium.sh SKYLINE_CLI EXAMPLE.skyline}"
example="${2:?usage: check_report_chromium.sh SKYLINE_CLI EXAMPLE.skyline}"

browser=""
for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then
        browser="$(command -v "$name")"
        break
    fi
done
if [ -z "$browser" ]; then
    echo "SKIP: no chromium on PATH (scripts/test.sh installs it)"
    exit 77
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
report="$work/report.html"

if ! QT_QPA_PLATFORM=offscreen timeout -k 10 120 "$cli" report "$example" --out "$report"; then
    echo "FAIL: skyline-cli report did not write $report"
    exit 1
fi
images=$(grep -o '<img ' "$report" | wc -l)
if [ "$images" -lt 2 ]; then
    echo "FAIL: the report embeds $images image(s)"
    exit 1
fi

run_browser() {
    # A throwaway profile and HOME: nothing is read from or left in the user's.
    HOME="$work" timeout -k 10 90 "$browser" --headless --no-sandbox --disable-gpu \
        --disable-dev-shm-usage --disable-background-networking --disable-component-update \
        --disable-sync --no-first-run --no-default-browser-check --mute-audio \
        --user-data-dir="$(mktemp -d -p "$work")" "$@" 2>"$work/browser.log"
}

dom=""
for attempt in 1 2; do
    dom="$(run_browser --dump-dom "file://$report")"
    [ -n "$dom" ] && break
    echo "chromium printed nothing (attempt $attempt); its log:"
    tail -5 "$work/browser.log"
done

body="$(printf '%s' "$dom" | grep -o '<body[^>]*>' | head -1)"
echo "chromium $("$browser" --version 2>/dev/null | head -1); report images: $images; body: $body"
if [[ "$body" != *'data-images-loaded="true"'* ]]; then
    echo "FAIL: the browser did not load every image of the report"
    exit 1
fi
if [[ "$body" != *"data-image-count=\"$images\""* ]]; then
    echo "FAIL: the browser saw a different number of images than the file has ($images)"
    exit 1
fi
echo "PASS: all $images images of the report load in chromium"
exit 0
