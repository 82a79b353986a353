# Thin wrapper over CMake/Ninja; the README's two commands are `make demo` and `make test`.
BUILD ?= build
JOBS  ?= $(shell nproc)
# ON in CI (.ci/run): warnings fail the build. Applies when a build directory is configured.
WERROR ?= OFF
# A fresh build directory compiles each layer as unity translation units (16 sources per unit, each
# header parsed once per unit): a clean build, CI's case, takes far less CPU. UNITY=OFF for a
# directory that rebuilds one file at a time; `make style` compiles every file on its own anyway.
UNITY ?= ON

.PHONY: deps configure build build-cli static package ci-file-linters demo test style update-golden sam-tables managed-policies readme-rules sarif-validator vscode-extension cdk-tools cdk-fixture test-asan fuzz fuzz-smoke bench bench-lsp pictures clean

deps:
	@./scripts/install-deps.sh

configure: deps
	@[ -f $(BUILD)/build.ninja ] || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
	  -DVPCLINT_WERROR=$(WERROR) -DCMAKE_UNITY_BUILD=$(UNITY) -DCMAKE_UNITY_BUILD_BATCH_SIZE=16

# Everything: vpclint, the tests, the man page, the benchmark helper. Configures again so that
# a build directory first made by `make demo` (before doctest was installed) gains the tests.
build: configure
	@./scripts/install-deps.sh test
	@cmake $(BUILD) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# The vpclint executable alone, for what only runs it (demo, README table, pictures).
build-cli: configure
	@cmake --build $(BUILD) -j $(JOBS) --target vpclint

# The portable executable alone, in its own build directory without the tests: fully static
# (libc included), so it runs on any Linux x86-64 and in an empty root. The Dockerfile uses it.
static: deps
	@[ -f build-static/build.ninja ] || cmake -S . -B build-static -G Ninja -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DBUILD_TESTING=OFF -DVPCLINT_WERROR=$(WERROR)
	@cmake --build build-static -j $(JOBS) --target vpclint
	@if readelf -l build-static/vpclint | grep -q 'Requesting program interpreter'; then \
	  echo "build-static/vpclint is not static (no static libc, yaml-cpp or re2 archive?)" >&2; exit 1; fi
	@echo "build-static/vpclint: static executable"

# build/packages/vpclint-<version>-linux-x86_64.tar.gz and vpclint_<version>_amd64.deb (CPack).
package: build
	@./scripts/install-deps.sh package
	@cd $(BUILD) && cmake . >/dev/null && cpack

# Lints the bundled example; vpclint's exit code (1: findings) is shown, not treated as a failure.
# Its own build directory, tuned for the first run on a fresh machine: the executable alone, the
# layers batched into unity translation units (each header parsed once per batch) at -O1. That
# halves the compile; the lint itself still takes milliseconds. `make test` builds in build/.
demo: deps
	@[ -f build-demo/build.ninja ] || cmake -S . -B build-demo -G Ninja -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_CXX_FLAGS_RELEASE="-O1 -DNDEBUG" -DBUILD_TESTING=OFF -DCMAKE_UNITY_BUILD=ON \
	  -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 >/dev/null
	@cmake --build build-demo -j $(JOBS) --target vpclint
	@./build-demo/vpclint examples/order-cancel/template.yaml; echo "(vpclint exit code: $$?)"

# Microsoft's SARIF validator (npm), used by the formats test suite.
sarif-validator: configure
	@./scripts/install-deps.sh sarif
	@[ -x $(BUILD)/tools/node_modules/.bin/sarif-multitool ] || \
	  for i in 1 2 3; do \
	    npm install --silent --no-audit --no-fund --prefix $(BUILD)/tools @microsoft/sarif-multitool@5.7.0 && break; \
	    [ $$i -lt 3 ] || exit 1; echo "npm install failed, retrying in $$((i * 10)) s" >&2; sleep $$((i * 10)); \
	  done

# The linters of the files that ship vpclint to other CI (npm): dockerfile-utils for the Dockerfile,
# action-validator for action.yml and .github/workflows/; tests/distribution's ci-files test runs them.
ci-file-linters: configure
	@./scripts/install-deps.sh sarif
	@[ -x $(BUILD)/tools/node_modules/.bin/dockerfile-utils ] && [ -x $(BUILD)/tools/node_modules/.bin/action-validator ] || \
	  for i in 1 2 3; do \
	    npm install --silent --no-audit --no-fund --save-exact --prefix $(BUILD)/tools dockerfile-utils@0.16.3 @action-validator/cli@0.6.0 && break; \
	    [ $$i -lt 3 ] || exit 1; echo "npm install failed, retrying in $$((i * 10)) s" >&2; sleep $$((i * 10)); \
	  done

