#!/usr/bin/env python3
"""Time `quotegraph --check` against `json-glib-validate` on a large document.

Generates (with gen-document.py beside this script) a document with 3000
entities, 12000 quotes, 12000 relations and a 2,000,000-byte article, once
with the article inline and once with a text_file.  After making sure
`quotegraph --check` accepts both, it times the two commands interleaved
(one discarded warm-up run each) and prints key=value lines:

    json_glib_validate_ms=X      median wall-clock time
    quotegraph_check_ms=Y        median wall-clock time
    ratio=Y/X                    2 decimals
    json_glib_validate_min_ms=…  and quotegraph_check_min_ms=…

and the same keys suffixed with _textfile for the text_file variant.
This is a measurement, not a test with a limit: the exit status is 0 when
every command succeeded and non-zero when one failed.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import benchlib  # noqa: E402

DOC_ARGS = ["--entities", "3000", "--quotes", "12000",
            "--relations", "12000", "--article-bytes", "2000000"]

bench = benchlib.Bench("bench-check")


def main():
    ap = argparse.ArgumentParser(
        description="Time `quotegraph --check` against json-glib-validate "
                    "on a large synthetic document.")
    benchlib.add_common_args(ap, runs_default=7)
    benchlib.add_keep_dir_arg(
        ap, "generate the documents into DIR and keep them")
    ap.add_argument("--json-glib-validate", default="json-glib-validate",
                    help="json-glib-validate command (default from PATH)")
    args = benchlib.parse_args(ap)

    quotegraph = bench.quotegraph(args.quotegraph)
    jgv = bench.tool(args.json_glib_validate, "json-glib-validate")

    with bench.work_dir(args.keep_dir) as workdir:
        inline = os.path.join(workdir, "bench-inline.json")
        textfile = os.path.join(workdir, "bench-textfile.json")
        bench.generate(DOC_ARGS, inline)
        bench.generate(DOC_ARGS + ["--text-file"], textfile)
        for doc in (inline, textfile):
            bench.run_checked([quotegraph, "--check", doc],
                              "rejected the generated document")

        for doc, suffix in ((inline, ""), (textfile, "_textfile")):
            cmds = [[jgv, doc], [quotegraph, "--check", doc]]
            jgv_ms, qg_ms = benchlib.interleave(
                [lambda cmd=cmd: bench.timed(cmd) for cmd in cmds],
                args.runs)
            benchlib.report("json_glib_validate", jgv_ms,
                            "quotegraph_check", qg_ms, suffix)
    return 0


if __name__ == "__main__":
    sys.exit(main())
