"""Flat exports of a batch's JSON outputs for loading into databases and spreadsheets.

One row per indicator, project or task across every document under OUT_DIR, each carrying its
document's id (the input path relative to IN_DIR, from the batch manifest), title, issuer and
period; plus a documents table. The target's suffix picks the format: .csv (UTF-8, optional BOM
for Excel), .jsonl, .parquet (pyarrow) or .duckdb (every table in one embedded database). For
the first three the file's name picks the table: indicators.csv, hubei-projects.parquet.
"""
from __future__ import annotations

import csv
import io
import json
import os
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence, Union

from pydantic import ValidationError

from .model import Document, ItemSource, Quantity

TABLES = ("documents", "indicators", "projects", "tasks", "task_units")
FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet", ".duckdb": "duckdb"}

Column = tuple[str, str]  # (name, type): type is str | int | float | bool | date
Row = dict[str, Any]

_DOC_KEY: list[Column] = [("doc_id", "str"), ("doc_title", "str"), ("doc_issuer", "str"),
                          ("doc_period", "str")]
_SOURCE: list[Column] = [("source_kind", "str"), ("source_table", "str"), ("source_row", "int"),
                         ("span_start", "int"), ("span_end", "int"), ("page", "int")]


def _quantity_columns(prefix: str) -> list[Column]:
    return [(f"{prefix}_year", "int"), (f"{prefix}_raw", "str"), (f"{prefix}_op", "str"),
            (f"{prefix}_value", "float"), (f"{prefix}_high", "float")]


COLUMNS: dict[str, list[Column]] = {
    "documents": [("id", "str"), ("output", "str"), ("path", "str"), ("sha256", "str"),
                  ("format", "str"), ("encoding", "str"), ("pages", "int"), ("title", "str"),
                  ("issuer", "str"), ("doc_number", "str"), ("date", "date"), ("period_name", "str"),
                  ("period_start", "int"), ("period_end", "int"), ("draft", "bool"),
                  ("n_outline", "int"), ("n_tasks", "int"), ("n_boxes", "int"), ("n_tables", "int"),
                  ("n_indicators", "int"), ("n_projects", "int"), ("n_warnings", "int")],
    "indicators": _DOC_KEY + [("id", "str"), ("name", "str"), ("canonical", "str"), ("category", "str"),
                              ("unit", "str")] + _quantity_columns("baseline") + _quantity_columns("target")
                  + [("nature", "str"), ("status", "str"), ("seq", "str"), ("group", "str"),
                     ("note", "str"), ("n_targets", "int")] + _SOURCE,
    "projects": _DOC_KEY + [("id", "str"), ("name", "str"), ("content", "str"), ("nature", "str"),
                            ("budget_raw", "str"), ("budget_wan", "float"), ("budget_high", "float"),
                            ("approx", "bool"), ("start", "str"), ("box", "str"), ("section", "str")]
                + _SOURCE,
    "tasks": _DOC_KEY + [("id", "str"), ("number", "str"), ("title", "str"), ("text", "str"),
                         ("responsible", "str"), ("deadline", "int"), ("section", "str"),
                         ("span_start", "int"), ("span_end", "int"), ("page", "int")],
}


# One row per task × unit × role (lead, support, implied): who does what, across every plan.
COLUMNS["task_units"] = _DOC_KEY + [
    ("task_id", "str"), ("task_number", "str"), ("task_title", "str"), ("unit", "str"), ("role", "str"),
    ("position", "int"), ("section", "str"), ("deadline", "int"), ("deadline_text", "str"),
    ("source_kind", "str"), ("source_table", "str"), ("source_row", "int"), ("span_start", "int"),
    ("span_end", "int"), ("page", "int")]


# Every table starts with `key`, unique across the whole batch: the document's id for a
# document, "<document id>#<item id>" for an item (ids are unique within their document).
KEY: Column = ("key", "str")
for _table in COLUMNS:
    COLUMNS[_table].insert(0, KEY)


