#!/usr/bin/env python3
"""Measure the SVG export of documents with huge values, beside `dot -Tsvg`.

Fuzzing found valid documents whose huge values were slow to export, or
crashed Graphviz: an 8 MiB kind, a 1 MiB label of emoji, a name of 800,000
characters with spaces and one of 32,769 lines. For each such document
(two entities, one relation), written here, this runs once

    quotegraph --export OUT.svg DOC
    quotegraph --export G.gv DOC
    dot -Tsvg G.gv -o REF.svg

and prints key=value lines per case: the export's wall time, peak memory
(the child's maximum resident set) and SVG size, and the same for `dot` on
the exported .gv. The map draws a name or a label in at most 200
characters and a kind in 40; the tooltips carry them whole, which is what
the SVG's size shows. This is a measurement: exit 0 when every command
succeeded, non-zero if one failed.
"""

import argparse
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import benchlib  # noqa: E402

bench = benchlib.Bench("bench-huge-values")

EMOJI = "\U0001F600"

# name: (entity name, kind, relation label). Each document is written by
# a process of its own (this script with --write): Linux counts in a
# child's peak memory what its parent held when it forked.
CASES = {
    "kind_8mib": lambda: ("A", "k" * (8 * 1024 * 1024), "says"),
    "emoji_label_1mib": lambda: ("A", "person", EMOJI * (256 * 1024)),
    "name_800k_chars": lambda: ("word " * 160000, "person", "says"),
    "name_32769_lines": lambda: ("a\n" * 32769, "person", "says"),
}


def document(name, kind, label):
    return {
        "format": "quotegraph/1",
        "article": {"title": "Huge values", "text": "They said hello."},
        "entities": [{"id": "a", "name": name, "kind": kind},
                     {"id": "b", "name": "B", "kind": "agency"}],
        "quotes": [{"id": "q", "speaker": "a", "text": "hello"}],
        "relations": [{"id": "r", "source": "a", "target": "b",
                       "label": label, "evidence": ["q"]}],
    }


def measured(cmd, out):
    """Run cmd; its wall milliseconds, peak memory in MB, and the size of
    out. Fails if it fails or writes nothing."""
    if os.path.exists(out):
        os.unlink(out)
    t0 = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    ms = (time.perf_counter() - t0) * 1000.0
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0 or not os.path.exists(out):
        sys.stderr.write(err.decode("utf-8", "replace")[:2000])
        bench.fail("`%s` failed (exit %d)"
                   % (" ".join(cmd), child.returncode))
    return ms, usage.ru_maxrss / 1024.0, os.path.getsize(out)


def main():
    ap = argparse.ArgumentParser(
        description="Measure `quotegraph --export OUT.svg` on documents "
                    "with huge values, beside `dot -Tsvg` on its .gv.")
    ap.add_argument("--quotegraph", required=True,
                    help="path of the quotegraph executable")
    ap.add_argument("--dot", default="dot",
                    help="Graphviz dot command (default from PATH)")
    benchlib.add_keep_dir_arg(ap, "work in DIR and keep the files")
    ap.add_argument("--write", nargs=2, metavar=("CASE", "PATH"),
                    help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.write:
        case, path = args.write
        with open(path, "w", encoding="utf-8") as f:
            json.dump(document(*CASES[case]()), f, ensure_ascii=False)
        return 0

    quotegraph = bench.quotegraph(args.quotegraph)
    dot = bench.tool(args.dot, "dot")

    with bench.work_dir(args.keep_dir) as workdir:
        for case in CASES:
            doc = os.path.join(workdir, case + ".json")
            svg = os.path.join(workdir, case + ".svg")
            gv = os.path.join(workdir, case + ".gv")
            ref = os.path.join(workdir, case + "-dot.svg")
            bench.run_checked([sys.executable, os.path.abspath(__file__),
                               "--quotegraph", quotegraph, "--write", case, doc])

            ms, mb, size = measured([quotegraph, "--export", svg, "--no-cache", doc], svg)
            print("%s_export_ms=%.0f" % (case, ms))
            print("%s_export_peak_mb=%.0f" % (case, mb))
            print("%s_svg_bytes=%d" % (case, size))
            bench.run_checked([quotegraph, "--export", gv, doc])
            ms, mb, size = measured([dot, "-Tsvg", gv, "-o", ref], ref)
            print("%s_dot_tsvg_ms=%.0f" % (case, ms))
            print("%s_dot_tsvg_peak_mb=%.0f" % (case, mb))
            print("%s_dot_svg_bytes=%d" % (case, size))
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
