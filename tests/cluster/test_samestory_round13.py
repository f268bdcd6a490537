"""Round 13's lessons: a festival's first day beside its close, cars in 辆 and in 台."""

from newsdesk.cluster.samestory import decide, figure_keys, story_features


def test_a_festivals_first_day_and_its_close_are_two_events():
    first_day = story_features(
        "快手双12首日：GMV同比增长28%，超8000个品牌成交破百万",
        "12月8日，快手电商公布双12首日数据，平台GMV同比增长28%，超8000个品牌成交破百万，"
        "食品饮料类目增速达45%。",
    )
    close = story_features(
        "快手双12收官：GMV同比增长21%，超2万个品牌成交破百万",
        "12月15日，快手电商双12收官。活动期间平台GMV同比增长21%，超2万个品牌成交破百万；"
        "首日GMV同比增长28%，食品饮料类目增速达45%。",
    )
    decision = decide(first_day, close)
    assert not decision.same
    assert "first day" in decision.reasons[0]


def test_cars_counted_in_liang_and_in_tai_are_one_figure():
    report = figure_keys("", "极光汽车11月交付3.26万辆，同比增长41%。")
    retold = figure_keys("", "极光11月卖了3.26万台，涨了41%！")
    assert report & retold == report
