# qnread — `make run` opens the reader on the bundled demo feeds, `make test` runs every test.
# Each target installs the Debian packages it needs when they are missing.

SWIFT ?= swift
SHARED ?= ../shared
# Raised as the parser improves; `make conformance` fails below it. The 4 pairs that differ are gofeed policies
# qnread does not share on purpose: an RSS <link href="…"> preferred over the first <link> text (3 pairs), and
# only the first of several dc:creator kept as author (1 pair). See Tests/FeedParsingTests/GofeedDifferenceTests.swift.
CONFORMANCE_MIN ?= 101

# libcurl4-openssl-dev: FeedFetching fetches through libcurl (Sources/CCurl), built against its headers and opened
# with dlopen by the first transfer (libcurl4 at run time); only qnread-tool opens it, and
# `qnread` itself (the reader) links no network library at all.
BUILD_PACKAGES = pkg-config libncursesw5-dev libxml2-dev libsqlite3-dev libxxhash-dev libcurl4-openssl-dev libzstd-dev
# python3 and openssl start the hostile servers of the fetch tests (compression bombs, a self-signed TLS server).
# gettext checks the message catalogue against the code (scripts/messages); locales makes the fr_CA.UTF-8 locale
# the French reader tests run in (scripts/ensure-locale); zsh and fish run the completion scripts `make install`
# writes for them (CompletionScriptTests; bash is there already).
TEST_PACKAGES = tmux python3 openssl gettext locales zsh fish
TEST_LOCALES = fr_CA.UTF-8
# The sync tests and benchmark run against a real Tiny Tiny RSS that scripts/ttrss-server installs (debconf
# preseeded), then starts on 127.0.0.1. php8.2-cgi and php-cgi satisfy tt-rss's "libapache2-mod-php | php-cgi |
# php" (else apt pulls apache); dbconfig-pgsql and php-pgsql choose PostgreSQL over the MySQL alternatives.
TTRSS_PACKAGES = postgresql tt-rss dbconfig-pgsql php-pgsql php8.2-cgi php-cgi php8.2 php php-curl python3
# gettext: scripts/man-page --language fr reads po/fr.po through msgfmt.
INSTALL_PACKAGES = python3 gettext
BENCH_PACKAGES = libxml2-utils sfeed newsboat w3m hyperfine python3 time sqlite3 valgrind binutils gcc

PREFIX ?= /usr/local
DESTDIR ?=

# `make fuzz` runs each fuzz target (Fuzz/README.md) this many seconds; FUZZ_TARGETS picks some of them, and
# FUZZ_CONFIG=release trades the debug build's checks for about three times the inputs a second; FUZZ_RUNS=N
# also stops each target after N inputs.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= feed article feedlist opml config search
FUZZ_CONFIG ?= debug

.PHONY: run test conformance fuzz bench build release deps test-deps bench-deps install-deps install

deps:
	@scripts/ensure-packages $(BUILD_PACKAGES)

test-deps: deps
	@scripts/ensure-packages $(TEST_PACKAGES)
	@scripts/ensure-locale $(TEST_LOCALES)
	@TTRSS_PACKAGES="$(TTRSS_PACKAGES)" scripts/ttrss-server start

bench-deps: deps
	@scripts/ensure-packages $(BENCH_PACKAGES)
	@TTRSS_PACKAGES="$(TTRSS_PACKAGES)" scripts/ttrss-server start

install-deps:
	@scripts/ensure-packages $(INSTALL_PACKAGES)

build: deps
	$(SWIFT) build --product qnread
	$(SWIFT) build --product qnread-tool

# The release programs carry the Swift runtime and Foundation inside them (--static-swift-stdlib): fewer shared
# libraries to load at each start.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product qnread
	$(SWIFT) build -c release --static-swift-stdlib --product qnread-tool

# A debug build, shared with `make test`: a first release build takes up to 15 minutes on 2 cores.
run: build
	scripts/run-demo .build/debug/qnread

# The dependency rules first: they need no build, and a target that reaches one it must not fails at once.
test: test-deps
	SWIFT=$(SWIFT) scripts/check-dependencies
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

conformance: build
	@scripts/conformance $(SHARED) $(CONFORMANCE_MIN) .build/debug/qnread

# libFuzzer and AddressSanitizer come with the Swift toolchain; the build goes to .build-fuzz, never .build.
fuzz: deps
	@FUZZ_CONFIG=$(FUZZ_CONFIG) FUZZ_RUNS=$(FUZZ_RUNS) scripts/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

bench: release bench-deps
	@for script in bench/*.sh; do echo "== $$script"; bash "$$script" .build/release/qnread || exit 1; done

# The two programs (each finds the other beside itself), the themes (found at ../share/qnread/themes),
# a man page, in English and in French (share/man/fr/man1, which man shows under a French locale), and shell
# completions, all generated from the command tables (Sources/ArgumentTables): the completions by qnread itself,
# the man page by scripts/man-page from `qnread-tool --dump-help` and `manual-data`.
install: release install-deps
	mkdir -p .build/man
	scripts/man-page .build/release/qnread-tool > .build/man/qnread.1
	scripts/man-page --language fr .build/release/qnread-tool > .build/man/qnread.fr.1
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/qnread/themes" "$(DESTDIR)$(PREFIX)/share/man/man1" \
		"$(DESTDIR)$(PREFIX)/share/man/fr/man1" \
		"$(DESTDIR)$(PREFIX)/share/bash-completion/completions" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" \
		"$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 .build/release/qnread "$(DESTDIR)$(PREFIX)/bin/qnread"
	install -m 755 .build/release/qnread-tool "$(DESTDIR)$(PREFIX)/bin/qnread-tool"
	install -m 644 themes/*.toml "$(DESTDIR)$(PREFIX)/share/qnread/themes/"
	.build/release/qnread --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/qnread"
	.build/release/qnread --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_qnread"
	.build/release/qnread --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/qnread.fish"
	install -m 644 .build/man/qnread.1 "$(DESTDIR)$(PREFIX)/share/man/man1/qnread.1"
	install -m 644 .build/man/qnread.fr.1 "$(DESTDIR)$(PREFIX)/share/man/fr/man1/qnread.1"
