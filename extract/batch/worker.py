"""One file, in a worker process: convert it and never raise; the result is a FileResult."""
from __future__ import annotations

import os
import signal
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Literal, Optional

from ..errors import PlanExtractError, TimeLimitExceeded
from ..model import Document
from ..pipeline import Settings, time_limit
from .manifest import sha256_file

Converter = Callable[[str, Settings], Document]
"""What turns one input into a Document: `pipeline.extract_file` unless a caller (a test, a
benchmark) passes another top-level, picklable function with the same signature."""


@dataclass
class FileResult:
    """What converting one file gave: the JSON text when it converted, else an error code and
    message. Travels back from a worker process (or a Dask worker), so it stays picklable."""
    status: Literal["ok", "failed"] = "failed"
    text: Optional[str] = None        # the output JSON, when ok
    code: Optional[str] = None        # error code (E1xx …), when failed
    message: Optional[str] = None
    sha256: Optional[str] = None      # of the input, when it could be read
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def describe(e: BaseException) -> str:
    """Exception type, message and where it was raised: enough to file a bug."""
    text = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
    frames = traceback.extract_tb(e.__traceback__)
    if frames:
        last = frames[-1]
        text += f" (at {Path(last.filename).name}:{last.lineno} in {last.name})"
    return text


def convert_one(read_path: str, shown: str, settings: Settings,
                converter: Optional[Converter] = None) -> FileResult:
    """Convert one file; never raises."""
    from ..writer import to_json
    t0 = time.perf_counter()
    res = FileResult()
    try:
        res.sha256 = sha256_file(read_path)
    except OSError:
        pass  # the converter reports a missing or unreadable file with its own code
    try:
        if converter is None:
            from ..pipeline import extract_file as converter
        with time_limit(settings.timeout, shown):
            doc = converter(read_path, settings)
            doc = doc.model_copy(update={"source": doc.source.model_copy(update={"path": shown})})
            res.text = to_json(doc)
        res.status = "ok"
    except PlanExtractError as e:
        res.code, res.message = e.code, e.message
    except Exception as e:  # a bug on one file must not stop the batch
        res.code, res.message = "E900", describe(e)
    res.seconds = round(time.perf_counter() - t0, 3)
    return res


_started_queue = None  # set in each worker process: where it reports (task, pid, start time)


def init_worker(started_queue) -> None:
    """Runs once in each worker: the parent decides what Ctrl-C means, and the heavy
    libraries are imported here, once per worker rather than once per file."""
    global _started_queue
    _started_queue = started_queue
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()
    from ..pipeline import settle_loaded
    settle_loaded()   # a worker process is ours: the collector stops walking what is loaded


# Enough of a plan to make every stage load what it loads lazily (dictionaries, patterns).
_WARM_UP_TEXT = (
    "某市“十四五”卫生健康规划\n一、主要目标\n到2025年，主要指标达到全省平均水平。\n"
    "表1　“十四五”卫生健康主要指标\n类别\t指标\t单位\t2020年\t2025年目标\t属性\n"
    "健康水平\t人均预期寿命\t岁\t80.66\t≥81.6\t预期性\n"
    "健康服务\t每千人口医疗卫生机构床位数\t张\t6.5\t7.2左右\t指导性\n\n"
    "二、主要任务\n（一）完善机制\n1.完善人才培养机制。到2025年，建成网络。（责任单位：市卫生健康委、市财政局）\n"
    "专栏1　重点工程\n1.人民医院改扩建项目：总投资4800万元。\n")


_warm = False   # this process (or the forkserver it was forked from) has warmed up


def warm_up() -> None:
    """Convert a small built-in plan once, so a worker's first real file does not pay for
    loading jieba and the patterns inside its time limit. Once per process: a worker forked
    from a warm server skips it."""
    import tempfile
    global _warm
    if _warm:
        return
    try:
        from ..pipeline import extract_file
        from ..writer import to_json
        with tempfile.TemporaryDirectory(prefix="plan-extract-warm-up-") as tmp:
            path = Path(tmp) / "warm_up.txt"
            path.write_text(_WARM_UP_TEXT, encoding="utf-8")
            to_json(extract_file(path, Settings(timeout=None)))
        _warm = True
    except Exception:  # a broken stage shows up as a per-file error, with its file name
        pass


def worker_task(idx: int, read_path: str, shown: str, settings: Settings,
                converter: Optional[Converter]) -> FileResult:
    if _started_queue is not None:
        _started_queue.put((idx, os.getpid(), time.time()))
    return convert_one(read_path, shown, settings, converter)


def failure(code: str, message: str, seconds: float = 0.0) -> FileResult:
    return FileResult(code=code, message=message, seconds=round(seconds, 3))


def timed_out(limit: float) -> FileResult:
    return failure(TimeLimitExceeded.code, f"took longer than the time limit of {limit:g} s; its "
                   "worker was stopped (raise it with --timeout)", limit)


DIED = ("the worker process died while converting this file "
        "(a crash in a library, out of memory, or killed from outside)")
