"""Batch throughput: the same generated tree converted with -j1 and -j2 in one run, and the speed-up.

    python tests/bench_batch.py [--files 200] [--repeat 12] [--jobs 1,2]

Each run starts from an empty output folder and includes starting the worker processes (each
imports the libraries and loads jieba once, about 1–2 s), as a user's run does. Prints, per run,
files/s and KB/s (of input) end to end; the start-up cost, measured by a run with one file per
worker; and the steady rate once the workers are up. Then the speed-ups over the first run,
beside the machine's own ceiling (N busy processes against one), which on a shared machine is
what limits them.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))          # plan_docs
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # extract, without installing

import plan_docs  # noqa: E402
from extract.batch import run_batch  # noqa: E402


def _burn(n: int = 8_000_000) -> float:
    t = time.perf_counter()
    x = 0
    for i in range(n):
        x += i
    return time.perf_counter() - t


def _burn_when(go, results) -> None:
    go.wait()
    results.put(_burn())


def parallel_ceiling(jobs: int) -> float:
    """How much faster `jobs` busy processes get through their work than one, now: on a shared
    or throttled machine this, not the batch, bounds the speed-up."""
    import multiprocessing as mp
    ctx = mp.get_context("spawn")
    one = _burn()
    go, results = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_burn_when, args=(go, results)) for _ in range(jobs)]
    for p in procs:
        p.start()
    time.sleep(1.0)  # let them finish starting
    go.set()
    slowest = max(results.get() for _ in procs)
    for p in procs:
        p.join()
    return jobs * one / slowest


def timed_run(root: Path, out: Path, jobs: int) -> tuple[float, int]:
    t = time.perf_counter()
    s = run_batch(root, out, jobs=jobs, progress=False)
    if s.failed:
        print(f"  -j{jobs}: {s.failed} file(s) failed, e.g. {s.failures[0]}", file=sys.stderr)
    return time.perf_counter() - t, s.converted


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=200, help="generated documents (default 200)")
    ap.add_argument("--repeat", type=int, default=12,
                    help="prose multiplier: 1 ≈ 3 KB per document, 12 ≈ 23 KB (default 12)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated worker counts (default 1,2)")
    args = ap.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]

    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        root = Path(tmp) / "in"
        plan_docs.write_tree(root, n=args.files, bad=False, repeat=args.repeat)
        size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
        print(f"batch benchmark: {args.files} generated documents, {size / 1024:.0f} KB, "
              f"{os.cpu_count()} cores")
        rates, steady = [], []
        for j in jobs:
            probe = Path(tmp) / f"probe-j{j}"
            plan_docs.write_tree(probe, n=j, bad=False, repeat=args.repeat)
            startup, _ = timed_run(probe, Path(tmp) / f"probe-out-j{j}", j)
            elapsed, n = timed_run(root, Path(tmp) / f"out-j{j}", j)
            rates.append(n / elapsed)
            steady.append((n - j) / max(elapsed - startup, 1e-9))
            print(f"  -j{j}: {n} files in {elapsed:.2f} s → {n / elapsed:.1f} files/s, "
                  f"{size / 1024 / elapsed:.0f} KB/s  (start-up {startup:.1f} s; "
                  f"then {steady[-1]:.1f} files/s)")
        for j, rate, st in zip(jobs[1:], rates[1:], steady[1:]):
            print(f"  speed-up -j{j} over -j{jobs[0]}: {rate / rates[0]:.2f}× end to end, "
                  f"{st / steady[0]:.2f}× once started (ceiling now: {j} busy processes run "
                  f"{parallel_ceiling(j):.2f}× as fast as one)")


if __name__ == "__main__":
    main()
