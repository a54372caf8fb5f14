#!/bin/sh
# System packages the project needs, installed from Debian's archive:
#   chromium, chromium-driver  headless browser for the HTML report test (tests/test_report_browser.py)
#   wordnet-base               WordNet 3.0 database, read by scripts/build_synonyms.py and the spun
#                              damage generator (scripts/spinner.py); not needed at run time
# Skips what is already installed; does nothing (with a note) when apt-get is missing or we are not root.
set -eu
PACKAGES="chromium chromium-driver wordnet-base"
missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_system_deps: apt-get not found; install$missing yourself" >&2
    exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install_system_deps: installing$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
