#!/usr/bin/env bash
# Debian packages the app and the tests need. As root (CI) they are installed; otherwise named.
#   system_deps.sh        everything the test suite needs (missing packages stop the run)
#   system_deps.sh run    what the GUI needs on a desktop or under xvfb-run (only a warning)
set -euo pipefail
RUN_PACKAGES=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3  # Qt
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0      # Qt's xcb platform
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  xvfb                                                 # running the GUI with no display
  fonts-dejavu-core fonts-noto-core                    # Cyrillic and Arabic-script glyphs
)
TEST_PACKAGES=(
  minisign age                                         # independent checks of sync bundles
  libreoffice-calc-nogui                               # opens our xlsx exports as a counterpart would
  postgresql                                           # a real server for the HQ tests (scripts/pg_test_server.sh)
)
mode="${1:-test}"
PACKAGES=("${RUN_PACKAGES[@]}")
[ "$mode" = run ] || PACKAGES+=("${TEST_PACKAGES[@]}")
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
elif [ "$mode" = run ]; then
  echo "Note: the GUI may need these Debian packages, which are missing:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
else
  echo "The tests need these Debian packages, which are missing:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  echo "Install them (or run 'make test' as root) and try again." >&2
  exit 1
fi
