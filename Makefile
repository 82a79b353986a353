# Thin wrapper over CMake/Ninja; the README's two commands are `make demo` and `make test`.
BUILD ?= build
JOBS  ?= $(shell nproc)

.PHONY: deps configure build demo test sarif-validator test-asan fuzz fuzz-smoke bench clean

deps:
	@./scripts/install-deps.sh

configure: deps
	@[ -f $(BUILD)/build.ninja ] || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# Lints the bundled example; vpclint's exit code (1: findings) is shown, not treated as a failure.
demo: build
	@./$(BUILD)/vpclint examples/order-cancel/template.yaml; echo "(vpclint exit code: $$?)"

# Microsoft's SARIF validator (npm), used by the formats test suite.
sarif-validator: configure
	@./scripts/install-deps.sh sarif
	@[ -x $(BUILD)/tools/node_modules/.bin/sarif-multitool ] || \
	  npm install --silent --no-audit --no-fund --prefix $(BUILD)/tools @microsoft/sarif-multitool@5.7.0

test: build sarif-validator
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@ctest --preset asan -j $(JOBS)

# libFuzzer over the whole pipeline, seeded from fixtures/ and ../shared/corpus/.
FUZZ_SECONDS ?= 60
fuzz: deps
	@./scripts/install-deps.sh fuzz
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS) --target vpclint_fuzz

fuzz-smoke: fuzz
	@./scripts/fuzz.sh $(FUZZ_SECONDS)

bench: build
	@./bench/run.sh

clean:
	@rm -rf $(BUILD) build-asan build-fuzz
