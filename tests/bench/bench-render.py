#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Times one frame of the graph view beside xdot.py, on the same layout.

bench-render.py --bench-render PATH [--frames N] [--size WxH] [--layout E]

Generates a document (1,000 entities, 2,000 relations by default), runs
bench-render on it, which lays it out, times the real graph view fitted to
the size, and writes the xdot drawing of that very layout; then times
xdot.py's own Graph.draw on that xdot at the same size. Prints both medians
and their ratio, fitted and at 100%. Both need a display: without one,
they run under xvfb-run.
"""

import argparse
import os
import shutil
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

XDOT_RENDER = os.path.join(benchlib.HERE, "xdot-render.py")
# xdot.py is Debian's package, for Debian's own Python.
SYSTEM_PYTHON = "/usr/bin/python3"


def values(output):
    return dict(line.split("=", 1) for line in output.splitlines() if "=" in line)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench-render", required=True, help="the bench-render program")
    ap.add_argument("--frames", type=int, default=30)
    ap.add_argument("--size", default="1600x1000")
    ap.add_argument("--layout", default="sfdp")
    ap.add_argument("--entities", type=int, default=1000)
    ap.add_argument("--relations", type=int, default=2000)
    benchlib.add_keep_dir_arg(ap, "work in DIR and keep the files")
    args = ap.parse_args()

    bench = benchlib.Bench("bench-render")
    program = bench.quotegraph(args.bench_render)
    wrap = []
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        wrap = [bench.tool("xvfb-run", "xvfb-run"), "-a", "-s", "-screen 0 1920x1200x24"]
    if not os.path.exists(SYSTEM_PYTHON):
        bench.fail("no %s for xdot.py" % SYSTEM_PYTHON)

    with bench.work_dir(args.keep_dir) as work:
        doc = os.path.join(work, "bench-render.json")
        xdot = os.path.join(work, "bench-render.xdot")
        bench.generate(["--entities", str(args.entities), "--relations", str(args.relations),
                        "--quotes", str(args.relations), "--article-bytes", "200000"],
                       doc, captured=True)

        ours = values(bench.run_checked(
            wrap + [program, "--layout", args.layout, "--frames", str(args.frames),
                    "--size", args.size, "--xdot-out", xdot, doc]).stdout.decode())
        theirs = values(bench.run_checked(
            wrap + [SYSTEM_PYTHON, XDOT_RENDER, "--frames", str(max(args.frames // 3, 5)),
                    "--size", args.size, xdot]).stdout.decode())
        theirs_100 = values(bench.run_checked(
            wrap + [SYSTEM_PYTHON, XDOT_RENDER, "--frames", str(max(args.frames // 3, 5)),
                    "--size", args.size, "--at-100", xdot]).stdout.decode())

    ours_ms = float(ours["ms_per_frame"])
    theirs_ms = float(theirs["ms_per_frame"])
    print("view_size=%s layout=%s entities=%d relations=%d"
          % (args.size, args.layout, args.entities, args.relations))
    print("xdot_py_ms_per_frame=%.2f" % theirs_ms)
    print("quotegraph_ms_per_frame=%.2f" % ours_ms)
    print("ratio=%.3f speedup=%.1f" % (ours_ms / theirs_ms, theirs_ms / ours_ms))
    panning_ms = float(ours["ms_per_frame_panning"])
    print("quotegraph_ms_per_frame_panning=%.2f ratio_panning=%.3f"
          % (panning_ms, panning_ms / theirs_ms))
    zooming_ms = float(ours["ms_per_frame_zooming"])
    print("quotegraph_ms_per_frame_zooming=%.2f ratio_zooming=%.3f"
          % (zooming_ms, zooming_ms / theirs_ms))
    print("at_100: quotegraph_first_frame_ms=%s quotegraph_ms_per_frame=%s xdot_py_ms_per_frame=%s"
          % (ours["ms_first_frame_at_100"], ours["ms_per_frame_at_100"],
             theirs_100["ms_per_frame"]))
    print("quotegraph_first_frame_fitted_ms=%s ms_set_layout=%s"
          % (ours["ms_first_frame"], ours["ms_set_layout"]))
    print("names_drawn_at_11px_or_more=%s of %d" % (ours["names_drawn"], args.entities))
    print("zoom_quotegraph=%s zoom_xdot_py=%s" % (ours["zoom"], theirs["zoom"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
