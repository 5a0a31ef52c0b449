"""`plan-extract batch` and `plan-extract export`: thin click commands over extract.batch and
extract.export. extract/cli.py adds them to the main group."""
from __future__ import annotations

from pathlib import Path

import click


@click.command("batch")
@click.argument("in_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--outdir", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder: mirrors IN_DIR (a/plan.pdf → a/plan.json) and holds "
                   "_manifest.jsonl and _errors.jsonl.")
@click.option("--glob", "pattern", default="**/*", show_default=True,
              help="Only inputs whose path relative to IN_DIR matches; a pattern without '/' "
                   "matches the file name at any depth (e.g. '*.pdf').")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (local) or files in flight (dask). Default: the number of cores.")
@click.option("--force", is_flag=True, help="Convert every input again, even those the manifest lists as done.")
@click.option("--retry-failed", is_flag=True,
              help="Try again the inputs that failed in an earlier run and have not changed since "
                   "(by default they are listed as known failures and skipped).")
@click.option("--with-text", is_flag=True,
              help="Also write the normalized text into each JSON file (`text`), as extract --with-text.")
@click.option("--timeout", type=click.FloatRange(min=0), default=600.0, show_default=True,
              help="Give up on a file after this many seconds and record it as E402 (0 = no limit).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run on local worker processes or on a Dask distributed cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address for --engine dask, e.g. tcp://HOST:8786.")
@click.option("--max-mb", type=click.FloatRange(min=0, min_open=True), default=200.0, show_default=True,
              help="Refuse input files larger than this many megabytes (recorded as E401).")
@click.option("--ocr", type=click.Choice(["auto", "off", "force"]), default="auto", show_default=True,
              help="Pages and images without text: auto = OCR when the [ocr] extra is installed, "
                   "off = never (a warning names them), force = every page by OCR.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output; the summary is still printed.")
@click.option("-v", "--verbose", is_flag=True, help="Also a line per file as it finishes (ok or its error).")
@click.pass_context
def batch(ctx: click.Context, in_dir: Path, out_dir: Path, pattern: str, jobs: int | None, force: bool,
          retry_failed: bool, with_text: bool, timeout: float, engine: str, scheduler: str | None,
          max_mb: float, ocr: str, quiet: bool, verbose: bool) -> None:
    """Convert every supported file under IN_DIR (recursively) into OUT_DIR, in parallel.

    Resumable: a second run skips inputs that are unchanged and were converted by the same
    version. Exit status: 0 all converted or skipped, 1 some failed (see OUT_DIR/_errors.jsonl),
    2 usage error, 130 interrupted (Ctrl-C; run again to continue).
    """
    from .batch import BatchUsageError, run_batch
    from .pipeline import Settings
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler only applies with --engine dask")
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose exclude each other")
    if str(out_dir) == "-":
        raise click.UsageError("a batch writes a folder tree: give -o/--outdir a folder "
                               "(-o - writes to standard output with `extract`)")
    try:
        summary = run_batch(in_dir, out_dir, glob=pattern, jobs=jobs, force=force, timeout=timeout,
                            engine=engine, scheduler=scheduler, progress=not quiet,
                            retry_failed=retry_failed, verbose=verbose,
                            settings=Settings(max_mb=max_mb, timeout=timeout or None, with_text=with_text,
                                              ocr=ocr))
    except BatchUsageError as e:
        raise click.UsageError(str(e)) from None
    except KeyboardInterrupt:  # before the batch took over Ctrl-C (while listing the tree)
        click.echo("interrupted before any file was converted", err=True)
        ctx.exit(130)
    except OSError as e:  # the output folder itself: full disk, no permission
        raise click.ClickException(f"cannot write to {out_dir}: {e.strerror or e}") from None
    click.echo(summary.report(), err=True)
    ctx.exit(summary.exit_code)


@click.command("export")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--to", "targets", multiple=True, required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Target file; its suffix picks the format (.csv .jsonl .parquet .duckdb) and, except "
                   "for .duckdb, its name picks the table (indicators, projects, tasks, task_units, documents). "
                   "Repeat for several.")
@click.option("--bom", is_flag=True, help="Start CSV files with a UTF-8 byte-order mark, so Excel reads the Chinese text.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also list every JSON file read, and every one skipped in full.")
def export(out_dir: Path, targets: tuple[Path, ...], bom: bool, quiet: bool, verbose: bool) -> None:
    """Flatten the JSON files under OUT_DIR into tables for loading: one row per indicator,
    project or task across the whole batch, or a DuckDB database with all of them."""
    from .export import ExportTargetError, export as run_export
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose exclude each other")
    try:
        report = run_export(out_dir, list(targets), bom=bom)
    except ExportTargetError as e:
        raise click.UsageError(str(e)) from None
    except ImportError as e:
        raise click.ClickException(str(e)) from None
    if not quiet:
        click.echo(report.text(verbose=verbose), err=True)
