#!/usr/bin/env bash
# Full-page screenshots of a Folio report as readers see it: 1280 px (a laptop) and 390 px (a phone),
# each in the light and the dark colour scheme, in Debian's Chromium driven by Python playwright.
#
# Usage: scripts/screenshot.sh REPORT.html [OUT_DIR]     (OUT_DIR defaults to output/screenshots)
# Writes OUT_DIR/NAME-1280-light.png, NAME-1280-dark.png, NAME-390-light.png, NAME-390-dark.png.
# Needs: chromium (apt) and playwright (pip) -- scripts/bootstrap.sh installs both.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 || "$1" == "-h" || "$1" == "--help" ]]; then
  echo "usage: scripts/screenshot.sh REPORT.html [OUT_DIR]" >&2
  exit 2
fi
report="$1"
out="${2:-output/screenshots}"
if [[ ! -f "$report" ]]; then
  echo "error: no report at $report" >&2
  exit 2
fi
mkdir -p "$out"

python3 - "$report" "$out" <<'PY'
import os
import sys
from pathlib import Path
from playwright.sync_api import sync_playwright

report, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
chromium = os.environ.get("FOLIO_CHROMIUM", "/usr/bin/chromium")
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
    page = browser.new_page()
    for width in (1280, 390):
        for scheme in ("light", "dark"):
            page.set_viewport_size({"width": width, "height": 900})
            page.emulate_media(media="screen", color_scheme=scheme)
            page.goto(report.as_uri())
            path = out / f"{report.stem}-{width}-{scheme}.png"
            page.screenshot(path=str(path), full_page=True)
            print(path)
    browser.close()
PY