# The VS Code extension (editors/vscode/) packaged as $(BUILD)/vpclint-<version>.vsix: its one
# dependency (vscode-languageclient) and @vscode/vsce from npm, pinned and retried as above.
VSCODE_VERSION = $(shell sed -n 's/^  "version": "\(.*\)",$$/\1/p' editors/vscode/package.json)
vscode-extension: configure
	@./scripts/install-deps.sh sarif
	@rm -rf $(BUILD)/vscode && mkdir -p $(BUILD)/vscode && cp editors/vscode/* LICENSE $(BUILD)/vscode/
	@for i in 1 2 3; do \
	    (cd $(BUILD)/vscode && npm install --silent --no-audit --no-fund --omit=dev) && \
	    { [ -x $(BUILD)/tools/node_modules/.bin/vsce ] || \
	      npm install --silent --no-audit --no-fund --save-exact --prefix $(BUILD)/tools @vscode/vsce@2.32.0; } && break; \
	    [ $$i -lt 3 ] || exit 1; echo "npm install failed, retrying in $$((i * 10)) s" >&2; sleep $$((i * 10)); \
	  done
	@cd $(BUILD)/vscode && ../tools/node_modules/.bin/vsce package --out ../vpclint-$(VSCODE_VERSION).vsix

# The pinned AWS CDK (npm) that synthesizes fixtures/cdk/app for the cdk-synth test.
cdk-tools: configure
	@[ -x $(BUILD)/tools/cdk/node_modules/.bin/cdk ] && [ -d $(BUILD)/tools/cdk/node_modules/aws-cdk-lib ] || \
	  for i in 1 2 3; do \
	    npm install --silent --no-audit --no-fund --save-exact --prefix $(BUILD)/tools/cdk \
	      aws-cdk-lib@2.276.0 constructs@10.8.1 aws-cdk@2.1148.1 && break; \
	    [ $$i -lt 3 ] || exit 1; echo "npm install failed, retrying in $$((i * 10)) s" >&2; sleep $$((i * 10)); \
	  done

# Checks that the committed fixtures/cdk/app/cdk.out is what `cdk synth` writes (scripts/cdk_fixture.sh);
# the cdk-synth test runs the same check.
cdk-fixture: cdk-tools
	@BUILD=$(BUILD) ./scripts/cdk_fixture.sh

# Graphviz too, so the graph suite renders the DOT it checks instead of skipping that test.
test: build sarif-validator ci-file-linters cdk-tools
	@./scripts/install-deps.sh pictures
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# clang-format and clang-tidy over vpclint's own code (scripts/check-style.sh); CI runs it.
style: configure
	@./scripts/check-style.sh

# Rewrites fixtures/*/bad_*.expected.txt (each bad fixture's full text output) from today's
# vpclint, and deletes goldens whose fixture is gone; review the diff before committing it.
update-golden: build
	@cd $(BUILD) && VPCLINT_UPDATE_GOLDEN=1 ctest -R '^fixtures$$' --output-on-failure

# Regenerates src/analysis/generated/ from ../shared/data/sam-translator beside the repository;
# the scripts test suite fails when the committed tables differ from what this makes.
sam-tables:
	@python3 scripts/gen_sam_tables.py

# Regenerates src/analysis/generated/aws_managed_policies.* (every AWS managed IAM policy) from
# ../shared/data/aws-managed-policies; the scripts test suite fails when they differ from this.
managed-policies:
	@python3 scripts/gen_managed_policies.py

# Rewrites README.md's rules table (between <!-- rules:begin --> and <!-- rules:end -->) from the
# registry; the cli test fails when the README and `vpclint --list-rules --format markdown` differ.
readme-rules: build-cli
	@grep -q '^<!-- rules:begin -->$$' README.md && grep -q '^<!-- rules:end -->$$' README.md || \
	  { echo "README.md lacks the <!-- rules:begin --> / <!-- rules:end --> markers" >&2; exit 1; }
	@./$(BUILD)/vpclint --list-rules --format markdown > $(BUILD)/rules-table.md
	@awk -v table=$(BUILD)/rules-table.md \
	  '/<!-- rules:end -->/ { skip = 0 } !skip { print } \
	   /<!-- rules:begin -->/ { while ((getline line < table) > 0) print line; skip = 1 }' \
	  README.md > $(BUILD)/README.md.new
	@cat $(BUILD)/README.md.new > README.md && rm -f $(BUILD)/README.md.new $(BUILD)/rules-table.md

# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer (clang): the tests
# and the vpclint they run, not the benchmark helper. The same build holds the fuzz target. The
# asan test preset leaves out cdk-synth and ci-files, which run npm tools and never vpclint.
test-asan: deps
	@./scripts/install-deps.sh fuzz
	@cmake --preset asan -DVPCLINT_WERROR=$(WERROR) >/dev/null
	@cmake --build --preset asan -j $(JOBS) --target vpclint_tests
	@ctest --preset asan -j $(JOBS)

# libFuzzer over the whole pipeline, seeded from fixtures/ and ../shared/corpus/; built in
# build-asan beside the sanitized tests, so after test-asan only its own file compiles.
FUZZ_SECONDS ?= 60
fuzz: deps
	@./scripts/install-deps.sh fuzz
	@cmake --preset asan -DVPCLINT_WERROR=$(WERROR) >/dev/null
	@cmake --build --preset asan -j $(JOBS) --target vpclint_fuzz vpclint_fuzz_snapshot

fuzz-smoke: fuzz
	@./scripts/fuzz.sh $(FUZZ_SECONDS)

bench: build
	@./bench/run.sh

# `vpclint lsp` latency (didChange to publishDiagnostics), printed; not part of bench/run.sh's report.
bench-lsp: build
	@./$(BUILD)/bench/bench_lsp

# The README's pictures of the bundled example, before and after its fix, drawn by Graphviz.
# bash with pipefail: a failing `vpclint graph` must fail the target, not leave an empty picture.
pictures: SHELL := /bin/bash
pictures: .SHELLFLAGS := -o pipefail -ec
pictures: build-cli
	@./scripts/install-deps.sh pictures
	@mkdir -p docs/img
	@./$(BUILD)/vpclint graph examples/order-cancel/template.yaml --format dot | dot -Tsvg -o docs/img/order-cancel-before.svg
	@./$(BUILD)/vpclint graph examples/order-cancel/template-fixed.yaml --format dot | dot -Tsvg -o docs/img/order-cancel-after.svg

clean:
	@rm -rf $(BUILD) build-asan build-static build-demo
