"""The typed, versioned output model. The JSON Schema is generated from these classes.

Field names and their order are the contract (spec/output.md): add fields, never rename,
drop or retype one; a breaking change bumps SCHEMA_VERSION's major number.
"""
from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_serializer, model_validator

SCHEMA_VERSION = "1.1"

SPAN_DOC = ("[start, end) in the document's normalized text (`plan-extract text`, or `text` when "
            "written with --with-text), counted in Unicode code points, end excluded")
Span = Annotated[list[int], Field(min_length=2, max_length=2, description=SPAN_DOC)]
"""[start, end) in code points of the document's normalized text, end excluded."""

Op = Literal["=", "<=", ">=", "<", ">", "~", "range", "trend", "none"]
Nature = Literal["预期性", "约束性", "指导性", "倡导性"]
Status = Literal["target", "achieved"]
SourceKind = Literal["table", "box", "text"]
TableKind = Literal["indicators", "projects", "other"]
Format = Literal["txt", "md", "docx", "doc", "pdf", "html", "ofd"]
TaskSourceKind = Literal["text", "table"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def model_post_init(self, context) -> None:
        """Every instance of a class shares one set of its field names as pydantic's "fields set"
        (instead of a set of the fields passed, 728 bytes per instance: on a 50 MB plan its
        hundreds of thousands of items and their sources, quantities and spans held ~95 MB of
        them). Nothing here dumps with exclude_unset, the only reader of that set; holding every
        field name, the shared set is never changed by an assignment (pydantic adds the name)."""
        cls = type(self)
        shared = _FIELD_NAMES.get(cls)
        if shared is None:
            shared = _FIELD_NAMES[cls] = set(cls.model_fields)
        object.__setattr__(self, "__pydantic_fields_set__", shared)


_FIELD_NAMES: dict[type, set[str]] = {}


class Source(Strict):
    """The input file the document was read from."""

    path: str = Field(description=(
        "the input's path as given (in a batch: IN_DIR joined with its relative path; '-'"
        " for standard input)"))
    sha256: str = Field(description="sha256 of the input file's bytes, hex")
    format: Format = Field(description="the format it was read as")
    encoding: Optional[str] = Field(None, description=(
        "the text encoding detected (text inputs), else null"))
    pages: Optional[int] = Field(None, description=(
        "number of pages (paged inputs: PDF, OFD), else null"))
    ocr_pages: list[int] = Field([], description="pages (or images) whose text was read by OCR")


class Period(Strict):
    """The plan period."""

    name: str = Field(description="as printed: 十四五, or 2021—2025")
    start: int = Field(description="first year of the period")
    end: int = Field(description="last year of the period (included)")


class Meta(Strict):
    """Document metadata from the front matter and the closing lines."""

    title: Optional[str] = Field(None, description=(
        "the plan's title, without 附件 prefixes, book-title marks or draft notes; null if "
        "not found"))
    issuer: Optional[str] = Field(None, description="the issuing body (人民政府办公室 …), or null")
    doc_number: Optional[str] = Field(None, description="the 文号 (某政办〔2022〕12号), or null")
    date: Optional[str] = Field(None, description="issuing date, ISO 8601")
    period: Optional[Period] = Field(None, description="the plan period (十四五 → 2021–2025), or null")
    draft: bool = Field(False, description="true for a draft (征求意见稿, 送审稿 …)")


class Heading(Strict):
    """One heading of the outline."""

    id: str = Field(description="s1, s2 … in reading order; unique in the document")
    level: int = Field(description="1 for the top level (第一章 or 一、), then 2, 3 …")
    number: str = Field(description="the printed number (一, （一）, 1., 第一章), or empty")
    title: str = Field(description="the heading text without its number")
    parent: Optional[str] = Field(None, description="id of the enclosing heading, or null at the top")
    span: Span
    page: Optional[int] = Field(None, description=(
        "1-based page where it starts (paged inputs), else null"))


class ItemSource(Strict):
    """Where an indicator or project was read."""

    kind: SourceKind = Field(description="table, box (a 专栏) or text (a sentence)")
    table: Optional[str] = Field(None, description="the table's id when kind is table, else null")
    row: Optional[int] = Field(None, description="0-based row index in that table's rows, else null")
    span: Optional[Span] = Field(None, description=SPAN_DOC)
    page: Optional[int] = Field(None, description="1-based page (paged inputs), else null")


class TaskSource(ItemSource):
    """Where a task was read: the fields of an item's source, from text or a table."""

    kind: TaskSourceKind = Field(description="text (a numbered paragraph) or table (a 任务分工 table row)")


class Task(Strict):
    """One task: a numbered measure of the plan with its responsible units."""

    id: str = Field(description="t1, t2 … in reading order; unique in the document")
    section: Optional[str] = Field(None, description="id of the heading it stands under, or null")
    number: Optional[str] = Field(None, description="the printed number, or null (a table row without 序号)")
    title: str = Field(description="its lead sentence (the bold run-in title, or the first clause)")
    text: str = Field(description="the whole task text, as normalized")
    responsible: list[str] = Field([], description="every unit named for the task, printed order, "
                                   "lead and support together, without role words")
    span: Span
    page: Optional[int] = Field(None, description=(
        "1-based page where it starts (paged inputs), else null"))
    deadline: Optional[int] = Field(None, description="target year the task names (到2025年), or null")
    lead: list[str] = Field([], description="units marked 牵头 (or 牵头单位：), printed order")
    support: list[str] = Field([], description="the other named units (配合, 按职责分工负责 …)")
    implied: list[str] = Field([], description="units a blanket rule adds; not in responsible")
    deadline_text: Optional[str] = Field(None, description="the deadline as printed (2025年底前), or null")
    source: Optional[TaskSource] = Field(None, description=(
        "where it was read (defaults to its span in the text)"))

    @model_validator(mode="after")
    def _default_source(self) -> "Task":
        if self.source is None:
            self.source = TaskSource(kind="text", span=self.span, page=self.page)
        return self


class Box(Strict):
    """One 专栏 box."""

    id: str = Field(description="b1, b2 … in reading order; unique in the document")
    section: Optional[str] = Field(None, description="id of the heading it stands under, or null")
    number: Optional[str] = Field(None, description="the printed box number (专栏3 → 3), or null")
    title: str = Field(description="the box's title")
    items: list[str] = Field([], description="its items, in printed order")
    span: Span
    page: Optional[int] = Field(None, description=(
        "1-based page where it starts (paged inputs), else null"))


class Table(Strict):
    """One table, as rebuilt from the input."""

    id: str = Field(description="tb1, tb2 … in reading order; unique in the document")
    section: Optional[str] = Field(None, description="id of the heading it stands under, or null")
    kind: TableKind = Field(description="indicators, projects or other")
    title: Optional[str] = Field(None, description="the caption (表1 …), or null")
    columns: list[str] = Field(description="header cells, one per column")
    rows: list[list[str]] = Field(description=(
        "body rows, each a list of cells (same length as columns)"))
    span: Span
    pages: Optional[list[int]] = Field(None, description=(
        "1-based pages it spans (paged inputs), else null"))
    row_spans: list[Span] = Field([], description="span of each row, same order as rows")


class Quantity(Strict):
    """One printed value: a baseline or a target."""

    year: Optional[int] = Field(None, description="the year it is for (2025), or null")
    raw: str = Field(description="the value as printed (≥81.6, 7.2左右, 提高)")
    op: Op = Field(description=(
        "how to read value: = <= >= < > ~ (about), range (value..high), trend (a "
        "direction, no value), none"))
    value: Optional[float] = Field(None, description=(
        "the number, in the printed unit (95% → 95, never divided by 100), or null"))
    high: Optional[float] = Field(None, description="upper end when op is range, else null")


class Indicator(Strict):
    """One indicator (指标) with its baseline and targets."""

    id: str = Field(description="i1, i2 … in reading order; unique in the document")
    name: str = Field(description="the indicator's name as printed (without its unit or note)")
    category: Optional[str] = Field(None, description="the 类别/领域 it is listed under, or null")
    unit: Optional[str] = Field(None, description="the unit (%, 岁, 张, 万人 …), or null")
    baseline: Optional[Quantity] = Field(None, description="the base-year value, or null")
    target: Optional[Quantity] = Field(None, description="the latest of targets")
    nature: Optional[Nature] = Field(None, description="预期性, 约束性, 指导性 or 倡导性, or null")
    canonical: Optional[str] = Field(None, description=(
        "catalogue id of a known indicator (life_expectancy …), or null"))
    source: ItemSource = Field(description="where it was read")
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
    """An amount of money."""

    raw: str = Field(description="as printed (6500余万元, 1.2亿元)")
    wan: Optional[float] = Field(None, description="the amount in 万元, or null")
    approx: bool = Field(False, description="true when printed as approximate (余, 约, 左右)")
    high: Optional[float] = Field(None, description="upper end in 万元 when the amount is a range")


class Project(Strict):
    """One project (项目/工程)."""

    id: str = Field(description="p1, p2 … in reading order; unique in the document")
    name: str = Field(description="the project's name")
    content: Optional[str] = Field(None, description="what it builds or does (建设内容), or null")
    nature: Optional[str] = Field(None, description="新建, 改扩建, 续建 …, or null")
    budget: Optional[Money] = Field(None, description="its investment (总投资), or null")
    start: Optional[str] = Field(None, description="start time as printed (2022年), or null")
    box: Optional[str] = Field(None, description="number of the 专栏 it is listed in, or null")
    section: Optional[str] = Field(None, description="id of the heading it stands under, or null")
    source: ItemSource = Field(description="where it was read")


class Warning(Strict):
    """Something the pipeline skipped or was unsure of."""

    code: str = Field(description="a stable code (table.interleaved_rows …)")
    message: str = Field(description="what happened, for a person")
    span: Optional[Span] = Field(None, description=SPAN_DOC)


class Document(Strict):
    """One plan document converted by plan-extract."""

    schema_version: str = Field(SCHEMA_VERSION, description=(
        "version of this schema: a major change breaks readers, a minor one adds fields"))
    source: Source = Field(description="the input file")
    meta: Meta = Field(description="title, issuer, 文号, date, period, draft")
    outline: list[Heading] = Field([], description="every heading, in reading order")
    tasks: list[Task] = Field([], description="every task, in reading order")
    boxes: list[Box] = Field([], description="every 专栏 box, in reading order")
    tables: list[Table] = Field([], description="every table, in reading order")
    indicators: list[Indicator] = Field([], description="every indicator, from tables and prose")
    projects: list[Project] = Field([], description="every project, from tables, boxes and prose")
    warnings: list[Warning] = Field([], description="what was skipped or uncertain, document-wide")
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


# The generated code imports its exception from fastjsonschema, whose package imports the whole
# generator (a tenth of a one-line document's start-up); the code raises it with a message only,
# so the validator carries a stand-in with fastjsonschema's name and `message`.
_FASTJSONSCHEMA_IMPORT = "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException\n"
_EXCEPTION_STAND_IN = '''

class JsonSchemaValueException(ValueError):
    """fastjsonschema's JsonSchemaValueException as this code raises it: a message."""

    def __init__(self, message, value=None, name=None, definition=None, rule=None):
        super().__init__(message)
        self.message, self.value, self.name, self.definition, self.rule = message, value, name, definition, rule


JsonSchemaValuesException = JsonSchemaValueException   # raised only without fast_fail: never here
'''


def validator_source() -> str:
    """The Python source of the schema validator, as fastjsonschema generates it (its exception
    import replaced by the stand-in)."""
    import fastjsonschema
    code = fastjsonschema.compile_to_code(json_schema(), detailed_exceptions=False)
    if code.count(_FASTJSONSCHEMA_IMPORT) != 1:
        raise RuntimeError("fastjsonschema's generated code no longer imports its exception as "
                           "expected: update _FASTJSONSCHEMA_IMPORT in extract/model.py")
    code = code.replace(_FASTJSONSCHEMA_IMPORT, _EXCEPTION_STAND_IN)
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
