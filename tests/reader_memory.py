"""Peak memory of each reader per input byte, each measured in a fresh process.

    python tests/reader_memory.py [--mb 20] [--pipeline]

Generates the same plan text as plain text, one-line text, HTML (a <p> per line, and all of it
on one line), a DOCX and (smaller, reportlab is slow) a PDF, then reads each in a subprocess
and prints the peak RSS (VmHWM; ru_maxrss would carry the parent's over exec) above an empty interpreter's, per input byte. With
--pipeline the whole pipeline runs instead of the reader alone. The aim (issue #14): no reader
costs more per byte than the text reader.
"""
from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import zipfile
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
import lxml.etree, lxml.html
with open("/proc/self/statm") as f:  # resident now, after the imports
    before = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
work(sys.argv[1])
with open("/proc/self/status") as f:  # VmHWM, not ru_maxrss: that one survives exec from the parent
    peak = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmHWM:"))
print(peak - before)
"""


def _docx(lines: list[str]) -> bytes:
    from test_robustness import minimal_docx
    return minimal_docx([f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>".encode() for t in lines])


def _pdf(lines: list[str], path: Path) -> None:
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
    proc = subprocess.run([sys.executable, "-c", PROBE, str(path), mode], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    if proc.returncode:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1:])
    return int(proc.stdout.strip().splitlines()[-1])


def plan_lines(mb: float) -> list[str]:
    return [f"{k}.{SENTENCE}" for k in range(int(mb * 1e6 / len(SENTENCE.encode())))]


def text_file(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def html_page(lines: list[str], sep: str = "\n") -> bytes:
    return ("<html><head><meta charset='utf-8'></head><body>"
            + "".join(f"<p>{t}</p>{sep}" for t in lines) + "</body></html>").encode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--pdf-mb", type=float, default=2.0)
    ap.add_argument("--pipeline", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
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
