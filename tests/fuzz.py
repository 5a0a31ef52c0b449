"""A long fuzz run of the properties the test suite checks briefly.

    python tests/fuzz.py --minutes 5

Runs, round after round with fresh random seeds until the time is up:
- the whole pipeline on generated plan-like documents (tests/test_properties.py's strategy):
  never raises, spans inside the text, output valid against the JSON Schema;
- the normalizer on arbitrary Unicode;
- the quantity and money parsers on arbitrary text and on number-like strings.
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


def rounds(examples: int, seed: int):
    common = dict(max_examples=examples, deadline=None, database=None, derandomize=False,
                  suppress_health_check=list(HealthCheck))
    targets = [
        given(test_properties.DOCS, st.sampled_from([".txt", ".md"]))(_pipeline),
        given(st.text(max_size=2000))(_normalize),
        given(st.one_of(st.text(max_size=60), NUMBERISH))(_quantity),
        given(st.one_of(st.text(max_size=200), NUMBERISH))(_money),
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
