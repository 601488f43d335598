# Folio's entry points. Each target installs what it needs first (scripts/bootstrap.sh).
# On an offline machine, point FOLIO_DATA at a folder holding mnist/ (e.g. FOLIO_DATA=/path/to/data).

.PHONY: setup build run test bench fixtures install

# Where `make install` puts the folio binary: $(PREFIX)/bin/folio.
PREFIX ?= /usr/local

setup:
	@bash scripts/bootstrap.sh

build: setup
	swift build -c release --product folio

# Copies the release binary to $(PREFIX)/bin (e.g. `make install PREFIX=$HOME/.local`).
install: build
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 .build/release/folio "$(DESTDIR)$(PREFIX)/bin/folio"

# Runs the MNIST walkthrough and writes output/mnist.html.
run: build
	.build/release/folio run notebooks/mnist.md

# The unit and CLI tests, then the reports as a reader sees them (Chromium at 390 and 1280 px, and
# print): scripts/browser-check.py, screenshots in output/browser-check/; hostile prose against the
# Content-Security-Policy: scripts/csp-check.py; then `folio preview` in Chromium (the open page reloads
# itself on save): scripts/preview-check.py; then the report's drawing pad against the engine
# (scripts/pad-check.py, output/pad-check/); then 60 s of mutation fuzzing (scripts/fuzz.sh) with the
# release binary: a debug binary's training runs of the fuzzer's small notebooks take over the 5 s hang
# limit of CPU time.
test: setup
	swift test --disable-swift-testing
	swift build --product folio
	python3 scripts/browser-check.py --folio .build/debug/folio --out output/browser-check
	python3 scripts/preview-check.py --folio .build/debug/folio --out output/preview-check
	python3 scripts/csp-check.py --folio .build/debug/folio --out output/csp-check
	python3 scripts/pad-check.py --folio .build/debug/folio --out output/pad-check
	swift build -c release --product folio
	FOLIO_BINARY=.build/release/folio bash scripts/fuzz.sh 60

bench: setup
	swift build -c release --product folio-bench
	.build/release/folio-bench --case seed-mlp
	.build/release/folio-bench --case mlp-512

# Rewrites the small MNIST and Fashion-MNIST fixtures and the garment photos under Tests/Fixtures
# (needs the full MNIST in FOLIO_DATA, and Debian's dataset-fashion-mnist, which setup installs).
fixtures: setup
	python3 scripts/make-fixtures.py
	python3 scripts/make-fixtures.py --fashion
