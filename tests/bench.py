"""`make bench`: every figure beside its baseline, measured in the same run.

    python tests/bench.py [--quick]

Each figure is a whole process: CPU = user + system seconds of that process alone (wait4),
wall = elapsed, peak RSS of that process alone (started by a fresh small launcher, so it does
not inherit this one's memory); the best of a few runs. Sections:

1. start-up: `plan-extract --version` against `python -c "import click"`; a one-line document.
2. text: the warm pipeline (everything a later document needs loaded first, spaCy included)
   over the corpus, against jieba.lcut of the same text in the same process.
3. PDF: the ruled-table PDFs (fixtures, and ../shared/external when present), whole pipeline
   against pdfplumber's extract_text; a generated 2,000-page PDF against PDFium's bare text.
4. DOCX: the DOCX fixtures, whole pipeline against python-docx reading their paragraphs.
5. memory: peak RSS converting the largest corpus document and a 50 MB plan (bytes of RSS per
   input byte); the 50 MB run must also finish with a whole output file (this was a test).
6. batch: tests/bench_batch.py (-j1 against -j2, start-up of the workers).
7. ocr: tests/bench_ocr.py — seconds a page by OCR beside the text layer (with the [ocr] extra).
The targets (issue #16) are printed beside the figures; the benchmark is the measure, never a test.
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
BENCH_DIR = ROOT / ".bench"          # generated inputs, kept between runs (.gitignore)
EXTERNAL = Path(os.environ.get("PLAN_EXTRACT_EXTERNAL", ROOT.parent / "shared" / "external"))
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
ENV.pop("PYTHONDONTWRITEBYTECODE", None)   # start-up figures are for compiled modules, as installed
PY = sys.executable


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


class Run:
    def __init__(self, cpu: float, wall: float, rss_mb: float, out: str):
        self.cpu, self.wall, self.rss_mb, self.out = cpu, wall, rss_mb, out


# Runs one command and reports its own usage: a child's peak RSS on Linux starts from the memory
# of the process it was forked from, so the command is started by this small launcher (a fresh
# interpreter), never by the benchmark, which has loaded reportlab and the fixtures by then.
_LAUNCHER = r"""
import json, os, subprocess, sys, time
t = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:])
_, status, usage = os.wait4(proc.pid, 0)
print("\n" + json.dumps([usage.ru_utime + usage.ru_stime, time.perf_counter() - t,
                         usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)]))
"""


def process(args: list[str], repeat: int = 1, check: bool = True, env: dict | None = None,
            before=None) -> Run:
    """Run a whole process `repeat` times; the best CPU (with its wall) and the highest peak RSS.
    `env` is added to the environment; `before()` runs before each repetition."""
    import json
    best = None
    for _ in range(repeat):
        if before is not None:
            before()
        with tempfile.TemporaryFile() as out:
            subprocess.run([PY, "-c", _LAUNCHER, *map(str, args)], stdout=out, stderr=subprocess.STDOUT,
                           cwd=ROOT, env={**ENV, **(env or {})})
            out.seek(0)
            text = out.read().decode("utf-8", "replace")
        text, _, stats = text.rstrip().rpartition("\n")
        cpu, wall, rss, code = json.loads(stats)
        if check and code != 0:
            raise SystemExit(f"benchmark step failed ({' '.join(map(str, args))}):\n{text[-3000:]}")
        run = Run(cpu, wall, rss, text)
        if best is None or run.cpu < best.cpu:
            best = Run(run.cpu, run.wall, max(run.rss_mb, best.rss_mb if best else 0), text)
        else:
            best.rss_mb = max(best.rss_mb, run.rss_mb)
    return best


def cli(*args: str) -> list[str]:
    return [PY, "-m", "extract.cli", *args]


def row(what: str, figure: str, baseline: str = "", verdict: str = "") -> None:
    print(f"  {what:44} {figure:34} {baseline:42} {verdict}")


def meets(value: float, target: float, more_is_better: bool = True) -> str:
    ok = value >= target if more_is_better else value <= target
    return ("meets" if ok else "MISSES") + f" target {'≥' if more_is_better else '≤'}{target:g}"


def timing(r: Run) -> str:
    return f"{r.cpu:.2f} CPU-s, {r.wall:.2f} s wall"


# ---- 1. start-up --------------------------------------------------------------------------------

def bench_startup(tmp: Path) -> None:
    print("start-up (fresh processes, best of 5; the cold one-line run best of 3)")
    process(cli("--version"))   # compile modules once, as an installed package has them
    click = process([PY, "-c", "import click"], repeat=5)
    version = process(cli("--version"), repeat=5)
    row("plan-extract --version", timing(version), f"python -c 'import click': {timing(click)}",
        f"{version.cpu / click.cpu:.2f}× — " + meets(version.cpu / click.cpu, 2.0, more_is_better=False))
    one = tmp / "one.txt"
    one.write_text("规划目标：到2025年，森林覆盖率达到25%。\n", encoding="utf-8")
    # The cache folder (compiled regexes, validated pattern models: extract/built_cache.py) is
    # the benchmark's own: emptied before each cold run, filled by the first for the warm ones.
    import shutil
    cache = tmp / "cache"
    args = cli("extract", str(one), "-o", str(tmp / "one-out"), "-q")
    cold = process(args, repeat=3, env={"PLAN_EXTRACT_CACHE": str(cache)},
                   before=lambda: shutil.rmtree(cache, ignore_errors=True))
    warm = process(args, repeat=5, env={"PLAN_EXTRACT_CACHE": str(cache)})
    row("a one-line document → JSON (cache warm)", timing(warm), f"python -c 'import click': {timing(click)}",
        meets(warm.cpu, 0.3, more_is_better=False) + " CPU-s")
    row("  the same, first run (cache empty)", timing(cold), "", "(what every later run saves: "
        f"{cold.cpu - warm.cpu:.2f} CPU-s)")


# ---- 2. text, warm ------------------------------------------------------------------------------

_WARM_TEXT = r"""
import sys, time
from pathlib import Path
from extract import nlp
from extract.pipeline import run
from extract.writer import to_json_bytes
docs = sorted(Path("corpus").glob("*.txt"))
for p in docs:                       # warm-up: patterns, jieba and spaCy (which a later document needs)
    to_json_bytes(run(p).document)
