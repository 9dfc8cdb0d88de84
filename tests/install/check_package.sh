#!/usr/bin/env bash
# Builds the Debian package with scripts/package.sh (which fails on any lintian error) and checks
# that it holds the programs, the desktop entry, the MIME type, the icons and the manual pages.
# Exit 0: pass, 1: fail, 77: lintian or dpkg-shlibdeps is missing (scripts/test.sh installs them).
# usage: check_package.sh SOURCE_DIR BUILD_DIR
set -uo pipefail
source_dir="${1:?usage: check_package.sh SOURCE_DIR BUILD_DIR}"
build="${2:?usage: check_package.sh SOURCE_DIR BUILD_DIR}"
id=io.github.skyline.Skyline

for tool in lintian dpkg-shlibdeps cpack; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed (scripts/test.sh installs it)"
        exit 77
    fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if ! SKYLINE_BUILD="$build" bash "$source_dir/scripts/package.sh" "$work" >"$work/package.log" 2>&1; then
    cat "$work/package.log"
    echo "FAIL: scripts/package.sh (lintian errors are listed above)"
    exit 1
fi
cat "$work/package.log" | grep -v '^\[' # the lintian warnings, for the log
deb="$(ls "$work"/skyline_*_*.deb 2>/dev/null)"
[ -f "$deb" ] || { echo "FAIL: no skyline_*.deb written"; exit 1; }

failures=0
contents="$(dpkg -c "$deb" | awk '{print $6}')"
for file in ./usr/bin/skyline ./usr/bin/skyline-cli ./usr/share/applications/$id.desktop \
    ./usr/share/mime/packages/$id.xml ./usr/share/metainfo/$id.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/$id.svg ./usr/share/icons/hicolor/48x48/apps/$id.png \
    ./usr/share/icons/hicolor/scalable/mimetypes/application-x-skyline.svg \
    ./usr/share/icons/hicolor/48x48/mimetypes/application-x-skyline.png \
    ./usr/share/man/man1/skyline.1.gz ./usr/share/man/man1/skyline-cli.1.gz \
    ./usr/share/skyline/examples/checkout.skyline ./usr/share/doc/skyline/copyright \
    ./usr/share/doc/skyline/changelog.gz; do
    grep -qxF "$file" <<<"$contents" || { echo "FAIL: the package lacks $file"; failures=$((failures + 1)); }
done
for field in "Package: skyline" "Section: devel" "Maintainer: " "Depends: .*libqt6widgets6"; do
    dpkg-deb -f "$deb" | grep -q "^$field" || { echo "FAIL: control has no '$field'"; failures=$((failures + 1)); }
done
[ "$failures" -eq 0 ] || exit 1
echo "PASS: $(basename "$deb"), lintian without errors"
