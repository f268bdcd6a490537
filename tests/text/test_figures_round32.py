"""Round 32: the comparison of a release's next part, the lunar new year as Taiwan names it,
a firm named in two Latin words."""

from newsdesk.text.figures import extract_figures


def test_the_next_part_of_a_release_compares_as_the_first():
    found = extract_figures(
        "2030年，全国居民人均可支配收入43870元，比上年名义增长5.1%，扣除价格因素实际增长4.7%；"
        "全国居民人均消费支出29650元，增长5.4%。"
    )
    assert [f.base for f in found] == [None, "比上年", "比上年", None, "比上年"]


def test_taiwans_lunar_new_year_and_a_name_of_two_words():
    found = extract_figures(
        "Uber Eats台灣表示，農曆春節連假期間平台訂單量較去年同期成長15%，外送夥伴平均時薪約新台幣320元。"
    )
    assert [(f.subject, f.period) for f in found] == [
        ("Uber Eats台湾平台订单量", "农历春节连假期间"),
        ("Uber Eats台湾外送伙伴平均时薪", "农历春节连假期间"),
    ]
