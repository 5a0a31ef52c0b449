"""Compiled regexes kept between processes, so a short document does not pay for compiling them.

The `regex` module parses a pattern in Python: the ~140 patterns built from patterns/*.yaml cost
about 0.1 CPU-s in every fresh process, a third of converting a one-line document. A compiled
pattern pickles as its compiled form (`regex` pickles a Pattern as the arguments of its C
constructor, not as the source to parse again), so one file of them loads in a few
milliseconds. `compile(pattern, flags)` answers from that file when it has the pattern, else
compiles it and adds it; the additions are written once, when the process exits. Each entry is
pickled on its own and built only when a process asks for it, so a file grown by other
documents' patterns (or by tests) does not make every start-up slower.

The file sits in the cache folder (`$PLAN_EXTRACT_CACHE`, else `~/.cache/plan-extract`), named
after the regex and Python versions (a new version starts a new file). It is read with
unpicklers that build nothing but `regex` patterns, is replaced atomically, and is only an
accelerator: a missing, unreadable or unwritable file means compiling as before. The key is the
pattern text and flags, which is all a compiled pattern depends on here (no named lists; a
locale-sensitive pattern is never stored).
"""
from __future__ import annotations

import atexit
import io
import os
import pickle
import sys
import threading
import unicodedata
from pathlib import Path
from typing import Optional

import regex

from .built_cache import cache_root

MAX_ENTRIES = 4000   # an old file past this (patterns that changed over versions) starts again

_lock = threading.Lock()
_known: dict[tuple[str, int], bytes] | None = None      # the file: each pattern pickled on its own
_used: dict[tuple[str, int], "regex.Pattern[str]"] = {}  # compiled or unpickled in this process
_added = False


def cache_file() -> Optional[Path]:
    base = cache_root()
    if base is None:
        return None
    version = f"regex{regex.__version__}-py{sys.version_info[0]}.{sys.version_info[1]}-ucd{unicodedata.unidata_version}"
    return base / "regex" / f"{version}-v2.pickle"


class _NothingNamed(pickle.Unpickler):
    """The file: a dict of (pattern, flags) to bytes, nothing that names a class."""

    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in the cache file")


class _PatternsOnly(pickle.Unpickler):
    """An entry: a compiled regex, nothing else."""

    def find_class(self, module: str, name: str):
        if (module, name) == ("regex._regex", "compile"):
            from regex import _regex
            return _regex.compile
        raise pickle.UnpicklingError(f"not a compiled regex: {module}.{name}")


def _read(path: Optional[Path]) -> dict:
    """The file's entries, still pickled: only the patterns a process uses are built (the file
    also holds those of other documents' paths, of tests, of earlier versions of the data)."""
    if path is None:
        return {}
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    try:
        found = _NothingNamed(io.BytesIO(data)).load()
    except Exception:   # a damaged or foreign file: compile as if it were not there
        return {}
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, tuple) and len(k) == 2
            and isinstance(k[0], str) and isinstance(k[1], int) and isinstance(v, bytes)}


def _unpickle(key: tuple[str, int], data: bytes) -> "Optional[regex.Pattern[str]]":
    try:
        found = _PatternsOnly(io.BytesIO(data)).load()
    except Exception:
        return None
    return found if isinstance(found, regex.Pattern) and found.pattern == key[0] else None


def compile(pattern: str, flags: int = 0) -> "regex.Pattern[str]":
    """regex.compile(pattern, flags), from the cache file when it holds the pattern."""
    global _known, _added
    key = (pattern, int(flags))
    found = _used.get(key)
    if found is not None:
        return found
    with _lock:
        if _known is None:
            _known = _read(cache_file())
            atexit.register(save)
        data = _known.get(key)
    found = _unpickle(key, data) if data is not None else None
    if found is None:
        found = regex.compile(pattern, flags)
        if not found.flags & regex.LOCALE:
            with _lock:
                _known[key] = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
                _added = True
    _used[key] = found
    return found


def save() -> None:
    """Write the patterns compiled in this process beside those already in the file (another
    process may have added some since this one read it). Failures are silent: it is a cache."""
    global _added
    if not _added:
        return
    path = cache_file()
    if path is None:
        return
    with _lock:
        mine = {k: _known[k] for k in _used if _known and k in _known}
        merged = {**_read(path), **mine}
        if len(merged) > MAX_ENTRIES:
            merged = mine
        _added = False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(merged, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        pass