def row_keys(doc_id: str, table: str, rows: list[Row]) -> list[str]:
    """The keys of one document's rows in one table: "<doc id>#<item id>"; where a table has
    several rows per item (one per unit of a task, say) or no id, the row's place is added."""
    if table == "documents":
        return [doc_id] * len(rows)
    ids = [row.get("id") for row in rows]
    counts: dict = {}
    for i in ids:
        counts[i] = counts.get(i, 0) + 1
    keys, seen = [], {}
    for index, own in enumerate(ids):
        if own is None:
            keys.append(f"{doc_id}#{table}{index + 1}")
        elif counts[own] == 1:
            keys.append(f"{doc_id}#{own}")
        else:
            seen[own] = seen.get(own, 0) + 1
            keys.append(f"{doc_id}#{own}/{seen[own]}")
    return keys


def _date(value: Optional[str]) -> Optional[date]:
    """An ISO date (meta.date) as a date, for a typed DATE column; None when it does not read."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _task_unit_rows(key: Row, doc: Document) -> list[Row]:
    """The units of each task with their role; position is the unit's place within its role."""
    names = [c for c, _ in COLUMNS["task_units"] if c != "key"]
    rows = []
    for t in doc.tasks:
        s = t.source
        where = {"task_id": t.id, "task_number": t.number, "task_title": t.title, "section": t.section,
                 "deadline": t.deadline, "deadline_text": t.deadline_text,
                 "source_kind": s.kind if s else "text", "source_table": s.table if s else None,
                 "source_row": s.row if s else None, "span_start": t.span[0], "span_end": t.span[1],
                 "page": t.page}
        for role, units in (("lead", t.lead), ("support", t.support), ("implied", t.implied)):
            for k, u in enumerate(units):
                row = {**key, **where, "unit": u, "role": role, "position": k + 1}
                rows.append({c: row[c] for c in names})
    return rows


class ExportTargetError(ValueError):
    """A target whose format or table cannot be told from its name: a usage error."""


# ---------------------------------------------------------------- documents → rows

def _quantity(prefix: str, q: Optional[Quantity]) -> Row:
    return {f"{prefix}_year": q.year if q else None, f"{prefix}_raw": q.raw if q else None,
            f"{prefix}_op": q.op if q else None, f"{prefix}_value": q.value if q else None,
            f"{prefix}_high": q.high if q else None}


def _source(s: ItemSource) -> Row:
    return {"source_kind": s.kind, "source_table": s.table, "source_row": s.row,
            "span_start": s.span[0] if s.span else None, "span_end": s.span[1] if s.span else None,
            "page": s.page}


def document_rows(doc_id: str, output: str, doc: Document) -> dict[str, list[Row]]:
    """The rows one document contributes to each table."""
    m = doc.meta
    key = {"doc_id": doc_id, "doc_title": m.title, "doc_issuer": m.issuer,
           "doc_period": m.period.name if m.period else None}
    documents = [{
        "id": doc_id, "output": output, "path": doc.source.path, "sha256": doc.source.sha256,
        "format": doc.source.format, "encoding": doc.source.encoding, "pages": doc.source.pages,
        "title": m.title, "issuer": m.issuer, "doc_number": m.doc_number, "date": _date(m.date),
        "period_name": m.period.name if m.period else None,
        "period_start": m.period.start if m.period else None,
        "period_end": m.period.end if m.period else None, "draft": m.draft,
        "n_outline": len(doc.outline), "n_tasks": len(doc.tasks), "n_boxes": len(doc.boxes),
        "n_tables": len(doc.tables), "n_indicators": len(doc.indicators),
        "n_projects": len(doc.projects), "n_warnings": len(doc.warnings)}]
    indicators = [{**key, "id": i.id, "name": i.name, "canonical": i.canonical, "category": i.category,
                   "unit": i.unit, **_quantity("baseline", i.baseline), **_quantity("target", i.target),
                   "nature": i.nature, "status": i.status, "seq": i.seq, "group": i.group, "note": i.note,
                   "n_targets": len(i.targets), **_source(i.source)} for i in doc.indicators]
    projects = [{**key, "id": p.id, "name": p.name, "content": p.content, "nature": p.nature,
                 "budget_raw": p.budget.raw if p.budget else None,
                 "budget_wan": p.budget.wan if p.budget else None,
                 "budget_high": p.budget.high if p.budget else None,
                 "approx": p.budget.approx if p.budget else None,
                 "start": p.start, "box": p.box, "section": p.section, **_source(p.source)}
                for p in doc.projects]
    tasks = [{**key, "id": t.id, "number": t.number, "title": t.title, "text": t.text,
              "responsible": "、".join(t.responsible), "deadline": t.deadline, "section": t.section,
              "span_start": t.span[0], "span_end": t.span[1], "page": t.page} for t in doc.tasks]
    return {"documents": documents, "indicators": indicators, "projects": projects, "tasks": tasks,
            "task_units": _task_unit_rows(key, doc)}


