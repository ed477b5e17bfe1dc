# gonsenter: a drop-in nsenter in pure Go with a built-in tcpdump.
# Every target builds with CGO_ENABLED=0: the binary must stay static.
GO      ?= go
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X github.com/gonsenter/gonsenter/internal/version.Version=$(VERSION)
export CGO_ENABLED=0

.PHONY: all build test demo install bench fuzz vet clean release cross-test release-image

# make release: reproducible static binaries for every architecture below,
# a tarball each and SHA256SUMS, in $(DIST)/ (scripts/release.sh says how).
# SOURCE_DATE_EPOCH (the last commit's time) stamps the tarballs.
DIST              ?= dist
RELEASE_ARCHES    ?= amd64 arm64 armv7 386 riscv64 s390x ppc64le loong64
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
# Architectures whose unit tests run under qemu-user in make cross-test.
CROSS_ARCHES      ?= arm64 386 s390x riscv64
RELEASE_ENV = GO='$(GO)' DIST='$(DIST)' VERSION='$(VERSION)' \
	SOURCE_DATE_EPOCH='$(SOURCE_DATE_EPOCH)' RELEASE_ARCHES='$(RELEASE_ARCHES)'

all: build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o bin/gonsenter ./cmd/gonsenter

vet:
	$(GO) vet ./...
	GOOS=darwin $(GO) vet ./bpf/... ./compat/... ./pcap
	GOARCH=386 $(GO) vet ./...
	GOARCH=arm64 $(GO) vet ./...

# Privileged tests run as root (CI is root) and skip with a hint otherwise.
test: build vet
	GONSENTER_BIN=$(CURDIR)/bin/gonsenter $(GO) test -count=1 -timeout 30m ./...

demo: build
	./scripts/demo.sh

install: build
	install -D -m 0755 bin/gonsenter $(DESTDIR)$(BINDIR)/gonsenter
	ln -sf gonsenter $(DESTDIR)$(BINDIR)/nsenter
	ln -sf gonsenter $(DESTDIR)$(BINDIR)/tcpdump
	install -D -m 0644 man/gonsenter.1 $(DESTDIR)$(MANDIR)/man1/gonsenter.1

# Side by side with util-linux nsenter and tcpdump; writes BENCHMARKS.md
# (root for the namespace and capture sections; under 10 minutes).
bench: build
	$(GO) run ./bench -bin $(CURDIR)/bin/gonsenter -out BENCHMARKS.md

# Each native fuzz target (scripts/fuzz.sh lists them): every parser of
# untrusted input (argument vectors, filter expressions, capture files, packet
# bytes, container runtimes' state). FUZZTIME is a duration, or `quick`: a
# fixed number of executions per target, about 10 s each, which CI runs after
# make test. New crashers land in the package's testdata/fuzz and then run as
# ordinary tests.
FUZZTIME ?= 30s
fuzz:
	GO='$(GO)' FUZZTIME='$(FUZZTIME)' bash scripts/fuzz.sh

release:
	$(RELEASE_ENV) bash scripts/release.sh

# The non-privileged test packages for CROSS_ARCHES under qemu-user, then
# every release binary under its qemu against amd64's output
# (scripts/cross-test.sh; fails when an emulator is missing).
cross-test: release
	$(RELEASE_ENV) CROSS_ARCHES='$(CROSS_ARCHES)' bash scripts/cross-test.sh

# The multi-arch FROM-scratch image of $(DIST)'s binaries, written offline
# as an OCI archive, $(DIST)/gonsenter-image-$(VERSION).tar, and loaded into
# docker as $(IMAGE):$(VERSION)-<arch> when a daemon answers (LOAD=0: not).
IMAGE ?= gonsenter
LOAD  ?= 1
release-image: release
	$(RELEASE_ENV) IMAGE='$(IMAGE)' LOAD='$(LOAD)' bash scripts/release-image.sh

clean:
	rm -rf bin $(DIST)
