"""Hong Kong and Taiwan reposts of a mainland release (blind round 11) tell it in their own
words, which the conversion to Simplified script leaves as they are: 年增 for 同比增长,
溢利 for 利润, 外送 for 外卖, 個資 for 个人信息, an amount converted to 新台幣 in
brackets. The words are compared as the mainland's; the text itself is left alone."""

from newsdesk.cluster.samestory import PairOverlap, mainland_terms, story_features
from newsdesk.text.script import to_simplified


def test_regional_words_are_read_as_the_mainland_terms():
    # 香港經濟日報 on 美团's third quarter: 收入按年增長8.5%…經營溢利23.4億元人民幣
    hong_kong = to_simplified("收入按年增長8.5%至1,036.8億元人民幣，經營溢利23.4億元人民幣")
    assert mainland_terms(hong_kong) == "收入同比增长8.5%至1,036.8亿元人民币，经营利润23.4亿元人民币"
    # 聯合新聞網: 陸10月社零年增2.9%, with the amount converted to 新台幣 in brackets
    taiwan = to_simplified("社會消費品零售總額人民幣4兆6210億元（約新台幣20.3兆元），年增2.9%")
    assert mainland_terms(taiwan) == "社会消费品零售总额人民币4兆6210亿元，同比增2.9%"
    assert (
        mainland_terms(to_simplified("網購佔比逾兩成 個資 相簿 外送補貼戰"))
        == "网上零售占比逾两成 个人信息 相册 外卖补贴战"
    )


def test_a_year_of_its_own_keeps_its_growth():
    # 今年增长, 2025年增长, 全年增长 are mainland Chinese: the year is the subject, not 同比
    for text in ("今年增长5%", "2025年增长3%", "全年增长", "上半年增长"):
        assert mainland_terms(text) == text


def test_the_printed_text_is_left_as_written():
    report = story_features("陸10月社零年增2.9% 連5月放緩", "中國大陸國家統計局公布，10月社零年增2.9%。")
    assert "年增" in report.title and "年增" in report.text
    assert "同比" in report.terms


def test_a_taiwan_repost_shares_the_mainland_reports_words():
    # 中央社 on the 约谈 of the 外卖 platforms says 外送 throughout; 個資 and 相簿 for the
    # draft rule on platforms' personal information (工商時報, 陸擬新規…)
    mainland = story_features(
        "市场监管总局约谈外卖平台企业",
        "市场监管总局约谈美团、饿了么、京东等外卖平台企业，要求规范外卖补贴促销行为，"
        "不得强制收集用户个人信息。",
    )
    taiwan = story_features(
        "外送補貼戰白熱化 陸市監總局約談美團等3平台",
        "中國大陸市監總局約談美團、餓了麼、京東等外送平台業者，要求規範外送補貼促銷，不得強制收集用戶個資。",
    )
    for word in ("外卖", "市场监管总局", "个人信息"):
        assert word in taiwan.terms, word
    assert "外卖" in taiwan.title_words
    assert PairOverlap(mainland, taiwan).similarity >= 0.6
