"""Serialize a Document: validated against the JSON Schema, written atomically."""
from __future__ import annotations

import functools
import json
import os
import tempfile
from pathlib import Path

from .errors import OutputInvalid
from .model import Document, json_schema


@functools.lru_cache(maxsize=1)
def _validator():
    """The generated schema compiled to Python once per process (fastjsonschema is ~50× faster
    than a generic validator on large documents, and every file is validated)."""
    import fastjsonschema
    return fastjsonschema.compile(json_schema())


def to_json(doc: Document) -> str:
    data = doc.model_dump(mode="json")
    try:
        _validator()(data)
    except Exception as e:  # fastjsonschema.JsonSchemaValueException
        raise OutputInvalid(f"output breaks the schema: {getattr(e, 'message', e)}", doc.source.path) from None
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write to a temp file in the same folder, fsync, rename: readers never see a half file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


@functools.lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_document(doc: Document, path: str | os.PathLike) -> None:
    atomic_write_text(path, to_json(doc))
