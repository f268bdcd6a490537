"""Round 25: a precise amount in 元 and the same amount in a local currency are one figure (a
Hong Kong paper writes 323億元 for Hong Kong dollars); the ministry under its short name."""

from newsdesk.cluster.samestory import mainland_terms, shared_figure_count


def test_a_precise_amount_in_yuan_and_in_hong_kong_dollars_is_shared():
    assert shared_figure_count(frozenset({"3.23e+10元", "4.8%"}), frozenset({"3.23e+10港元", "4.8%"})) == 2


def test_a_round_amount_in_two_currencies_is_not():
    # 10亿元 and 10亿港元 are too common to say two reports tell one release
    assert shared_figure_count(frozenset({"1e+09元"}), frozenset({"1e+09港元"})) == 0


def test_dollars_are_no_local_currency():
    assert shared_figure_count(frozenset({"3.23e+10元"}), frozenset({"3.23e+10美元"})) == 0


def test_the_tourism_ministry_under_its_short_name():
    assert "文化和旅游部" in mainland_terms("文旅部数据出来了")


def test_results_told_in_dollars_beside_yuan_are_not_vetoed_for_disagreeing_figures():
    from newsdesk.cluster.samestory import PairOverlap, story_features

    mainland = story_features(
        "拼多多三季度营收1286.4亿元同比增9.8%",
        "拼多多发布三季度财报，营收1286.4亿元，同比增长9.8%，净利润297.5亿元，同比下降7.3%，"
        "在线营销服务收入612.3亿元，交易服务收入674.1亿元，经营利润318.6亿元。",
    )
    hong_kong = story_features(
        "拼多多Q3營收不如預期 股價重挫8.4%",
        "拼多多第三季營收1286.4億元人民幣（約184.9億美元），按年增長9.8%，遜於預期；"
        "股價重挫8.4%，收報118.62美元，市值蒸發逾150億美元，淨利潤約41.2億美元，在線營銷收入約86.1億美元。",
    )
    overlap = PairOverlap(mainland, hong_kong)
    # under a third of the figures agree: the amounts differ with the basis, the headline
    # figures (1286.4亿元, 9.8%) do not
    assert overlap.figure_agreement < 0.34 and overlap.precise_figures >= 2
    assert not overlap.figures_disagree
