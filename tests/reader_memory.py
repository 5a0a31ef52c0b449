"""Peak memory of each reader per input byte, each measured in a fresh process.

    python tests/reader_memory.py [--mb 20] [--pipeline] [--fit]

Generates the same plan text as plain text, one-line text, HTML (a <p> per line, and all of it
on one line), a DOCX and (smaller, reportlab is slow) a PDF, then reads each in a subprocess
and prints the peak RSS (VmHWM; ru_maxrss would carry the parent's over exec) above an empty
interpreter's, per input byte. With --pipeline the whole pipeline runs instead of the reader
alone. The aim (issue #14): no reader costs more per byte than the text reader.

--fit measures every reader (text, HTML, DOCX, DOC, OFD, PDF) at several sizes and fits
peak = fixed + slope × size by least squares, the slope per input byte and per byte of the
text the reader gives (UTF-8): a reader with a large fixed cost (PDFium's) is judged by its
slope, not by one small file.
"""
from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "到2025年，全市人均预期寿命达到80岁，推进乡镇卫生院标准化建设，完善基层医疗卫生服务体系。"

PROBE = """
import os, sys
if sys.argv[2] == "pipeline":
    from extract.pipeline import run as work
else:
    from extract.readers import read as work
import extract.readers.html, extract.readers.docx, extract.readers.text  # imports are not the document
import extract.readers.doc, extract.readers.ofd, extract.readers.pdf, extract.readers.pdf_ruled
import extract.readers.common  # the code-point layer every reader ends in (its lexicon, pydantic)
import lxml.etree, lxml.html, olefile, pypdfium2
with open("/proc/self/statm") as f:  # resident now, after the imports
    before = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
result = work(sys.argv[1])
with open("/proc/self/status") as f:  # VmHWM, not ru_maxrss: that one survives exec from the parent
    peak = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmHWM:"))
blocks = getattr(result, "blocks", [])  # the reader's: the text it gives, in UTF-8 bytes
text = sum(len(b.text.encode()) if hasattr(b, "text") else
           sum(len(c.encode()) for row in b.rows for c in row) for b in blocks)
print(peak - before, text)
"""


