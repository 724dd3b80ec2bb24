#!/usr/bin/env python3
"""Time the layout cache: the first `quotegraph --export OUT.svg` of a
document (laid out by Graphviz, in the layout worker) against the second
(its layout from $XDG_CACHE_HOME/quotegraph/layouts), beside `dot -Tsvg` on
the same styled graph.

Generates (with gen-document.py) a document of 1000 entities and 2000
relations (sfdp, the engine chosen at that size), then, for each run, with
an empty cache of its own: times the first export, then the second, and
checks the two SVGs are the same bytes. Prints key=value lines: first_ms,
second_ms (medians), ratio (second/first), dot_tsvg_ms, and same_bytes.
The issue's goal is ratio <= 0.25. A measurement: exit 0 when every
command succeeded.
"""

import argparse
import os
import shutil
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import benchlib  # noqa: E402

bench = benchlib.Bench("bench-cache")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    benchlib.add_common_args(ap, runs_default=5)
    ap.add_argument("--entities", type=int, default=1000)
    ap.add_argument("--relations", type=int, default=2000)
    ap.add_argument("--layout", default="sfdp")
    ap.add_argument("--dot", default="dot")
    benchlib.add_keep_dir_arg(ap, "work in DIR and keep the files")
    args = benchlib.parse_args(ap)

    quotegraph = bench.quotegraph(args.quotegraph)
    dot = bench.tool(args.dot, "dot")

    with bench.work_dir(args.keep_dir) as workdir:
        doc = os.path.join(workdir, "bench-cache.json")
        gv = os.path.join(workdir, "G.gv")
        first_svg = os.path.join(workdir, "first.svg")
        second_svg = os.path.join(workdir, "second.svg")
        ref_svg = os.path.join(workdir, "REF.svg")
        cache = os.path.join(workdir, "cache")
        os.environ["XDG_CACHE_HOME"] = cache

        bench.generate(["--entities", str(args.entities),
                        "--quotes", str(max(args.relations, 1)),
                        "--relations", str(args.relations),
                        "--article-bytes", "200000"], doc, captured=True)
        bench.run_checked([quotegraph, "--export", gv, "--layout", args.layout, doc])

        firsts, seconds, dots = [], [], []
        same = True
        for run in range(args.runs + 1):
            shutil.rmtree(cache, ignore_errors=True)
            first = bench.timed([quotegraph, "--export", first_svg,
                                 "--layout", args.layout, doc])
            second = bench.timed([quotegraph, "--export", second_svg,
                                  "--layout", args.layout, doc])
            reference = bench.timed([dot, "-Tsvg", gv, "-o", ref_svg])
            with open(first_svg, "rb") as a, open(second_svg, "rb") as b:
                same = same and a.read() == b.read()
            if run == 0:
                continue  # warm-up
            firsts.append(first)
            seconds.append(second)
            dots.append(reference)

        x, y = statistics.median(firsts), statistics.median(seconds)
        print("first_ms=%.1f" % x)
        print("second_ms=%.1f" % y)
        print("ratio=%.2f" % (y / x))
        print("dot_tsvg_ms=%.1f" % statistics.median(dots))
        print("same_bytes=%s" % ("yes" if same else "no"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