nlp.nlp()
text = "".join(p.read_text(encoding="utf-8") for p in docs)
best = lambda f: min((lambda t: (f(), time.process_time() - t)[1])(time.process_time()) for _ in range(3))
pipeline = best(lambda: [to_json_bytes(run(p).document) for p in docs])
import jieba
jieba.setLogLevel(60); jieba.initialize()
seg = best(lambda: jieba.lcut(text))
print(sum(p.stat().st_size for p in docs) / 1024, pipeline, seg, len(docs))
"""


def bench_text() -> None:
    print("text (one process; warm: everything a later document needs is loaded first)")
    kb, pipeline, seg, n = process([PY, "-c", _WARM_TEXT]).out.split()[-4:]
    kb, pipeline, seg = float(kb), float(pipeline), float(seg)
    row(f"whole pipeline → JSON, corpus ({n} files, {kb:.0f} KB)", f"{kb / pipeline:,.0f} KB/CPU-s",
        f"jieba.lcut, same text: {kb / seg:,.0f} KB/CPU-s",
        f"{seg / pipeline:.2f}× — " + meets(seg / pipeline, 1.5))


# ---- 3. PDF -------------------------------------------------------------------------------------

_FIND_RULED = r"""
import hashlib, sys
from extract.raw import RawTable
from extract.readers.pdf import read_pdf
for f in sys.argv[1:]:
    data = open(f, "rb").read()
    raw = read_pdf(f, data, hashlib.sha256(data).hexdigest())
    if any(isinstance(b, RawTable) for b in raw.blocks):
        print(raw.pages, f)
"""

_PLUMBER = r"""
import sys, pdfplumber
for f in sys.argv[1:]:
    with pdfplumber.open(f) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
"""

_PDFIUM = r"""
import sys, pypdfium2 as pdfium
for f in sys.argv[1:]:
    pdf = pdfium.PdfDocument(f)
    for page in pdf:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close(); page.close()
    pdf.close()
