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
    import jsonschema
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def to_json(doc: Document) -> str:
    data = doc.model_dump(mode="json")
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.path)
        raise OutputInvalid(f"output breaks the schema at {where or '(top)'}: {first.message}",
                            doc.source.path)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write to a temp file in the same folder, fsync, rename: readers never see a half file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
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


def write_document(doc: Document, path: str | os.PathLike) -> None:
    atomic_write_text(path, to_json(doc))