@dataclass
class Collected:
    rows: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t in TABLES})
    documents: int = 0
    skipped: list[str] = field(default_factory=list)   # "path: reason"
    read: list[str] = field(default_factory=list)      # the documents read, relative to out_dir


def collect(out_dir: str | os.PathLike) -> Collected:
    """Read every document *.json under out_dir (hidden files and folders aside).

    A document's id is its input path relative to IN_DIR when the batch manifest knows the
    file, else its source.path. Files that are not plan-extract documents are skipped, noted."""
    from .batch import MANIFEST, load_manifest
    root = Path(out_dir)
    input_of = {rec["output"]: rec["path"] for rec in load_manifest(root / MANIFEST).values()
                if rec.get("status") == "ok" and isinstance(rec.get("output"), str)}
    out = Collected()
    seen: set[str] = set()
    for path in sorted(root.rglob("*.json")):
        rel = path.relative_to(root).as_posix()
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        try:
            doc = Document.model_validate_json(path.read_bytes())
        except (ValidationError, OSError, ValueError) as e:
            first = str(e).splitlines()
            out.skipped.append(f"{rel}: not a plan-extract document ({first[0] if first else e})")
            continue
        doc_id = input_of.get(rel, doc.source.path)
        if doc_id in seen:   # two outputs of one input (converted twice): the output names it
            doc_id = rel
        seen.add(doc_id)
        for table, rows in document_rows(doc_id, rel, doc).items():
            out.rows[table].extend({"key": key, **row} for key, row in zip(row_keys(doc_id, table, rows), rows))
        out.documents += 1
        out.read.append(rel)
    return out


# ---------------------------------------------------------------- rows → files

def target_kind(path: str | os.PathLike) -> tuple[str, Optional[str]]:
    """(format, table) from a target's name; table is None for .duckdb (all tables)."""
    p = Path(path)
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise ExportTargetError(f"cannot export to {p.name}: the suffix must be one of "
                                f"{', '.join(FORMATS)}")
    if fmt == "duckdb":
        return fmt, None
    stem = p.stem.lower()
    for table in TABLES:
        if stem == table or any(stem.endswith(sep + table) for sep in "-_."):
            return fmt, table
    raise ExportTargetError(f"cannot tell which table to write to {p.name}: name it "
                            f"{' / '.join(t + p.suffix for t in TABLES)} (a prefix like hubei- is fine)")


def _csv_value(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, date):
        return v.isoformat()
    return v


def write_csv(path: Path, table: str, rows: list[Row], bom: bool = False) -> None:
    from .writer import atomic_write_text
    names = [c for c, _ in COLUMNS[table]]
    buf = io.StringIO()
    w = csv.writer(buf)  # \r\n line ends: what Excel and RFC 4180 expect
    w.writerow(names)
    for row in rows:
        w.writerow([_csv_value(row[c]) for c in names])
    atomic_write_text(path, ("\ufeff" if bom else "") + buf.getvalue())


def write_jsonl(path: Path, table: str, rows: list[Row]) -> None:
    from .writer import atomic_write_text
    names = [c for c, _ in COLUMNS[table]]
    atomic_write_text(path, "".join(json.dumps({c: row[c] for c in names}, ensure_ascii=False, default=str)
                                    + "\n" for row in rows))


