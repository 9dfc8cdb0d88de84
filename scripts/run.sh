#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and opens Skyline on an example model.
# Extra arguments are passed to the app (e.g. a .skyline file to open instead).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
skyline_install_packages
skyline_build
if [ $# -eq 0 ]; then
    set -- "$SKYLINE_ROOT/resources/examples/checkout.skyline"
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found: starting Skyline under xvfb-run (nothing will be visible)."
    exec xvfb-run -a "$SKYLINE_BUILD/bin/skyline" "$@"
fi
exec "$SKYLINE_BUILD/bin/skyline" "$@"
