#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The program speaks German and Russian: with each translation built
(meson builds po/LANG.po into BUILD/po) and a locale of the language made
with localedef, `quotegraph --help` and an error of `--check` are in it.

check-translated-run.py QUOTEGRAPH BUILD_PO_DIR"""

import os
import subprocess
import sys
import tempfile

program, po_dir = sys.argv[1], sys.argv[2]
expected = {
    "de": ("de_DE", ["Aufruf:", "DATEI"], "Datei"),
    "ru": ("ru_RU", ["Использование:", "ФАЙЛ"], "файл"),
}
problems = []
with tempfile.TemporaryDirectory() as work:
    missing = os.path.join(work, "missing.json")
    for lang, (source, help_words, error_word) in expected.items():
        if not os.path.exists(os.path.join(po_dir, lang, "LC_MESSAGES", "quotegraph.mo")):
            problems.append(f"{lang}: no quotegraph.mo under {po_dir}")
            continue
        made = subprocess.run(["localedef", "-i", source, "-f", "UTF-8",
                               os.path.join(work, source + ".UTF-8")], capture_output=True)
        if made.returncode != 0 and not os.path.isdir(os.path.join(work, source + ".UTF-8")):
            problems.append(f"{lang}: localedef cannot make {source}.UTF-8 (the locales package)")
            continue
        env = dict(os.environ, LANG=source + ".UTF-8", LC_ALL=source + ".UTF-8", LOCPATH=work,
                   QUOTEGRAPH_LOCALEDIR=po_dir)
        env.pop("LANGUAGE", None)
        shown = subprocess.run([program, "--help"], env=env, capture_output=True, text=True)
        for word in help_words:
            if word not in shown.stdout:
                problems.append(f"{lang}: --help lacks {word!r}: {shown.stdout[:120]!r}")
        checked = subprocess.run([program, "--check", missing], env=env, capture_output=True,
                                 text=True)
        message = (checked.stdout + checked.stderr).strip()
        print(f"{lang}: {message}")
        if checked.returncode == 0 or error_word not in message:
            problems.append(f"{lang}: --check's error is not translated: {message!r}")

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
