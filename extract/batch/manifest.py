"""The manifest (one record per conversion, the latest per input wins) and the error log:
append-only JSON lines, each written with one write() and fsync."""
from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Optional

from .. import __version__
from ..model import SCHEMA_VERSION
from .discover import BatchUsageError, Input

MANIFEST = "_manifest.jsonl"
ERRORS = "_errors.jsonl"


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
        # backslashreplace: a message may quote a raw file name (lone surrogates from the OS)
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")
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


# Failures that depend on a limit: tried again when the limit given now is wider.
_LIMITED = {"E401": "max_mb", "E402": "timeout"}


def is_known_failure(rec: Optional[dict], inp: Input, limits: dict) -> bool:
    """Failed before on this very input (same size and mtime, or the same sha256), with this
    tool and schema version, and under limits no narrower than `limits` (max_mb, timeout:
    None = no limit). Output problems (E5xx) are never known: they depend on the output folder."""
    if not rec or rec.get("status") != "failed":
        return False
    if rec.get("tool_version") != __version__ or rec.get("schema_version") != SCHEMA_VERSION:
        return False
    code = rec.get("code") or ""
    if code.startswith("E5") or rec.get("size") != inp.size:
        return False
    if code in _LIMITED:
        key = _LIMITED[code]
        then, now_ = (rec.get("limits") or {}).get(key, "?"), limits.get(key)
        if then == "?" or now_ is None and then is not None or (then is not None and now_ > then):
            return False
    if rec.get("mtime_ns") == inp.mtime_ns:
        return True
    try:
        return rec.get("sha256") is not None and rec.get("sha256") == sha256_file(inp.path)
    except OSError:
        return False


def compact(path: Path) -> int:
    """Rewrite the manifest with one line per input (its latest record), sorted by path; returns
    the number of lines. Atomic: a kill leaves the old file or the new one."""
    from ..writer import atomic_write_text
    latest = load_manifest(path)
    atomic_write_text(path, "".join(json.dumps(latest[k], ensure_ascii=False) + "\n"
                                    for k in sorted(latest)))
    return len(latest)


def new_run_id() -> str:
    """When the run started (UTC) and four random hex digits: sorts by time, unique enough."""
    import uuid
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:4]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def stale_temp_files(out_root: Path) -> Iterator[Path]:
    """Temp files of atomic writes cut short by SIGKILL (writer.atomic_write_text: .NAME.XXXX.tmp)."""
    for dirpath, _dirs, files in os.walk(out_root):
        for name in files:
            if name.startswith(".") and name.endswith(".tmp"):
                yield Path(dirpath) / name

