"""Encoding detection: what Chinese government files actually come in."""
import pytest

from extract.errors import UndecodableInput
from extract.readers.text import decode

TEXT = "一、总体要求\n到2025年，全市卫生健康事业高质量发展。\n"


@pytest.mark.parametrize("encoding,expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030"),
    ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"), ("big5", None),
])
def test_detects(encoding, expected):
    src = TEXT if encoding != "big5" else "一、總體要求\n到2025年，全市衛生健康事業高質量發展。\n"
    text, name = decode(src.encode(encoding), "x.txt")
    assert text.lstrip("\ufeff") == src
    if expected:
        assert name == expected


def test_undecodable_names_the_file():
    with pytest.raises(UndecodableInput) as e:
        decode(b"\x81\x20\xff\xfe\x80" * 50 + b"\xff", "dir/bad.txt")
    assert "dir/bad.txt" in str(e.value) and str(e.value).startswith("E104")
