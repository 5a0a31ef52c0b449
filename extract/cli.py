"""The command line: a thin click layer over the library. Errors become one line and an exit code."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Optional

import click

from . import __version__
from .errors import PlanExtractError, unexpected
from .paths import printable
from .stages import STAGE_NAMES

EXIT_FAILED = 1


def _settings(max_mb: float, timeout: float, with_text: bool = False, ocr: str = "auto"):
    from .pipeline import Settings
    return Settings(max_mb=max_mb, timeout=timeout or None, with_text=with_text, ocr=ocr)


# Every option value is checked by click before any work: a bad value is a usage error (exit 2).
_max_mb = click.option("--max-mb", type=click.FloatRange(min=0, min_open=True), default=200.0,
                       show_default=True, help="Refuse input files larger than this many megabytes.")
OCR_HELP = ("Pages and images without text (scans, tables printed as pictures): auto = read them "
            "by OCR when the [ocr] extra is installed, off = never (a warning names them), "
            "force = every page by OCR.")
_ocr = click.option("--ocr", type=click.Choice(["auto", "off", "force"]), default="auto",
                    show_default=True, help=OCR_HELP)
_timeout = click.option("--timeout", type=click.FloatRange(min=0), default=600.0, show_default=True,
                        help="Give up on a document after this many seconds (0 = no limit).")
_quiet = click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors (and the data asked for).")
_verbose = click.option("-v", "--verbose", is_flag=True, help="Also print where the time went, stage by stage.")

STDIN = "-"
STDIN_FORMATS = ("txt", "md", "html", "docx", "doc", "pdf", "ofd")


class _Commands(click.Group):
    """The command group. batch, export and evaluate live in their own modules, imported when
    named or listed (--help): converting a document does not import them."""

    ELSEWHERE = {"batch": ("cli_batch", "batch"), "export": ("cli_batch", "export"),
                 "evaluate": ("evaluate", "evaluate")}

    def list_commands(self, ctx: Optional[click.Context]) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.ELSEWHERE})

    def get_command(self, ctx: Optional[click.Context], name: str) -> Optional[click.Command]:
        if name not in self.commands and name in self.ELSEWHERE:
            import importlib
            module, attr = self.ELSEWHERE[name]
            self.add_command(getattr(importlib.import_module(f"{__package__}.{module}"), attr), name)
        return super().get_command(ctx, name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plan-extract")
def main() -> None:
    """Turn Chinese government plan documents (规划, 实施方案 …) into structured JSON."""
    # pydantic looks for plugins in every installed package's entry points when it builds the
    # first model (~2% of a one-line document); the command line uses none. A user who wants a
    # pydantic plugin to see plan-extract's models sets PYDANTIC_DISABLE_PLUGINS to "".
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def _inputs(paths: tuple[str, ...]) -> list[Path]:
    """The files to convert: each PATH, and the files of a folder that a reader takes. The other
    files of a folder are named on stderr (E105, as batch logs them), never passed over silently."""
    from .readers import SUFFIX_FORMAT
    files: list[Path] = []
    for p in map(Path, paths):
        if str(p) == STDIN:
            files.append(p)
        elif p.is_dir():
            inside = sorted(f for f in p.iterdir() if not f.is_dir())
            files += [f for f in inside if f.is_file() and f.suffix.lower() in SUFFIX_FORMAT]
            for code, what, left in (
                    ("E105", "of a type no reader takes",
                     [f for f in inside if f.is_file() and f.suffix.lower() not in SUFFIX_FORMAT]),
                    ("E108", "that are not regular files (FIFOs, sockets, devices)",
                     [f for f in inside if not f.is_file()])):
                if left:
                    names = ", ".join(printable(f.name) for f in left[:5])
                    more = f" and {len(left) - 5} more" if len(left) > 5 else ""
                    click.echo(f"note: {code} {printable(p)}: {len(left)} file(s) {what}, not converted: "
                               f"{names}{more}", err=True)
        else:
            files.append(p)
    return files


class _Stdin:
    """Standard input saved to a temp file named for its format (the readers read files), so
    `extract -` runs the same pipeline; the document then names its source `-`."""

    def __init__(self, fmt: str, max_mb: float):
        self.fmt, self.max_bytes = fmt, int(max_mb * 1e6)
        self.dir: Optional[tempfile.TemporaryDirectory] = None

    def path(self) -> Path:
        from .errors import InputTooLarge
        data = sys.stdin.buffer.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise InputTooLarge(f"is over the size limit of {self.max_bytes / 1e6:.0f} MB "
                                "(raise it with --max-mb)", STDIN)
        self.dir = tempfile.TemporaryDirectory(prefix="plan-extract-stdin-")
        path = Path(self.dir.name) / f"stdin.{self.fmt}"
        path.write_bytes(data)
        return path

    def close(self) -> None:
        if self.dir is not None:
            self.dir.cleanup()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--outdir", default="outputs", show_default=True,
              help="Folder for the JSON files (<input stem>.json); '-' writes the JSON to standard "
                   "output (JSON Lines, one document a line, when there are several inputs).")
@click.option("--format", "fmt", type=click.Choice(STDIN_FORMATS),
              help="What standard input holds, when PATH is '-' (default txt).")
@click.option("--with-text", is_flag=True,
              help="Also write the normalized text (`text`, after `warnings`), so every span "
                   "resolves from the JSON file alone.")
@click.option("--dump-stage", type=click.Choice(STAGE_NAMES),
              help="Print one stage's intermediate result as JSON (one object a line, with the "
                   "file's path) instead of writing the output.")
@_max_mb
@_timeout
@_ocr
@_quiet
@_verbose
def extract(paths: tuple[str, ...], outdir: str, fmt: str | None, with_text: bool, dump_stage: str | None,
            max_mb: float, timeout: float, ocr: str, quiet: bool, verbose: bool) -> None:
    """Convert files or folders (not recursive; see `batch`) to one JSON file each. PATH '-'
    reads standard input.

    Exits 0 when every file converted, 1 when any failed (each failure is one line on stderr).
    """
    from .pipeline import run, settle_loaded
    from .writer import to_json, write_document
    if paths.count(STDIN) > 1:
        raise click.UsageError("standard input ('-') can be read only once")
    if fmt and STDIN not in paths:
        raise click.UsageError("--format says what standard input holds: use it with PATH '-'")
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose exclude each other")
    to_stdout = outdir == STDIN
    if not to_stdout and Path(outdir).exists() and not Path(outdir).is_dir():
        raise click.UsageError(f"-o/--outdir {outdir} exists and is not a folder")
    settings = _settings(max_mb, timeout, with_text, ocr)
    failed = 0
    files = _inputs(paths)
    if not files:
        raise click.UsageError("no input files found in " + ", ".join(paths))
    names = output_names(files)
    stdin = _Stdin(fmt or "txt", max_mb)
    if _WHOLE_PROCESS:
        settle_loaded()   # the collector stops walking what is loaded (see pipeline.settle_loaded)
    try:
        for f in files:
            shown = STDIN if str(f) == STDIN else printable(f)  # a name not in UTF-8: bytes as \xNN
            try:
                result = run(stdin.path() if str(f) == STDIN else f, settings, stop_after=dump_stage)
                doc = result.document
                if shown == STDIN:
                    doc = doc.model_copy(update={"source": doc.source.model_copy(update={"path": STDIN})})
                if dump_stage:
                    click.echo(json.dumps({"path": shown, "stage": dump_stage, dump_stage: dump(result, dump_stage)},
                                          ensure_ascii=False))
                    continue
                seconds, stage_seconds = result.seconds, result.stage_seconds
                del result   # the stages' layers (normalized text, paragraphs) are not needed to write
                if to_stdout:
                    text = to_json(doc)
                    click.echo(json.dumps(json.loads(text), ensure_ascii=False) if len(files) > 1 else text,
                               nl=len(files) > 1)
                    where = "stdout"
                else:
                    out = Path(outdir) / names[f]
                    write_document(doc, out)
                    where = printable(out)
                if not quiet:
                    click.echo(f"{shown} → {where}  ({len(doc.outline)} headings, {len(doc.tables)} tables, "
                               f"{len(doc.indicators)} indicators, {len(doc.projects)} projects, "
                               f"{len(doc.tasks)} tasks, {seconds:.2f}s)", err=True)
                if verbose:
                    click.echo("  " + "  ".join(f"{k} {v:.3f}s" for k, v in stage_seconds.items()),
                               err=True)
            except PlanExtractError as e:
                failed += 1
                if shown == STDIN:
                    e.path = STDIN
                click.echo(f"error: {e}", err=True)
            except Exception as e:  # a bug on one file: one line naming it, as batch records it (E900)
                failed += 1
                click.echo(f"error: {unexpected(e, shown)}", err=True)
    finally:
        stdin.close()
    if failed:
        sys.exit(EXIT_FAILED)


def output_names(files: list[Path]) -> dict[Path, str]:
    """`<stem>.json`, except where two inputs share a stem (plan.pdf and plan.docx, or the same
    name in two folders): then `<name with suffix>.json`, and a numbered one if that clashes too,
    so no output overwrites another. Standard input is `stdin.json`."""
    stem = {f: "stdin" if str(f) == STDIN else f.stem for f in files}
    counts: dict[str, int] = {}
    for f in files:
        counts[stem[f]] = counts.get(stem[f], 0) + 1
    names: dict[Path, str] = {}
    used: set[str] = set()
    for f in files:
        full = printable(f.name)  # a name not in UTF-8 keeps its bytes as \xNN
        name = f"{printable(stem[f])}.json" if counts[stem[f]] == 1 else f"{full}.json"
        k = 2
        while name in used:
            name = f"{full}.{k}.json"
            k += 1
        used.add(name)
        names[f] = name
    return names


def plain(obj):
    """A stage's value as JSON data: dataclasses and objects by their fields, models by their
    JSON dump, tuples as lists. Never a Python repr."""
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [plain(v) for v in obj]
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json")
    if isinstance(obj, (bytes, bytearray)):
        return {"bytes": len(obj)}
    if isinstance(obj, os.PathLike):
        return os.fspath(obj)
    if hasattr(obj, "__dataclass_fields__"):
        return {name: plain(getattr(obj, name)) for name in obj.__dataclass_fields__}
    if hasattr(obj, "__dict__"):
        return {k: plain(v) for k, v in vars(obj).items() if not k.startswith("_")}
    raise TypeError(f"no JSON form for {type(obj).__name__}")


def dump(result, stage: str):
    """One stage's layer as JSON data."""
    st = result.state
    if stage == "read":
        raw = st.raw
        return {"format": raw.format, "encoding": raw.encoding, "pages": raw.pages,
                "warnings": plain(raw.warnings), "blocks": [
                    {"type": type(b).__name__, **plain(b)} for b in raw.blocks]}
    if stage == "normalize":
        return [{"i": i, **{k: v for k, v in plain(p).items() if k != "table"},
                 "table": p.table is not None, "text": st.norm.para_text(p)}
                for i, p in enumerate(st.norm.paras)]
    doc = result.document.model_dump(mode="json")
    if stage == "segment":
        return {"front": plain(st.front), "outline": doc["outline"], "boxes": doc["boxes"]}
    return doc.get(stage)