def _arrow_table(table: str, rows: list[Row]):
    try:
        import pyarrow as pa
    except ImportError:
        raise ImportError("exporting to .parquet or .duckdb needs pyarrow: "
                          "pip install 'plan-extract[export]'") from None
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32()}   # float64 is DuckDB's DOUBLE, date32 its DATE
    schema = pa.schema([(c, types[t]) for c, t in COLUMNS[table]])
    return pa.Table.from_pylist(rows, schema=schema)


@contextmanager
def _atomic_target(path: Path) -> Iterator[Path]:
    """A fresh temp path beside `path` (not created, as DuckDB wants); renamed over `path` on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        for leftover in (tmp, Path(str(tmp) + ".wal")):
            leftover.unlink(missing_ok=True)


def write_parquet(path: Path, table: str, rows: list[Row]) -> None:
    arrow = _arrow_table(table, rows)
    import pyarrow.parquet as pq
    with _atomic_target(path) as tmp:
        pq.write_table(arrow, tmp)


def write_duckdb(path: Path, rows: dict[str, list[Row]]) -> None:
    arrows = {t: _arrow_table(t, rows[t]) for t in TABLES}
    try:
        import duckdb
    except ImportError:
        raise ImportError("exporting to .duckdb needs duckdb: pip install 'plan-extract[export]'") from None
    with _atomic_target(path) as tmp:
        con = duckdb.connect(str(tmp))
        try:
            for table, arrow in arrows.items():
                con.register("incoming", arrow)
                con.execute(f"CREATE TABLE {table} AS SELECT * FROM incoming")
                if "key" in arrow.column_names:
                    con.execute(f"ALTER TABLE {table} ADD PRIMARY KEY (key)")
                con.unregister("incoming")
            con.execute("CHECKPOINT")
        finally:
            con.close()


# ---------------------------------------------------------------- the command

@dataclass
class ExportReport:
    documents: int
    written: list[tuple[str, str, int]]   # (target, table or "all", rows)
    skipped: list[str]
    read: list[str] = field(default_factory=list)        # the JSON files read, relative to OUT_DIR

    def text(self, verbose: bool = False, max_skipped: int = 10) -> str:
        lines = [f"read {self.documents} document(s)"]
        lines += [f"  read {r}" for r in self.read] if verbose else []
        lines += [f"  {target}: {rows} row(s) ({table})" for target, table, rows in self.written]
        shown = self.skipped if verbose else self.skipped[:max_skipped]
        lines += [f"skipped {s}" for s in shown]
        if len(shown) < len(self.skipped):
            lines.append(f"… and {len(self.skipped) - len(shown)} more skipped (--verbose lists them)")
        return "\n".join(lines)


def export(out_dir: str | os.PathLike,
           to_path: Union[str, os.PathLike, Sequence[Union[str, os.PathLike]]], *,
           bom: bool = False) -> ExportReport:
    """Write one or several targets from the documents under out_dir (read once)."""
    targets = [Path(to_path)] if isinstance(to_path, (str, os.PathLike)) else [Path(p) for p in to_path]
    kinds = [target_kind(t) for t in targets]   # every name checked before any work
    data = collect(out_dir)
    written = []
    for target, (fmt, table) in zip(targets, kinds):
        if fmt == "duckdb":
            write_duckdb(target, data.rows)
            written.append((str(target), "all", sum(len(r) for r in data.rows.values())))
            continue
        rows = data.rows[table]
        if fmt == "csv":
            write_csv(target, table, rows, bom=bom)
        elif fmt == "jsonl":
            write_jsonl(target, table, rows)
        else:
            write_parquet(target, table, rows)
        written.append((str(target), table, len(rows)))
    return ExportReport(documents=data.documents, written=written, skipped=data.skipped, read=data.read)


__all__ = ["export", "collect", "document_rows", "target_kind", "COLUMNS", "TABLES", "ExportTargetError"]
