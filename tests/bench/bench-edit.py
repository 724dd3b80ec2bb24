#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Times every kind of edit on a 1,000- and a 10,000-entity map.

bench-edit.py --bench-edit PATH [--sizes 1000,10000] [--runs N]

For each size (entities; twice as many relations, four times as many
quotes, an article of 200 bytes an entity, as bench-open.py's), generates
a document and runs bench-edit on it, which applies each kind of edit to
the loaded document and prints the median and longest milliseconds, the
time to write the document as JSON, and the memory each version kept in
an undo history costs. There is no reference tool: the figures are read
against what a person notices (a tenth of a second).
"""

import argparse
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench-edit", required=True, help="the bench-edit program")
    ap.add_argument("--sizes", default="1000,10000",
                    help="entities of each document (default 1000,10000)")
    ap.add_argument("--runs", type=int, default=9, help="times each edit is made (default 9)")
    benchlib.add_keep_dir_arg(ap, "work in DIR and keep the files")
    args = ap.parse_args()

    bench = benchlib.Bench("bench-edit")
    program = bench.quotegraph(args.bench_edit)
    with bench.work_dir(args.keep_dir) as work:
        for entities in (int(n) for n in args.sizes.split(",")):
            doc = os.path.join(work, "edit-%d.json" % entities)
            bench.generate(["--entities", str(entities), "--relations", str(2 * entities),
                            "--quotes", str(4 * entities),
                            "--article-bytes", str(200 * entities)], doc, captured=True)
            res = bench.run_checked([program, "--runs", str(args.runs), doc])
            for line in res.stdout.decode().splitlines():
                print(("" if line.startswith("entities=") else "  ") + line)
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
