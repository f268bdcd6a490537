"""Round 35: the periods of the year's last quarter — the National Day golden week, a sale's
whole run, the cold season, a span into the next year, the sale days that open a clause."""

from newsdesk.text.figures import extract_figures


def test_the_golden_week_by_its_date_and_by_its_year():
    visitors, *_ = extract_figures(
        "澳門旅遊局初步統計，十一黃金周入境旅客約92.3萬人次，日均逾11.5萬人次，按年上升8.4%。"
    )
    assert visitors.period == "十一黄金周"
    assert visitors.subject == "澳门入境旅客人次"
    rise, spend = extract_figures(
        "尖沙咀一間藥房老闆陳生話：「今年黃金周營業額比舊年升咗兩成幾，不過內地客人均消費都係三四百蚊。」"
    )
    assert rise.period == spend.period == "今年黄金周"


def test_a_sale_s_whole_run():
    total, growth = extract_figures(
        "据星图数据统计，2031年双11全周期全网综合电商平台交易总额为16148亿元，同比增长4.7%。"
    )
    assert total.period == growth.period == "2031年双11全周期"
    assert total.subject == "全网综合电商平台交易总额"


def test_the_cold_season_a_clause_counts_from():
    down, heaters, _ = extract_figures(
        "入冬以来受寒潮影响，京东平台羽绒服成交额环比增长超过3倍，取暖器、电热毯销量同比分别增长185%和120%。"
    )
    assert down.period == heaters.period == "入冬以来"


def test_a_span_into_the_next_year():
    total, riders = extract_figures(
        "饿了么宣布，12月至次年2月将向全国骑手发放冬季保障补贴，总额超过10亿元，预计覆盖骑手约120万人。"
    )
    assert total.period == riders.period == "12月至次年2月"


def test_a_sale_day_opening_a_clause_but_not_the_stocking_up_for_it():
    *_, monday, _ = extract_figures(
        "据Adobe Analytics数据，2031年黑五当天美国线上消费额达到112亿美元，同比增长8.5%；"
        "网络星期一线上消费额为146亿美元，同比增长6.1%。"
    )
    assert monday.period == "网络星期一"
    *_, week = extract_figures("11月英国零售额同比增长1.9%，黑五周英国消费者线上支出约87亿英镑。")
    assert week.period == "黑五周"
    stocking, *_ = extract_figures("据跨境物流企业反馈，9月黑五备货货量环比增长28%。")
    assert stocking.period == "9月"


def test_a_platform_s_new_year_goods_fair_of_its_year():
    merchants, _ = extract_figures(
        "抖音电商宣布，2032年抖音商城年货节将于12月26日启动，预计参与商家超过200万家，平台将投入50亿元消费补贴。"
    )
    assert merchants.period == "2032年抖音商城年货节"


def test_the_comparison_a_part_opens_with():
    *_, monthly = extract_figures(
        "10月份，社会消费品零售总额45713亿元，同比增长3.9%，增速比上月加快0.6个百分点；从环比看，社会消费品零售总额增长0.21%。"
    )
    assert monthly.base == "环比"


def test_students_at_school_are_kept_in_the_measure():
    rate, *_ = extract_figures(
        "10月份，全国城镇不包括在校生的16—24岁劳动力失业率为16.2%，比9月份下降1.4个百分点。"
    )
    assert "在校生" in rate.subject


def test_the_amount_of_a_share_s_part_and_the_sum_given_out():
    *_, amount = extract_figures(
        "香港政府統計處公布，2031年10月零售業總銷貨價值臨時估計為328億港元，按年上升2.6%；"
        "網上銷售佔零售業總銷貨價值的9.1%，金額約29.8億港元。"
    )
    assert amount.subject == "香港网上销售额"
    total, *_ = extract_figures(
        "饿了么宣布，12月至次年2月将向全国骑手发放冬季保障补贴，总额超过10亿元，预计覆盖骑手约120万人。"
    )
    assert total.subject == "饿了么冬季保障补贴总额"
