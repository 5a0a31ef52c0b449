"""The indicator catalogue: data checks and name matching (tests/cases/indicators_catalogue.yaml)."""
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from extract import catalogue

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "indicators_catalogue.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name,expected", list(CASES.items()))
def test_match(name, expected):
    assert catalogue.match(name) == expected


def test_every_entry_matches_itself_and_its_aliases():
    for e in catalogue.catalogue().indicators:
        assert catalogue.match(e.name) == e.id
        for alias in e.aliases:
            assert catalogue.match(alias) == e.id, alias


def test_ids_are_snake_case_and_unique():
    ids = [e.id for e in catalogue.catalogue().indicators]
    assert len(ids) == len(set(ids))
    assert all(i.replace("_", "").isalnum() and i == i.lower() for i in ids)


def test_every_corpus_table_indicator_is_in_the_catalogue():
    import json
    from conftest import ANNOTATIONS
    for f in ANNOTATIONS.glob("*.json"):
        for ind in json.loads(f.read_text(encoding="utf-8")).get("indicators", []):
            assert catalogue.match(ind["name"]) is not None, (f.stem, ind["name"])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_never_raises(text):
    catalogue.match(text)
