"""The command line: a thin click layer over the library. Errors become one line and an exit code."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .errors import PlanExtractError
from .stages import STAGE_NAMES

EXIT_FAILED = 1


def _settings(max_mb: float, timeout: float):
    from .pipeline import Settings
    return Settings(max_mb=max_mb, timeout=timeout or None)


_max_mb = click.option("--max-mb", type=float, default=200.0, show_default=True,
                       help="Refuse input files larger than this many megabytes.")
_timeout = click.option("--timeout", type=float, default=600.0, show_default=True,
                        help="Give up on a document after this many seconds (0 = no limit).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plan-extract")
def main() -> None:
    """Turn Chinese government plan documents (规划, 实施方案 …) into structured JSON."""


def _inputs(paths: tuple[str, ...]) -> list[Path]:
    from .readers import SUFFIX_FORMAT
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SUFFIX_FORMAT)
        else:
            files.append(p)
    return files


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--outdir", type=click.Path(file_okay=False), default="outputs", show_default=True,
              help="Folder for the JSON files (<input stem>.json).")
@click.option("--dump-stage", type=click.Choice(STAGE_NAMES),
              help="Print one stage's intermediate result for each file instead of writing JSON.")
@_max_mb
@_timeout
def extract(paths: tuple[str, ...], outdir: str, dump_stage: str | None, max_mb: float, timeout: float) -> None:
    """Convert files or folders (not recursive; see `batch`) to one JSON file each.

    Exits 0 when every file converted, 1 when any failed (each failure is one line on stderr).
    """
    from .pipeline import run
    from .writer import write_document
    settings = _settings(max_mb, timeout)
    failed = 0
    files = _inputs(paths)
    if not files:
        raise click.UsageError("no input files found in " + ", ".join(paths))
    names = output_names(files)
    for f in files:
        try:
            result = run(f, settings, stop_after=dump_stage)
            if dump_stage:
                click.echo(dump(result, dump_stage))
                continue
            out = Path(outdir) / names[f]
            write_document(result.document, out)
            doc = result.document
            click.echo(f"{f} → {out}  ({len(doc.outline)} headings, {len(doc.tables)} tables, "
                       f"{len(doc.indicators)} indicators, {len(doc.projects)} projects, "
                       f"{len(doc.tasks)} tasks, {result.seconds:.2f}s)", err=True)
        except PlanExtractError as e:
            failed += 1
            click.echo(f"error: {e}", err=True)
    if failed:
        sys.exit(EXIT_FAILED)


def output_names(files: list[Path]) -> dict[Path, str]:
    """`<stem>.json`, except where two inputs share a stem (plan.pdf and plan.docx, or the same
    name in two folders): then `<name with suffix>.json`, and a numbered one if that clashes too,
    so no output overwrites another."""
    counts: dict[str, int] = {}
    for f in files:
        counts[f.stem] = counts.get(f.stem, 0) + 1
    names: dict[Path, str] = {}
    used: set[str] = set()
    for f in files:
        name = f"{f.stem}.json" if counts[f.stem] == 1 else f"{f.name}.json"
        k = 2
        while name in used:
            name = f"{f.name}.{k}.json"
            k += 1
        used.add(name)
        names[f] = name
    return names


def dump(result, stage: str) -> str:
    """A readable view of one stage's layer."""
    st = result.state
    if stage == "read":
        return json.dumps([getattr(b, "__dict__", str(b)) for b in st.raw.blocks], ensure_ascii=False,
                          indent=1, default=str)
    if stage == "normalize":
        out = []
        for i, p in enumerate(st.norm.paras):
            flags = f"{p.kind}{' h' + str(p.heading_level) if p.heading_level else ''}" \
                    f"{' b' + str(p.bold_lead) if p.bold_lead else ''}{' p' + str(p.page) if p.page else ''}"
            out.append(f"{i:5d} [{p.start}:{p.end}] {flags:10s} {st.norm.para_text(p)}")
        return "\n".join(out)
    doc = result.document.model_dump(mode="json")
    layer = {"segment": {"front": st.front.__dict__, "outline": doc["outline"], "boxes": doc["boxes"]},
             "meta": doc["meta"]}.get(stage, doc.get(stage))
    return json.dumps(layer, ensure_ascii=False, indent=1, default=str)


@main.command()
@click.argument("file", type=click.Path())
@_max_mb
def text(file: str, max_mb: float) -> None:
    """Print the normalized text of FILE: the coordinate system of every span."""
    from .pipeline import run
    try:
        result = run(file, _settings(max_mb, 0), stop_after="normalize")
    except PlanExtractError as e:
        raise click.ClickException(str(e)) from None
    click.echo(result.text)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output (generated from the typed model)."""
    from .model import json_schema
    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=1))


def _register_commands() -> None:
    from .cli_batch import batch, export
    from .evaluate import evaluate
    for cmd in (batch, export, evaluate):
        main.add_command(cmd)


_register_commands()


if __name__ == "__main__":
    main()
