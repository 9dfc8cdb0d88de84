#!/usr/bin/env bash
# Installs the build into a temporary prefix (cmake --install) and checks it as a desktop user's
# system would: the desktop entry, the AppStream metainfo and the MIME type pass Debian's
# validators, .skyline files are recognised (by name and by content), the manual pages render,
# and the installed programs work from a folder outside the source tree.
# Exit 0: pass, 1: fail, 77: a checking tool is missing (scripts/test.sh installs them).
# usage: check_install.sh BUILD_DIR
set -uo pipefail
build="${1:?usage: check_install.sh BUILD_DIR}"
id=io.github.skyline.Skyline

for tool in desktop-file-validate appstreamcli xmllint update-mime-database gio man; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed (scripts/test.sh installs it)"
        exit 77
    fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

if ! cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1; then
    cat "$work/install.log"
    echo "FAIL: cmake --install"
    exit 1
fi

# 1. Every file a desktop user needs, where the freedesktop.org specifications look for it.
for file in bin/skyline bin/skyline-cli \
    share/applications/$id.desktop share/metainfo/$id.metainfo.xml share/mime/packages/$id.xml \
    share/icons/hicolor/scalable/apps/$id.svg share/icons/hicolor/48x48/apps/$id.png \
    share/icons/hicolor/scalable/mimetypes/application-x-skyline.svg \
    share/icons/hicolor/48x48/mimetypes/application-x-skyline.png \
    share/man/man1/skyline.1.gz share/man/man1/skyline-cli.1.gz \
    share/skyline/examples/checkout.skyline share/doc/skyline/copyright; do
    [ -s "$prefix/$file" ] || fail "$file is not installed"
done
# A PNG's width and height are the big-endian words at bytes 16 and 20.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{print $3*256+$4 "x" $7*256+$8}'; }
for png in "$prefix"/share/icons/hicolor/*x*/*/*.png; do
    want="$(basename "$(dirname "$(dirname "$png")")")"
    [ "$(png_size "$png")" = "$want" ] || fail "$png is $(png_size "$png"), not $want"
done

# 2. Debian's validators.
desktop-file-validate "$prefix/share/applications/$id.desktop" || fail "desktop-file-validate"
grep -qx 'Exec=skyline %F' "$prefix/share/applications/$id.desktop" || fail "Exec is not 'skyline %F'"
grep -qx "Icon=$id" "$prefix/share/applications/$id.desktop" || fail "Icon is not $id"
grep -qx "MimeType=application/x-skyline;" "$prefix/share/applications/$id.desktop" \
    || fail "the desktop entry does not open application/x-skyline"
appstreamcli validate --no-net "$prefix/share/metainfo/$id.metainfo.xml" || fail "appstreamcli validate"
xmllint --noout "$prefix/share/mime/packages/$id.xml" || fail "xmllint on the MIME type"
# The version the programs print has its release in the metainfo and the changelog.
version="$("$prefix/bin/skyline-cli" --version | awk '{print $2}')"
grep -q "<release version=\"$version\"" "$prefix/share/metainfo/$id.metainfo.xml" \
    || fail "the metainfo has no <release> for version $version"
gzip -dc "$prefix/share/doc/skyline/changelog.gz" | head -1 | grep -qF "skyline ($version)" \
    || fail "the changelog does not start with version $version"

# 3. The file type: by name, and by content (a file without the extension), as GLib sees it.
update-mime-database "$prefix/share/mime" || fail "update-mime-database"
mkdir -p "$work/elsewhere"
cp "$prefix/share/skyline/examples/checkout.skyline" "$work/elsewhere/checkout.skyline"
cp "$prefix/share/skyline/examples/checkout.skyline" "$work/elsewhere/no-extension"
printf '{ "name": "plain JSON" }\n' >"$work/elsewhere/plain.json"
content_type() {
    XDG_DATA_DIRS="$prefix/share:/usr/share" XDG_DATA_HOME="$work/data" \
        gio info -a standard::content-type "$1" 2>/dev/null | sed -n 's/.*standard::content-type: //p'
}
for file in checkout.skyline no-extension; do
    type="$(content_type "$work/elsewhere/$file")"
    [ "$type" = application/x-skyline ] || fail "$file is '$type', not application/x-skyline"
done
type="$(content_type "$work/elsewhere/plain.json")"
[ "$type" = application/json ] || fail "plain.json is '$type', not application/json"

# 4. The manual pages render without troff warnings and hold their sections.
for page in skyline skyline-cli; do
    text="$(MANWIDTH=80 man --warnings -l "$prefix/share/man/man1/$page.1.gz" 2>"$work/man-$page.err")"
    [ -s "$work/man-$page.err" ] && fail "man $page: $(cat "$work/man-$page.err")"
    for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES; do
        grep -q "^$section" <<<"$text" || fail "man $page has no $section section"
    done
done

# 5. The installed programs, run from a folder outside the source and build trees, with a
#    fresh home (nothing read from the build or the user's settings).
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/data"
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
cd "$work/elsewhere" || exit 1
for example in "$prefix"/share/skyline/examples/*.skyline; do
    "$prefix/bin/skyline-cli" validate "$example" >/dev/null || fail "skyline-cli validate $example"
done
"$prefix/bin/skyline-cli" evaluate "$prefix/share/skyline/examples/checkout.skyline" >evaluation.json \
    || fail "skyline-cli evaluate"
grep -q '"monthlyCostUsd"' evaluation.json || fail "skyline-cli evaluate printed no monthly cost"
"$prefix/bin/skyline-cli" evaluate --help | grep -q -- '--per-minute' || fail "skyline-cli evaluate --help"

QT_QPA_PLATFORM=offscreen timeout -k 5 30 "$prefix/bin/skyline" --help >gui-help.txt 2>/dev/null \
    || fail "skyline --help"
grep -q -- "--quit-after-load" gui-help.txt || fail "skyline --help does not list --quit-after-load"
QT_QPA_PLATFORM=offscreen timeout -k 5 60 "$prefix/bin/skyline" --quit-after-load \
    "$prefix/share/skyline/examples/checkout.skyline" "$work/elsewhere/no-extension" \
    || fail "skyline --quit-after-load on two installed examples (exit $?)"
printf 'not a project\n' >broken.skyline
QT_QPA_PLATFORM=offscreen timeout -k 5 60 "$prefix/bin/skyline" --quit-after-load broken.skyline \
    2>gui.err
status=$?
[ "$status" = 1 ] || fail "skyline --quit-after-load on a broken file exited $status, not 1"
grep -q "broken.skyline" gui.err || fail "skyline did not name the broken file: $(cat gui.err)"

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "PASS: installed into $prefix and checked"
