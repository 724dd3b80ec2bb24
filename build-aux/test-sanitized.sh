#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The whole suite again, built with AddressSanitizer and
# UndefinedBehaviorSanitizer in _asan (leaks inside Graphviz and the
# libraries GTK loads are suppressed in tests/lsan*.supp, each with its
# reason). CI runs it after build-aux/test.sh. Extra arguments go to
# meson test.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/deps.sh
if [ ! -f _asan/build.ninja ]; then
  meson setup _asan -Db_sanitize=address,undefined -Db_lundef=false -Dbenchmarks=false
fi
meson compile -C _asan

# Slower under the sanitizers: each test gets three times its time.
dbus-run-session -- xvfb-run -a -s '-screen 0 1920x1200x24' \
  meson test -C _asan --print-errorlogs --timeout-multiplier 3 "$@"
