#!/bin/sh
# Install Debian's Chromium for the browser test (tests/test_site.py), only when it is missing.
#
#   sh tools/install_chromium.sh        (as root, or with sudo available)
#
# The test drives Chromium through its DevTools protocol, so no driver and no browser download
# from elsewhere is needed: only the distribution's package.
set -eu

for name in chromium chromium-browser; do
    if command -v "$name" >/dev/null 2>&1; then
        echo "install_chromium: $name is already installed ($(command -v "$name"))"
        exit 0
    fi
done

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_chromium: no apt-get on this machine; install Chromium by hand" >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install_chromium: not root and no sudo; run this script as root" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q chromium
echo "install_chromium: installed $(command -v chromium)"
