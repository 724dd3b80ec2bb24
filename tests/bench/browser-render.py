#!/usr/bin/env python3
"""Draw the exported SVG of the Kaspersky map in librsvg and in Chromium.

Exports the bundled map with `quotegraph --export OUT.svg`, draws it with
`rsvg-convert` (on white) and with Debian's `chromium --headless
--screenshot` at the same pixel size, and prints key=value lines:

    size=WxH               the drawing at librsvg's natural size: the export's
                           root is width="100%" with Graphviz's viewBox, which
                           librsvg draws at a pixel per unit and Chromium
                           scales to the window, here of the same size
    differing_pixels=N     pixels that differ by more than 10% (fuzz)
    differing_share=F      N over all pixels
    differing_share_quarter=F  the same once both are scaled to a quarter,
                           where anti-aliasing no longer counts
    rsvg_png=PATH chromium_png=PATH diff_png=PATH  the pictures, to look at

Tooltips cannot be seen in a headless screenshot: hover a node or an edge
label in a real Chromium window for that (see the issue notes). This is a
measurement, not a test: it exits 77 (skipped) when chromium, rsvg-convert
or ImageMagick's compare is missing, non-zero when a command fails.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile


def run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, **kwargs)


def count_differing(a, b, diff):
    # compare prints the count on stderr and exits 1 when pictures differ.
    result = subprocess.run(["compare", "-metric", "AE", "-fuzz", "10%", a, b, diff],
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit("compare failed: " + result.stderr)
    return int(float(result.stderr.split()[0]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quotegraph", required=True)
    parser.add_argument("--out", default=None, help="folder to keep the pictures in")
    args = parser.parse_args()

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    for tool in ("rsvg-convert", "compare", "convert"):
        if shutil.which(tool) is None:
            print(f"# SKIP: {tool} is not installed")
            sys.exit(77)
    if chromium is None:
        print("# SKIP: chromium is not installed (apt-get install chromium)")
        sys.exit(77)

    out = args.out or tempfile.mkdtemp(prefix="qg-browser-")
    os.makedirs(out, exist_ok=True)
    svg = os.path.join(out, "kaspersky.svg")
    rsvg_png = os.path.join(out, "rsvg.png")
    chromium_png = os.path.join(out, "chromium.png")
    diff_png = os.path.join(out, "diff.png")

    run([args.quotegraph, "--export", svg])
    run(["rsvg-convert", "--background-color", "white", svg, "-o", rsvg_png])
    size = run(["identify", "-format", "%w %h", rsvg_png], text=True).stdout.split()
    width, height = int(size[0]), int(size[1])
    with tempfile.TemporaryDirectory(prefix="qg-chromium-") as profile:
        run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             f"--user-data-dir={profile}", f"--window-size={width},{height}",
             f"--screenshot={chromium_png}", "file://" + os.path.abspath(svg)])

    differing = count_differing(rsvg_png, chromium_png, diff_png)
    quarter = []
    for png in (rsvg_png, chromium_png):
        small = re.sub(r"\.png$", "-quarter.png", png)
        run(["convert", png, "-filter", "box", "-resize", "25%", small])
        quarter.append(small)
    differing_quarter = count_differing(quarter[0], quarter[1],
                                        os.path.join(out, "diff-quarter.png"))
    small_size = run(["identify", "-format", "%w %h", quarter[0]], text=True).stdout.split()

    print(f"size={width}x{height}")
    print(f"differing_pixels={differing}")
    print(f"differing_share={differing / (width * height):.4f}")
    print(f"differing_share_quarter="
          f"{differing_quarter / (int(small_size[0]) * int(small_size[1])):.4f}")
    print(f"rsvg_png={rsvg_png} chromium_png={chromium_png} diff_png={diff_png}")


if __name__ == "__main__":
    main()
