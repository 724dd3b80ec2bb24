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
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "gen-document.py")

DOC_ARGS = ["--entities", "3000", "--quotes", "12000",
            "--relations", "12000", "--article-bytes", "2000000"]


def fail(msg):
    print("bench-check: error: " + msg, file=sys.stderr)
    sys.exit(1)


def generate(path, text_file):
    cmd = [sys.executable, GEN] + DOC_ARGS + (["--text-file"] if text_file
                                               else []) + [path]
    t0 = time.perf_counter()
    res = subprocess.run(cmd)
    if res.returncode != 0:
        fail("gen-document.py failed (exit %d): %s"
             % (res.returncode, " ".join(cmd)))
    print("# generated %s (%d bytes) in %.2f s"
          % (path, os.path.getsize(path), time.perf_counter() - t0),
          file=sys.stderr)


def verify_check(quotegraph, doc):
    cmd = [quotegraph, "--check", doc]
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if res.returncode != 0:
        sys.stderr.write(res.stdout.decode("utf-8", "replace"))
        sys.stderr.write(res.stderr.decode("utf-8", "replace"))
        fail("`%s` rejected the generated document (exit %d)"
             % (" ".join(cmd), res.returncode))


def timed(cmd):
    t0 = time.perf_counter()
    res = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    ms = (time.perf_counter() - t0) * 1000.0
    if res.returncode != 0:
        fail("`%s` failed (exit %d)" % (" ".join(cmd), res.returncode))
    return ms


def measure(cmds, runs):
    """Time each command runs times, interleaved; returns lists of ms."""
    for cmd in cmds:  # warm-up, discarded
        timed(cmd)
    times = [[] for _ in cmds]
    order = list(range(len(cmds)))
    for _ in range(runs):
        for i in order:
            times[i].append(timed(cmds[i]))
        order.reverse()  # alternate who goes first
    return times


def report(jgv_ms, qg_ms, suffix):
    x = statistics.median(jgv_ms)
    y = statistics.median(qg_ms)
    ratio = y / x if x > 0 else float("inf")
    print("json_glib_validate_ms%s=%.1f" % (suffix, x))
    print("quotegraph_check_ms%s=%.1f" % (suffix, y))
    print("ratio%s=%.2f" % (suffix, ratio))
    print("json_glib_validate_min_ms%s=%.1f" % (suffix, min(jgv_ms)))
    print("quotegraph_check_min_ms%s=%.1f" % (suffix, min(qg_ms)))
    sys.stdout.flush()


def main():
    ap = argparse.ArgumentParser(
        description="Time `quotegraph --check` against json-glib-validate "
                    "on a large synthetic document.")
    ap.add_argument("--quotegraph", required=True,
                    help="path of the quotegraph executable")
    ap.add_argument("--runs", type=int, default=7,
                    help="timed runs per command (default 7)")
    ap.add_argument("--keep-dir", metavar="DIR",
                    help="generate the documents into DIR and keep them "
                         "(default: a temporary directory, removed)")
    ap.add_argument("--json-glib-validate", default="json-glib-validate",
                    help="json-glib-validate command (default from PATH)")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    quotegraph = os.path.abspath(args.quotegraph) \
        if os.sep in args.quotegraph else args.quotegraph
    if shutil.which(quotegraph) is None:
        fail("quotegraph not found or not executable: " + args.quotegraph)
    jgv = shutil.which(args.json_glib_validate)
    if jgv is None:
        fail("json-glib-validate not found: " + args.json_glib_validate)

    if args.keep_dir:
        os.makedirs(args.keep_dir, exist_ok=True)
        workdir = args.keep_dir
        tmp = None
    else:
        tmp = tempfile.TemporaryDirectory(prefix="qg-bench-check-")
        workdir = tmp.name
    try:
        inline = os.path.join(workdir, "bench-inline.json")
        textfile = os.path.join(workdir, "bench-textfile.json")
        generate(inline, False)
        generate(textfile, True)
        verify_check(quotegraph, inline)
        verify_check(quotegraph, textfile)

        for doc, suffix in ((inline, ""), (textfile, "_textfile")):
            jgv_ms, qg_ms = measure([[jgv, doc],
                                     [quotegraph, "--check", doc]],
                                    args.runs)
            report(jgv_ms, qg_ms, suffix)
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