@main.command()
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(STDIN_FORMATS),
              help="What standard input holds, when FILE is '-' (default txt).")
@_max_mb
def text(file: str, fmt: str | None, max_mb: float) -> None:
    """Print the normalized text of FILE ('-': standard input): the coordinate system of every span."""
    from .pipeline import run
    stdin = _Stdin(fmt or "txt", max_mb)
    try:
        result = run(stdin.path() if file == STDIN else file, _settings(max_mb, 0), stop_after="normalize")
    except PlanExtractError as e:
        if file == STDIN:
            e.path = STDIN
        raise click.ClickException(str(e)) from None
    except Exception as e:  # a bug: one line naming the file, never a traceback
        raise click.ClickException(str(unexpected(e, STDIN if file == STDIN else printable(file)))) from None
    finally:
        stdin.close()
    click.echo(result.text)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output (generated from the typed model)."""
    from .model import json_schema
    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=1))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--outdir", default="review", show_default=True,
              help="Folder for the pages (<stem>.html, one per document).")
@_max_mb
@_timeout
@_quiet
def review(paths: tuple[str, ...], outdir: str, max_mb: float, timeout: float, quiet: bool) -> None:
    """Write a review page per document: one self-contained HTML file (no network) with the
    normalized text, every heading, indicator, project and task marked at its span, a filtered
    list of the items, the tables as grids and the document's warnings.

    PATHS are input files, or JSON outputs (with their text: `extract --with-text`, or their
    unchanged source file still at source.path). Exits 1 if any could not be shown.
    """
    from .review import ReviewInputError, write_review
    if outdir == STDIN:
        raise click.UsageError("review writes one HTML file per document: give -o/--outdir a folder")
    if Path(outdir).exists() and not Path(outdir).is_dir():
        raise click.UsageError(f"-o/--outdir {outdir} exists and is not a folder")
    files = [p for p in _inputs(paths) if str(p) != STDIN] + [
        f for p in map(Path, paths) if p.is_dir() for f in sorted(p.glob("*.json"))]
    if not files:
        raise click.UsageError("no input or JSON files found in " + ", ".join(paths))
    failed = 0
    names = {f: n[:-len(".json")] + ".html" for f, n in output_names(files).items()}
    for f in files:
        try:
            out = write_review(f, Path(outdir) / names[f], _settings(max_mb, timeout))
        except (PlanExtractError, ReviewInputError) as e:
            failed += 1
            click.echo(f"error: {e}", err=True)
            continue
        if not quiet:
            click.echo(f"{f} → {out}", err=True)
    if failed:
        sys.exit(EXIT_FAILED)


# True in the console script (`run`): the process is ours, to tune and to end quickly. An
# in-process caller of `main` (tests, a program of its own) keeps its interpreter as it was.
_WHOLE_PROCESS = False


def run() -> None:
    """The console script (`plan-extract`, `python -m extract.cli`): the command, then a quick
    exit. Output streams are flushed and atexit handlers run (the regex cache is saved, logging
    flushed) before the process ends without the interpreter's teardown — a garbage collection
    over every loaded module, ~0.1 CPU-s a process, which a batch of small files or a script
    calling plan-extract once a file pays each time. In-process callers use `main`."""
    import atexit
    global _WHOLE_PROCESS
    _WHOLE_PROCESS = True
    try:
        main()
        code: object = 0
    except SystemExit as e:
        code = e.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)      # a profiler or coverage writes its results at the normal exit
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:   # a closed pipe: nothing more can be said on it
            pass
    atexit._run_exitfuncs()
    os._exit(code or 0)


if __name__ == "__main__":
    run()
