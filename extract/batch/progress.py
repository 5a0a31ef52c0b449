"""What a batch tells the person running it: Ctrl-C handling, the progress display, the summary."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

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

