#!/usr/bin/env bash
# Installs what Folio needs on a Debian machine that has the Swift toolchain. Idempotent: it only
# calls apt-get when a package is missing. Run as root, or with sudo available.
set -euo pipefail
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libopenblas-dev libstb-dev zlib1g-dev pkgconf)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "bootstrap: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "bootstrap: the Swift toolchain (6.x) is not on PATH; install it from swift.org" >&2; exit 1; }
