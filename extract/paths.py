"""File names as text. A name that is not valid UTF-8 (GBK names from a Chinese ZIP unpacked on
Linux) arrives from the OS with lone surrogates (Python's surrogateescape), which cannot be
printed, written into JSON or used to name an output. `printable` keeps every byte that is not
UTF-8 as the four characters `\\xNN` (Python's backslashreplace): lossless, printable, and the
same on every run, so resuming a batch finds its records; names that are UTF-8 are unchanged.
"""
from __future__ import annotations

import os


def printable(path: str | bytes | os.PathLike) -> str:
    """The path as text that encodes to UTF-8: undecodable bytes as `\\xNN`."""
    name = os.fspath(path)
    if isinstance(name, bytes):
        return name.decode("utf-8", "backslashreplace")
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        raw = os.fsencode(name)  # the bytes the OS gave (surrogateescape)
    except UnicodeEncodeError:  # a lone surrogate that did not come from the OS
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")