"""


def libreoffice_pdfs(docx: list[Path]) -> list[Path]:
    """The DOCX fixtures printed to PDF by LibreOffice (as an office prints a plan: embedded
    font subsets), cached in .bench/; none when LibreOffice is not installed."""
    import shutil
    folder = BENCH_DIR / "libreoffice"
    missing = [d for d in docx if not (folder / (d.stem + ".pdf")).exists()]
    if missing and shutil.which("soffice"):
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                        *map(str, missing)], capture_output=True, timeout=600)
    return sorted(p for p in (folder / (d.stem + ".pdf") for d in docx) if p.exists())


def ruled_pdfs() -> tuple[list[str], int]:
    """PDFs whose pages hold ruled tables: the fixtures (reportlab, a CID font not embedded),
    their LibreOffice renderings, and ../shared/external when present."""
    sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
    import make_fixtures
    folder = make_fixtures.build()
    candidates = (sorted(folder.glob("*.pdf")) + libreoffice_pdfs(sorted(folder.glob("*.docx")))
                  + sorted(EXTERNAL.glob("*.pdf")))
    found = process([PY, "-c", _FIND_RULED, *map(str, candidates)]).out.split("\n")
    pairs = [line.split(" ", 1) for line in found if line.strip() and line.split(" ", 1)[0].isdigit()]
    return [f for _, f in pairs], sum(int(n) for n, _ in pairs)


def long_pdf(pages: int) -> Path:
    """An invented plan of `pages` pages: running text, a heading now and then, and a ruled
    indicator table every fifth page; set in an embedded CJK font when the machine has one."""
    path = BENCH_DIR / f"plan-{pages}-pages.pdf"
    if path.exists():
        return path
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas
    font = "STSong-Light"
    for candidate in ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                      "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"):
        if Path(candidate).exists():
            from reportlab.pdfbase.ttfonts import TTFont
            pdfmetrics.registerFont(TTFont("CJK", candidate, subfontIndex=0))
            font = "CJK"
            break
    else:
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    prose = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))
    prose = "".join(prose.split())
    BENCH_DIR.mkdir(exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    at = 0
    for n in range(1, pages + 1):
        c.setFont(font, 11)
        y = 780
        if n % 5 == 0:
            xs, top = [70, 250, 330, 410, 525], 780
            rows = [["指标", "单位", "2020年", "2025年"]] + [
                [f"指标{n}-{k}", "%", f"{50 + k}.5", f"≥{60 + k}"] for k in range(1, 8)]
            for k in range(len(rows) + 1):
                c.line(xs[0], top - 20 * k, xs[-1], top - 20 * k)
            for x in xs:
                c.line(x, top, x, top - 20 * len(rows))
            for k, cells in enumerate(rows):
                for x, text in zip(xs, cells):
                    c.drawString(x + 4, top - 20 * k - 14, text)
            y = top - 20 * len(rows) - 30
        while y > 70:
            line = prose[at:at + 40] or prose[:40]
            at = at + 40 if at + 80 < len(prose) else 0
            c.drawString(70, y, line)
            y -= 18
        c.drawString(290, 40, str(n))
        c.showPage()
    c.save()
    return path


def bench_pdf(quick: bool, tmp: Path) -> None:
    pdfs, pages = ruled_pdfs()
    print(f"PDF, ruled-table files ({len(pdfs)} files, {pages} pages; whole processes, best of 3; "
          "text layer only: --ocr off, as pdfplumber reads no images)")
    if pdfs:
        ours = process(cli("extract", *pdfs, "-o", str(tmp / "pdf-out"), "-q", "--ocr", "off"),
                       repeat=3)
        plumber = process([PY, "-c", _PLUMBER, *pdfs], repeat=3)
        row("whole pipeline → JSON", f"{pages / ours.cpu:.1f} pages/CPU-s ({timing(ours)})",
            f"pdfplumber extract_text: {pages / plumber.cpu:.1f} pages/CPU-s",
            f"{plumber.cpu / ours.cpu:.1f}× — " + meets(plumber.cpu / ours.cpu, 6.0))
    n = 200 if quick else 2000
    big = long_pdf(n)
    print(f"PDF, a generated {n}-page plan ({big.stat().st_size / 1e6:.1f} MB, every fifth page a ruled table)")
    ours = process(cli("extract", str(big), "-o", str(tmp / "pdf-out"), "-q"))
    pdfium = process([PY, "-c", _PDFIUM, str(big)])
    row("whole pipeline → JSON", f"{n / ours.cpu:.0f} pages/CPU-s ({timing(ours)})",
        f"PDFium bare text: {n / pdfium.cpu:.0f} pages/CPU-s", meets(n / ours.cpu, 150))
    row("  peak RSS", f"{ours.rss_mb:.0f} MB", f"PDFium bare text: {pdfium.rss_mb:.0f} MB")


# ---- 4. DOCX ------------------------------------------------------------------------------------

_PYTHON_DOCX = r"""
import sys, docx
for f in sys.argv[1:]:
    d = docx.Document(f)
    [p.text for p in d.paragraphs]
    [c.text for t in d.tables for r in t.rows for c in r.cells]
