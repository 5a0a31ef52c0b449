"""extract/nlp.py (blank zh pipeline, catalogue PhraseMatcher) and the prose completions it serves.

Every sentence here is invented; none is copied from the corpus. The corpus figures stay those
tests/test_evaluate.py asserts.
"""
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT
from extract import nlp
from extract.pipeline import run
from extract.stages.indicators import sentence_targets, targets_in


def _python(code: str) -> str:
    r = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


def test_builds_offline_without_spacy_jieba_set_up():
    """No network, no trained model, and spaCy's own jieba set-up (jieba's general dictionary
    in the global jieba, seconds to load) is not used."""
    out = _python("""
        import socket, sys
        def refuse(*a, **k): raise OSError("network used")
        socket.socket.connect = socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        from extract import nlp
        assert "spacy" not in sys.modules, "importing extract.nlp imported spaCy"
        pipeline = nlp.nlp()
        import jieba
        print(pipeline.lang, pipeline.pipe_names, pipeline.tokenizer.segmenter, jieba.dt.initialized,
              nlp.load_seconds is not None)
    """)
    assert out == "zh ['catalogue_norms', 'sentencizer'] jieba False True"


def test_spacy_is_loaded_only_for_sentences_that_need_it(tmp_path):
    """A document whose prose targets the exact match names (or that has none) never loads spaCy."""
    doc = tmp_path / "plan.txt"
    doc.write_text("某市卫生健康规划\n\n到2030年，全市婴儿死亡率控制在4‰以下，人均预期寿命达到81岁。\n"
                   "全市新建社区卫生服务中心3所。\n", encoding="utf-8")
    out = _python(f"""
        import sys
        from extract.pipeline import run
        inds = run({str(doc)!r}).document.indicators
        print([i.canonical for i in inds], "spacy" in sys.modules)
    """)
    assert out == "['infant_mortality', 'life_expectancy'] False"


# --- tokenizer, norms, sentences ----------------------------------------------------------------

TOKENS = [  # text, tokens that must be in it (domain words kept whole by the user dictionary)
    ("每千常住人口注册护士数达到4人", ["每千常住人口", "注册护士", "数"]),
    ("高血压患者规范管理率稳步提高", ["患者", "规范管理率"]),
    ("健康预期寿命同步提高", ["健康预期寿命"]),
    ("门诊处方抗菌药物使用率下降", ["抗菌药物", "使用率"]),
    # a bracketed word is cut at its brackets, the same way in the text and in the catalogue
    ("执业(助理)医师数", ["执", "业", "(", "助", "理", ")", "医", "师", "数"]),
]


@pytest.mark.parametrize("text,expected", TOKENS)
def test_tokenizer_keeps_domain_words(text, expected):
    doc = nlp.nlp()(text)
    words = [t.text for t in doc]
    assert "".join(t.text_with_ws for t in doc) == text
    i = words.index(expected[0])
    assert words[i:i + len(expected)] == expected


NORMS = [  # printed text → the norms the matcher compares
    ("每千常住人口", ["每千人口"]), ("期望寿命", ["预期寿命"]), ("比率", ["比例"]),
    ("（", ["（"]), ("(", ["（"]), ("％", ["%"]),
    ("三岁", ["3", "岁"]), ("二〇三〇", ["二", "〇", "三", "〇"]), ("十五岁", ["十", "五", "岁"]),
]


@pytest.mark.parametrize("printed,norms", NORMS)
def test_token_norms_fold_width_numerals_and_synonyms(printed, norms):
    assert [t.norm_ for t in nlp.nlp()(printed)] == norms


FOLDS = [  # text → the form the matcher reads: one character for each, only certain digits read
    ("二型糖尿病", "2型糖尿病"), ("三岁以下", "3岁以下"), ("十四五", "十四五"), ("二〇二五年", "二〇二五年"),
    ("三2", "三2"), ("执业(助理)医师", "执业（助理）医师"), ("ＡＢ１", "AB1"), ("a b", "a b"),
]


@pytest.mark.parametrize("text,folded", FOLDS)
def test_fold_chars(text, folded):
    assert nlp.fold_chars(text) == folded and len(folded) == len(text)


