#!/usr/bin/env bash
# Screenshots of the three examples for docs/screenshots/ (issue 10): the main window and the
# comparison, in English and German, at 1600×1000, and the main window at 1024×700 as well.
#
#   scripts/screenshots.sh [OUT_DIR]      (default docs/screenshots; needs build/bin/skyline)
#   SKYLINE_SCREENSHOT_EXAMPLES="thumbnails" SKYLINE_SCREENSHOT_LANGUAGES="de" scripts/screenshots.sh
#
# Each shot runs the studio on a private X server (Xvfb -displayfd picks a free display) with
# openbox, a fresh settings folder (only the language set) and no recovery copies, so the
# result depends on the code and the example only. It waits until the window stops changing
# (evaluation, load sweep and simulation done) before it takes the picture. Needs xvfb,
# openbox, xdotool and imagemagick (`import`).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${SKYLINE_BUILD:-$ROOT/build}"
OUT="${1:-$ROOT/docs/screenshots}"
SKYLINE="$BUILD/bin/skyline"
read -r -a EXAMPLES <<<"${SKYLINE_SCREENSHOT_EXAMPLES:-checkout iot-telemetry thumbnails}"
read -r -a LANGUAGES <<<"${SKYLINE_SCREENSHOT_LANGUAGES:-en de}"
SETTLE_S=2       # a shot every SETTLE_S seconds ...
STABLE_SHOTS=4   # ... and the window counts as settled after this many equal ones in a row
                 # (a candidate's simulation shows no progress for up to a few seconds)
MAX_WAIT_S=90    # per shot; a shot that never settles is taken anyway, with a warning

for tool in Xvfb openbox xdotool import compare; do
    command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing" >&2; exit 2; }
done
[ -x "$SKYLINE" ] || { echo "screenshots.sh: build the studio first ($SKYLINE)" >&2; exit 2; }
mkdir -p "$OUT"
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
# Every window undecorated and maximized: the studio fills the screen exactly.
cat >"$WORK/openbox.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<openbox_config xmlns="http://openbox.org/3.4/rc">
  <applications>
    <application class="*" type="normal"><decor>no</decor><maximized>yes</maximized></application>
  </applications>
</openbox_config>
XML

# start_display WIDTH HEIGHT: a private X server and window manager; sets DISPLAY.
start_display() {
    local fd="$WORK/display"
    Xvfb -displayfd 3 -screen 0 "${1}x${2}x24" -nolisten tcp 3>"$fd" 2>/dev/null &
    PIDS+=($!)
    for _ in $(seq 100); do [ -s "$fd" ] && break; sleep 0.1; done
    export DISPLAY=":$(head -1 "$fd")"
    rm -f "$fd"
    openbox --config-file "$WORK/openbox.xml" >/dev/null 2>&1 &
    PIDS+=($!)
    sleep 1
}

stop_display() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    PIDS=()
}

# settle FILE: takes root-window shots until STABLE_SHOTS in a row are equal; keeps the last.
settle() {
    local file="$1" previous="$WORK/previous.png" waited=0 equal=0
    import -window root "$previous"
    while :; do
        sleep "$SETTLE_S"
        waited=$((waited + SETTLE_S))
        import -window root "$file"
        if [ "$(compare -metric AE "$previous" "$file" null: 2>&1 || true)" = "0" ]; then
            equal=$((equal + 1))
            [ "$equal" -ge "$STABLE_SHOTS" ] && return 0
        else
            equal=0
        fi
        if [ "$waited" -ge "$MAX_WAIT_S" ]; then
            echo "screenshots.sh: $(basename "$file") still changing after ${MAX_WAIT_S} s" >&2
            return 0
        fi
        cp "$file" "$previous"
    done
}

# shoot EXAMPLE LANGUAGE WIDTH HEIGHT SUFFIX COMPARE
shoot() {
    local example="$1" language="$2" width="$3" height="$4" suffix="$5" comparison="$6"
    local home="$WORK/home-$language"
    rm -rf "$home"
    mkdir -p "$home/config/Skyline" "$home/data"
    printf '[General]\nlanguage=%s\n' "$language" >"$home/config/Skyline/Skyline.conf"
    start_display "$width" "$height"
    XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" LANG=C.UTF-8 \
        "$SKYLINE" "$ROOT/resources/examples/$example.skyline" >/dev/null 2>&1 &
    local app=$!
    PIDS+=("$app")
    local window=""
    for _ in $(seq 150); do
        window="$(xdotool search --onlyvisible --pid "$app" --class skyline 2>/dev/null | head -1 || true)"
        [ -n "$window" ] && break
        sleep 0.2
    done
    [ -n "$window" ] || { echo "screenshots.sh: no window for $example" >&2; exit 1; }
    xdotool windowactivate --sync "$window" 2>/dev/null || true
    if [ "$comparison" = yes ]; then
        settle "$WORK/unused.png"
        xdotool windowactivate --sync "$window" key --clearmodifiers ctrl+shift+c
    fi
    local name="$example-$suffix-$language.png"
    settle "$WORK/$name"
    cp "$WORK/$name" "$OUT/$name"
    echo "$OUT/$name"
    stop_display
}

for language in "${LANGUAGES[@]}"; do
    for example in "${EXAMPLES[@]}"; do
        shoot "$example" "$language" 1600 1000 main no
        shoot "$example" "$language" 1024 700 main-1024x700 no
        shoot "$example" "$language" 1600 1000 comparison yes
    done
done
