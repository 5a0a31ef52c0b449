"""The writer: the generated schema validator stays in step with the model; the fast encoder
writes the same content as Python's json, keys in the contract's order."""
from __future__ import annotations

import json

import pytest

from conftest import CORPUS
from extract import model, writer
from extract.errors import OutputInvalid

REGENERATE = "python -m extract.model --write-validator"


def test_generated_validator_matches_the_model():
    from extract import _schema_validator
    assert _schema_validator.SCHEMA_SHA256 == model.schema_digest(), (
        f"extract/_schema_validator.py was generated from another schema: run `{REGENERATE}`")


def test_generated_validator_is_what_fastjsonschema_makes_of_the_schema():
    """The file is exactly the generator's output for today's schema (no hand edits)."""
    from pathlib import Path
    path = Path(model.__file__).with_name(model.VALIDATOR_MODULE)
    assert path.read_text(encoding="utf-8") == model.validator_source(), f"run `{REGENERATE}`"


@pytest.fixture(scope="module")
def document():
    from extract.pipeline import run
    return run(sorted(CORPUS.glob("*.txt"))[0]).document


def test_encoded_content_equals_the_model_dump_with_keys_in_contract_order(document):
    text = writer.to_json(document)
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data == document.model_dump(mode="json")
    # every field in the model's order; `text` only when written (extract --with-text)
    assert list(data) == [f for f in model.Document.model_fields if f != "text" or document.text is not None]
    assert list(data["source"]) == list(model.Source.model_fields)
    assert "\\u" not in text  # Chinese is written as UTF-8, not escaped
    assert text == writer.to_json(document)  # byte-stable


def test_section_by_section_gives_the_bytes_of_the_whole_dump(document):
    """to_json_bytes builds the file one top-level list at a time (memory); the bytes are
    those of encoding the whole dump at once, with and without the normalized text."""
    whole = writer.encode(document.model_dump(mode="json"))
    assert writer.to_json_bytes(document) == whole
    with_text = document.model_copy(update={"text": "第一章 总则\n“引号”\t制表"})
    assert writer.to_json_bytes(with_text) == writer.encode(with_text.model_dump(mode="json"))
    empty = document.model_copy(update={"outline": [], "indicators": [], "warnings": []})
    assert writer.to_json_bytes(empty) == writer.encode(empty.model_dump(mode="json"))


@pytest.mark.parametrize("batch", [1, 2, 7])
def test_lists_encoded_a_few_items_at_a_time_give_the_bytes_of_the_whole_dump(document, monkeypatch, batch):
    """The writer dumps, validates and encodes a top-level list BATCH items at a time (memory):
    batches that cut every list, and a last batch of one item, join into the whole file."""
    monkeypatch.setattr(writer, "BATCH", batch)
    assert max(len(document.outline), len(document.indicators)) > 7
    assert writer.to_json_bytes(document) == writer.encode(document.model_dump(mode="json"))


def test_an_item_that_breaks_the_schema_in_a_later_batch_leaves_no_file(document, monkeypatch, tmp_path):
    """The file is written as its pieces are made: an invalid item found after the first pieces
    are in the temp file leaves neither the output nor the temp file, and the message names the
    item by its index in the whole list."""
    monkeypatch.setattr(writer, "BATCH", 2)
    last = len(document.outline) - 1
    broken = document.outline[last].model_copy(update={"level": "一级"})
    bad = document.model_copy(update={"outline": document.outline[:last] + [broken]})
    with pytest.raises(OutputInvalid, match=rf"outline\[{last}\]"):
        writer.write_document(bad, tmp_path / "out.json")
    assert list(tmp_path.iterdir()) == []


def test_a_value_the_fast_encoder_refuses_falls_back_to_the_same_form():
    data = {"a": [1, 2], "b": 2**70, "c": "规划"}
    assert writer.encode(data).decode() == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    small = {"a": [1, 2], "b": {"c": "规划", "d": None, "e": 1.5, "f": []}}
    assert writer.encode(small).decode() == json.dumps(small, ensure_ascii=False, indent=2) + "\n"


def test_an_output_that_breaks_the_schema_is_refused(document):
    bad = document.model_copy(update={"schema_version": 11})
    with pytest.raises(OutputInvalid, match="schema"):
        writer.to_json(bad)


def test_instances_share_one_set_of_field_names(document):
    """Memory: pydantic keeps a set of the fields passed for every instance (728 bytes); the
    model's instances share one set of all their field names instead, which an assignment
    leaves as it is, and nothing of the output changes."""
    a, b = (model.Heading(**h.model_dump()) for h in document.outline[:2])
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__ == set(model.Heading.model_fields)
    before = b.model_dump(mode="json")
    a.title = a.title + "（改）"
    assert b.__pydantic_fields_set__ == set(model.Heading.model_fields) and b.model_dump(mode="json") == before
