# qnread — `make run` opens the reader on the bundled demo feeds, `make test` runs every test.
# Each target installs the Debian packages it needs when they are missing.

SWIFT ?= swift
SHARED ?= ../shared
# Raised as the parser improves; `make conformance` fails below it. The 4 pairs that differ are gofeed policies
# qnread does not share on purpose: an RSS <link href="…"> preferred over the first <link> text (3 pairs), and
# only the first of several dc:creator kept as author (1 pair). See Tests/FeedParsingTests/GofeedDifferenceTests.swift.
CONFORMANCE_MIN ?= 101

BUILD_PACKAGES = pkg-config libncursesw5-dev libxml2-dev libsqlite3-dev
TEST_PACKAGES = tmux python3
BENCH_PACKAGES = libxml2-utils sfeed newsboat w3m hyperfine python3 time sqlite3

.PHONY: run test conformance bench build release deps test-deps bench-deps

deps:
	@scripts/ensure-packages $(BUILD_PACKAGES)

test-deps: deps
	@scripts/ensure-packages $(TEST_PACKAGES)

bench-deps: deps
	@scripts/ensure-packages $(BENCH_PACKAGES)

build: deps
	$(SWIFT) build --product qnread

release: deps
	$(SWIFT) build -c release --product qnread

run: release
	scripts/run-demo .build/release/qnread

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

conformance: build
	@scripts/conformance $(SHARED) $(CONFORMANCE_MIN) .build/debug/qnread

bench: release bench-deps
	@for script in bench/*.sh; do echo "== $$script"; bash "$$script" .build/release/qnread || exit 1; done
