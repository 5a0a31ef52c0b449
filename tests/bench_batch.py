"""Batch throughput: the same generated tree converted with -j1 and -j2 in one run, and the speed-up.

    python tests/bench_batch.py [--files 200] [--repeat 4] [--jobs 1,2]

Each run starts from an empty output folder and includes starting the worker processes, as a
user's run does. Prints files/s and KB/s (of input) per run, then the speed-up over the first.
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=200, help="generated documents (default 200)")
    ap.add_argument("--repeat", type=int, default=4,
                    help="prose multiplier: 1 ≈ 3 KB per document, 4 ≈ 8 KB (default 4)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated worker counts (default 1,2)")
    args = ap.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]

    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        root = Path(tmp) / "in"
        plan_docs.write_tree(root, n=args.files, bad=False, repeat=args.repeat)
        size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
        print(f"batch benchmark: {args.files} generated documents, {size / 1024:.0f} KB, "
              f"{os.cpu_count()} cores")
        rates = []
        for j in jobs:
            t = time.perf_counter()
            s = run_batch(root, Path(tmp) / f"out-j{j}", jobs=j, progress=False)
            elapsed = time.perf_counter() - t
            if s.failed:
                print(f"  -j{j}: {s.failed} file(s) failed: {s.failures[:3]}", file=sys.stderr)
            rates.append(s.converted / elapsed)
            print(f"  -j{j}: {s.converted} files in {elapsed:.2f} s → {s.converted / elapsed:.1f} files/s, "
                  f"{size / 1024 / elapsed:.0f} KB/s")
        for j, rate in zip(jobs[1:], rates[1:]):
            print(f"  speed-up -j{j} over -j{jobs[0]}: {rate / rates[0]:.2f}×")


if __name__ == "__main__":
    main()
