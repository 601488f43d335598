#!/usr/bin/env bash
# Mutation-fuzzes `folio check` and small `folio run`s for SECONDS (default 60); see scripts/fuzz.py.
# Exit 1 when an input crashed folio, hung, or left a wrong report; the input is kept under output/fuzz/.
# Uses .build/release/folio (built here if missing); FOLIO_BINARY chooses another.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
binary="${FOLIO_BINARY:-.build/release/folio}"
if [ ! -x "$binary" ]; then swift build -c release --product folio; fi
exec python3 scripts/fuzz.py "$seconds" "$binary"
