"""Round 39: the periods of a year's last quarter — the holiday named again (假期期间), a
presale's first day, a crop's season since it came to market, this winter, a department store's
anniversary sale."""

from newsdesk.text.figures import extract_figures


def test_the_holiday_named_again_is_the_one_told_before():
    rail, _ = extract_figures(
        "国庆中秋假期结束。假期期间，全国铁路累计发送旅客1.62亿人次，日均超2000万人次。"
    )
    assert rail.period == "假期期间"
    *_, inbound = extract_figures(
        "文化和旅游部数据中心测算，2025年五一假期全国国内旅游出游3.14亿人次，同比增长6.4%；"
        "携程平台数据显示，假期期间入境游订单量同比增长超过1.7倍。"
    )
    assert inbound.period == "2025年五一假期"
    # a festival quoted before its golden week is the period's own
    visitors, *_ = extract_figures("香港入境處數據顯示，「五一」黃金週期間訪港內地旅客約128萬人次。")
    assert visitors.period == "「五一」黄金周期间"


def test_a_presale_s_first_day_a_crop_s_season_this_winter_and_an_anniversary_sale():
    brands, *_ = extract_figures("天猫公布双11预售战报，预售首日参与品牌达到4.2万个，较去年增加3600个。")
    assert brands.period == "预售首日"
    online, *_ = extract_figures("江苏省兴化市农业农村局介绍，今年大闸蟹上市以来，全市线上销售额达38.5亿元。")
    assert online.period == "今年大闸蟹上市以来"
    cities, *_ = extract_figures("美团外卖表示，今冬将在北方17个城市为骑手发放低温补贴。")
    assert cities.period == "今冬"
    sales, *_ = extract_figures("新光三越台北信義新天地週年慶首日業績達新台幣12.8億元，較去年同期成長約5%。")
    assert sales.period == "周年庆首日"


def test_a_city_s_bureau_owns_its_whole_city_and_a_total_s_daily_share():
    visitors, *_ = extract_figures(
        "哈尔滨市文化广电和旅游局数据显示，12月1日至20日，全市累计接待游客1286.3万人次，同比增长16.8%。"
    )
    assert visitors.subject == "哈尔滨市接待游客人次"
    (online,) = extract_figures("江苏省兴化市农业农村局介绍，今年大闸蟹上市以来，全市线上销售额达38.5亿元。")
    assert online.subject == "兴化市线上销售额"
    found = {
        f.text: f
        for f in extract_figures(
            "香港科技探索公布，旗下HKTVmall 11月總訂單量達182萬張，按年增長9.5%，日均訂單約6.1萬張。"
        )
    }
    assert found["6.1万张"].subject == "HKTVmall日均订单量"


def test_words_around_a_figure_that_are_no_part_of_its_name():
    *_, after = extract_figures(
        "多位卖家反映单件物流及关税成本上涨了3至5美元，整体利润率从15%左右压缩至8%上下。"
    )
    assert after.subject == "整体利润率"
    *_, daily = extract_figures(
        "今年双11全周期全网交易额约一万六千九百亿元，比去年多出一千二百亿元左右，相当于日均成交五百八十多亿元。"
    )
    assert daily.subject == "全网日均成交额"
    sales, _ = extract_figures("momo富邦媒表示，今年雙11檔期站內業績衝破新台幣52億元，年增約15%。")
    assert sales.subject == "momo富邦媒站内业绩"


def test_a_platform_publishing_its_tally_owns_its_figures():
    brands, *_ = extract_figures("天猫公布双11预售战报，预售首日参与品牌达到4.2万个，较去年增加3600个。")
    assert brands.subject == "天猫参与品牌数量"
