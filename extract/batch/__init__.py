"""Batch conversion of a folder tree: parallel, resumable, loss-free.

discover → name the outputs → skip what the manifest says is done → convert in worker
processes (or on a Dask cluster) → write each output atomically, then append its manifest line.

The output is written before its manifest line, so a kill at any moment leaves either a
finished file with its line, or a finished file without one (converted again next time,
byte-identical), never a line without its file, and never a half file.

The parts: discover (inputs and output names), manifest (the record of what was done),
worker (one file → FileResult), engines (local processes, Dask), progress (what the person
running it sees).
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Optional, TextIO

from .. import __version__
from ..errors import OutputNotWritten, OutputUnsafe, PlanExtractError, UnsupportedFormat
from ..model import SCHEMA_VERSION
from ..pipeline import Settings
from ..readers import unsupported_message
from ..writer import atomic_write_text
from .discover import BatchUsageError, Input, discover, glob_matcher, plan_outputs, safe_output
from .engines import LocalEngine, default_jobs, run_dask
from .manifest import (ERRORS, MANIFEST, JsonLines, compact, is_done, is_known_failure, load_manifest,
                       new_run_id, now, sha256_file, stale_temp_files)
from .progress import BatchSummary, Progress, Stop
from .worker import Converter, FileResult, convert_one, describe

def run_batch(in_dir: str | os.PathLike, out_dir: str | os.PathLike, *, glob: str = "**/*",
              jobs: Optional[int] = None, force: bool = False, timeout: Optional[float] = None,
              engine: str = "local", scheduler: Optional[str] = None, progress: bool = True,
              settings: Optional[Settings] = None, converter: Optional[Converter] = None,
              stream: Optional[TextIO] = None, retry_failed: bool = False, verbose: bool = False,
              width: Optional[int] = None) -> BatchSummary:
    """Convert every supported file under in_dir into out_dir, mirroring the tree.

    Inputs the manifest lists as converted (or as failed: retry_failed tries those again) and
    that have not changed since are skipped. At the end the manifest is compacted to one line
    per input. timeout: seconds per file, 0 = no limit (default: settings.timeout). converter: replaces
    pipeline.extract_file (tests, benchmarks); must be a top-level function so workers can
    import it. Raises BatchUsageError on bad arguments; per-file problems never raise, they
    are recorded in OUT_DIR/_errors.jsonl and the manifest.
    """
    t0 = time.monotonic()
    stream = stream or sys.stderr
    in_root, out_root = Path(in_dir), Path(out_dir)
    if not in_root.is_dir():
        raise BatchUsageError(f"input folder {in_dir} does not exist or is not a folder")
    if out_root.exists() and not out_root.is_dir():
        raise BatchUsageError(f"output {out_dir} exists and is not a folder")
    if engine not in ("local", "dask"):
        raise BatchUsageError(f"unknown engine {engine!r}: use local or dask")
    if engine == "dask" and not scheduler:
        raise BatchUsageError("--engine dask needs --scheduler tcp://HOST:8786")
    if jobs is not None and jobs < 1:
        raise BatchUsageError("--jobs must be at least 1")
    if timeout is not None and timeout < 0:
        raise BatchUsageError("--timeout must be a number of seconds (0 = no limit)")
    settings = settings or Settings()
    if timeout is not None:
        settings = replace(settings, timeout=timeout or None)

    out_root.mkdir(parents=True, exist_ok=True)
    out_real = out_root.resolve()
    unsupported: list[str] = []
    inputs, notes = discover(in_root, glob, exclude=(out_real,), unsupported=unsupported)
    outputs = plan_outputs([i.rel for i in inputs])
    manifest = JsonLines(out_real / MANIFEST, lock=True)  # also the lock against a second batch
    errors: Optional[JsonLines] = None
    run_id = new_run_id()
    summary = BatchSummary(out_dir=str(out_dir), run_id=run_id, total=len(inputs), notes=notes,
                           unsupported=unsupported)
    limits = {"max_mb": settings.max_mb or None, "timeout": settings.timeout}
    try:
        if unsupported:  # never left out unmentioned: each one is an E105 line in the error log
            errors = JsonLines(out_real / ERRORS)
            for rel in unsupported:
                errors.append({"path": rel, "code": UnsupportedFormat.code,
                               "message": unsupported_message(rel), "time": now()})
        for tmp in stale_temp_files(out_real):
            tmp.unlink(missing_ok=True)
        known = {} if force else load_manifest(out_real / MANIFEST)
        todo = []
        for inp in inputs:
            rec = known.get(inp.rel)
            if force:
                todo.append(inp)
            elif is_done(rec, inp, outputs[inp.rel], out_real):
                summary.skipped += 1
            elif not retry_failed and is_known_failure(rec, inp, limits):
                summary.known_failures.append((inp.rel, rec.get("code")))
            else:
                todo.append(inp)
        bar = Progress(len(todo), sum(i.size for i in todo), stream, enabled=progress, verbose=verbose,
                       run_id=run_id, width=width)

        def finish(inp: Input, res: FileResult) -> None:
            nonlocal errors
            status, code, message = res.status, res.code, res.message
            rel_out = outputs.get(inp.rel)
            try:
                if rel_out is None:
                    raise OutputUnsafe("its output name is taken by another input in the same "
                                       "folder; rename one of them", inp.rel)
                target = safe_output(out_real, rel_out, inp.rel)
                if status == "ok":
                    atomic_write_text(target, res.text)
                elif target.is_file():
                    target.unlink()  # an older output no longer describes this input
            except PlanExtractError as e:
                status, code, message = "failed", e.code, e.message
            except OSError as e:  # disk full, permission denied: the output, not a bug
                status, code, message = "failed", OutputNotWritten.code, f"could not write its output: {describe(e)}"
            manifest.append({
                "path": inp.rel, "size": inp.size, "mtime_ns": inp.mtime_ns, "sha256": res.sha256,
                "tool_version": __version__, "schema_version": SCHEMA_VERSION, "status": status,
                "code": code, "output": rel_out if status == "ok" else None,
                "seconds": res.seconds, "finished": now(), "run": run_id,
                **({} if status == "ok" else {"limits": limits})})
            summary.bytes_in += inp.size
            if status == "ok":
                summary.converted += 1
            else:
                summary.failed += 1
                summary.failures.append((inp.rel, code, message))
                if errors is None:
                    errors = JsonLines(out_real / ERRORS)
                errors.append({"path": inp.rel, "code": code, "message": message, "time": now(),
                               "run": run_id})
            bar.finished(inp.rel, inp.size, status == "ok", code, message, res.seconds)

        stop = Stop()
        in_abs = in_root.absolute()
        with _sigint_to(stop):
            if todo and engine == "dask":
                run_dask(todo, in_abs, scheduler, jobs, settings, converter, finish, stop, bar)
            elif todo:
                LocalEngine(todo, in_abs, jobs or default_jobs(), settings, converter, finish, stop,
                             bar).run()
        bar.close()
        summary.interrupted = stop.requested
        compact(out_real / MANIFEST)
    finally:
        manifest.close()
        if errors is not None:
            errors.close()
    summary.elapsed = time.monotonic() - t0
    return summary


@contextmanager
def _sigint_to(stop: Stop):
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, stop.handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


__all__ = ["run_batch", "BatchSummary", "BatchUsageError", "FileResult", "Input", "discover",
           "glob_matcher", "plan_outputs", "safe_output", "load_manifest", "is_done", "JsonLines",
           "sha256_file", "convert_one", "describe", "Progress", "MANIFEST", "ERRORS"]