SENTENCES = [
    ("提高服务能力。加强队伍建设；完善保障机制！", ["提高服务能力。", "加强队伍建设；", "完善保障机制！"]),
    ("到2030年，床位数达到6张；护士数达到4人。", ["到2030年，床位数达到6张；", "护士数达到4人。"]),
    ("健全网络，提升能力", ["健全网络，提升能力"]),
]


@pytest.mark.parametrize("text,expected", SENTENCES)
def test_sentencizer_splits_on_chinese_stops(text, expected):
    assert [s.text for s in nlp.nlp()(text).sents] == expected


# --- the catalogue matcher ----------------------------------------------------------------------

MENTIONS = [  # invented sentence → (printed name, catalogue id) in order
    ("全省孕产妇死亡率下降到10/10万以下，每千常住人口注册护士数达到4.5人。",
     [("孕产妇死亡率", "maternal_mortality"), ("每千常住人口注册护士数", "nurses_per_1000")]),
    # a name inside a longer catalogue word is not another name (预期寿命 in 健康预期寿命)
    ("人均期望寿命提高1岁，健康预期寿命同步提高。",
     [("人均期望寿命", "life_expectancy"), ("健康预期寿命", "healthy_life_expectancy")]),
    ("每千人口执业医师数和15岁及以上人群吸烟率列入考核。",
     [("每千人口执业医师数", "physicians_per_1000"), ("15岁及以上人群吸烟率", "smoking_rate")]),
    ("城乡居民达到《国民体质测定标准》合格以上的人数比率明显提高。",
     [("城乡居民达到《国民体质测定标准》合格以上的人数比率", "fitness_standard_share")]),
    ("每千人拥有三岁以下婴幼儿托位数明显增加。", [("每千人拥有三岁以下婴幼儿托位数", "childcare_places_per_1000")]),
    ("加快建设区域医疗中心，提升服务质量。", []),
]


@pytest.mark.parametrize("text,expected", MENTIONS)
def test_matcher_finds_catalogue_names(text, expected):
    assert [(m.text, m.label_) for m in nlp.mentions(nlp.nlp()(text))] == expected
    assert nlp.may_mention(text) == bool(expected)


# --- prose completion ---------------------------------------------------------------------------

COMPLETIONS = [  # invented target sentence → (name, canonical) of each target
    # the subject is a catalogue name as the matcher reads it (a lone Chinese digit), place aside
    ("到2030年，每千人拥有三岁以下婴幼儿托位数达到5个。", [("每千人拥有三岁以下婴幼儿托位数", "childcare_places_per_1000")]),
    ("到2030年，全旗二型糖尿病患者规范管理率达到70%。", [("全旗二型糖尿病患者规范管理率", "diabetes_management")]),
    # first of coordinated names sharing the last one's head
    ("到2030年，高血压、2型糖尿病患者规范管理率分别达到75%、72%。",
     [("高血压患者规范管理率", "hypertension_management"), ("2型糖尿病患者规范管理率", "diabetes_management")]),
    # the head of a name printed before it in the same ；-sentence
    ("到2030年，院内感染发生率明显下降，发生率控制在3%以下。",
     [("院内感染发生率", "nosocomial_infection_rate")]),
    ("到2030年，群众看病更加便捷，县域就诊率稳步提高，就诊率达到92%。",
     [("县域就诊率", "county_visit_rate")]),
    # two catalogue names could complete it: left as printed
    ("到2030年，孕产妇死亡率和婴儿死亡率持续下降，死亡率降至4‰以下。", [("死亡率", None)]),
    # …unless the other is in another ；-sentence
    ("到2030年，孕产妇死亡率稳步下降；婴儿死亡率持续下降，死亡率降至4‰以下。", [("婴儿死亡率", "infant_mortality")]),
    # no catalogue name completes it: left as printed
    ("到2030年，家庭医生签约服务覆盖率达到70%，满意度达到90%。",
     [("家庭医生签约服务覆盖率", "family_doctor_coverage"), ("满意度", None)]),
    # 均 sets each thing named: two indicators, each with its own id (never the combined name's)
    ("到2030年，孕前优生健康检查覆盖率和产前筛查率均达到85%。",
     [("孕前优生健康检查覆盖率", None), ("产前筛查率", "prenatal_screening_rate")]),
    # parallel modifiers share the head of the last item (indicators.share_head), no catalogue needed
    ("到2030年，二级和三级公立医院预约诊疗率分别达到60%和70%。",
     [("二级公立医院预约诊疗率", None), ("三级公立医院预约诊疗率", None)]),
]


