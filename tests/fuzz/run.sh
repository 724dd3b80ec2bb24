#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs each libFuzzer target for SECONDS seconds over a copy of its seed
# corpus (the source tree is never written to), with the dictionary.
# Builds _fuzz with clang first if it is not there. Fails on any crash,
# leak or sanitizer report; the crashing input is kept and named.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:?usage: tests/fuzz/run.sh SECONDS [TARGET ...]}
build=_fuzz

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dbenchmarks=false
fi
ninja -C "$build" -j2 tests/fuzz/fuzz-document tests/fuzz/fuzz-draft \
  tests/fuzz/fuzz-aif tests/fuzz/fuzz-dot tests/fuzz/fuzz-places tests/fuzz/fuzz-map \
  app/quotegraph-layout

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# As the tests run: warnings are not fatal here (bad input may warn, an
# error is reported as one), criticals are (they abort: a bug).
export G_DEBUG=gc-friendly
export LC_ALL=C.UTF-8
export ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# fuzz-dot lays out in the layout worker, as the window does: Graphviz
# 2.42 frees memory twice on some graphs when their layout is freed
# (tests/fuzz/known/graphviz-flat-edge-double-free.gv, found here), which
# the worker, ending without freeing, never does; a crash of the worker
# is an error the target sees, not a crash of the target. Its layouts
# are cached in the run's own folder.
export QUOTEGRAPH_LAYOUT_WORKER=$PWD/$build/app/quotegraph-layout
export XDG_CACHE_HOME=$work/cache
shift
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(fuzz-document fuzz-draft fuzz-aif fuzz-dot fuzz-places fuzz-map)
fi

# The seeds: the test data each target's code is tested with, and the
# target's own corpus (tests/fuzz/corpus/TARGET: inputs no test holds).
seeds() {
  case "$1" in
    fuzz-document)
      echo tests/data/valid/empty-map.json tests/data/valid/unsafe-title.json \
        tests/data/broken/{article-both-texts,entity-id-duplicate,format-unsupported,quote-not-object}.json ;;
    fuzz-draft) echo tests/data/html/*.html tests/data/draft/court.txt tests/data/draft/sports.txt ;;
    fuzz-aif) echo tests/data/aif/*.json tests/data/aif/broken/*.json ;;
    fuzz-dot) echo tests/data/dot/*.gv tests/fuzz/known/*.gv ;;
  esac
  if [ -d tests/fuzz/corpus/"$1" ]; then
    echo tests/fuzz/corpus/"$1"/*
  fi
}

status=0
for target in "${targets[@]}"; do
  mkdir -p "$work/$target" "$work/$target-artifacts"
  # shellcheck disable=SC2046 # the seeds' paths have no spaces
  cp $(seeds "$target") "$work/$target"/
  echo "== $target: $seconds s"
  if ! "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
      -dict=tests/fuzz/quotegraph.dict -artifact_prefix="$work/$target-artifacts/" \
      -print_final_stats=1 "$work/$target"; then
    status=1
    for artifact in "$work/$target-artifacts"/*; do
      [ -e "$artifact" ] || continue
      kept="$build/$target-$(basename "$artifact")"
      cp "$artifact" "$kept"
      echo "$target failed on $kept" >&2
    done
  fi
done
exit $status
