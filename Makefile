# Developer entry points. The first two are the README's: serve the dashboard, run every test.
# Each installs what it needs on first use (see .ci/setup); later runs skip that quickly.
SHELL := /bin/bash
.DEFAULT_GOAL := help
WASM := source .ci/wasm-env &&
# Trunk runs cargo offline; fetching first brings the crates (and, on the Debian toolchain, the
# standard library's own dependencies) into the local registry.
TRUNK := $(WASM) export EU_IOM_DATA_ORIGINS="$(DATA_ORIGINS)" && cargo fetch --quiet --target wasm32-unknown-unknown && trunk
# Release builds: the same, with the smaller standard library where the toolchain allows it.
TRUNK_RELEASE := WASM_RELEASE=1 $(TRUNK)
PUBLIC_URL ?= /
DIST ?= dist
# Origins allowed to frame the dashboard (Content-Security-Policy frame-ancestors).
FRAME_ANCESTORS ?= 'self'
# Other origins ?data= may load datasets from (space-separated); none by default.
DATA_ORIGINS ?=
# The site's public address (https://…/), for absolute addresses in metadata and social previews.
SITE_URL ?=
# on: a service worker keeps the dashboard usable offline; off: no worker (removes an earlier one).
SERVICE_WORKER ?= on
# Another build of the same code whose compressed copies compress may take where they decode to
# this build's bytes (make test's sub-path build takes dist/'s); none by default.
REUSE_COPIES ?=

# Cases of `make fuzz`, shared out between the properties of tests/it/fuzz.rs.
FUZZ_CASES ?= 12000000

.PHONY: help serve test dist test-native lint test-e2e bench size data check-data fuzz

help:
	@echo "make serve   serve the dashboard on http://127.0.0.1:8080 (embedded default data)"
	@echo "make test    run every test: native, clippy, release build, browser end-to-end"
	@echo ""
	@echo "The quick loop, natively (no browser, no WebAssembly build):"
	@echo "cargo test        unit tests, tests/it (dataset, pipeline, snapshots, house rules)"
	@echo "make test-native  the same for every target, as make test runs it"
	@echo ""
	@echo "Builds, data and measurements:"
	@echo "make dist    release build into dist/ (PUBLIC_URL=/sub/path/ for a sub-path, SITE_URL=https://…/, SERVICE_WORKER=off)"
	@echo "make data    rebuild public/data/eu-iom-figures.json from the research file"
	@echo "make bench   print size and speed figures"
	@echo "make size    what the main WebAssembly module is made of (after make dist)"
	@echo "make fuzz    property tests at depth: $(FUZZ_CASES) cases, about ten minutes"

serve:
	@.ci/setup wasm
	$(TRUNK) serve --filehash false

dist:
	@.ci/setup release
	$(TRUNK_RELEASE) build --release --public-url "$(PUBLIC_URL)" --dist "$(DIST)"
	@# The staff page is its own page and module, built beside the dashboard (Trunk builds one page at a time).
	$(TRUNK_RELEASE) build staff.html --release --public-url "$(PUBLIC_URL)" --dist "$(DIST).staff"
	@# Trunk names the page it built index.html.
	cp "$(DIST).staff"/index.html "$(DIST)"/staff.html
	cp "$(DIST).staff"/eu-iom-staff-*.js "$(DIST).staff"/eu-iom-staff-*_bg.wasm "$(DIST)"/
	rm -rf "$(DIST).staff"
	cargo run --quiet --bin eu-iom-data -- prerender "$(DIST)" "$(DIST)/data/eu-iom-figures.json"
	cargo run --quiet --bin eu-iom-data -- publish "$(DIST)" "$(DIST)/data/eu-iom-figures.json" --site-url "$(SITE_URL)" --service-worker "$(SERVICE_WORKER)"
	cargo run --quiet --bin eu-iom-data -- csp "$(DIST)" --frame-ancestors "$(FRAME_ANCESTORS)" --connect "$(DATA_ORIGINS)"
	@# Last: the copies must be of the final files (csp rewrites index.html).
	cargo run --quiet --bin eu-iom-data -- compress "$(DIST)" $(if $(REUSE_COPIES),--reuse "$(REUSE_COPIES)")

test:
	@.ci/setup test
	$(MAKE) --no-print-directory test-native lint
	$(MAKE) --no-print-directory dist
	$(MAKE) --no-print-directory size
	$(MAKE) --no-print-directory dist PUBLIC_URL=/sub/dash/ DIST=target/dist-subpath REUSE_COPIES=dist
	$(MAKE) --no-print-directory test-e2e

test-native:
	cargo test --all-targets --quiet

lint:
	cargo fmt --check
	cargo clippy --all-targets --quiet -- -D warnings
	@# Clippy for wasm32 needs rustup's wasm32 standard library; Debian's rustc-web has no clippy.
	@if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then \
		echo "cargo clippy --target wasm32-unknown-unknown"; \
		CARGO_TARGET_DIR=target/web cargo clippy --lib --bin eu-iom-dashboard --bin eu-iom-staff --target wasm32-unknown-unknown --quiet -- -D warnings; \
	else echo "[lint] wasm32 clippy skipped: rustup has no wasm32 target on this machine"; fi

test-e2e:
	cd tests/e2e && npm test

bench:
	@.ci/setup test
	$(MAKE) --no-print-directory dist
	cd tests/e2e && node bench.mjs

# The main module's size and its parts, from the last `make dist` (the compiler's module is in
# the release build's target directory, which .ci/wasm-env chooses).
size:
	@WASM_RELEASE=1 $(WASM) export DIST_DIR="$(abspath $(DIST))" && \
		cd tests/e2e && node size.mjs "$$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/eu-iom-dashboard.wasm"

fuzz:
	cargo test --quiet --profile fuzz --test it --no-run
	time FUZZ_CASES=$(FUZZ_CASES) cargo test --profile fuzz --test it fuzz::

data:
	@.ci/setup data
	cargo run --quiet --bin eu-iom-data -- import-research tests/fixtures/research/eu-iom-sources.json \
		tests/e2e/node_modules/i18n-iso-countries/langs --details-fr tests/fixtures/research/metric-details.fr.json \
		--compiled 2026-12-07 --out public/data/eu-iom-figures.json

check-data:
	cargo run --quiet --bin eu-iom-data -- check public/data/eu-iom-figures.json
