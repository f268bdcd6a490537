"""Round 18, third pass: the vouchers or subsidies a sentence names own the bare measures of
its later clauses, and spoken numbers."""

from newsdesk.text.figures import extract_figures


def _subjects(sentence: str) -> list[str | None]:
    return [f.subject for f in extract_figures(sentence)]


# --- 1. what the sentence named before a later clause's bare measure -------------------------


def test_vouchers_issued_own_what_is_redeemed_and_brought_about():
    got = _subjects(
        "南京市商务局介绍，国庆期间该市发放的3000万元餐饮消费券已核销2400万元，核销率八成，"
        "直接带动消费2.1亿元，杠杆率约8.8倍。"
    )
    assert got == [
        "南京市发放的餐饮消费券总额",
        "南京市餐饮消费券核销金额",
        "南京市餐饮消费券核销率",
        "南京市餐饮消费券直接带动消费",
        "南京市餐饮消费券杠杆率",
    ]


def test_vouchers_snapped_up_in_minutes_by_so_many_people():
    got = _subjects(
        "成都市锦江区10月1日当天发放的3000万元文旅消费券，上线仅12分钟即被抢光，"
        "共有35.2万人参与抢券，中签率约一成五。"
    )
    assert got[1:] == [
        "成都市锦江区文旅消费券抢光用时",
        "成都市锦江区文旅消费券参与抢券人数",
        "成都市锦江区文旅消费券中签率",
    ]


def test_vouchers_counted_when_redeemed_and_a_measure_told_short_again():
    got = _subjects(
        "长沙市商务局称，五一期间该市发放的汽车消费券共核销8000张，带动新车销售额约18亿元，"
        "核销量和带动销售额分别较上一轮增长20%和15%。"
    )
    assert got == [
        "长沙市汽车消费券核销量",
        "长沙市汽车消费券带动新车销售额",
        "长沙市汽车消费券核销量",
        "长沙市汽车消费券带动新车销售额",
    ]


def test_subsidies_paid_and_the_sales_they_brought():
    got = _subjects(
        "天津市商务局表示，截至8月31日，该市家电以旧换新补贴已惠及消费者96.2万人次，"
        "发放补贴资金12.4亿元，带动销售额约83亿元。"
    )
    assert got[1:] == ["天津市家电以旧换新补贴资金", "天津市家电以旧换新补贴带动销售额"]


def test_applications_taken_in_are_named_without_the_kinds_of_goods():
    got = _subjects("深圳市8月共受理汽车、家电、数码产品以旧换新补贴申请31.5万份，较7月增长12%。")
    assert got == ["深圳市以旧换新补贴申请受理量"] * 2


def test_the_worth_of_a_subsidy_is_no_subsidy_handled():
    # (补贴金额, 每台获得补贴约620元: the subsidy is measured there, and owns no later measure)
    got = _subjects("今年家电以旧换新单笔订单补贴金额多在300元至1500元之间，累计核销补贴订单超8000万笔。")
    assert got[-1] == "核销补贴订单笔数"


# --- 2. spoken numbers ------------------------------------------------------------------------


def test_a_number_said_short_and_hedged_is_read_whole():
    # (两千五 was read as 两千, a magnitude alone)
    first = extract_figures("一位快递站点老板说：“这几天每天出港件都在三千五左右，是平时的两倍多。”")[0]
    assert (first.text, first.value, first.unit) == ("三千五左右", 3500, "件")
    assert first.subject.endswith("日出港件量")


def test_a_round_hundred_and_a_spoken_range_after_it():
    (f,) = extract_figures("“平时也就一百七八十单。”一位在杭州跑件的中通快递员说。")
    assert (f.value, f.upper, f.unit) == (170, 180, "单")


def test_money_fallen_by_as_spoken_is_negative():
    f = extract_figures("“粽子卖得还行，就是单价比去年降了十来块。”嘉兴一家粽子店老板说。")[-1]
    assert (f.text, f.value, f.unit) == ("十来块", -10, "元")
    assert f.subject.endswith("单价")


def test_so_many_more_taken_on_are_people():
    f = extract_figures("一位网点老板说：“件太多了，光分拣工就多雇了三个。”")[-1]
    assert (f.text, f.value, f.unit) == ("三个", 3, "人")
    assert f.subject.endswith("增雇分拣工人数")


# --- 3. round 18's other errors ---------------------------------------------------------------


def test_a_per_head_part_is_of_the_same_residents():
    got = _subjects("2026年前三季度，全国居民人均消费支出20100元，其中人均服务性消费支出9100元。")
    assert got == ["全国居民人均消费支出", "全国居民人均服务性消费支出"]


def test_visitors_counted_before_who_they_are_and_where_they_went():
    got = _subjects("入境處數字顯示，聖誕假期四天共有約85萬人次內地旅客訪港，按年上升12%。")
    assert got == ["内地访港旅客人次"] * 2
