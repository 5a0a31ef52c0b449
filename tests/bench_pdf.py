"""PDF reading speed: our reader against pdfplumber's page.extract_text(), same files, same run.

    python tests/bench_pdf.py [PDF ...] [--repeat N]

Without arguments it times the external documents (../shared/external/*.pdf beside the repo, or the folder
in PLAN_EXTRACT_EXTERNAL) when they are there, else the PDFs that
tests/fixtures/make_fixtures.py generates. Our reader is timed whole: text, ruled-table
detection, pdfplumber on table pages, stitching. Each figure is the best of N runs.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))


def default_pdfs() -> list[Path]:
    external = Path(os.environ.get("PLAN_EXTRACT_EXTERNAL", ROOT.parent / "shared" / "external"))
    found = sorted(external.glob("*.pdf"))
    if found:
        return found
    import make_fixtures
    return sorted(make_fixtures.build().glob("*.pdf"))


def best_of(repeat: int, run) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def ours(path: Path) -> int:
    from extract.readers.pdf import read_pdf

    data = path.read_bytes()
    return read_pdf(str(path), data, hashlib.sha256(data).hexdigest()).pages


def pipeline(path: Path) -> None:
    """The whole pipeline: read, normalize, segment, tables, indicators, projects, tasks, meta,
    and the JSON (schema-validated) that would be written."""
    from extract.pipeline import run
    from extract.writer import to_json
    to_json(run(path).document)


def plumber(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
        return len(pdf.pages)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    pdfs = args.pdfs or default_pdfs()

    print(f"{'file':40} {'pages':>5} {'pipeline p/s':>12} {'reader p/s':>10} {'pdfplumber p/s':>14} "
          f"{'pipeline vs pdfplumber':>22}")
    totals = [0, 0.0, 0.0, 0.0]
    for path in pdfs:
        pages = ours(path)  # warm-up, and the page count
        pipeline(path)      # warm-up: patterns, jieba, spaCy load once per process
        t_pipe = best_of(args.repeat, lambda: pipeline(path))
        t_ours = best_of(args.repeat, lambda: ours(path))
        t_plumber = best_of(max(1, args.repeat // 3), lambda: plumber(path))
        for k, v in enumerate((pages, t_pipe, t_ours, t_plumber)):
            totals[k] += v
        print(f"{path.name[:40]:40} {pages:5d} {pages / t_pipe:12.1f} {pages / t_ours:10.1f} "
              f"{pages / t_plumber:14.1f} {t_plumber / t_pipe:21.1f}×")
    pages, t_pipe, t_ours, t_plumber = totals
    if pages:
        print(f"{'all':40} {pages:5d} {pages / t_pipe:12.1f} {pages / t_ours:10.1f} "
              f"{pages / t_plumber:14.1f} {t_plumber / t_pipe:21.1f}×")

if __name__ == "__main__":
    main()
