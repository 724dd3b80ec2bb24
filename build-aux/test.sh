#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs every test: the core, the
# command line, the data files, and the widgets under a headless X server
# with a private session bus. Extra arguments go to meson test.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/setup.sh

status=0
dbus-run-session -- xvfb-run -a -s '-screen 0 1920x1200x24' \
  meson test -C _build --print-errorlogs "$@" || status=$?

# One plain closing line, whatever the runner printed above.
python3 - _build/meson-logs/testlog.json <<'PY'
import json, sys
passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit "$status"
