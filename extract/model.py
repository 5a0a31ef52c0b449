"""The typed, versioned output model. The JSON Schema is generated from these classes.

Field names and their order are the contract (spec/output.md): add fields, never rename,
drop or retype one; a breaking change bumps SCHEMA_VERSION's major number.
"""
from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Span = Annotated[list[int], Field(min_length=2, max_length=2)]
"""[start, end) in characters of the document's normalized text."""

Op = Literal["=", "<=", ">=", "<", ">", "~", "range", "trend", "none"]
Nature = Literal["预期性", "约束性", "指导性"]
SourceKind = Literal["table", "box", "text"]
TableKind = Literal["indicators", "projects", "other"]
Format = Literal["txt", "md", "docx", "pdf", "html"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(Strict):
    path: str
    sha256: str
    format: Format
    encoding: Optional[str] = None
    pages: Optional[int] = None


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


class Task(Strict):
    id: str
    section: Optional[str] = None
    number: str
    title: str
    text: str
    responsible: list[str] = []
    span: Span
    page: Optional[int] = None
    deadline: Optional[int] = Field(None, description="target year the task names (到2025年), or null")


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
    target: Optional[Quantity] = None
    nature: Optional[Nature] = None
    canonical: Optional[str] = None
    source: ItemSource


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


def json_schema() -> dict:
    schema = Document.model_json_schema()
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = f"plan-extract document, schema {SCHEMA_VERSION}"
    return schema
