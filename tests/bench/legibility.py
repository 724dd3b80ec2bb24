#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts the Kaspersky map's best-known names that OCR reads off the screen.

legibility.py --quotegraph PATH [--keep DIR]

For each screen size, starts Xvfb with a window manager (openbox), opens
Quotegraph on the bundled map at its default window size, takes a
screenshot as a person would see it (ImageMagick's import), cuts out the
map (the window less its header, the sources beside it and the legend
below), and reads it with tesseract: as it is (--psm 11, sparse text), and
enlarged twice in grey (--psm 6), as OCR of screen text is usually done;
and counts what either reading found. A name counts as read when the text
holds it, whatever the case. Measured,
not asserted: the numbers go in the notes beside the reference (the map as
it was, 3 of 12).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

BEST_KNOWN = [
    "Kaspersky Lab", "Eugene Kaspersky", "Elaine Duke", "FSB", "Best Buy", "Amazon",
    "Rob Joyce", "Donald Trump", "Russia", "United States", "Jeanne Shaheen", "Reuters",
]
SCREENS = ["1366x768", "1920x1080"]
# What of the window is not the map, in pixels: the header bar above, the
# sources beside it (340 and a separator), the legend below.
HEADER, SOURCES, LEGEND = 50, 302, 70


def wait_for(predicate, what, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    sys.exit("legibility: timed out waiting for %s" % what)


def read(png, psm, scale):
    args = [png]
    if scale != 1:
        big = png.replace(".png", "-x%d.png" % scale)
        subprocess.run(["convert", png, "-colorspace", "Gray", "-filter", "Lanczos",
                        "-resize", "%d%%" % (scale * 100), big], check=True)
        args = [big]
    out = subprocess.run(["tesseract"] + args + ["-", "--psm", str(psm)], check=True,
                         capture_output=True).stdout.decode()
    text = re.sub(r"\s+", " ", out).lower()
    return [name for name in BEST_KNOWN if name.lower() in text]


def measure(quotegraph, screen, display, work, scheme):
    env = dict(os.environ, DISPLAY=":%d" % display, GSETTINGS_BACKEND="memory",
               ADW_DEBUG_COLOR_SCHEME=scheme, GDK_BACKEND="x11")
    schema = os.path.join(os.path.dirname(quotegraph), "..", "data")
    env["GSETTINGS_SCHEMA_DIR"] = os.path.abspath(schema)
    procs = []
    try:
        procs.append(subprocess.Popen(["Xvfb", ":%d" % display, "-screen", "0", screen + "x24",
                                       "-nolisten", "tcp"], stderr=subprocess.DEVNULL))
        wait_for(lambda: subprocess.run(["xdpyinfo"], env=env, capture_output=True)
                 .returncode == 0, "Xvfb")
        procs.append(subprocess.Popen(["openbox", "--sm-disable"], env=env,
                                      stderr=subprocess.DEVNULL))
        procs.append(subprocess.Popen([quotegraph], env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL))
        found = {}

        def window():
            r = subprocess.run(["xdotool", "search", "--name", "Kaspersky"], env=env,
                               capture_output=True)
            found["id"] = r.stdout.split()[0].decode() if r.stdout.split() else None
            return found["id"] is not None
        wait_for(window, "the window")
        # Laid out and drawn; the pointer off the map.
        time.sleep(3)
        subprocess.run(["xdotool", "mousemove", "0", "0"], env=env, check=True)
        time.sleep(0.5)
        geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", found["id"]],
                                  env=env, capture_output=True, check=True).stdout.decode()
        g = dict(line.split("=") for line in geometry.split())
        x, y, w, h = (int(g[k]) for k in ("X", "Y", "WIDTH", "HEIGHT"))
        shot = os.path.join(work, "screen-%s-%s.png" % (screen, scheme))
        subprocess.run(["import", "-window", "root", shot], env=env, check=True)
        sw, sh = (int(v) for v in screen.split("x"))
        w, h = min(w, sw - x), min(h, sh - y)
        crop = os.path.join(work, "map-%s-%s.png" % (screen, scheme))
        subprocess.run(["convert", shot, "-crop", "%dx%d+%d+%d" % (w - SOURCES,
                                                                   h - HEADER - LEGEND,
                                                                   x, y + HEADER),
                        "+repage", crop], check=True)
        return crop, (w, h)
    finally:
        for p in reversed(procs):
            p.terminate()
            p.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotegraph", required=True)
    ap.add_argument("--keep", metavar="DIR", help="work in DIR and keep the pictures")
    args = ap.parse_args()
    for tool in ("Xvfb", "openbox", "xdotool", "xdpyinfo", "import", "convert", "tesseract"):
        if subprocess.run(["sh", "-c", "command -v " + tool], capture_output=True).returncode:
            print("1..0 # SKIP %s is not installed" % tool)
            return 77
    work = args.keep or tempfile.mkdtemp(prefix="qg-legibility-")
    os.makedirs(work, exist_ok=True)
    for n, screen in enumerate(SCREENS):
        for scheme in ("default", "prefer-dark"):
            crop, size = measure(os.path.abspath(args.quotegraph), screen, 90 + n, work, scheme)
            raw = read(crop, 11, 1)
            grey = read(crop, 6, 2)
            either = set(raw) | set(grey)
            print("screen=%s scheme=%s window=%dx%d read_as_is=%d/12 read_enlarged=%d/12 "
                  "read_by_either=%d/12"
                  % (screen, scheme, size[0], size[1], len(raw), len(grey), len(either)))
            print("  missed as is: %s" % ", ".join(sorted(set(BEST_KNOWN) - set(raw))))
            print("  missed enlarged: %s" % ", ".join(sorted(set(BEST_KNOWN) - set(grey))))
    print("pictures in %s" % work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
