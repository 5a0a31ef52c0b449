"""The typed, versioned output model. The JSON Schema is generated from these classes.

Field names and their order are the contract (spec/output.md): add fields, never rename,
drop or retype one; a breaking change bumps SCHEMA_VERSION's major number.
"""
from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_serializer, model_validator

SCHEMA_VERSION = "1.1"

Span = Annotated[list[int], Field(min_length=2, max_length=2)]
"""[start, end) in characters of the document's normalized text."""

Op = Literal["=", "<=", ">=", "<", ">", "~", "range", "trend", "none"]
Nature = Literal["预期性", "约束性", "指导性", "倡导性"]
Status = Literal["target", "achieved"]
SourceKind = Literal["table", "box", "text"]
TableKind = Literal["indicators", "projects", "other"]
Format = Literal["txt", "md", "docx", "doc", "pdf", "html", "ofd"]
TaskSourceKind = Literal["text", "table"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(Strict):
    path: str
    sha256: str
    format: Format
    encoding: Optional[str] = None
    pages: Optional[int] = None
    ocr_pages: list[int] = Field([], description="pages (or images) whose text was read by OCR")


class Period(Strict):
    name: str
    start: int
    end: int


class Meta(Strict):
    title: Optional[str] = None
    issuer: Optional[str] = None
    doc_number: Optional[str] = None
    date: Optional[str] = Field(None, description="issuing date, ISO 8601")
    period: Optional[Period] = None
    draft: bool = False


class Heading(Strict):
    id: str
    level: int
    number: str
    title: str
    parent: Optional[str] = None
    span: Span
    page: Optional[int] = None


class TaskSource(Strict):
    kind: TaskSourceKind
    table: Optional[str] = None
    row: Optional[int] = None
    span: Optional[Span] = None
    page: Optional[int] = None


class Task(Strict):
    id: str
    section: Optional[str] = None
    number: Optional[str] = Field(None, description="the printed number, or null (a table row without 序号)")
    title: str
    text: str
    responsible: list[str] = Field([], description="every unit named for the task, printed order, "
                                   "lead and support together, without role words")
    span: Span
    page: Optional[int] = None
    deadline: Optional[int] = Field(None, description="target year the task names (到2025年), or null")
    lead: list[str] = Field([], description="units marked 牵头 (or 牵头单位：), printed order")
    support: list[str] = Field([], description="the other named units (配合, 按职责分工负责 …)")
    implied: list[str] = Field([], description="units a blanket rule adds; not in responsible")
    deadline_text: Optional[str] = Field(None, description="the deadline as printed (2025年底前), or null")
    source: Optional[TaskSource] = None

    @model_validator(mode="after")
    def _default_source(self) -> "Task":
        if self.source is None:
            self.source = TaskSource(kind="text", span=self.span, page=self.page)
        return self


class Box(Strict):
    id: str
    section: Optional[str] = None
    number: Optional[str] = None
    title: str
    items: list[str] = []
    span: Span
    page: Optional[int] = None


class Table(Strict):
    id: str
    section: Optional[str] = None
    kind: TableKind
    title: Optional[str] = None
    columns: list[str]
    rows: list[list[str]]
    span: Span
    pages: Optional[list[int]] = None
    row_spans: list[Span] = Field([], description="span of each row, same order as rows")


class Quantity(Strict):
    year: Optional[int] = None
    raw: str
    op: Op
    value: Optional[float] = None
    high: Optional[float] = None


class ItemSource(Strict):
    kind: SourceKind
    table: Optional[str] = None
    row: Optional[int] = None
    span: Optional[Span] = None
    page: Optional[int] = None


class Indicator(Strict):
    id: str
    name: str
    category: Optional[str] = None
    unit: Optional[str] = None
    baseline: Optional[Quantity] = None
    target: Optional[Quantity] = Field(None, description="the latest of targets")
    nature: Optional[Nature] = None
    canonical: Optional[str] = None
    source: ItemSource
    seq: Optional[str] = Field(None, description="the printed 序号, or null")
    group: Optional[str] = Field(None, description="a sub-heading row inside the table above this row")
    note: Optional[str] = Field(None, description="说明/计算方法/注 text printed in the row, split off the name")
    targets: list[Quantity] = Field([], description="every target the row or sentence states, ascending by year")
    status: Status = Field("target", description="target, or achieved (a past result)")

    @model_validator(mode="after")
    def _targets_end_with_target(self) -> "Indicator":
        """`target` is always the last of `targets`: either may be given, the other follows."""
        if not self.targets and self.target is not None:
            self.targets = [self.target]
        elif self.targets:
            self.targets = sorted(self.targets, key=lambda q: (q.year is None, q.year or 0))
            self.target = self.targets[-1]
        return self


class Money(Strict):
    raw: str
    wan: Optional[float] = None
    approx: bool = False
    high: Optional[float] = Field(None, description="upper end in 万元 when the amount is a range")


class Project(Strict):
    id: str
    name: str
    content: Optional[str] = None
    nature: Optional[str] = None
    budget: Optional[Money] = None
    start: Optional[str] = None
    box: Optional[str] = None
    section: Optional[str] = None
    source: ItemSource


class Warning(Strict):
    code: str
    message: str
    span: Optional[Span] = None


class Document(Strict):
    schema_version: str = SCHEMA_VERSION
    source: Source
    meta: Meta
    outline: list[Heading] = []
    tasks: list[Task] = []
    boxes: list[Box] = []
    tables: list[Table] = []
    indicators: list[Indicator] = []
    projects: list[Project] = []
    warnings: list[Warning] = []
    text: Optional[str] = Field(None, description=(
        "the normalized text every span counts in (written with `extract --with-text`, else "
        "absent): span [a, b) is text[a:b] in code points"),
        json_schema_extra=lambda s: s.pop("default", None))  # absent, not filled in as null

    @model_serializer(mode="wrap")
    def _text_only_when_written(self, handler):
        data = handler(self)
        if isinstance(data, dict) and data.get("text") is None:
            data.pop("text", None)
        return data


def json_schema() -> dict:
    schema = Document.model_json_schema()
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = f"plan-extract document, schema {SCHEMA_VERSION}"
    return schema


# ---- the generated validator ------------------------------------------------------------------
# writer.py validates every output against json_schema() with code that fastjsonschema generated
# once from it (extract/_schema_validator.py, checked in): compiling the schema at run time costs
# more than converting a short document. tests/test_writer.py keeps the file in step with the
# model; after changing a field, regenerate it with
#     python -m extract.model --write-validator

VALIDATOR_MODULE = "_schema_validator.py"
_VALIDATOR_HEADER = '''"""GENERATED from the model's JSON Schema (schema {version}) by
`python -m extract.model --write-validator`. Do not edit: regenerate it after changing extract/model.py."""
# fmt: off
SCHEMA_SHA256 = "{digest}"
'''


def schema_digest() -> str:
    """sha256 of the JSON Schema, canonical form: what the generated validator was made from."""
    import hashlib
    import json
    return hashlib.sha256(json.dumps(json_schema(), sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def validator_source() -> str:
    """The Python source of the schema validator, as fastjsonschema generates it."""
    import fastjsonschema
    code = fastjsonschema.compile_to_code(json_schema(), detailed_exceptions=False)
    return _VALIDATOR_HEADER.format(version=SCHEMA_VERSION, digest=schema_digest()) + code


def write_validator() -> str:
    from pathlib import Path
    path = Path(__file__).with_name(VALIDATOR_MODULE)
    path.write_text(validator_source(), encoding="utf-8")
    return str(path)


if __name__ == "__main__":
    import argparse
    parser = argparse.ArgumentParser(prog="python -m extract.model",
                                     description="The output model: regenerate its schema validator.")
    parser.add_argument("--write-validator", action="store_true",
                        help=f"write extract/{VALIDATOR_MODULE} from the model's JSON Schema")
    if parser.parse_args().write_validator:
        print("wrote", write_validator())
    else:
        parser.print_help()