@pytest.mark.parametrize("text,expected", COMPLETIONS, ids=[c[0][6:20] for c in COMPLETIONS])
def test_targets_in_completes_elided_subjects(text, expected):
    spans = targets_in(nlp.nlp()(text))
    assert [(s._.indicator.name, s._.indicator.canonical) for s in spans] == expected
    for s in spans:
        assert s._.quantity is s._.indicator.target and s._.quantity.year == 2030
        assert s.text in text
    # the regex alone gives the printed subjects
    assert len(sentence_targets(text, (0, len(text)), None)) == len(expected)


def test_span_covers_the_printed_subject():
    doc = nlp.nlp()("到2030年，发病率较低。到2030年，院内感染发生率明显下降，发生率控制在3%以下。")
    (span,) = targets_in(doc)
    assert span.text == "发生率" and span.start_char == doc.text.rindex("发生率")
    assert (span._.quantity.op, span._.quantity.value) == ("<=", 3.0)


def test_pipeline_sets_canonical_on_prose_indicators(tmp_path):
    text = ("某县卫生健康事业发展规划\n\n一、发展目标\n\n"
            "到2030年，高血压、2型糖尿病患者规范管理率分别达到75%、72%。"
            "到2030年，院内感染发生率明显下降，发生率控制在3%以下；县域就诊率稳步提高，就诊率达到92%，满意度达到90%。"
            "到2030年，孕产妇死亡率和婴儿死亡率持续下降，死亡率降至4‰以下。"
            "到2030年，全县每千常住人口注册护士数达到4.2人。\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    got = [(i.name, i.target.raw, i.canonical, i.source.kind) for i in run(path).document.indicators]
    assert got == [
        ("高血压患者规范管理率", "75%", "hypertension_management", "text"),
        ("2型糖尿病患者规范管理率", "72%", "diabetes_management", "text"),
        ("院内感染发生率", "3%以下", "nosocomial_infection_rate", "text"),
        ("县域就诊率", "92%", "county_visit_rate", "text"),
        ("满意度", "90%", None, "text"),
        ("死亡率", "4‰以下", None, "text"),
        ("每千常住人口注册护士数", "4.2人", "nurses_per_1000", "text"),
    ]


def test_completed_prose_restating_a_table_row_is_not_doubled(tmp_path):
    """A completion gives the id the table row has, so the restatement is recognised."""
    text = ("某县卫生健康事业发展规划\n\n表1 主要指标\n\n"
            "| 指标 | 单位 | 2025年 | 2030年目标 | 属性 |\n"
            "|---|---|---|---|---|\n"
            "| 院内感染发生率 | % | 4 | 3 | 预期性 |\n"
            "| 县域就诊率 | % | 88 | 92 | 预期性 |\n\n"
            "到2030年，院内感染发生率明显下降，发生率控制在3%以下。\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    inds = run(path).document.indicators
    assert [(i.source.kind, i.canonical) for i in inds] == [("table", "nosocomial_infection_rate"),
                                                            ("table", "county_visit_rate")]


from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from(["到2030年，", "达到", "控制在", "分别", "、", "和", "，", "；", "。", "3.5", "%", "以上",
                           "患者", "规范管理率", "高血压", "院内感染发生率", "发生率", "每千常住人口", "注册护士数",
                           "执业(助理)医师", "（", "）", " ", "\t", "\n", "\u3000", "ｘ", "率"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=30).map("".join))
def test_never_raises(text):
    doc = nlp.nlp()(text)
    assert "".join(t.text_with_ws for t in doc) == text
    nlp.mentions(doc)
    for span in targets_in(doc):
        assert span._.indicator is not None
