# Thin wrapper over CMake/Ninja; the README's two commands are `make demo` and `make test`.
BUILD ?= build
JOBS  ?= $(shell nproc)

.PHONY: deps configure build demo test clean

deps:
	@./scripts/install-deps.sh

configure: deps
	@[ -f $(BUILD)/build.ninja ] || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# Lints the bundled example; vpclint's exit code (1: findings) is shown, not treated as a failure.
demo: build
	@./$(BUILD)/vpclint examples/order-cancel/template.yaml; echo "(vpclint exit code: $$?)"

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	@rm -rf $(BUILD)
