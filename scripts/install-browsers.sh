#!/bin/sh
# Installs the browsers the browser suites run in, from Debian, when missing: Chromium, Firefox
# ESR, WebKitGTK's WebDriver (with MiniBrowser) and Xvfb for it. Needs root; does nothing when all
# are there. README's test command and .ci/run call it; `pnpm test` itself installs nothing.
set -eu
missing=""
[ -x "${CHROME_PATH:-/usr/bin/chromium}" ] || missing="$missing chromium"
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || missing="$missing firefox-esr"
[ -x "${WEBKIT_DRIVER_PATH:-/usr/bin/WebKitWebDriver}" ] || missing="$missing webkit2gtk-driver"
command -v Xvfb >/dev/null 2>&1 || missing="$missing xvfb"
[ -z "$missing" ] && exit 0
echo "Installing from Debian:$missing"
apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
