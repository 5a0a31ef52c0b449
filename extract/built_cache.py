"""What a process builds from the pattern data, kept for the next process: the validated
pattern models and the catalogue's normalized names.

A one-line document would otherwise spend a third of its start-up rebuilding them: parsing
patterns/*.yaml, validating every file against its model (and building the models' validators),
segmenting the catalogue's names with jieba. An entry is keyed on what it is made from: the
caller puts the sha256 of the data files it read in the key, and the cache file is named after
the code that reads them (every module of the extract package: path, size and modification
time; the Python and pydantic versions), so an edited pattern file or module, or an upgrade,
finds nothing and builds again.

The file sits in the cache folder (`$PLAN_EXTRACT_CACHE`, else `~/.cache/plan-extract`) under
built/, the newest few kept (several checkouts may share one folder). Each entry is pickled on
its own and read with an unpickler that makes nothing but plain data and classes of this
package; a missing, damaged or unwritable file means building as before: it is an accelerator,
never a condition of a run. Additions are written once, when the process exits.
"""
from __future__ import annotations

import atexit
import functools
import hashlib
import io
import os
import pickle
import sys
import threading
from pathlib import Path
from typing import Callable, Optional, TypeVar

T = TypeVar("T")

KEEP_FILES = 8        # signatures kept in the folder (checkouts and versions sharing it)
MAX_ENTRIES = 2000    # an entry per pattern file and model: far fewer in practice

_lock = threading.Lock()
_known: Optional[dict[tuple, bytes]] = None
_added: dict[tuple, bytes] = {}


def cache_root() -> Optional[Path]:
    """The cache folder of plan-extract: $PLAN_EXTRACT_CACHE, else $XDG_CACHE_HOME or ~/.cache,
    then plan-extract; None when there is no home to put it in."""
    env = os.environ.get("PLAN_EXTRACT_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    try:
        return (Path(xdg) if xdg else Path.home() / ".cache") / "plan-extract"
    except (RuntimeError, KeyError):   # no HOME and no password entry
        return None


@functools.lru_cache(maxsize=1)
def code_signature() -> str:
    """A digest of the code that builds the entries: every .py file of the package (path, size,
    mtime) and the Python and pydantic versions."""
    from pydantic.version import VERSION
    package = Path(__file__).resolve().parent
    h = hashlib.sha256(f"{sys.version}|pydantic {VERSION}\n".encode())
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                h.update(f"{os.path.relpath(path, package)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:24]


def cache_file() -> Optional[Path]:
    root = cache_root()
    return root / "built" / f"{code_signature()}.pickle" if root else None


class _EntriesOnly(pickle.Unpickler):
    """The file: a dict of tuples to bytes, nothing that names a class."""

    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in the cache file")


class _PackageData(pickle.Unpickler):
    """An entry: plain data, and instances of this package's own classes (the pattern models)."""

    def find_class(self, module: str, name: str):
        if module == "extract" or module.startswith("extract."):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a plan-extract class: {module}.{name}")


def _read(path: Optional[Path]) -> dict[tuple, bytes]:
    if path is None:
        return {}
    try:
        found = _EntriesOnly(io.BytesIO(path.read_bytes())).load()
    except Exception:   # missing, unreadable, damaged or foreign: build as if it were not there
        return {}
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, tuple) and isinstance(v, bytes)}


def get(key: tuple, build: Callable[[], T], store: bool = True) -> T:
    """The value built for `key` in an earlier process, else `build()` (kept for the next one
    when `store`). The key must name everything the value is made from besides the code."""
    global _known
    with _lock:
        if _known is None:
            _known = _read(cache_file())
            atexit.register(save)
        data = _known.get(key)
    if data is not None:
        try:
            return _PackageData(io.BytesIO(data)).load()
        except Exception:
            pass
    value = build()
    if store:
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:   # not picklable (a class made at run time): built in every process
            return value
        with _lock:
            _known[key] = _added[key] = data
    return value


def save() -> None:
    """Write this process's entries beside those already in the file (another process may have
    added some since this one read it), and drop the oldest files of other signatures. Failures
    are silent: it is a cache."""
    path = cache_file()
    with _lock:
        if not _added or path is None:
            return
        merged = {**_read(path), **_added}
        if len(merged) > MAX_ENTRIES:
            merged = dict(_added)
        _added.clear()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(merged, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
        others = sorted(path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP_FILES:]:
            old.unlink()
    except (OSError, pickle.PicklingError):
        pass


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
