# zhili: quick start
#   make run    install missing Debian packages, build (Release), run scenarios/default.yaml
#   make test   same set-up, then the whole test suite through ctest
# Other targets: deps, build, view (the viewer on runs/default.h5), bench, validate, sanitize, clean.
# Variables: BUILD (build dir), JOBS.

BUILD ?= build
JOBS  ?= $(shell nproc 2>/dev/null || echo 2)
SUDO  := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

# Everything zhili needs, from Debian 12's archive (nothing is downloaded at build time).
# Open MPI is optional for the build (sweeps over MPI ranks, docs/CLUSTER.md); it is
# listed so that `make test` also runs the mpirun test.
# The viewer (viz/) adds Dear ImGui, stb, GLFW, OpenGL (Mesa renders in software),
# a CJK font, zlib for animated PNGs, and Xvfb for its headless tests (xprop of
# x11-utils checks that the tests' Xvfb does not reset between clients).
PACKAGES := cmake make g++ git pkg-config \
            libtbb-dev libhdf5-dev hdf5-tools libyaml-cpp-dev libeigen3-dev libcli11-dev \
            librandom123-dev libgtest-dev libgmock-dev libbenchmark-dev \
            python3 python3-h5py python3-numpy python3-pandas \
            libopenmpi-dev openmpi-bin \
            libimgui-dev libstb-dev libglfw3-dev libgl-dev libgl1-mesa-dri fonts-wqy-microhei zlib1g-dev \
            xvfb xauth x11-utils

.PHONY: all deps configure build run view test bench sanitize validate clean

all: build

deps:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "zhili: installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	else \
	  echo "zhili: all Debian packages present"; \
	fi

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@mkdir -p runs
	$(BUILD)/bin/zhili run scenarios/default.yaml -o runs/default.h5

# The viewer on the result of `make run` (docs/VIEWER.md).
view: build
	@test -f runs/default.h5 || $(MAKE) --no-print-directory run
	$(BUILD)/bin/zhili-view runs/default.h5

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, in
# its own build directory (docs/ARCHITECTURE.md, "Checked builds").
SANITIZE_BUILD ?= build-sanitize
sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZHILI_SANITIZE=address,undefined \
	  -DZHILI_BUILD_BENCH=OFF
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitize/lsan.supp \
	  ctest --test-dir $(SANITIZE_BUILD) --output-on-failure -j $(JOBS) --timeout 1200

# The validation build: the engine checks its own invariants after every phase
# (core/validate.hpp, model/validation.hpp), on every shipped scenario briefly.
VALIDATE_BUILD ?= build-validate
validate: deps
	cmake -S . -B $(VALIDATE_BUILD) -DCMAKE_BUILD_TYPE=Release -DZHILI_VALIDATE=ON \
	  -DZHILI_BUILD_BENCH=OFF -DZHILI_BUILD_VIEWER=OFF
	cmake --build $(VALIDATE_BUILD) -j $(JOBS) --target zhili test_core
	tests/validate/run.sh $(VALIDATE_BUILD)

bench: build
	$(BUILD)/bin/zhili-bench-kernels --benchmark_min_time=0.2
	$(BUILD)/bin/zhili-bench-run

clean:
	rm -rf $(BUILD)
