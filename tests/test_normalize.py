"""The normalizer as a case table (tests/cases/normalize.yaml), plus properties."""
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.readers import RawLine
from extract.readers.text import read_text
from extract.stages.normalize import normalize

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "normalize.yaml").read_text(encoding="utf-8"))


def _norm(text: str, fmt: str = "txt"):
    raw = read_text("case." + fmt, text.encode("utf-8"), "0" * 64, fmt)
    return normalize(raw.blocks)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_normalize_case(case):
    norm = _norm(case["input"], case["format"])
    assert [norm.para_text(p) for p in norm.paras if p.kind == "text"] == case["paras"]


def test_bold_lead_is_a_signal():
    norm = _norm("**（三）加快人才培养。**实施订单定向培养。\n", "md")
    para = norm.paras[0]
    assert norm.text[:para.bold_lead] == "（三）加快人才培养。"


def test_tab_cells_are_kept_as_printed():
    norm = _norm("\t序号\n\t指标名称\n\t2025 年\n\t健康\n水平\n\t人均预期寿命\n")
    assert [p.kind for p in norm.paras] == ["cell"] * 6
    assert norm.para_text(norm.paras[4]) == "水平"


def test_flattened_row_keeps_its_spaces():
    norm = _norm("每千人口执业医师数 人 2.6 3.2 预期性\n")
    assert norm.paras[0].kind == "row"
    assert norm.para_text(norm.paras[0]) == "每千人口执业医师数 人 2.6 3.2 预期性"


_cjk_text = st.text(alphabet=st.sampled_from(list("的一是在了不和有大这主中人上为们地个用工时要动国产以我到他会作来分生对于学下级义就年阶发成部民可出能方进同行面说种过命度革而多子后自社加小机也经力线本电高量长党得实家定深法表着水理化争现所二起政三好十战无农使性前等反体合斗路图把结第里正新开论之物从当两些还天资事队批如应形想制心样干都向变关点育重其思与间内去因件日利相由压员气业代全组数果期导平各基或月毛然问比展那它最及外没看治提五解系林者米群头意只明四道马认次文通但条较克又公孔领军流入接席位情运器并飞原油放立题质指建区验活众很教决特此常石强极土少已根共直团统式转别造切九你取西持总料连任志观调七么山程百报更见必真保热委手改管处己将修支识病象几先老光专什六型具示复安带每东增则完风回南广劳轮科北打积车计给节做务被整联步类集号列温装即毫知轴研单色坚据速防史拉世设达尔场织历花受求传口断况采精金界品判参层止边清至万确究书术状厂须离再目海交权且儿青才证低越际八试规斯近注办布门铁需走议县兵固除般引齿千胜细影济白格效置推空配刀叶率述今选养德话查差半敌始片施响收华觉备名红续均药标记难存测士身紧液派准斤角降维板许破述技消底床田势端感往神便贺村构照容非搞亚磨族火段算适讲按值美态黄易彪服早班麦削信排台声该击素张密害侯草何树肥继右属市严径螺检左页抗苏显苦英快称坏移约巴材省黑武培著河帝仅针怎植京助升王眼她抓含苗副杂普谈围食射源例致酸旧却充足短划剂宣环落首尺波承粉践府鱼随考刻靠够满夫失包住促枝局菌杆周护岩师举曲春元超负砂封换太模贫减阳扬江析亩木言球朝医校古呢稻宋听唯输滑站另卫字鼓刚写刘微略范供阿块某功套友限项余倒卷创律雨让骨远帮初皮播优占死毒圈伟季训控激找叫云互跟裂粮粒母练塞钢顶策双留误础吸阻故寸盾晚丝女散焊功株亲院冷彻弹错散商视艺灭版烈零室轻血倍缺厘泵察绝富城冲喷壤简否柱李望盘磁雄似困巩益洲脱投送奴侧润盖挥距触星松送获兴独官混纪依未突架宽冬章湿偏纹吃执阀矿寨责熟稳夺硬价努翻奇甲预职评读背协损棉侵灰虽矛厚罗泥辟告卵箱掌氧恩爱停曾溶营终纲孟钱待尽俄缩沙退陈讨奋械载胞幼哪剥迫旋征槽倒握担仍呀鲜吧卡粗介钻逐弱脚怕盐末阴丰雾冠丙街莱贝辐肠付吉渗瑞惊顿挤秒悬姆烂森糖圣凹陶词迟蚕亿矩〔〕（）()【】《》“”、，。；：！？…—·%‰≥≤＜＞<>~-+=*/\\|#$ \t\n0123456789０１２３４５６７８９abcdefABC[]{}_")), max_size=400)


@settings(max_examples=300, deadline=None)
@given(_cjk_text, st.sampled_from(["txt", "md"]))
def test_normalize_never_raises_and_spans_hold(text, fmt):
    try:
        raw = read_text("x." + fmt, text.encode("utf-8"), "0" * 64, fmt)
    except Exception as e:  # empty/whitespace input is refused by the reader, with a code
        assert getattr(e, "code", "").startswith("E1")
        return
    norm = normalize(raw.blocks)
    last = -1
    for p in norm.paras:
        assert last < p.start <= p.end <= len(norm.text)
        last = p.end
    assert "\n".join(norm.para_text(p) for p in norm.paras) == norm.text


