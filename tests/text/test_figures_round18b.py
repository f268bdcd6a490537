"""Round 18, second pass: whose a spoken figure is, a later clause's bare measure, brokers
inside a subject, and spoken numbers."""

from newsdesk.text.figures import extract_figures
from newsdesk.text.sentences import split_sentences


def _by_text(sentence: str) -> dict:
    return {f.text: f for f in extract_figures(sentence)}


# --- 1. who speaks a quote ------------------------------------------------------------------


def test_a_courier_told_after_the_quote_owns_the_parcels():
    (f,) = extract_figures("“双11那天我一个人送了四百多单，”一位在上海浦东跑件的圆通快递员说。")
    assert f.subject == "该上海浦东圆通快递员派件量"


def test_a_couriers_outlet_speaks_for_what_it_sends():
    got = extract_figures(
        "一位在临沂跑件的韵达快递小哥说：“这几天我们网点一天要发七八万单，比平时多出一倍。”"
    )
    assert [f.subject for f in got] == ["该临沂韵达网点日发件量"] * 2


def test_a_shop_told_after_a_long_quote_is_its_speaker():
    # (a speaker of twelve characters after “……。” keeps the sentence whole)
    text = "“今年端午粽子卖得不错，我们店线上线下加起来卖了五百多万。”嘉兴一家老字号粽子店老板说。"
    assert len(split_sentences(text)) == 1
    (f,) = extract_figures(text)
    assert f.subject == "嘉兴某老字号粽子店销售额"


def test_a_hong_kong_shop_owner_speaks_for_the_shop():
    more, spent = extract_figures(
        "铜锣湾一間金鋪東主表示：「國慶頭三日生意比平時多咗兩成，內地客一次過買三四萬蚊嘅都有。」"
    )
    assert more.subject == "铜锣湾某金铺营业额"
    assert spent.subject == "铜锣湾某金铺内地客单次消费金额"


def test_where_a_speaker_said_it_is_no_part_of_who():
    got = extract_figures("山东一位驿站老板在短视频里说：“这几天每天进港件都在三千上下。”")
    assert got[0].subject.startswith("山东某驿站")


def test_a_trader_told_by_what_they_deal_in():
    got = extract_figures("临沂一位做五金的老板跟我们说，今年光是电钻就卖了两百多万。")
    assert got[0].subject == "临沂某五金商家电钻销售额"


def test_someone_unnamed_who_reckons_is_no_owner():
    got = extract_figures("有网友算了一笔账：国庆前一周某头部主播卖出的金饰超过3吨。")
    assert got[0].subject == "某头部主播金饰销量"


# --- 3. a broker, a company's forecast, a place -----------------------------------------------


def test_a_broker_heads_the_whole_subject_of_a_later_clause():
    got = extract_figures("国信证券预计，腾讯第三季度收入约1850亿元，经调整经营利润为690亿元至710亿元。")
    assert [f.subject for f in got] == ["国信证券预计的腾讯收入", "国信证券预计的腾讯经调整经营利润"]


def test_a_companys_own_forecast_is_the_companys_measure():
    got = extract_figures("爱奇艺二季度总营收66亿元，同比下降5%；公司预计三季度总营收在62亿元至65亿元之间。")
    assert got[-1].subject == "爱奇艺总营收"


def test_a_place_the_subject_names_is_not_named_twice():
    (f, _) = extract_figures(
        "临沂市邮政管理局数据显示，1—9月临沂快递业务量累计完成38.2亿件，比上年同期增长12.5%。"
    )
    assert f.subject == "临沂快递业务量"