"""


def bench_docx(tmp: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
    import make_fixtures
    files = [str(p) for p in sorted(make_fixtures.build().glob("*.docx")) + sorted(EXTERNAL.glob("*.docx"))]
    kb = sum(Path(f).stat().st_size for f in files) / 1024
    print(f"DOCX ({len(files)} files, {kb:.0f} KB; whole processes, best of 3)")
    ours = process(cli("extract", *files, "-o", str(tmp / "docx-out"), "-q"), repeat=3)
    base = process([PY, "-c", _PYTHON_DOCX, *files], repeat=3)
    row("whole pipeline → JSON", f"{len(files) / ours.cpu:.1f} files/CPU-s ({timing(ours)})",
        f"python-docx paragraphs+cells: {len(files) / base.cpu:.1f} files/CPU-s",
        f"{base.cpu / ours.cpu:.2f}× its speed")


# ---- 5. memory ----------------------------------------------------------------------------------

def bench_memory(quick: bool, tmp: Path) -> None:
    print("memory (peak RSS of one fresh process converting one file to JSON)")
    python = process([PY, "-c", "pass"])
    docs = sorted((ROOT / "corpus").glob("*.txt"), key=lambda p: p.stat().st_size)
    largest = process(cli("extract", str(docs[-1]), "-o", str(tmp / "mem-out"), "-q"))
    row(f"largest corpus document ({docs[-1].stat().st_size / 1024:.0f} KB)",
        f"{largest.rss_mb:.0f} MB ({timing(largest)})", f"python doing nothing: {python.rss_mb:.0f} MB")
    if quick:
        return
    big = tmp / "fifty.txt"
    seed = "".join(p.read_text(encoding="utf-8") for p in docs)
    with open(big, "w", encoding="utf-8") as f:
        while f.tell() < 50_000_000:
            f.write(seed)
    size = big.stat().st_size
    out = tmp / "fifty-out"
    # no time limit: a loaded machine must not turn a memory figure into E402
    run = process(cli("extract", str(big), "-o", str(out), "--timeout", "0"))
    written = list(out.iterdir())   # the run finished with one whole file and no temp file left
    assert [p.name for p in written] == ["fifty.json"] and written[0].stat().st_size > 0, written
    per_byte = run.rss_mb * 2 ** 20 / size
    row(f"a 50 MB plan ({size / 1e6:.1f} MB)", f"{run.rss_mb:.0f} MB = {per_byte:.1f} B/input byte",
        f"{size / 1024 / run.cpu:,.0f} KB/CPU-s ({timing(run)})", meets(per_byte, 8, more_is_better=False))
    bench_reader_memory(tmp)


def bench_reader_memory(tmp: Path) -> None:
    """Each reader's peak RSS as fixed + slope × size (tests/reader_memory.py: the same generated
    plan at two sizes, a fresh process each), the slope per byte of text against the text reader's."""
    sys.path.insert(0, str(ROOT / "tests"))
    import reader_memory
    print("memory per reader (peak above the imports = fixed + slope × text; 1 and 3 MB plans, PDF 0.5 and 1.5)")
    text = None
    for fmt in ("text", "HTML", "DOCX", "DOC", "OFD", "OFD1", "PDF"):
        found = reader_memory.fit(fmt, (0.5, 1.5) if fmt == "PDF" else (1, 3), tmp).by("text")
        text = text or found.slope
        ratio = found.slope / text
        row(f"  {reader_memory.FORMAT_NAMES.get(fmt, fmt)}",
            f"{found.slope:.1f} B/text byte, fixed {max(found.fixed, 0) / 1e6:.0f} MB",
            "" if fmt == "text" else f"text reader: {text:.1f} B/text byte",
            "" if fmt == "text" else
            f"{ratio:.2f}× — " + meets(ratio, 1.6 if fmt == "OFD1" else 1.0, more_is_better=False))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true",
                    help="a 200-page PDF instead of 2,000, no 50 MB file, a shorter batch run")
    ap.add_argument("--only", choices=["startup", "text", "pdf", "docx", "memory", "batch", "ocr"])
    args = ap.parse_args()
    print("machine:", machine())
    with tempfile.TemporaryDirectory(prefix="plan-extract-bench-") as tmp:
        tmp = Path(tmp)
        steps = {"startup": lambda: bench_startup(tmp), "text": bench_text,
                 "pdf": lambda: bench_pdf(args.quick, tmp), "docx": lambda: bench_docx(tmp),
                 "memory": lambda: bench_memory(args.quick, tmp)}
        for name, step in steps.items():
            if args.only in (None, name):
                step()
                sys.stdout.flush()
    if args.only in (None, "batch"):
        batch_args = ["--files", "60"] if args.quick else []
        subprocess.run([PY, str(Path(__file__).parent / "bench_batch.py"), *batch_args], cwd=ROOT, env=ENV)
    if args.only in (None, "ocr"):
        subprocess.run([PY, str(Path(__file__).parent / "bench_ocr.py"),
                        *(["--pages", "9-9"] if args.quick else [])], cwd=ROOT, env=ENV)


if __name__ == "__main__":
    main()
