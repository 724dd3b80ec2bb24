#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The set-up both README commands share: install what is missing, configure
# _build once, and build.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/deps.sh
if [ ! -f _build/build.ninja ]; then
  meson setup _build
fi
meson compile -C _build
