#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a translation in po/LINGUAS is not whole for the sources as
they are: each is merged with a template made afresh from POTFILES.in (as
meson's i18n module makes it, GLib's keywords) and must have no
untranslated and no fuzzy message (msgfmt --check --statistics), and the
plural forms its language needs.

check-translations.py SOURCE_ROOT"""

import os
import re
import subprocess
import sys
import tempfile

# The number of plural forms each language takes (gettext's manual).
PLURALS = {"de": 2, "ru": 3}

top = sys.argv[1]
po_dir = os.path.join(top, "po")
with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
    languages = [w for line in f if not line.startswith("#") for w in line.split()]

problems = []
with tempfile.TemporaryDirectory() as work:
    pot = os.path.join(work, "quotegraph.pot")
    subprocess.run(["xgettext", "--package-name=quotegraph", "--from-code=UTF-8",
                    "--add-comments", "-f", os.path.join(po_dir, "POTFILES.in"), "-D", top,
                    "-o", pot, "-k_", "-kN_", "-kC_:1c,2", "-kNC_:1c,2", "-kg_dcgettext:2",
                    "-kg_dngettext:2,3", "-kg_dpgettext2:2c,3",
                    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
                    "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
                    "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
                    "--flag=g_string_append_printf:2:c-format",
                    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
                    "--flag=g_markup_printf_escaped:1:c-format",
                    "--flag=g_printf:1:c-format", "--flag=g_print:1:c-format",
                    "--flag=g_printerr:1:c-format", "--flag=printf:1:c-format"],
                   check=True, capture_output=True)
    for lang in languages:
        po = os.path.join(po_dir, lang + ".po")
        merged = os.path.join(work, lang + ".po")
        if not os.path.exists(po):
            problems.append(f"{po}: missing, though po/LINGUAS lists {lang}")
            continue
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot],
                       check=True)
        result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, merged],
                                capture_output=True, text=True)
        stats = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
        print(f"{lang}: {stats}")
        if result.returncode != 0:
            problems.append(f"{po}: {result.stderr.strip()}")
        if "untranslated" in stats or "fuzzy" in stats:
            problems.append(f"{po}: not whole: {stats}")
        with open(po, encoding="utf-8") as f:
            header = f.read(4000)
        match = re.search(r"nplurals=(\d+)", header)
        if lang in PLURALS and (match is None or int(match.group(1)) != PLURALS[lang]):
            problems.append(f"{po}: Plural-Forms must have nplurals={PLURALS[lang]}")

for p in problems:
    print(p, file=sys.stderr)
print(f"{len(languages)} translations checked")
sys.exit(1 if problems else 0)
