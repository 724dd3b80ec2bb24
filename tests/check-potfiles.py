#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when po/POTFILES.in misses a file with translatable strings, or
lists one that does not exist, and checks every translation with msgfmt."""

import os
import re
import subprocess
import sys

top = sys.argv[1]
listed = set()
with open(os.path.join(top, "po", "POTFILES.in"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)

marks = re.compile(r'\b(N?_|C_|g_dngettext|ngettext)\s*\(|translatable="yes"')
needed = set()
for folder in ("app", "resources", "data"):
    for root, _, files in os.walk(os.path.join(top, folder)):
        for name in files:
            path = os.path.join(root, name)
            rel = os.path.relpath(path, top)
            if name.endswith((".c", ".ui")):
                with open(path, encoding="utf-8") as f:
                    if marks.search(f.read()):
                        needed.add(rel)
            elif name.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
                needed.add(rel)

problems = []
for rel in sorted(needed - listed):
    problems.append(f"po/POTFILES.in: missing {rel}, which has translatable strings")
for rel in sorted(listed):
    if not os.path.exists(os.path.join(top, rel)):
        problems.append(f"po/POTFILES.in: lists {rel}, which does not exist")

with open(os.path.join(top, "po", "LINGUAS"), encoding="utf-8") as f:
    languages = [w for line in f if not line.startswith("#") for w in line.split()]
for lang in languages:
    po = os.path.join(top, "po", lang + ".po")
    result = subprocess.run(["msgfmt", "--check", "-o", os.devnull, po],
                            capture_output=True, text=True)
    if result.returncode != 0:
        problems.append(f"{po}: {result.stderr.strip()}")

for p in problems:
    print(p, file=sys.stderr)
print(f"{len(needed)} files with translatable strings, {len(languages)} translations")
sys.exit(1 if problems else 0)
