"""What a batch tells the person running it: Ctrl-C handling, the progress display, the summary."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, TextIO

from .manifest import ERRORS

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
    """What a running batch shows. On a terminal: a bar drawn by rich (files done/total, failures,
    an ETA from the bytes converted so far, the file being converted), cropped to the terminal's
    width. Elsewhere (CI, cron, a log file): plain lines, each with the run id, every `interval`
    seconds or 10 % of the files, and with `verbose` one line per file."""

    def __init__(self, files: int, total_bytes: int, stream: TextIO, enabled: bool = True,
                 verbose: bool = False, run_id: str = "", interval: float = 10.0,
                 width: Optional[int] = None):
        self.total, self.total_bytes, self.stream = files, max(total_bytes, 0), stream
        self.enabled, self.verbose, self.run_id, self.interval = enabled, verbose, run_id, interval
        self.tty = enabled and hasattr(stream, "isatty") and stream.isatty()
        self.t0 = self.last = time.monotonic()
        self.last_decile = 0
        self.done = self.failed = self.bytes_done = 0
        self.current = ""
        self._rich = self._task = None
        if self.tty and files:
            self._start_rich(width)

    # ------------------------------------------------------------ terminal

    def _start_rich(self, width: Optional[int]) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as Bar
        from rich.table import Column
        console = Console(file=self.stream, force_terminal=True, width=width, highlight=False,
                          soft_wrap=False)
        self._rich = Bar(
            BarColumn(bar_width=20, table_column=Column(no_wrap=True, overflow="crop", min_width=5)),
            TextColumn("{task.fields[files]}", table_column=Column(no_wrap=True, overflow="crop")),
            TextColumn("{task.fields[failed]}", style="red",
                       table_column=Column(no_wrap=True, overflow="crop")),
            TimeRemainingColumn(table_column=Column(no_wrap=True, overflow="crop")),
            TextColumn("{task.fields[current]}",
                       table_column=Column(no_wrap=True, overflow="ellipsis", ratio=1, min_width=0)),
            console=console, expand=True, transient=False, refresh_per_second=4,
            speed_estimate_period=60)
        self._task = self._rich.add_task("batch", total=self.total_bytes or 1, **self._fields())
        self._rich.start()

    def _fields(self) -> dict:
        return {"files": f"{self.done}/{self.total} files",
                "failed": f"{self.failed} failed" if self.failed else "",
                "current": self.current}

    # ------------------------------------------------------------ what the engines report

    def started(self, rel: str) -> None:
        """A file began converting (the latest one started is shown as the current file)."""
        self.current = rel
        if self._rich is not None:
            self._rich.update(self._task, **self._fields())

    def finished(self, rel: str, size: int, ok: bool, code: Optional[str] = None,
                 message: Optional[str] = None, seconds: Optional[float] = None) -> None:
        self.done += 1
        self.failed += 0 if ok else 1
        self.bytes_done += size
        if self.current == rel:
            self.current = ""
        if not self.enabled or not self.total:
            return
        if self.verbose:
            took = f" ({seconds:.2f} s)" if seconds is not None else ""
            self.note(f"ok {rel}{took}" if ok else f"failed {code} {rel}: {message}")
        if self._rich is not None:
            self._rich.update(self._task, completed=self.bytes_done, **self._fields())
            return
        now = time.monotonic()
        decile = 10 * self.done // self.total
        if decile > self.last_decile or now - self.last >= self.interval:
            self.last_decile, self.last = decile, now
            self._log(self.line())

    def line(self) -> str:
        elapsed = time.monotonic() - self.t0
        rate = self.done / elapsed if elapsed > 0 else 0.0
        byte_rate = self.bytes_done / elapsed if elapsed > 0 else 0.0
        left = self.total_bytes - self.bytes_done
        eta = "?" if not byte_rate else _clock(max(left, 0) / byte_rate)
        pct = 100 * self.done // self.total if self.total else 100
        return (f"{self.done}/{self.total} files ({pct}%) · {self.failed} failed · "
                f"{rate:.1f} files/s · ETA {eta}")

    def _log(self, text: str) -> None:
        self.stream.write(f"batch {self.run_id}: {text}\n" if self.run_id else f"batch: {text}\n")
        self.stream.flush()

    def note(self, text: str) -> None:
        if not self.enabled:
            return
        if self._rich is not None:
            self._rich.console.print(f"batch {self.run_id}: {text}", markup=False, highlight=False,
                                     overflow="fold")
        else:
            self._log(text)

    def close(self) -> None:
        if self._rich is not None:
            self._rich.update(self._task, completed=self.bytes_done, **self._fields())
            self._rich.stop()
            self._rich = None


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


@dataclass
class BatchSummary:
    out_dir: str
    run_id: str = ""
    total: int = 0
    converted: int = 0
    skipped: int = 0
    failed: int = 0            # new failures: files that failed in this run
    elapsed: float = 0.0
    bytes_in: int = 0          # input bytes of the files converted or failed in this run
    interrupted: bool = False
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (path, code, message)
    known_failures: list[tuple[str, str]] = field(default_factory=list)  # (path, code): failed
    # before, unchanged since, not tried again (--retry-failed)
    notes: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)  # files no reader takes (E105)

    @property
    def files_per_s(self) -> float:
        return (self.converted + self.failed) / self.elapsed if self.elapsed else 0.0

    @property
    def kb_per_s(self) -> float:
        return self.bytes_in / 1024 / self.elapsed if self.elapsed else 0.0

    @property
    def exit_code(self) -> int:
        return 130 if self.interrupted else 1 if self.failed or self.known_failures else 0

    def report(self, max_failures: int = 10) -> str:
        known = len(self.known_failures)
        failed = f"failed {self.failed + known}"
        if known:
            failed += f" ({self.failed} new, {known} known from earlier runs, not tried again)"
        lines = [f"{self.total} input file(s): converted {self.converted}, skipped {self.skipped} "
                 f"(unchanged), {failed} in {self.elapsed:.1f} s "
                 f"({self.files_per_s:.1f} files/s, {self.kb_per_s:.0f} KB/s)"
                 + (f" · run {self.run_id}" if self.run_id else "")]
        if self.interrupted:
            left = self.total - self.converted - self.skipped - self.failed - known
            lines.append(f"interrupted: {left} file(s) left for the next run")
        if self.failures:
            lines.append("new failures:" if known else "failures:")
        for path, code, message in self.failures[:max_failures]:
            lines.append(f"  {code} {path}: {message}")
        if len(self.failures) > max_failures:
            lines.append(f"  … and {len(self.failures) - max_failures} more")
        if known:
            lines.append("known failures (input unchanged since it failed; --retry-failed tries again):")
            lines.extend(f"  {code} {path}" for path, code in self.known_failures[:max_failures])
            if known > max_failures:
                lines.append(f"  … and {known - max_failures} more")
        if self.unsupported:
            lines.append(f"not converted: {len(self.unsupported)} file(s) of a type no reader "
                         f"takes (E105, each listed in {ERRORS}):")
            lines.extend(f"  {rel}" for rel in self.unsupported[:max_failures])
            if len(self.unsupported) > max_failures:
                lines.append(f"  … and {len(self.unsupported) - max_failures} more")
        if self.failed or known or self.unsupported:
            lines.append(f"errors: {Path(self.out_dir) / ERRORS}")
        if self.notes:
            lines.append(f"passed over {len(self.notes)} path(s):")
            lines.extend(f"  {n}" for n in self.notes[:max_failures])
        return "\n".join(lines)
