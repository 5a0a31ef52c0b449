"""Batch conversion of a folder tree: parallel, resumable, loss-free.

discover → name the outputs → skip what the manifest says is done → convert in worker
processes (or on a Dask cluster) → write each output atomically, then append its manifest line.

The output is written before its manifest line, so a kill at any moment leaves either a
finished file with its line, or a finished file without one (converted again next time,
byte-identical), never a line without its file, and never a half file.
"""
from __future__ import annotations

import concurrent.futures as cf
import hashlib
import json
import multiprocessing as mp
import os
import re
import signal
import sys
import threading
import time
import traceback
import uuid
from collections import defaultdict, deque
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator, Optional, TextIO

from . import __version__
from .errors import OutputUnsafe, PlanExtractError, TimeLimitExceeded
from .model import SCHEMA_VERSION, Document
from .pipeline import Settings, time_limit
from .readers import SUFFIX_FORMAT
from .writer import atomic_write_text

MANIFEST = "_manifest.jsonl"
ERRORS = "_errors.jsonl"

Converter = Callable[[str, Settings], Document]
"""What turns one input into a Document: `pipeline.extract_file` unless a caller (a test, a
benchmark) passes another top-level, picklable function with the same signature."""


class BatchUsageError(ValueError):
    """Bad arguments or an unusable folder: the CLI turns it into a usage error (exit 2)."""


# ---------------------------------------------------------------- discovery

@dataclass(frozen=True)
class Input:
    rel: str        # POSIX path relative to IN_DIR: the file's key in the manifest
    path: Path      # IN_DIR as given / rel: how outputs name their source
    size: int
    mtime_ns: int


