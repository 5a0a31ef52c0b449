"""The stages, in order, and the orchestrator that keeps every intermediate result.

read → normalize → segment → tables → indicators → projects → tasks → meta → Document.
Each stage is a plain function `run(state) -> None` that fills its own layer of the
state and never rewrites an earlier one, so `--dump-stage NAME` can show any of them.
"""
from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

from . import __version__
from .errors import NoBodyText, PlanExtractError, TimeLimitExceeded
from .paths import printable
from .model import Document, Source
from .raw import RawDocument
from .stages import STAGE_NAMES
from .readers import read
from .state import State


@dataclass(frozen=True)
class Settings:
    max_mb: float = 200.0            # refuse inputs larger than this
    timeout: Optional[float] = 600.0  # seconds per document; None = no limit
    with_text: bool = False          # put the normalized text in the Document (`text`)
    ocr: str = "auto"                # auto | off | force: pages and images without text (PDF)


@dataclass
class Result:
    document: Document
    state: State
    seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.state.norm.text


# What each stage writes: the layers of State it fills. Any stage may append to `warnings`;
# no stage touches another's layer (tests/test_pipeline.py checks this on real documents).
WRITES: dict[str, tuple[str, ...]] = {
    "normalize": ("norm",),
    "segment": ("front", "outline", "heading_para", "boxes", "box_paras"),
    "tables": ("tables", "table_paras", "table_rows"),
    "indicators": ("indicators",),
    "projects": ("projects",),
    "tasks": ("tasks",),
    "meta": ("meta",),
}


# The last stage that reads the reader's blocks (the tables stage looks at the printed lines
# around a table); the pipeline releases them after it, so a 50 MB text does not keep its
# lines twice (raw and normalized) through the later stages.
RAW_BLOCKS_LAST_READ_BY = "tables"


def _stages() -> list[tuple[str, Callable[[State], None]]]:
    from .stages import indicators, meta, normalize, projects, segment, tables, tasks
    return [
        ("normalize", normalize.run),
        ("segment", segment.run),
        ("tables", tables.run),
        ("indicators", indicators.run),
        ("projects", projects.run),
        ("tasks", tasks.run),
        ("meta", meta.run),
    ]




# The cyclic garbage collector's first threshold for a converting process (Python's default: 700).
# A document allocates millions of objects that live until it is written (lines, paragraphs,
# table characters), so at 700 the collector keeps walking them: 2–4% of a PDF's CPU time.
GC_YOUNG_THRESHOLD = 10_000


def settle_loaded() -> None:
    """For a process that converts documents (the command line, a batch worker), once it has
    imported the stages: what is loaded by then (modules, models, patterns) lives as long as the
    process, so the garbage collector stops walking it (gc.freeze), and collects the young
    generation every GC_YOUNG_THRESHOLD allocations instead of every 700. Objects freed by their
    reference count are freed as before; only cycles among the frozen objects would be kept.
    Not called by the library: a caller's process keeps its own collector settings."""
    import gc
    _stages()   # the stages' modules, imported here rather than inside the first document
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


def run(path: str | os.PathLike, settings: Settings | None = None,
        stop_after: str | None = None) -> Result:
    """Run the whole pipeline on one file. Raises PlanExtractError on bad input."""
    settings = settings or Settings()
    with time_limit(settings.timeout, printable(path)):
        return _run(path, settings, stop_after)


@contextlib.contextmanager
def time_limit(seconds: Optional[float], path: str):
    """Bound the whole document, not only the gaps between stages: a runaway pattern or a
    pathological PDF is interrupted by SIGALRM (main thread on POSIX; elsewhere the check
    between stages still applies). Inside an outer limit (the batch's, which also covers
    writing the JSON) the outer timer is left to do the job."""
    usable = bool(seconds) and hasattr(signal, "setitimer") and \
        threading.current_thread() is threading.main_thread() and \
        signal.getitimer(signal.ITIMER_REAL)[0] == 0
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise TimeLimitExceeded(f"took longer than the time limit of {seconds:g} s "
                                "(raise it with --timeout)", path)
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run(path: str | os.PathLike, settings: Settings, stop_after: str | None) -> Result:
    t0 = time.perf_counter()
    deadline = t0 + settings.timeout if settings.timeout else None
    raw = read(path, max_bytes=int(settings.max_mb * 1e6) if settings.max_mb else None,
               ocr=settings.ocr)
    state = State(raw=raw, deadline=deadline)
    for code, message in raw.warnings:
        state.warn(code, message)
    timings = {"read": time.perf_counter() - t0}
    if stop_after != "read":
        for name, stage in _stages():
            t = time.perf_counter()
            stage(state)
            timings[name] = time.perf_counter() - t
            if name == "normalize" and not state.norm.paras:
                raise NoBodyText("has no text once page numbers and converter marks are removed", printable(path))
            if deadline and time.perf_counter() > deadline:
                raise TimeLimitExceeded(
                    f"took longer than the time limit of {settings.timeout:g} s "
                    f"(stopped after stage {name}; raise it with --timeout)", printable(path))
            if name == stop_after:
                break
            if name == RAW_BLOCKS_LAST_READ_BY and stop_after is None:
                raw.blocks = []   # the reader's lines, read for the last time: memory in proportion
        warn_ocr_items(state)
    doc = build_document(raw, state, with_text=settings.with_text)
    return Result(document=doc, state=state, seconds=time.perf_counter() - t0, stage_seconds=timings)


def warn_ocr_items(state: State) -> None:
    """Every item printed on a page that OCR read carries a warning saying so: a person should
    check its values against the page (the reader's own warning names the page once)."""
    pages = set(state.raw.ocr_pages)
    if not pages:
        return
    items = [(i.id, "indicator", i.name, i.source.page, i.source.span) for i in state.indicators]
    items += [(p.id, "project", p.name, p.source.page, p.source.span) for p in state.projects]
    items += [(t.id, "task", t.title, t.page, t.span) for t in state.tasks]
    for item_id, kind, name, page, span in items:
        if page in pages:
            state.warn("ocr.item", f"{kind} {item_id} ({name}) was read by OCR on page {page}: "
                                   "check its values against the page", span)


def extract_file(path: str | os.PathLike, settings: Settings | None = None) -> Document:
    return run(path, settings).document


def build_document(raw: RawDocument, state: State, with_text: bool = False) -> Document:
    source = Source(path=raw.path, sha256=raw.sha256, format=raw.format,  # type: ignore[arg-type]
                    encoding=raw.encoding, pages=raw.pages, ocr_pages=raw.ocr_pages)
    return Document(source=source, meta=state.meta, outline=state.outline, tasks=state.tasks,
                    boxes=state.boxes, tables=state.tables, indicators=state.indicators,
                    projects=state.projects, warnings=state.warnings,
                    text=state.norm.text if with_text and state.norm is not None else None)


__all__ = ["Settings", "Result", "run", "extract_file", "PlanExtractError", "STAGE_NAMES", "__version__"]
