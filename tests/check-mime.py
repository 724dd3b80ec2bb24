#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The MIME type of Quotegraph documents, as a desktop sees it: the
shared-mime-info XML is well-formed (xmllint), builds a database with
update-mime-database beside freedesktop.org's own types, and in it GIO
tells a Quotegraph document (any name) from other JSON, an AIF map, by
content where the name does not tell (GLib takes a lone glob's word:
a plain "x.json" is application/json, which the desktop file opens too).

check-mime.py MIME_XML SOURCE_ROOT"""

import os
import shutil
import subprocess
import sys
import tempfile

mime_xml, top = sys.argv[1], sys.argv[2]
problems = []

lint = subprocess.run(["xmllint", "--noout", mime_xml], capture_output=True, text=True)
if lint.returncode != 0:
    problems.append(f"{mime_xml}: {lint.stderr.strip()}")

with tempfile.TemporaryDirectory() as work:
    packages = os.path.join(work, "share", "mime", "packages")
    os.makedirs(packages)
    shutil.copy("/usr/share/mime/packages/freedesktop.org.xml", packages)
    shutil.copy(mime_xml, os.path.join(packages, "io.github.quotegraph.Quotegraph.xml"))
    subprocess.run(["update-mime-database", os.path.join(work, "share", "mime")], check=True,
                   capture_output=True)
    env = dict(os.environ, XDG_DATA_DIRS=os.path.join(work, "share"),
               XDG_DATA_HOME=os.path.join(work, "home"))
    kaspersky = os.path.join(top, "data", "kaspersky", "kaspersky-us-ban.json")
    aif = os.path.join(top, "tests", "data", "aif", "aifdb-nodeset.json")
    ours = "application/x-quotegraph+json"
    cases = [
        (kaspersky, "map", ours),                  # by content: the magic
        (kaspersky, "map.quotegraph.json", ours),  # by name
        (aif, "argument", None),                   # other JSON is not ours
        (aif, "argument.json", "application/json"),
    ]
    for source, name, expected in cases:
        copy = os.path.join(work, name)
        shutil.copy(source, copy)
        out = subprocess.run(["gio", "info", "-a", "standard::content-type", copy], env=env,
                             capture_output=True, text=True, check=True).stdout
        found = [line.rsplit(": ", 1)[1].strip() for line in out.splitlines()
                 if "standard::content-type" in line]
        got = found[0] if found else "(none)"
        print(f"{name}: {got}")
        if (expected is None and got == ours) or (expected is not None and got != expected):
            problems.append(f"{name} ({source}): seen as {got}, not {expected or 'other'}")

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
