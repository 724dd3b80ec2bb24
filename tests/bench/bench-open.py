#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Times a large map's way onto the screen beside dot -Ksfdp -Tsvg.

bench-open.py --bench-open PATH --quotegraph PATH [--sizes 1000,10000]

For each size (entities; twice as many relations, four times as many
quotes, an article of 200 bytes an entity), generates a document, writes
its styled graph with `quotegraph --export x.gv --layout sfdp`, times
`dot -Ksfdp -Tsvg` on it (the reference: Graphviz laying out and drawing
the very same graph), then runs bench-open on the document: the real
window, from the open to the map's first frame, and the main loop's
stalls, then the window's own export of the map to SVG and the stalls
meanwhile; and again with a key pressed through the X server every
100 ms (each redraws the whole window), and how soon each was drawn.
Last, with a layout cache of its own: the same window opening the map a
second time (--again: a warm process, as when a person opens another
map), and adding an entity to it (--edit, as the Add Entity dialog does).
Prints both times, their ratio, and what the window answered.

bench-open draws with GTK's cairo renderer: under Xvfb there is no GPU,
and GL would be Mesa's software renderer, taking the cores that the
layout needs. Without a display, both run under xvfb-run.
"""

import argparse
import os
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402


def values(output):
    found = {}
    for line in output.splitlines():
        for pair in line.split():
            if "=" in pair:
                key, value = pair.split("=", 1)
                found[key] = value
    return found


def run_bench_open(bench, command, env):
    res = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if res.returncode != 0:
        sys.stderr.write(res.stderr.decode("utf-8", "replace"))
        bench.fail("bench-open failed (exit %d)" % res.returncode)
    return values(res.stdout.decode())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench-open", required=True, help="the bench-open program")
    ap.add_argument("--quotegraph", required=True, help="the quotegraph program")
    ap.add_argument("--sizes", default="1000,10000",
                    help="entities of each document (default 1000,10000)")
    benchlib.add_keep_dir_arg(ap, "work in DIR and keep the files")
    args = ap.parse_args()

    bench = benchlib.Bench("bench-open")
    program = bench.quotegraph(args.bench_open)
    quotegraph = bench.quotegraph(args.quotegraph)
    dot = bench.tool("dot", "Graphviz's dot")
    bench.tool("xdotool", "xdotool")
    wrap = []
    if not os.environ.get("DISPLAY"):
        wrap = [bench.tool("xvfb-run", "xvfb-run"), "-a", "-s", "-screen 0 1920x1200x24"]
    env = dict(os.environ, GSK_RENDERER="cairo", GDK_BACKEND="x11")
    # The window's settings, not the person's.
    env.setdefault("GSETTINGS_BACKEND", "memory")

    with bench.work_dir(args.keep_dir) as work:
        for entities in (int(n) for n in args.sizes.split(",")):
            doc = os.path.join(work, "open-%d.json" % entities)
            gv = os.path.join(work, "open-%d.gv" % entities)
            svg = os.path.join(work, "open-%d.svg" % entities)
            bench.generate(["--entities", str(entities), "--relations", str(2 * entities),
                            "--quotes", str(4 * entities),
                            "--article-bytes", str(200 * entities)], doc, captured=True)
            bench.run_checked([quotegraph, "--layout", "sfdp", "--export", gv, doc])
            dot_ms = bench.timed([dot, "-Ksfdp", "-Tsvg", "-o", svg, gv])

            out = os.path.join(work, "open-%d-window.svg" % entities)
            # Alone first: what the window's own work takes of the main
            # loop, opening and then exporting; then with keys pressed,
            # each of which redraws the whole window, how soon they are
            # answered (both laid out afresh: bench-open leaves the cache alone).
            ours = run_bench_open(bench, wrap + [program, "--export", out, doc], env)
            keyed = run_bench_open(bench, wrap + [program, "--keys", doc], env)
            cached_env = dict(env, XDG_CACHE_HOME=os.path.join(work, "cache"))
            again = run_bench_open(bench, wrap + [program, "--cached", "--again", doc], cached_env)
            edited = run_bench_open(bench, wrap + [program, "--cached", "--edit", doc], cached_env)
            map_ms = float(ours["ms_to_map"])
            print("entities=%d relations=%d quotes=%d article_bytes=%d"
                  % (entities, 2 * entities, 4 * entities, 200 * entities))
            print("  dot_sfdp_svg_ms=%.0f" % dot_ms)
            print("  quotegraph_ms_to_map=%.0f ratio=%.2f" % (map_ms, map_ms / dot_ms))
            print("  quotegraph_ms_to_article=%s" % ours["ms_to_article"])
            print("  peak_mb=%s layout_worker_peak_mb=%s"
                  % (ours["peak_mb"], ours["worker_peak_mb"]))
            print("  longest_stall_ms=%s stalls_over_16ms=%s"
                  % (ours["longest_stall_ms"], ours["stalls_over_16ms"]))
            print("  window_export_ms=%s export_longest_stall_ms=%s export_stalls_over_16ms=%s"
                  % (ours["export_ms"], ours["export_longest_stall_ms"],
                     ours["export_stalls_over_16ms"]))
            print("  with_keys: longest_stall_ms=%s stalls_over_16ms=%s"
                  % (keyed["longest_stall_ms"], keyed["stalls_over_16ms"]))
            print("  keys_pressed=%s keys_drawn=%s key_to_frame_ms_median=%s "
                  "key_to_frame_ms_longest=%s"
                  % (keyed["keys_pressed"], keyed["keys_drawn"],
                     keyed.get("key_to_frame_ms_median", "-"),
                     keyed.get("key_to_frame_ms_longest", "-")))
            for name, run in (("opened_again", again), ("edited", edited)):
                print("  %s: ms_to_map=%s longest_stall_ms=%s stalls_over_16ms=%s "
                      "longest_frame_ms=%s floor_frame_ms_median=%s"
                      % (name, run["ms_to_map"], run["longest_stall_ms"],
                         run["stalls_over_16ms"], run["longest_frame_ms"],
                         run["floor_frame_ms_median"]))
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
