# Borgerdialog: two commands matter. `make serve` installs, builds and starts; `make test` installs,
# builds and runs every test.
SWIFT ?= swift
HOST ?= 127.0.0.1
PORT ?= 8080
DATA ?= ./data
# The address tablets reach the service by (e.g. https://borgerdialog.kommune.dk); empty: the browser's own.
PUBLIC_URL ?=
RELEASE_BINARY = .build/release/borgerdialog
DEBUG_BINARY = .build/debug/borgerdialog

.PHONY: serve test build build-debug dependencies test-dependencies bench bench-http bench-analysis torture torture-quick unit-tests browser-tests form-schema-check fuzz fuzz-quick clean

serve: dependencies build
	$(RELEASE_BINARY) serve --host $(HOST) --port $(PORT) --data $(DATA) --forms Forms --static Static $(if $(PUBLIC_URL),--public-url $(PUBLIC_URL))

test: test-dependencies build-debug unit-tests fuzz-quick form-schema-check torture-quick browser-tests

dependencies:
	@scripts/install-dependencies build

test-dependencies:
	@scripts/install-dependencies test

build:
	$(SWIFT) build -c release --product borgerdialog

build-debug:
	$(SWIFT) build --build-tests

unit-tests:
	$(SWIFT) test --skip-build

form-schema-check:
	python3 scripts/check-form-schema.py Forms

browser-tests:
	BORGERDIALOG_BINARY=$(DEBUG_BINARY) python3 -m pytest -q Tests/Browser

# Kill -9 the server while tablets submit, restart, repeat; every acknowledged answer must be stored once.
torture-quick:
	BORGERDIALOG_BINARY=$(DEBUG_BINARY) python3 Tests/Torture/torture.py --quick

torture: test-dependencies build-debug
	BORGERDIALOG_BINARY=$(DEBUG_BINARY) python3 Tests/Torture/torture.py

# libFuzzer on the form loader, request bodies, URLs and cookies (Fuzz/README.md); exits 1 on any crash.
fuzz-quick:
	scripts/fuzz --seconds 20

fuzz: dependencies
	scripts/fuzz --seconds 600

bench: bench-http bench-analysis

bench-http: build
	@scripts/install-dependencies bench
	BORGERDIALOG_BIN=$(RELEASE_BINARY) bench/http/run

bench-analysis: build
	@scripts/install-dependencies bench
	BORGERDIALOG_BIN=$(RELEASE_BINARY) bench/analysis/run

clean:
	rm -rf .build
