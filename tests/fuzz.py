"""A long fuzz run of the properties the test suite checks briefly.

    python tests/fuzz.py --minutes 5

Runs, round after round with fresh random seeds until the time is up:
- the whole pipeline on generated plan-like documents (tests/test_properties.py's strategy):
  never raises, spans inside the text, output valid against the JSON Schema;
- the normalizer on arbitrary Unicode;
- the quantity and money parsers on arbitrary text and on number-like strings;
- every stage on documents built from the pipeline's own vocabulary (patterns/*.yaml: 专栏, 第…章,
  牵头, 责任单位, 以上 …, numbering leads, role clauses, indicator-shaped tables), and the whole
  pipeline on such text (tests/test_fuzz_stages.py's strategies);
- real DOCX and PDF files mutated inside their structure (document.xml inside the ZIP, one PDF
  object), through the whole pipeline: a document or one error with a code.
Prints how many examples each target ran and every failure found (hypothesis shrinks it).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import test_fuzz_stages as vocab  # noqa: E402
import test_properties  # noqa: E402
from extract.money import find_money, parse_money  # noqa: E402
from extract.quantity import parse_quantity  # noqa: E402
from extract.readers import RawLine  # noqa: E402
from extract.stages.normalize import normalize  # noqa: E402

NUMBERISH = st.text(alphabet=list("0123456789０１２３.．,，%％‰≥≤<>＜＞~～-—至到约近余多万亿千百十元万元左右以上以下不低于控制在内一二三四五六七八九〇两成/人张岁 "),
                    max_size=40)
COUNTS: dict[str, int] = {}


def _count(name: str) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + 1


def _pipeline(text, suffix):
    _count("pipeline")
    test_properties._check(text, suffix)


def _normalize(text):
    _count("normalize")
    norm = normalize([RawLine(line) for line in text.split("\n")])
    assert all(0 <= p.start <= p.end <= len(norm.text) for p in norm.paras)


def _quantity(text):
    _count("quantity")
    q = parse_quantity(text)
    assert q.op in {"=", "<=", ">=", "<", ">", "~", "range", "trend", "none"}
    assert (q.value is None) or q.op not in ("trend", "none")


def _money(text):
    _count("money")
    parse_money(text)
    parse_money(text, unit="万元")
    for (a, b), _ in find_money(text):
        assert 0 <= a <= b <= len(text)


def _stages(blocks):
    _count("stages")
    vocab.check_stages(blocks, "meta")


def _vocab_pipeline(text):
    _count("vocab_pipeline")
    test_properties._check(text, ".txt")


def _docx(pick, ops):
    _count("docx_mutation")
    vocab.read_mutated(vocab.mutate_docx(vocab.fixture_bytes(".docx"), pick, ops), ".docx", pipeline=True)


def _pdf(pick, ops):
    _count("pdf_mutation")
    vocab.read_mutated(vocab.mutate_pdf(vocab.fixture_bytes(".pdf"), pick, ops), ".pdf", pipeline=True)


def rounds(examples: int, seed: int):
    common = dict(max_examples=examples, deadline=None, database=None, derandomize=False,
                  suppress_health_check=list(HealthCheck))
    targets = [
        given(test_properties.DOCS, st.sampled_from([".txt", ".md"]))(_pipeline),
        given(st.text(max_size=2000))(_normalize),
        given(st.one_of(st.text(max_size=60), NUMBERISH))(_quantity),
        given(st.one_of(st.text(max_size=200), NUMBERISH))(_money),
        given(vocab.BLOCKS)(_stages),
        given(vocab.DOC_TEXT)(_vocab_pipeline),
        given(st.floats(0, 1), vocab.OPS)(_docx),
        given(st.floats(0, 1), vocab.OPS)(_pdf),
    ]
    return [settings(**common)(t) for t in targets]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--examples", type=int, default=300, help="examples per target per round")
    args = ap.parse_args()
    stop = time.monotonic() + args.minutes * 60
    failures = []
    seed = 0
    while time.monotonic() < stop:
        seed += 1
        for target in rounds(args.examples, seed):
            if time.monotonic() >= stop:
                break
            try:
                target()
            except Exception as e:  # hypothesis re-raises the shrunk failure
                failures.append(f"{target.__name__}: {type(e).__name__}: {e}"[:2000])
                print("FAILURE", failures[-1], flush=True)
                if len(failures) >= 20:
                    stop = 0
    print(f"fuzz: {args.minutes:g} min, {seed} rounds, examples " +
          ", ".join(f"{k} {v}" for k, v in sorted(COUNTS.items())) + f"; failures: {len(failures)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
