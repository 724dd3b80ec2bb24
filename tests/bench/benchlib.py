"""What the benchmark scripts beside this file share (standard library only).

bench-check.py and bench-export.py each time a quotegraph command against a
reference tool on a document written by gen-document.py.  This module holds
the common parts: the --quotegraph / --runs / --keep-dir options, finding
the executables, the working directory, running commands (checked or
timed), the interleaved timing and the median/min key=value report.

The scripts import it from their own folder:

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import benchlib
"""

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "gen-document.py")


def add_common_args(ap, runs_default):
    """Add --quotegraph (required) and --runs (default runs_default)."""
    ap.add_argument("--quotegraph", required=True,
                    help="path of the quotegraph executable")
    ap.add_argument("--runs", type=int, default=runs_default,
                    help="timed runs per command (default %d)" % runs_default)


def add_keep_dir_arg(ap, what):
    """Add --keep-dir DIR; what says what the script does with DIR."""
    ap.add_argument("--keep-dir", metavar="DIR",
                    help=what + " (default: a temporary directory, removed)")


def parse_args(ap):
    """ap.parse_args(), with --runs checked to be at least 1."""
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    return args


def interleave(jobs, runs):
    """Call each job runs times, interleaved, after one discarded warm-up
    call each; the order alternates from one round to the next.

    Every job is a callable that returns milliseconds; returns one list of
    milliseconds per job."""
    for job in jobs:  # warm-up, discarded
        job()
    times = [[] for _ in jobs]
    order = list(range(len(jobs)))
    for _ in range(runs):
        for i in order:
            times[i].append(jobs[i]())
        order.reverse()  # alternate who goes first
    return times


def report(ref_key, ref_ms, qg_key, qg_ms, suffix=""):
    """Print REF_ms, QG_ms (medians), ratio (QG/REF), REF_min_ms and
    QG_min_ms, every key followed by suffix."""
    x = statistics.median(ref_ms)
    y = statistics.median(qg_ms)
    ratio = y / x if x > 0 else float("inf")
    print("%s_ms%s=%.1f" % (ref_key, suffix, x))
    print("%s_ms%s=%.1f" % (qg_key, suffix, y))
    print("ratio%s=%.2f" % (suffix, ratio))
    print("%s_min_ms%s=%.1f" % (ref_key, suffix, min(ref_ms)))
    print("%s_min_ms%s=%.1f" % (qg_key, suffix, min(qg_ms)))
    sys.stdout.flush()


class Bench:
    """The helpers that report errors under the script's name."""

    def __init__(self, name):
        self.name = name  # "bench-check": error prefix, temporary dir name

    def fail(self, msg):
        print(self.name + ": error: " + msg, file=sys.stderr)
        sys.exit(1)

    def quotegraph(self, arg):
        """The --quotegraph argument, made absolute when it is a path."""
        quotegraph = os.path.abspath(arg) if os.sep in arg else arg
        if shutil.which(quotegraph) is None:
            self.fail("quotegraph not found or not executable: " + arg)
        return quotegraph

    def tool(self, cmd, label):
        """The full path of cmd (looked up in PATH)."""
        path = shutil.which(cmd)
        if path is None:
            self.fail("%s not found: %s" % (label, cmd))
        return path

    @contextlib.contextmanager
    def work_dir(self, keep_dir):
        """keep_dir (created if needed), or a temporary directory that is
        removed afterwards."""
        if keep_dir:
            os.makedirs(keep_dir, exist_ok=True)
            yield keep_dir
        else:
            with tempfile.TemporaryDirectory(
                    prefix="qg-" + self.name + "-") as tmp:
                yield tmp

    def run_checked(self, cmd, complaint="failed"):
        """Run cmd with its output captured; if it fails, copy the output to
        stderr and fail with "`CMD` <complaint> (exit N)"."""
        res = subprocess.run(cmd, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        if res.returncode != 0:
            sys.stderr.write(res.stdout.decode("utf-8", "replace"))
            sys.stderr.write(res.stderr.decode("utf-8", "replace"))
            self.fail("`%s` %s (exit %d)"
                      % (" ".join(cmd), complaint, res.returncode))
        return res

    def timed(self, cmd):
        """Milliseconds that cmd took (output discarded); fail if it failed."""
        t0 = time.perf_counter()
        res = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        ms = (time.perf_counter() - t0) * 1000.0
        if res.returncode != 0:
            self.fail("`%s` failed (exit %d)"
                      % (" ".join(cmd), res.returncode))
        return ms

    def generate(self, gen_args, path, captured=False):
        """Write path with gen-document.py gen_args, and say on stderr how
        large it is and how long it took.

        gen-document.py's output goes straight through, and a failure says
        "gen-document.py failed (exit N): CMD"; with captured, it is run
        with run_checked instead."""
        cmd = [sys.executable, GEN] + gen_args + [path]
        t0 = time.perf_counter()
        if captured:
            self.run_checked(cmd)
        else:
            res = subprocess.run(cmd)
            if res.returncode != 0:
                self.fail("gen-document.py failed (exit %d): %s"
                          % (res.returncode, " ".join(cmd)))
        print("# generated %s (%d bytes) in %.2f s"
              % (path, os.path.getsize(path), time.perf_counter() - t0),
              file=sys.stderr)
