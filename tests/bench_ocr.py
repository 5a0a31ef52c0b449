"""OCR seconds per page beside the text-layer path (part of `make bench`).

    python tests/bench_ocr.py [--pages 8-10] [--doc 004]

Pages of a corpus PDF fixture are read twice: from their text layer (--ocr off) and as a scan
made in the run (each page rendered at 200 dpi and rebuilt as an image-only PDF) read by OCR.
Prints seconds per page for both, and how many of the text version's indicators the scan gives
(found, and with every field equal). Skips when the [ocr] extra is not installed.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "fixtures")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--doc", default="004", help="corpus fixture number (001–004)")
    ap.add_argument("--pages", default="8-10", help="first-last page, 1-based ('all' for every page)")
    args = ap.parse_args()
    from extract.readers import ocr
    if not ocr.available():
        print("ocr   skipped: the [ocr] extra is not installed (pip install '.[ocr]')")
        return
    import pypdfium2 as pdfium

    import make_fixtures
    from extract.pipeline import Settings, run
    from test_ocr import _scan, _text_pages

    make_fixtures.build()
    source = make_fixtures.outputs(args.doc)[1]
    n = len(pdfium.PdfDocument(source))
    first, last = (1, n) if args.pages == "all" else map(int, args.pages.split("-"))
    pages = list(range(first, min(last, n) + 1))
    with tempfile.TemporaryDirectory() as tmp:
        text_pdf = _text_pages(source, pages, Path(tmp) / "text.pdf")
        scan_pdf = _scan(source, pages, Path(tmp) / "scan.pdf")
        t = time.perf_counter()
        text = run(text_pdf, Settings(ocr="off", timeout=None)).document
        text_s = time.perf_counter() - t
        ocr.engine()  # the models load once per process: timed apart
        t = time.perf_counter()
        scan = run(scan_pdf, Settings(ocr="auto", timeout=None)).document
        scan_s = time.perf_counter() - t

    def fields(i):
        return (i.name, i.unit, i.category, i.nature, i.baseline and i.baseline.value,
                i.target and (i.target.op, i.target.value))
    want = {i.name: fields(i) for i in text.indicators}
    got = {i.name: fields(i) for i in scan.indicators}
    found = sum(name in got for name in want)
    right = sum(got.get(name) == f for name, f in want.items())
    k = len(pages)
    print(f"ocr   {args.doc} pages {pages[0]}–{pages[-1]} ({k} pages, {DPI} dpi scans)")
    print(f"      text layer (--ocr off)            {text_s / k:8.2f} s/page")
    print(f"      OCR (rapidocr, onnxruntime)       {scan_s / k:8.2f} s/page")
    print(f"      indicators found {found}/{len(want)}, every field right {right}/{len(want)}; "
          f"outline {'same' if [h.title for h in scan.outline] == [h.title for h in text.outline] else 'differs'}")


DPI = 200

if __name__ == "__main__":
    main()