def test_lone_number_at_a_page_boundary_is_a_page_number():
    """PDF lines carry their page: a bare number ending a page is furniture even without blanks."""
    body = "推进县级医院提标扩能，支持中心卫生院建设县域医疗次中心，完善设施配置。"
    lines = [RawLine(body, page=3), RawLine("18", page=3), RawLine(body, page=4),
             RawLine("2.新建床位", page=4), RawLine("20", page=4)]
    norm = normalize(lines)
    assert [norm.para_text(p) for p in norm.paras] == [body, body, "2.新建床位"]


def test_short_run_in_line_of_a_hard_wrapped_box_joins_its_continuation():
    wrapped = ["持续推进县域医共体建设，完善县乡村三级医疗卫生服务网络，提升基层首诊能力，",
               "推动优质医疗资源下沉，提高群众就医获得感和满意度，形成分级诊疗格局，推进健康",
               "建设深入开展。"] * 5
    lines = [RawLine(t) for t in wrapped] + [RawLine("3.县域医疗中心建设工程:推进县人民医院"),
                                              RawLine("提标扩能，建设胸痛、卒中、创伤中心，提升急危重症救治能力和水平，到"),
                                              RawLine("2025年全部达到二级甲等水平。")]
    norm = normalize(lines)
    texts = [norm.para_text(p) for p in norm.paras]
    assert texts[-1] == "3.县域医疗中心建设工程:推进县人民医院提标扩能，建设胸痛、卒中、创伤中心，" \
                        "提升急危重症救治能力和水平，到2025年全部达到二级甲等水平。"


def test_hard_wrapped_heading_with_a_comma_stays_a_heading():
    wrapped = ["持续推进县域医共体建设，完善县乡村三级医疗卫生服务网络，提升基层首诊能力，",
               "推动优质医疗资源下沉，提高群众就医获得感和满意度，形成分级诊疗格局，推进健康",
               "建设深入开展。"] * 5
    lines = [RawLine(t) for t in wrapped] + [RawLine("（二）完善信息平台，推进数据互通共享"),
                                              RawLine("建设全民健康信息平台，实现县乡村三级机构数据互联互通和业务协同。")]
    norm = normalize(lines)
    assert [norm.para_text(p) for p in norm.paras][-2:] == [
        "（二）完善信息平台，推进数据互通共享", "建设全民健康信息平台，实现县乡村三级机构数据互联互通和业务协同。"]


def test_a_paragraph_running_over_a_page_break_knows_where_the_page_turns():
    first = "推进县级医院提标扩能，支持中心卫生院建设县域医疗次中心，完善村卫生室设施配置和人员"
    second = "配备，提高常见病多发病诊疗能力。"
    filler = [RawLine("持续推进县域医共体建设，完善县乡村三级医疗卫生服务网络，提升基层首诊能力和水平，", page=1)] * 12
    norm = normalize(filler + [RawLine(first, page=1), RawLine("7", page=1), RawLine(second, page=2)])
    para = norm.paras[-1]
    text = norm.para_text(para)
    assert text.endswith(first + second)
    turn = para.start + text.index(second)
    assert (norm.page_at(turn - 1), norm.page_at(turn)) == (1, 2)


def test_grid_table_rows_make_no_wrap_width_and_a_lone_bracket_joins_nothing():
    """A pandoc grid table's rows are all one width: they are no prose that sets a hard-wrap
    width, and a lone `)` (a box's, its caption lost its 专栏 mark) closes no line above it."""
    rows = ["+" + "-" * 30 + "+" + "-" * 30 + "+"]
    for name, value in [("人均预期寿命", "80"), ("婴儿死亡率", "5"), ("孕产妇死亡率", "12"),
                        ("每千人口床位数", "7"), ("每千人口执业（助理）医师数", "3.2"), ("每万人口全科医生数", "4"),
                        ("居民健康素养水平", "30"), ("经常参加体育锻炼人数比例", "40"), ("孕产妇系统管理率", "95"),
                        ("三岁以下儿童系统管理率", "95"), ("国家卫生乡镇占比", "50")]:
        rows += ["| " + name + " " * (29 - 2 * len(name)) + "| " + value + " " * (29 - len(value)) + "|",
                 "+" + "-" * 30 + "+" + "-" * 30 + "+"]
    text = "\n".join(rows) + ("\n\n提高医疗卫生服务质量重大项目\n"
                              "村卫生室标准化建设项目：新建标准化村卫生室（黄渠桥镇西润村、灵沙乡西灵村）\n)\n"
                              "（五）促进中医药事业发展\n")
    norm = _norm(text, "md")
    paras = [norm.para_text(p) for p in norm.paras if p.kind == "text" and not p.table]
    assert paras[-3:] == ["村卫生室标准化建设项目：新建标准化村卫生室（黄渠桥镇西润村、灵沙乡西灵村）", ")",
                          "（五）促进中医药事业发展"]
