#!/usr/bin/env bash
# Installs what Folio needs on a Debian machine that has the Swift toolchain. Idempotent: it only
# calls apt-get when a package is missing, and pip when playwright is. Run as root, or with sudo available.
# The browser check (scripts/browser-check.py) drives Debian's chromium through the playwright pip
# package; it never runs `playwright install` (no browser download).
set -euo pipefail
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libopenblas-dev libstb-dev zlib1g-dev pkgconf
          chromium dataset-fashion-mnist python3 python3-pip)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "bootstrap: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  log=$(mktemp)
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; exit 1; }
  rm -f "$log"
fi
command -v swift >/dev/null || { echo "bootstrap: the Swift toolchain (6.x) is not on PATH; install it from swift.org" >&2; exit 1; }
if ! python3 -c 'import playwright' >/dev/null 2>&1; then
  echo "bootstrap: installing playwright (pip)" >&2
  pip=(python3 -m pip install --quiet --disable-pip-version-check playwright)
  # Debian's own python3 refuses system-wide pip installs (PEP 668) unless told otherwise.
  "${pip[@]}" 2>/dev/null || "${pip[@]}" --break-system-packages
fi
