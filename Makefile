# Folio's entry points. Each target installs what it needs first (scripts/bootstrap.sh).
# On an offline machine, point FOLIO_DATA at a folder holding mnist/ (e.g. FOLIO_DATA=../shared/data).

.PHONY: setup build run test bench fixtures

setup:
	@bash scripts/bootstrap.sh

build: setup
	swift build -c release --product folio

# Runs the MNIST walkthrough and writes output/mnist.html.
run: build
	.build/release/folio run notebooks/mnist.md

test: setup
	swift test --disable-swift-testing

bench: setup
	swift build -c release --product folio-bench
	.build/release/folio-bench --case seed-mlp
	.build/release/folio-bench --case mlp-512

# Rewrites the small MNIST fixtures under Tests/Fixtures (needs the full data in FOLIO_DATA).
fixtures:
	python3 scripts/make-fixtures.py