def _docx(lines: list[str]) -> bytes:
    from test_robustness import minimal_docx
    return minimal_docx([f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>".encode() for t in lines])


def _doc(lines: list[str]) -> bytes:
    """The plan as Word 97-2003 stores it (tests/doc_writer.py: a piece per run of ASCII or
    CJK text, a PAPX run per paragraph)."""
    import doc_writer
    return doc_writer.build_doc([doc_writer.Paragraph(t + "\r") for t in lines])


def _ofd(lines: list[str], path: Path, one_page: bool = False) -> None:
    """The plan as an OFD: a TextObject per line, a Content.xml per page (tests/ruled_tables.py),
    or all of it on one page (one Content.xml as large as the plan)."""
    from ruled_tables import _OfdCanvas
    canvas = _OfdCanvas(path)
    if not one_page:
        return _pdf(lines, path, canvas)
    for k, t in enumerate(lines):  # a line every 14 points down a very long page
        canvas.drawString(40, 800 - 14 * k, t)
    canvas.save()


def _pdf(lines: list[str], path: Path, c=None) -> None:
    if c is None:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        c = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for t in lines:
        c.setFont("STSong-Light", 10)
        c.drawString(40, y, t)
        y -= 14
        if y < 40:
            c.showPage()
            y = 800
    c.save()


def peak(path: Path, mode: str = "reader") -> int:
    """Peak RSS (bytes) of a fresh process reading `path` (mode "reader") or converting it
    ("pipeline"), above what the same process held after its imports."""
    return measure(path, mode)[0]


def measure(path: Path, mode: str = "reader") -> tuple[int, int]:
    """(peak RSS above the imports, bytes of text the reader gave) of a fresh process."""
    proc = subprocess.run([sys.executable, "-c", PROBE, str(path), mode], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    if proc.returncode:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1:])
    used, text = proc.stdout.strip().splitlines()[-1].split()
    return int(used), int(text)


def plan_lines(mb: float) -> list[str]:
    return [f"{k}.{SENTENCE}" for k in range(int(mb * 1e6 / len(SENTENCE.encode())))]


def text_file(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def html_page(lines: list[str], sep: str = "\n") -> bytes:
    return ("<html><head><meta charset='utf-8'></head><body>"
            + "".join(f"<p>{t}</p>{sep}" for t in lines) + "</body></html>").encode()


# Sizes (MB of plan text) each reader is fitted over: the DOC writer's compound file stops
# near 7 MB (no DIFAT sectors) and reportlab writes a PDF slowly.
FIT_SIZES = {"text": (5, 10, 20), "HTML": (5, 10, 20), "DOCX": (5, 10, 20), "DOC": (1, 2, 4),
             "OFD": (2, 4, 8), "OFD1": (2, 4, 8), "PDF": (1, 2, 4)}
FORMAT_NAMES = {"OFD1": "OFD, one page"}


def write(fmt: str, lines: list[str], folder: Path) -> Path:
    """The plan `lines` in format `fmt`, written into `folder`."""
    name = {"text": "plan.txt", "HTML": "plan.html", "DOCX": "plan.docx", "DOC": "plan.doc",
            "OFD": "plan.ofd", "OFD1": "page.ofd", "PDF": "plan.pdf"}[fmt]
    path = folder / name
    if fmt == "text":
        path.write_bytes(text_file(lines))
    elif fmt == "HTML":
        path.write_bytes(html_page(lines))
    elif fmt == "DOCX":
        path.write_bytes(_docx(lines))
    elif fmt == "DOC":
        path.write_bytes(_doc(lines))
    elif fmt in ("OFD", "OFD1"):
        _ofd(lines, path, one_page=fmt == "OFD1")
    else:
        _pdf(lines, path)
    return path


def unpacked_size(path: Path) -> int | None:
    """For a ZIP of XML (DOCX, OFD), the bytes of XML it unpacks to: what its reader parses
    (the packed size says little: XML packs 5-50×)."""
    if path.suffix not in (".docx", ".ofd"):
        return None
    with zipfile.ZipFile(path) as z:
        return sum(i.file_size for i in z.infolist() if i.filename.endswith(".xml"))


@dataclass
class Fit:
    """peak = fixed + slope × size, by least squares over the measured sizes."""
    fixed: float
    slope: float

    @classmethod
    def of(cls, xs: list[float], ys: list[float]) -> "Fit":
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        return cls(my - slope * mx, slope)


@dataclass
class Point:
    file: int              # bytes of the input file
    unpacked: int | None   # bytes of XML a DOCX or OFD unpacks to
    text: int              # bytes (UTF-8) of the text the reader gave
    peak: int              # peak RSS above the interpreter after its imports


@dataclass
class ReaderFit:
    points: list[Point]

    def by(self, size: str) -> Fit:
        """The fit against `size`: "file", "unpacked" or "text"."""
        return Fit.of([getattr(p, size) for p in self.points], [p.peak for p in self.points])


def fit(fmt: str, sizes: tuple[float, ...], folder: Path) -> ReaderFit:
    """The reader of `fmt` measured on the plan at each size (MB of plan text), each in a fresh
    process."""
    points = []
    for mb in sizes:
        path = write(fmt, plan_lines(mb), folder)
        used, text = measure(path)
        points.append(Point(path.stat().st_size, unpacked_size(path), text, used))
        path.unlink()
    return ReaderFit(points)


def fit_table(formats: list[str], scale: float = 1.0) -> None:
    print("Each reader: peak RSS = fixed + slope × size, over the sizes, each a fresh process "
          "(peak above the interpreter after its imports)")
    print(f"  {'reader':22s} {'file MB':>15s} {'text MB':>15s} {'fixed MB':>9s} "
          f"{'B/file B':>9s} {'B/XML B':>8s} {'B/text B':>9s}")
    with tempfile.TemporaryDirectory(prefix="plan-extract-memory-") as tmp:
        for fmt in formats:
            sizes = tuple(mb * scale for mb in FIT_SIZES[fmt])
            name = FORMAT_NAMES.get(fmt, fmt)
            try:
                found = fit(fmt, sizes, Path(tmp))
            except RuntimeError as e:
                print(f"  {name:22s} failed: {e}")
                continue
            files = "/".join(f"{p.file / 1e6:.1f}" for p in found.points)
            texts = "/".join(f"{p.text / 1e6:.1f}" for p in found.points)
            by_xml = f"{found.by('unpacked').slope:8.2f}" if found.points[0].unpacked else f"{'':8s}"
            print(f"  {name:22s} {files:>15s} {texts:>15s} {found.by('text').fixed / 1e6:9.1f} "
                  f"{found.by('file').slope:9.2f} {by_xml} {found.by('text').slope:9.2f}")
    print("  fixed: the fit's peak at no text; B/XML B: per byte of the XML a DOCX or OFD unpacks to")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--pdf-mb", type=float, default=2.0)
    ap.add_argument("--pipeline", action="store_true")
    ap.add_argument("--fit", nargs="*", metavar="READER",
                    help=f"fit fixed + slope per reader ({', '.join(FIT_SIZES)}; all when none named)")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply the --fit sizes")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    if args.fit is not None:
        fit_table(args.fit or list(FIT_SIZES), args.scale)
        return
    lines = plan_lines(args.mb)
    with tempfile.TemporaryDirectory(prefix="plan-extract-memory-") as tmp:
        folder = Path(tmp)
        files = {
            "text, a line per sentence": ("lines.txt", text_file(lines)),
            "text, one line": ("one.txt", "".join(lines).encode()),
            "HTML, a <p> per sentence": ("p.html", html_page(lines)),
            "HTML, all on one line": ("one.html", html_page(lines, sep="")),
            "HTML, <br> lines in one <p>": ("br.html", ("<html><body><p>" + "<br>".join(lines) + "</p></body></html>").encode()),
            "DOCX": ("plan.docx", _docx(lines)),
        }
        for name, (fname, data) in files.items():
            (folder / fname).write_bytes(data)
        pdf_lines = lines[:int(args.pdf_mb * 1e6 / len(SENTENCE.encode()))]
        _pdf(pdf_lines, folder / "plan.pdf")
        files["PDF (smaller)"] = ("plan.pdf", None)
        mode = "pipeline" if args.pipeline else "reader"
        print(f"{mode}: peak RSS above the interpreter's after its imports, per input byte ({args.mb:g} MB inputs):")
        for name, (fname, _) in files.items():
            path = folder / fname
            try:
                used = peak(path, mode)
            except RuntimeError as e:
                print(f"  {name:32s} failed: {e}")
                continue
            size = path.stat().st_size
            print(f"  {name:32s} {size / 1e6:7.1f} MB  peak +{used / 1e6:7.0f} MB  {used / size:5.1f} B/B")
            if fname.endswith(".docx"):  # per byte of the XML it unpacks to
                xml = zipfile.ZipFile(path).getinfo("word/document.xml").file_size
                print(f"  {'  per byte of document.xml':32s} {xml / 1e6:7.1f} MB  {'':16s} {used / xml:5.1f} B/B")


if __name__ == "__main__":
    main()