def glob_matcher(pattern: str) -> Callable[[str], bool]:
    """`**/` spans folders, `*` and `?` stay within one name. A pattern without a slash is
    matched against the file name alone (`*.pdf` finds PDFs at any depth)."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2:]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1:end]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    try:
        rx = re.compile("".join(out) + r"\Z")
    except re.error as e:
        raise BatchUsageError(f"--glob {pattern!r} is not a valid pattern: {e}") from None
    if "/" not in pattern:
        return lambda rel: rx.match(rel.rpartition("/")[2]) is not None
    return lambda rel: rx.match(rel) is not None


def discover(in_dir: str | os.PathLike, pattern: str = "**/*",
             exclude: tuple[Path, ...] = ()) -> tuple[list[Input], list[str]]:
    """Supported files under in_dir, sorted by relative path, and notes on what was passed over.

    Hidden files and folders (.git, ._x.pdf) are ignored. A symlink is followed only while its
    target stays inside in_dir; one that leads back to a folder above it (a loop) is skipped.
    """
    root = Path(in_dir).resolve()
    matches = glob_matcher(pattern)
    excluded = {Path(p).resolve() for p in exclude}
    found: list[Input] = []
    notes: list[str] = []

    def walk(real: Path, rel: PurePosixPath, ancestors: frozenset[Path]) -> None:
        try:
            entries = sorted(os.scandir(real), key=lambda e: e.name)
        except OSError as e:
            notes.append(f"{rel or '.'}: folder not readable ({e.strerror})")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = rel / entry.name
            try:
                target = Path(entry.path)
                if entry.is_symlink():
                    target = target.resolve(strict=True)
                    if not target.is_relative_to(root):
                        notes.append(f"{child}: symlink leads out of the input folder, not followed")
                        continue
                if target.is_dir():
                    if target in ancestors:
                        notes.append(f"{child}: symlink loop, not followed")
                    elif target not in excluded:
                        walk(target, child, ancestors | {target})
                elif (target.is_file() and PurePosixPath(entry.name).suffix.lower() in SUFFIX_FORMAT
                      and matches(str(child))):
                    st = os.stat(entry.path)
                    found.append(Input(str(child), Path(in_dir) / child, st.st_size, st.st_mtime_ns))
            except (OSError, RuntimeError) as e:  # dangling link, a loop inside the link chain, a race
                notes.append(f"{child}: skipped ({getattr(e, 'strerror', None) or e})")

    walk(root, PurePosixPath(), frozenset({root}))
    found.sort(key=lambda i: i.rel)
    return found, notes


def plan_outputs(rels: list[str]) -> dict[str, Optional[str]]:
    """Input → output path, both relative: a/plan.pdf → a/plan.json.

    Inputs in one folder that would share a name (a/plan.pdf, a/plan.docx) keep their suffix:
    a/plan.pdf.json, a/plan.docx.json. A name still taken after that maps to None (an error)."""
    def stem_json(rel: str) -> str:
        return str(PurePosixPath(rel).with_suffix(".json"))
    groups: dict[str, list[str]] = defaultdict(list)
    for rel in rels:
        groups[stem_json(rel).casefold()].append(rel)
    named = {rel: stem_json(rel) if len(group) == 1 else rel + ".json"
             for group in groups.values() for rel in group}
    taken: set[str] = set()
    out: dict[str, Optional[str]] = {}
    for rel in sorted(named):
        key = named[rel].casefold()
        out[rel] = None if key in taken else named[rel]
        taken.add(key)
    return out


def safe_output(out_root: Path, rel_out: str, rel_in: str) -> Path:
    """OUT_DIR / rel_out, refusing anything that would land outside OUT_DIR."""
    p = PurePosixPath(rel_out)
    if p.is_absolute() or any(part in ("", ".", "..") for part in rel_out.split("/")) or "\x00" in rel_out:
        raise OutputUnsafe(f"output name {rel_out!r} is not a plain relative path", rel_in)
    real = (out_root / p).resolve()
    if not real.is_relative_to(out_root):
        raise OutputUnsafe(f"output {rel_out} would land outside the output folder "
                           "(through a symlinked folder?)", rel_in)
    return real


# ---------------------------------------------------------------- manifest and error log

def load_manifest(path: Path) -> dict[str, dict]:
    """The latest record per input. Lines that do not parse (a line cut short by a kill) are skipped."""
    latest: dict[str, dict] = {}
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return latest
    for line in data.split(b"\n"):
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if isinstance(rec, dict) and isinstance(rec.get("path"), str):
            latest[rec["path"]] = rec
    return latest


class JsonLines:
    """An append-only JSON-lines file: each record is one write() followed by fsync."""

    def __init__(self, path: Path, lock: bool = False):
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        if lock:
            self._lock(path)
        size = os.fstat(self.fd).st_size
        if size:
            with open(path, "rb") as f:  # a kill may have cut the last line: start on a fresh one
                f.seek(size - 1)
                if f.read(1) != b"\n":
                    os.write(self.fd, b"\n")

    def _lock(self, path: Path) -> None:
        try:
            import fcntl
        except ImportError:  # not POSIX: no guard against two batches on one folder
            return
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            raise BatchUsageError(f"another batch is writing to {path.parent}; "
                                  "wait for it or choose another output folder") from None

    def append(self, record: dict) -> None:
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        while data:
            data = data[os.write(self.fd, data):]
        os.fsync(self.fd)

    def close(self) -> None:
        os.close(self.fd)


def sha256_file(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def is_done(rec: Optional[dict], inp: Input, rel_out: Optional[str], out_root: Path) -> bool:
    """Converted ok by this tool and schema version, output present, input unchanged
    (same size and mtime; if only the mtime moved, the same sha256)."""
    if not rec or rec.get("status") != "ok" or rel_out is None:
        return False
    if rec.get("tool_version") != __version__ or rec.get("schema_version") != SCHEMA_VERSION:
        return False
    if rec.get("size") != inp.size or rec.get("output") != rel_out:
        return False
    if not (out_root / rel_out).is_file():
        return False
    if rec.get("mtime_ns") == inp.mtime_ns:
        return True
    try:
        return rec.get("sha256") == sha256_file(inp.path)
    except OSError:
        return False


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _stale_temp_files(out_root: Path) -> Iterator[Path]:
    """Temp files of atomic writes cut short by SIGKILL (writer.atomic_write_text: .NAME.XXXX.tmp)."""
    for dirpath, _dirs, files in os.walk(out_root):
        for name in files:
            if name.startswith(".") and name.endswith(".tmp"):
                yield Path(dirpath) / name


# ---------------------------------------------------------------- one file, in a worker

def describe(e: BaseException) -> str:
    """Exception type, message and where it was raised: enough to file a bug."""
    text = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
    frames = traceback.extract_tb(e.__traceback__)
    if frames:
        last = frames[-1]
        text += f" (at {Path(last.filename).name}:{last.lineno} in {last.name})"
    return text


def convert_one(read_path: str, shown: str, settings: Settings,
                converter: Optional[Converter] = None) -> dict:
    """Convert one file; never raises. Returns {status, text, code, message, sha256, seconds}."""
    from .writer import to_json
    t0 = time.perf_counter()
    res: dict = {"status": "failed", "text": None, "code": None, "message": None, "sha256": None}
    try:
        res["sha256"] = sha256_file(read_path)
    except OSError:
        pass  # the converter reports a missing or unreadable file with its own code
    try:
        if converter is None:
            from .pipeline import extract_file as converter
        with time_limit(settings.timeout, shown):
            doc = converter(read_path, settings)
            doc = doc.model_copy(update={"source": doc.source.model_copy(update={"path": shown})})
            res["text"] = to_json(doc)
        res["status"] = "ok"
    except PlanExtractError as e:
        res.update(code=e.code, message=e.message)
    except Exception as e:  # a bug on one file must not stop the batch
        res.update(code="E900", message=describe(e))
    res["seconds"] = round(time.perf_counter() - t0, 3)
    return res


_started_queue = None  # set in each worker process: where it reports (task, pid, start time)


def _init_worker(started_queue) -> None:
    """Runs once in each spawned worker: the parent decides what Ctrl-C means, and the heavy
    libraries are imported here, once per worker rather than once per file."""
    global _started_queue
    _started_queue = started_queue
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()


# Enough of a plan to make every stage load what it loads lazily (dictionaries, patterns).
_WARM_UP_TEXT = (
    "某市“十四五”卫生健康规划\n一、主要目标\n到2025年，主要指标达到全省平均水平。\n"
    "表1　“十四五”卫生健康主要指标\n类别\t指标\t单位\t2020年\t2025年目标\t属性\n"
    "健康水平\t人均预期寿命\t岁\t80.66\t≥81.6\t预期性\n"
    "健康服务\t每千人口医疗卫生机构床位数\t张\t6.5\t7.2左右\t指导性\n\n"
    "二、主要任务\n（一）完善机制\n1.完善人才培养机制。到2025年，建成网络。（责任单位：市卫生健康委、市财政局）\n"
    "专栏1　重点工程\n1.人民医院改扩建项目：总投资4800万元。\n")


def warm_up() -> None:
    """Convert a small built-in plan once, so a worker's first real file does not pay for
    loading jieba and the patterns inside its time limit."""
    import tempfile
    try:
        from .pipeline import extract_file
        from .writer import to_json
        with tempfile.TemporaryDirectory(prefix="plan-extract-warm-up-") as tmp:
            path = Path(tmp) / "warm_up.txt"
            path.write_text(_WARM_UP_TEXT, encoding="utf-8")
            to_json(extract_file(path, Settings(timeout=None)))
    except Exception:  # a broken stage shows up as a per-file error, with its file name
        pass


def _worker_task(idx: int, read_path: str, shown: str, settings: Settings,
                 converter: Optional[Converter]) -> dict:
    if _started_queue is not None:
        _started_queue.put((idx, os.getpid(), time.time()))
    return convert_one(read_path, shown, settings, converter)


def _failure(code: str, message: str, seconds: float = 0.0) -> dict:
    return {"status": "failed", "text": None, "code": code, "message": message,
            "sha256": None, "seconds": round(seconds, 3)}


def _timed_out(limit: float) -> dict:
    return _failure(TimeLimitExceeded.code, f"took longer than the time limit of {limit:g} s; its "
                    "worker was stopped (raise it with --timeout)", limit)


DIED = ("the worker process died while converting this file "
        "(a crash in a library, out of memory, or killed from outside)")


# ---------------------------------------------------------------- stopping and progress

class Stop:
    """First Ctrl-C: submit nothing more, let running files finish. Second: cancel them."""

    def __init__(self) -> None:
        self.requested = False
        self.cancel = False
        self._said = 0

    def handler(self, _sig, _frame) -> None:
        if self.requested:
            self.cancel = True
        self.requested = True

    def announce(self, progress: "Progress", running: int) -> None:
        level = 2 if self.cancel else 1 if self.requested else 0
        if level > self._said:
            self._said = level
            progress.note("interrupted: cancelling the running files" if level == 2 else
                          f"interrupted: finishing {running} running file(s); Ctrl-C again to cancel them")


class Progress:
    """A one-line bar on a terminal; plain lines every `interval` s or 10 % elsewhere (CI, cron)."""

    def __init__(self, total: int, stream: TextIO, enabled: bool = True, interval: float = 10.0):
        self.total, self.stream, self.enabled, self.interval = total, stream, enabled, interval
        self.tty = enabled and hasattr(stream, "isatty") and stream.isatty()
        self.t0 = self.last = time.monotonic()
        self.last_decile = 0
        self.done = self.failed = 0

    def _line(self) -> str:
        elapsed = time.monotonic() - self.t0
        rate = self.done / elapsed if elapsed > 0 else 0.0
        eta = "?" if not rate else _clock((self.total - self.done) / rate)
        pct = 100 * self.done // self.total if self.total else 100
        return (f"{self.done}/{self.total} files ({pct}%) · {self.failed} failed · "
                f"{rate:.1f} files/s · ETA {eta}")

    def update(self, done: int, failed: int) -> None:
        self.done, self.failed = done, failed
        if not self.enabled or not self.total:
            return
        now = time.monotonic()
        if self.tty:
            if now - self.last >= 0.1 or done == self.total:
                self.last = now
                self.stream.write("\r" + self._line() + "\x1b[K")
                self.stream.flush()
            return
        decile = 10 * done // self.total
        if decile > self.last_decile or now - self.last >= self.interval:
            self.last_decile, self.last = decile, now
            self.stream.write("batch: " + self._line() + "\n")
            self.stream.flush()

    def note(self, text: str) -> None:
        if self.enabled:
            self.stream.write(("\n" if self.tty else "") + "batch: " + text + "\n")
            self.stream.flush()

    def close(self) -> None:
        if self.tty and self.total:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


@dataclass
class BatchSummary:
    out_dir: str
    total: int = 0
    converted: int = 0
    skipped: int = 0
    failed: int = 0
    elapsed: float = 0.0
    bytes_in: int = 0          # input bytes of the files converted or failed in this run
    interrupted: bool = False
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (path, code, message)
    notes: list[str] = field(default_factory=list)

    @property
    def files_per_s(self) -> float:
        return (self.converted + self.failed) / self.elapsed if self.elapsed else 0.0

    @property
    def kb_per_s(self) -> float:
        return self.bytes_in / 1024 / self.elapsed if self.elapsed else 0.0

    @property
    def exit_code(self) -> int:
        return 130 if self.interrupted else 1 if self.failed else 0

    def report(self, max_failures: int = 10) -> str:
        lines = [f"{self.total} input file(s): converted {self.converted}, skipped {self.skipped} "
                 f"(unchanged), failed {self.failed} in {self.elapsed:.1f} s "
                 f"({self.files_per_s:.1f} files/s, {self.kb_per_s:.0f} KB/s)"]
        if self.interrupted:
            lines.append(f"interrupted: {self.total - self.converted - self.skipped - self.failed} "
                         "file(s) left for the next run")
        for path, code, message in self.failures[:max_failures]:
            lines.append(f"  {code} {path}: {message}")
        if len(self.failures) > max_failures:
            lines.append(f"  … and {len(self.failures) - max_failures} more")
        if self.failed:
            lines.append(f"errors: {Path(self.out_dir) / ERRORS}")
        if self.notes:
            lines.append(f"passed over {len(self.notes)} path(s):")
            lines.extend(f"  {n}" for n in self.notes[:max_failures])
        return "\n".join(lines)


# ---------------------------------------------------------------- engines

Finish = Callable[[Input, dict], None]


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def _grace(limit: float) -> float:
    """How long past the limit a worker may run before it is killed: the in-worker timer
    fires first when it can; this only catches code that ignores it."""
    return max(1.0, min(30.0, 0.25 * limit))


class _LocalEngine:
    """A ProcessPoolExecutor with `jobs` workers, each with one file running and one queued.

    A worker that hangs past the limit is killed; a worker that dies breaks the pool, which is
    recreated. Files running when a worker died unexplained are rerun one at a time, so only
    the file that kills its worker is recorded as failed."""

    def __init__(self, items: list[Input], in_abs: Path, jobs: int, settings: Settings,
                 converter: Optional[Converter], finish: Finish, stop: Stop, progress: Progress):
        self.in_abs, self.jobs, self.settings, self.converter = in_abs, jobs, settings, converter
        self.finish, self.stop, self.progress = finish, stop, progress
        self.limit = settings.timeout
        self.ctx = mp.get_context("spawn")
        self.pending: deque[tuple[int, Input]] = deque(enumerate(items))
        self.solo: deque[tuple[int, Input]] = deque()   # suspects of a crash, rerun one at a time
        self.inflight: dict[cf.Future, tuple[int, Input]] = {}
        self.started: dict[int, tuple[int, float]] = {}  # task → (worker pid, start time)
        self.killed: set[int] = set()
        self.pool: Optional[cf.ProcessPoolExecutor] = None
        self.queue = None
        self.pool_starts = self.pool_kills = self.dead_pools = 0

    def run(self) -> None:
        try:
            while True:
                self.stop.announce(self.progress, len(self.inflight))
                if self.stop.cancel:
                    break
                if not self.stop.requested:
                    self._fill()
                else:
                    for fut in self.inflight:
                        fut.cancel()  # only those not yet handed to a worker
                if not self.inflight:
                    if self.stop.requested or not (self.pending or self.solo):
                        break
                    continue  # the pool broke on start and was replaced
                done, _ = cf.wait(self.inflight, timeout=0.2, return_when=cf.FIRST_COMPLETED)
                self._drain()
                broken = [task for task in (self._collect(fut) for fut in done) if task]
                if broken:
                    self._recover(broken)
                elif self.limit:
                    self._kill_overdue()
        finally:
            self._close()

    def _fill(self) -> None:
        if not (self.pending or self.solo):
            return
        if self.pool is None:
            self.queue = self.ctx.SimpleQueue()
            self.pool = cf.ProcessPoolExecutor(min(self.jobs, len(self.pending) + len(self.solo)),
                                               mp_context=self.ctx, initializer=_init_worker,
                                               initargs=(self.queue,))
            self.pool_starts = self.pool_kills = 0
        try:
            if self.solo:
                if not self.inflight:
                    self._submit(self.solo)
                return
            # one queued file per worker beyond the running one, so no worker waits while
            # this process writes the previous result (time limits count from the real start)
            while self.pending and len(self.inflight) < 2 * self.jobs:
                self._submit(self.pending)
        except cf.process.BrokenProcessPool:
            if not self.inflight:  # it broke with nothing running (a worker died on start)
                self._replace_pool()
            # else the running futures fail too, and _recover sorts them out

    def _submit(self, source: deque) -> None:
        idx, inp = source[0]
        fut = self.pool.submit(_worker_task, idx, str(self.in_abs / inp.rel), inp.path.as_posix(),
                               self.settings, self.converter)
        self.inflight[fut] = source.popleft()

    def _drain(self) -> None:
        while self.queue is not None and not self.queue.empty():
            idx, pid, t = self.queue.get()
            self.started[idx] = (pid, t)
            self.pool_starts += 1

    def _collect(self, fut: cf.Future) -> Optional[tuple[int, Input]]:
        """Finish a done future; return its task if the pool broke under it."""
        task = self.inflight.pop(fut)
        try:
            res = fut.result()
        except cf.CancelledError:  # queued when Ctrl-C came: the next run converts it
            return None
        except cf.process.BrokenProcessPool:
            return task
        except Exception as e:  # e.g. a converter that does not pickle
            res = _failure("E900", describe(e))
        self.started.pop(task[0], None)
        self.finish(task[1], res)
        return None

    def _recover(self, broken: list[tuple[int, Input]]) -> None:
        # once the pool breaks every running future fails; wait for all, then sort the
        # innocent from the guilty
        cf.wait(self.inflight, timeout=60)
        self._drain()
        for fut in list(self.inflight):
            task = self._collect(fut) if fut.done() else self.inflight.pop(fut)
            if task:
                broken.append(task)
        suspects = [t for t in broken if t[0] in self.started and t[0] not in self.killed]
        for task in sorted(broken, key=lambda t: t[0], reverse=True):
            idx, inp = task
            if idx in self.killed:
                self.finish(inp, _timed_out(self.limit or 0))
            elif self.stop.requested:
                pass  # not recorded: the next run converts it
            elif self.pool_kills or task not in suspects:
                self.pending.appendleft(task)  # a bystander of our kill, or it never started
            elif len(suspects) == 1:
                self.finish(inp, _failure("E900", DIED))
            else:
                self.solo.appendleft(task)
            self.started.pop(idx, None)
        self._replace_pool()

    def _replace_pool(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = None
        self.dead_pools = 0 if self.pool_starts else self.dead_pools + 1
        if self.dead_pools >= 3:  # workers die before running anything: give up cleanly
            for _idx, inp in list(self.solo) + list(self.pending):
                self.finish(inp, _failure("E900", "worker processes die on start; check that "
                                                  "plan-extract imports in a fresh Python"))
            self.solo.clear()
            self.pending.clear()

    def _kill_overdue(self) -> None:
        now = time.time()
        for fut, (idx, _inp) in self.inflight.items():
            if idx in self.started and idx not in self.killed and not fut.done() \
                    and now - self.started[idx][1] > self.limit + _grace(self.limit):
                try:
                    os.kill(self.started[idx][0], getattr(signal, "SIGKILL", signal.SIGTERM))
                except ProcessLookupError:
                    pass
                self.killed.add(idx)
                self.pool_kills += 1

    def _close(self) -> None:
        if self.pool is None:
            return
        if self.inflight:  # cancelled or crashed out: do not wait for files still running
            for proc in list((getattr(self.pool, "_processes", None) or {}).values()):
                proc.kill()
        self.pool.shutdown(wait=not self.inflight, cancel_futures=True)
        self.pool = None


def _run_dask(items: list[Input], in_abs: Path, scheduler: str, jobs: Optional[int], settings: Settings,
              converter: Optional[Converter], finish: Finish, stop: Stop, progress: Progress) -> None:
    """The same batch on a Dask cluster. Workers return the JSON text or an error record; this
    process writes outputs, manifest and errors. Paths must be readable on the workers (a shared
    file system). One file per worker thread is in flight, so a task starts when it is
    submitted and its time limit counts from there. Dask cannot stop a running thread: a task
    past the limit is recorded E402 and its worker restarted (through its nanny) so the stuck
    thread does not hold a slot; tasks that shared that worker are rescheduled by Dask."""
    try:
        from dask.distributed import Client, wait
    except ImportError:
        raise BatchUsageError("--engine dask needs dask.distributed: "
                              "pip install 'plan-extract[dask]'") from None
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError) as e:
        raise BatchUsageError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
    limit = settings.timeout
    batch_id = uuid.uuid4().hex[:8]
    pending: deque[tuple[int, Input]] = deque(enumerate(items))
    inflight: dict = {}   # future → (input, submitted at)
    try:
        try:
            client.run(warm_up)
        except Exception:
            pass  # a worker without plan-extract reports per file
        threads = sum(client.nthreads().values()) or 1
        width = min(jobs, threads) if jobs else threads
        while True:
            stop.announce(progress, len(inflight))
            if stop.cancel:
                client.cancel(list(inflight))
                break
            while not stop.requested and pending and len(inflight) < width:
                idx, inp = pending.popleft()
                fut = client.submit(convert_one, str(in_abs / inp.rel), inp.path.as_posix(), settings,
                                    converter, key=f"plan-extract-{batch_id}-{idx}", pure=False)
                inflight[fut] = (inp, time.monotonic())
            if not inflight:
                break
            try:
                done = wait(list(inflight), timeout=0.25, return_when="FIRST_COMPLETED").done
            except TimeoutError:
                done = set()
            for fut in done:
                inp, _ = inflight.pop(fut)
                if fut.status == "finished":
                    finish(inp, fut.result())
                    continue
                exc = fut.exception() if fut.status == "error" else None
                died = type(exc).__name__ == "KilledWorker"
                finish(inp, _failure("E900", DIED if died else describe(exc) if exc else
                                     f"the Dask task ended as {fut.status}"))
            if limit:
                now = time.monotonic()
                overdue = [f for f, (_, t) in inflight.items() if now - t > limit + _grace(limit)]
                if overdue:
                    _restart_workers_running(client, {f.key for f in overdue})
                for fut in overdue:
                    fut.cancel()
                    finish(inflight.pop(fut)[0], _timed_out(limit))
    finally:
        client.close()


def _restart_workers_running(client, keys: set[str]) -> None:
    try:
        busy = [w for w, running in client.processing().items() if keys & set(running)]
        if busy:
            client.restart_workers(busy, raise_for_error=False)
    except Exception:  # no nanny (an in-process cluster): the thread keeps its slot until done
        pass


# ---------------------------------------------------------------- the batch

def run_batch(in_dir: str | os.PathLike, out_dir: str | os.PathLike, *, glob: str = "**/*",
              jobs: Optional[int] = None, force: bool = False, timeout: Optional[float] = None,
              engine: str = "local", scheduler: Optional[str] = None, progress: bool = True,
              settings: Optional[Settings] = None, converter: Optional[Converter] = None,
              stream: Optional[TextIO] = None) -> BatchSummary:
    """Convert every supported file under in_dir into out_dir, mirroring the tree.

    timeout: seconds per file, 0 = no limit (default: settings.timeout). converter: replaces
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
    inputs, notes = discover(in_root, glob, exclude=(out_real,))
    outputs = plan_outputs([i.rel for i in inputs])
    manifest = JsonLines(out_real / MANIFEST, lock=True)  # also the lock against a second batch
    errors: Optional[JsonLines] = None
    summary = BatchSummary(out_dir=str(out_dir), total=len(inputs), notes=notes)
    try:
        for tmp in _stale_temp_files(out_real):
            tmp.unlink(missing_ok=True)
        known = {} if force else load_manifest(out_real / MANIFEST)
        todo = []
        for inp in inputs:
            if not force and is_done(known.get(inp.rel), inp, outputs[inp.rel], out_real):
                summary.skipped += 1
            else:
                todo.append(inp)
        bar = Progress(len(todo), stream, enabled=progress)

        def finish(inp: Input, res: dict) -> None:
            nonlocal errors
            status, code, message = res["status"], res.get("code"), res.get("message")
            rel_out = outputs.get(inp.rel)
            try:
                if rel_out is None:
                    raise OutputUnsafe("its output name is taken by another input in the same "
                                       "folder; rename one of them", inp.rel)
                target = safe_output(out_real, rel_out, inp.rel)
                if status == "ok":
                    atomic_write_text(target, res["text"])
                elif target.is_file():
                    target.unlink()  # an older output no longer describes this input
            except PlanExtractError as e:
                status, code, message = "failed", e.code, e.message
            except OSError as e:
                status, code, message = "failed", "E900", describe(e)
            manifest.append({
                "path": inp.rel, "size": inp.size, "mtime_ns": inp.mtime_ns, "sha256": res.get("sha256"),
                "tool_version": __version__, "schema_version": SCHEMA_VERSION, "status": status,
                "code": code, "output": rel_out if status == "ok" else None,
                "seconds": res.get("seconds"), "finished": _now()})
            summary.bytes_in += inp.size
            if status == "ok":
                summary.converted += 1
            else:
                summary.failed += 1
                summary.failures.append((inp.rel, code, message))
                if errors is None:
                    errors = JsonLines(out_real / ERRORS)
                errors.append({"path": inp.rel, "code": code, "message": message, "time": _now()})
            bar.update(summary.converted + summary.failed, summary.failed)

        stop = Stop()
        in_abs = in_root.absolute()
        with _sigint_to(stop):
            if todo and engine == "dask":
                _run_dask(todo, in_abs, scheduler, jobs, settings, converter, finish, stop, bar)
            elif todo:
                _LocalEngine(todo, in_abs, jobs or default_jobs(), settings, converter, finish, stop,
                             bar).run()
        bar.close()
        summary.interrupted = stop.requested
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


__all__ = ["run_batch", "BatchSummary", "BatchUsageError", "discover", "plan_outputs",
           "load_manifest", "convert_one", "MANIFEST", "ERRORS"]
