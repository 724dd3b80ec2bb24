#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Times xdot.py opening a DOT file, to its first frame: the reference for
`QUOTEGRAPH_DEBUG=timings quotegraph FILE`'s "open to frame".

xdot-open.py [--size WxH] FILE.gv

Opens FILE in xdot.py's own window (DotWindow.open_file, which runs
Graphviz's dot for the layout, as xdot does), and prints how long it took
from the start of the program (Python's, before xdot is imported) to the
end of the window's first drawing of the graph, ms_to_first_frame=X, and
the program's peak memory, peak_mb=X (its dot's cannot be told apart: a
forked child's peak counts the parent's pages it started with).
Runs with Debian's python3 (xdot, GTK 3) under a display.
"""

import time

START = time.perf_counter()

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402

import gi  # noqa: E402

gi.require_version("Gtk", "3.0")
from gi.repository import GLib, Gtk  # noqa: E402
import xdot.ui  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="1366x768")
    ap.add_argument("dot")
    args = ap.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    drawn = {}

    window = xdot.ui.DotWindow(width=width, height=height)

    def after_draw(widget, cr):
        # The first frame with the graph in it: xdot draws nothing else.
        if "at" not in drawn and widget.graph is not None and widget.graph.width > 1:
            drawn["at"] = time.perf_counter()
            GLib.idle_add(Gtk.main_quit)
        return False

    window.dotwidget.connect_after("draw", after_draw)
    window.connect("delete-event", Gtk.main_quit)
    if not window.open_file(args.dot) and window.dotwidget.graph is None:
        print("xdot-open: xdot.py could not open %s" % args.dot, file=sys.stderr)
        return 1
    GLib.timeout_add_seconds(60, Gtk.main_quit)
    Gtk.main()
    if "at" not in drawn:
        print("xdot-open: no frame of the graph within 60 s", file=sys.stderr)
        return 1
    print("ms_to_first_frame=%.0f" % ((drawn["at"] - START) * 1000))
    print("peak_mb=%.1f" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    return 0


if __name__ == "__main__":
    sys.exit(main())
