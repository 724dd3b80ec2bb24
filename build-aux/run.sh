#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and opens Quotegraph; with no FILE it
# shows the bundled Kaspersky map. Arguments are passed to quotegraph.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/deps.sh
if [ ! -f _build/build.ninja ]; then
  meson setup _build
fi
meson compile -C _build

# Not installed: point GSettings at the schema compiled in the build tree.
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
exec _build/app/quotegraph "$@"
