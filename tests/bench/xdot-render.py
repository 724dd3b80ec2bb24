#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Times xdot.py drawing an xdot file, fitted to WxH, on a cairo image surface.

xdot-render.py [--frames N] [--size WxH] [--at-100] FILE.xdot

Parses the file with xdot.py's own parser and draws it with its own
Graph.draw, placed as xdot.py's DotWidget places it after "zoom to fit"
(the same margin, centring and culling rectangle), or at 100% on its
middle with --at-100. Prints ms_per_frame=X,
the median. Runs with Debian's python3 (xdot and python3-cairo), under a
display, since importing xdot initialises GTK 3.
"""

import argparse
import statistics
import sys
import time

import cairo
from xdot.dot.parser import XDotParser

ZOOM_TO_FIT_MARGIN = 12  # as xdot.ui.window.DotWidget


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=30)
    ap.add_argument("--size", default="1600x1000")
    ap.add_argument("--png", help="write the first frame here, to look at")
    ap.add_argument("--at-100", action="store_true",
                    help="at 100%% on the middle of the graph, not fitted")
    ap.add_argument("xdot")
    args = ap.parse_args()
    width, height = (int(v) for v in args.size.split("x"))

    with open(args.xdot, "rb") as f:
        graph = XDotParser(f.read()).parse()

    ratio = min((width - 2 * ZOOM_TO_FIT_MARGIN) / graph.width,
                (height - 2 * ZOOM_TO_FIT_MARGIN) / graph.height)
    if args.at_100:
        ratio = 1.0
    x, y = graph.width / 2, graph.height / 2
    cx, cy = width / 2, height / 2
    x0, y0 = x - cx / ratio, y - cy / ratio
    bounding = (x0, y0, x0 + width / ratio, y0 + height / ratio)

    times = []
    for i in range(args.frames):
        start = time.perf_counter()
        surface = cairo.ImageSurface(cairo.FORMAT_ARGB32, width, height)
        cr = cairo.Context(surface)
        cr.set_source_rgb(1, 1, 1)
        cr.paint()
        cr.translate(cx, cy)
        cr.scale(ratio, ratio)
        cr.translate(-x, -y)
        graph.draw(cr, highlight_items=None, bounding=bounding)
        surface.flush()
        times.append((time.perf_counter() - start) * 1000)
        if i == 0 and args.png:
            surface.write_to_png(args.png)

    print("zoom=%.3f" % ratio)
    print("ms_per_frame=%.2f" % statistics.median(times))
    print("ms_per_frame_min=%.2f" % min(times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
