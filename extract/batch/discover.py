"""Discovery and naming: which inputs a batch converts and where each output goes."""
from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable, Optional

from ..errors import OutputUnsafe
from ..paths import printable
from ..readers import SUFFIX_FORMAT


class BatchUsageError(ValueError):
    """Bad arguments or an unusable folder: the CLI turns it into a usage error (exit 2)."""


@dataclass(frozen=True)
class Input:
    rel: str        # POSIX path relative to IN_DIR, printable (extract.paths): the manifest key
    path: Path      # IN_DIR as given / the path found: what is read
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


def discover(in_dir: str | os.PathLike, pattern: str = "**/*", exclude: tuple[Path, ...] = (),
             unsupported: Optional[list[str]] = None) -> tuple[list[Input], list[str]]:
    """Supported files under in_dir, sorted by relative path, and notes on what was passed over.

    Files that match the pattern but are of a type no reader takes are appended to
    `unsupported` (relative paths, sorted), so the batch can count and list them (E105).

    Hidden files and folders (.git, ._x.pdf) are ignored. A symlink is followed only while its
    target stays inside in_dir; one that leads back to a folder above it (a loop) is skipped.
    """
    root = Path(in_dir).resolve()
    matches = glob_matcher(pattern)
    excluded = {Path(p).resolve() for p in exclude}
    found: list[Input] = []
    notes: list[str] = []
    other: list[str] = []

    def walk(real: Path, rel: PurePosixPath, ancestors: frozenset[Path]) -> None:
        try:
            entries = sorted(os.scandir(real), key=lambda e: e.name)
        except OSError as e:
            notes.append(f"{printable(rel) if rel.parts else '.'}: folder not readable ({e.strerror})")
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
                        notes.append(f"{printable(child)}: symlink leads out of the input folder, not followed")
                        continue
                if target.is_dir():
                    if target in ancestors:
                        notes.append(f"{printable(child)}: symlink loop, not followed")
                    elif target not in excluded:
                        walk(target, child, ancestors | {target})
                elif matches(str(child)):
                    if PurePosixPath(entry.name).suffix.lower() not in SUFFIX_FORMAT:
                        if target.is_file():  # counted and listed by the batch (E105)
                            other.append(printable(child.as_posix()))
                        continue
                    if not target.is_file():  # a FIFO would block a worker, a device never ends
                        notes.append(f"{printable(child)}: not a regular file (a FIFO, socket or "
                                     "device), skipped")
                        continue
                    st = os.stat(entry.path)
                    # the manifest key and output name: a name not in UTF-8 keeps its bytes as \xNN
                    found.append(Input(printable(child.as_posix()), Path(in_dir) / child, st.st_size,
                                       st.st_mtime_ns))
            except (OSError, RuntimeError) as e:  # dangling link, a loop inside the link chain, a race
                notes.append(f"{printable(child)}: skipped ({getattr(e, 'strerror', None) or e})")

    walk(root, PurePosixPath(), frozenset({root}))
    found.sort(key=lambda i: i.rel)
    if unsupported is not None:
        unsupported.extend(sorted(other))
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

