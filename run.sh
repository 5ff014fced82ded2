#!/usr/bin/env bash
# tlspp's one entry point. On a fresh Debian 12 machine:
#   ./run.sh demo   installs what is missing, builds, and runs the main demo
#   ./run.sh test   installs what is missing, builds, and runs the whole test suite:
#                   every ctest label with g++ (interop aside), then every label including
#                   interop under AddressSanitizer + UndefinedBehaviorSanitizer (clang), then a
#                   short run of every fuzz target
# Other subcommands: deps, build, unit, interop, sanitize, fuzz [seconds], clean.
set -euo pipefail
cd "$(dirname "$0")"

JOBS=${JOBS:-$(nproc)}
FUZZ_SECONDS=${FUZZ_SECONDS:-10}

# Debian packages tlspp needs: compilers and build tools, the two crypto libraries, GoogleTest,
# and the peers the interop tests start (openssl, gnutls-bin, libnss3-tools) plus tshark.
PACKAGES=(cmake make g++ clang libclang-rt-14-dev pkg-config libsodium-dev libcrypto++-dev
          libgtest-dev openssl gnutls-bin libnss3-tools tshark)

deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "run.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "run.sh: missing Debian packages. Install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

# -O1 with line tables (-g1): backtraces and sanitizer reports keep file:line, and a build
# takes about half the time of -O2 -g (CI has two cores). For measurements with tls-bench,
# build with -DCMAKE_BUILD_TYPE=Release instead.
configure() {  # configure <dir> [cmake args...]
  local dir=$1; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" "$@" >/dev/null
}

build() {
  configure build
  cmake --build build -j "$JOBS"
}

# The g++ build runs every label but `interop`; the interop tests (real OpenSSL, GnuTLS and NSS
# peers, one at a time) run once, in the sanitized build, where they also check our side for
# memory errors. `./run.sh interop` runs them in the g++ build.
unit() {
  build
  (cd build && ctest --output-on-failure -j "$JOBS" -LE interop)
}

# Runs ctest in <dir> with the remaining arguments, then counts the interop matrix's lines
# (Matrix/OurClient.AgainstPeerServer/<tool>_<version>_<suite> and Matrix/OurServer...) in its
# output: per tool and in all, how many passed, were skipped (peer missing) or failed.
ctest_with_matrix_count() {
  local dir=$1; shift
  local log rc=0
  log=$(mktemp)
  (cd "$dir" && ctest "$@") | tee "$log" || rc=$?
  awk '
    match($0, /Test +#[0-9]+: Matrix\/Our[A-Za-z]+\.[A-Za-z]+\/[a-z]+_/) {
      split(substr($0, RSTART, RLENGTH), parts, "/"); tool = parts[3]; sub(/_$/, "", tool)
      outcome = /Passed/ ? "passed" : /Skipped/ ? "skipped" : "failed"
      count[tool, outcome]++; total[outcome]++; tools[tool] = 1; all++
    }
    END {
      if (!all) exit
      printf "interop matrix: %d combinations, %d passed, %d skipped, %d failed\n", all,
             total["passed"], total["skipped"], total["failed"]
      n = split("openssl gnutls nss", order, " ")
      for (i = 1; i <= n; i++) if (order[i] in tools) {
        t = order[i]
        printf "  %-8s %d passed, %d skipped, %d failed\n", t, count[t, "passed"],
               count[t, "skipped"], count[t, "failed"]
      }
    }' "$log"
  rm -f "$log"
  return "$rc"
}

interop() {
  build
  ctest_with_matrix_count build --output-on-failure -L interop
}

# One clang build serves two purposes: the whole test suite under AddressSanitizer +
# UndefinedBehaviorSanitizer, and the libFuzzer targets (which need clang and are sanitized the
# same way). Building it once keeps `./run.sh test` within CI's time.
sanitized_build() {
  configure build-asan -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DTLS_SANITIZE=address,undefined -DTLS_BUILD_FUZZERS=ON -DTLS_BUILD_EXAMPLES=ON \
    -DTLS_BUILD_BENCH=OFF
  cmake --build build-asan -j "$JOBS"
}

sanitize() {
  sanitized_build
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest_with_matrix_count build-asan --output-on-failure -j "$JOBS"
}

fuzz() {
  local seconds=${1:-$FUZZ_SECONDS}
  sanitized_build
  local top=$PWD
  for src in fuzz/*_fuzzer.cpp; do
    local name seeds work
    name=$(basename "$src" .cpp)
    seeds=fuzz/corpus/${name%_fuzzer}
    work=$(mktemp -d)
    mkdir "$work/corpus"
    [ -d "$seeds" ] && cp -r "$seeds"/. "$work/corpus"/ 2>/dev/null || true
    echo "run.sh: fuzzing $name for ${seconds}s"
    # A crash input is written into $work (the fuzzer's working directory); on failure the whole
    # report is shown and the directory kept.
    if ! (cd "$work" && "$top/build-asan/$name" -max_total_time="$seconds" \
            -print_final_stats=0 corpus >log 2>&1); then
      cat "$work/log" >&2
      echo "run.sh: $name failed; its inputs are in $work" >&2
      return 1
    fi
    tail -n 1 "$work/log"
    rm -rf "$work"
  done
}

demo() {
  configure build
  cmake --build build -j "$JOBS" --target tls-step
  ./build/tls-step --version tls1.2 --cipher ECDHE-RSA-AES128-GCM-SHA256 --seed 1
}

case "${1:-}" in
  demo) deps; demo ;;
  test) deps; unit; sanitize; fuzz ;;
  deps) deps ;;
  build) deps; build ;;
  unit) deps; unit ;;
  interop) deps; interop ;;
  sanitize) deps; sanitize ;;
  fuzz) deps; fuzz "${2:-$FUZZ_SECONDS}" ;;
  clean) rm -rf build build-asan ;;
  *) sed -n '2,10p' "$0"; exit 2 ;;
esac
