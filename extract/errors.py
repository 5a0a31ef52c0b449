"""One exception family. Every error has a searchable code and a message a user can act on.

Codes: E1xx input/reading, E2xx PDF, E3xx Word (DOCX, DOC) and OFD, E4xx limits, E5xx output, E9xx internal.
"""
from __future__ import annotations


class PlanExtractError(Exception):
    code = "E900"

    def __init__(self, message: str, path: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.code} {where}{self.message}"


class InputNotFound(PlanExtractError):
    code = "E101"


class EmptyInput(PlanExtractError):
    code = "E102"


class BinaryInput(PlanExtractError):
    code = "E103"


class UndecodableInput(PlanExtractError):
    code = "E104"


class UnsupportedFormat(PlanExtractError):
    code = "E105"


class NoBodyText(PlanExtractError):
    code = "E106"


class InputUnreadable(PlanExtractError):
    """The file exists but cannot be read: permission denied, an I/O error."""
    code = "E107"


class NotRegularFile(PlanExtractError):
    """A FIFO, socket or device (/dev/zero behind a symlink): reading it may never end."""
    code = "E108"


class PdfNoTextLayer(PlanExtractError):
    code = "E201"


class PdfEncrypted(PlanExtractError):
    code = "E202"


class PdfDamaged(PlanExtractError):
    code = "E203"


class DocxBroken(PlanExtractError):
    code = "E301"


class DocEncrypted(PlanExtractError):
    """A Word 97-2003 .doc/.wps (or an OLE-wrapped Office file) protected by a password."""
    code = "E302"


class DocDamaged(PlanExtractError):
    """A .doc/.wps whose OLE container or Word structures are truncated or broken."""
    code = "E303"


class NotWordDocument(PlanExtractError):
    """An OLE compound file that is not a Word document (.xls, .ppt, Works) named .doc/.wps."""
    code = "E304"


class OfdBroken(PlanExtractError):
    """An OFD (GB/T 33190) that is not a readable ZIP of OFD XML parts, or is encrypted."""
    code = "E305"


class InputTooLarge(PlanExtractError):
    code = "E401"


class TimeLimitExceeded(PlanExtractError):
    code = "E402"


class ArchiveTooLarge(PlanExtractError):
    """A ZIP-based input (DOCX, OFD) that would unpack past the limits: a zip bomb."""
    code = "E403"


class NestingTooDeep(PlanExtractError):
    """Markup nested past the parser's limits, so part of it could not be read."""
    code = "E404"


class OutputInvalid(PlanExtractError):
    code = "E501"


class OutputUnsafe(PlanExtractError):
    code = "E502"


class OutputNotWritten(PlanExtractError):
    """The output could not be written (disk full, permission denied, read-only folder): not a
    bug, and nothing half-written is left behind."""
    code = "E503"


class InternalError(PlanExtractError):
    code = "E900"


def unexpected(e: BaseException, path: str | None = None) -> InternalError:
    """An exception that is not ours, as an E900 with its type, message and where it was raised:
    one line a user can paste into a bug report."""
    import traceback
    from pathlib import Path
    text = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
    frames = traceback.extract_tb(e.__traceback__)
    if frames:
        last = frames[-1]
        text += f" (at {Path(last.filename).name}:{last.lineno} in {last.name})"
    return InternalError(f"unexpected error, a bug: please report it with the file ({text})", path)


ALL_ERRORS = sorted(
    (c for c in list(globals().values())
     if isinstance(c, type) and issubclass(c, PlanExtractError) and c is not PlanExtractError),
    key=lambda c: c.code,
)
