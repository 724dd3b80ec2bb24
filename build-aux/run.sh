#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and opens Quotegraph; with no FILE it
# shows the bundled Kaspersky map. Arguments are passed to quotegraph, and
# a FILE is taken relative to the folder the command is run from.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

"$root/build-aux/setup.sh"

# Not installed: point GSettings at the schema compiled in the build tree.
export GSETTINGS_SCHEMA_DIR="$root/_build/data"
# And at its translations, built there too.
export QUOTEGRAPH_LOCALEDIR="$root/_build/po"
exec "$root/_build/app/quotegraph" "$@"
