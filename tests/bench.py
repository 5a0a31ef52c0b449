"""`make bench`: throughput and memory, each next to a baseline measured in the same run.

    python tests/bench.py [--quick]

1. Text: the whole pipeline over the bundled corpus (KB/s of input), beside jieba's own
   segmentation of the same text (the cheapest thing any Chinese text pipeline does).
2. Memory: peak RSS of one process converting the largest corpus document, and a 50 MB plan.
3. PDF: tests/bench_pdf.py — the pipeline and our reader vs pdfplumber's extract_text.
4. Batch: tests/bench_batch.py — the same tree with -j1 and -j2, and the speed-up.
Figures are the best of a few runs; the machine is printed first.
"""
from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def bench_text(repeat: int) -> None:
    from extract.pipeline import run
    docs = sorted((ROOT / "corpus").glob("*.txt"))
    size_kb = sum(p.stat().st_size for p in docs) / 1024
    text = "".join(p.read_text(encoding="utf-8") for p in docs)
    run(docs[0])  # load patterns, jieba, spaCy once: a batch pays this once per process
    pipeline = best(lambda: [run(p) for p in docs], repeat)
    import jieba
    jieba.initialize()
    seg = best(lambda: jieba.lcut(text), repeat)
    print(f"text  corpus {len(docs)} files, {size_kb:.0f} KB")
    print(f"      pipeline (read → JSON model)      {size_kb / pipeline:8.0f} KB/s")
    print(f"      baseline: jieba.lcut, same text    {size_kb / seg:8.0f} KB/s")
    print(f"      pipeline speed / jieba speed       {seg / pipeline:8.2f}×")


_MEASURE = """
import resource, sys, time
from extract.pipeline import run
from extract.writer import to_json
t = time.perf_counter()
r = run(sys.argv[1])
to_json(r.document)
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak(path: Path) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout.split()
    return float(out[0]), float(out[1]) / 1024


def bench_memory(quick: bool) -> None:
    docs = sorted((ROOT / "corpus").glob("*.txt"), key=lambda p: p.stat().st_size)
    largest = docs[-1]
    secs, mb = _peak(largest)
    print(f"mem   largest corpus document ({largest.stat().st_size / 1024:.0f} KB): "
          f"peak RSS {mb:.0f} MB, {secs:.2f} s")
    if quick:
        return
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "fifty.txt"
        seed = "".join(p.read_text(encoding="utf-8") for p in docs)
        with open(big, "w", encoding="utf-8") as f:
            while f.tell() < 50_000_000:
                f.write(seed)
        secs, mb = _peak(big)
        size = big.stat().st_size / 1e6
        print(f"mem   50 MB plan ({size:.0f} MB): peak RSS {mb:.0f} MB, {secs:.1f} s, {size * 1024 / secs:.0f} KB/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the 50 MB file and shorten the batch run")
    args = ap.parse_args()
    print("machine:", machine())
    bench_text(3)
    bench_memory(args.quick)
    sys.stdout.flush()
    here = Path(__file__).parent
    subprocess.run([sys.executable, str(here / "bench_pdf.py")], cwd=ROOT)
    batch_args = ["--files", "60"] if args.quick else []
    subprocess.run([sys.executable, str(here / "bench_batch.py"), *batch_args], cwd=ROOT)


if __name__ == "__main__":
    main()
