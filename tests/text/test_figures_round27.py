"""Round 27: the whole holiday after its first day; a festival's named sale, its peak and its
weeks in Cantonese; 黑五 with its year; a year's running total; a Hong Kong quarter told by
its closing month."""

from newsdesk.text.figures import extract_figures


def _periods(sentence: str) -> list[str | None]:
    return [f.period for f in extract_figures(sentence)]


def test_the_whole_holiday_after_its_first_day():
    got = _periods(
        "国铁集团消息，10月1日当天全国铁路发送旅客2311.6万人次，创单日旅客发送量历史新高；"
        "整个假期全国铁路累计发送旅客约1.95亿人次。"
    )
    assert got == ["10月1日当天", "整个假期"]


def test_a_festivals_named_sale_its_peak_and_its_weeks():
    assert _periods("抖音电商数据显示，双11好物节期间，平台直播间累计直播时长达6890万小时。") == [
        "双11好物节期间"
    ]
    assert _periods("顺丰快递员小李告诉记者，今年双11高峰期他日均派件量在350件左右。") == ["今年双11高峰期"]
    assert _periods("旺角一間藥妝店老闆陳生話：「雙十一嗰排生意跌咗成兩成。」") == ["双十一嗰排"]
    assert _periods("义乌一家小商品网店店主王女士说，今年黑五海外订单量翻了一番。") == ["今年黑五"]
    # the first show is what is measured, in the festival
    assert _periods("听业内朋友说，某头部主播今年双11首场直播GMV小几百亿。") == ["今年双11"]


def test_a_years_running_total_and_a_quarter_closing_in_a_month():
    got = _periods("京東集團在港交所公告，11月共斥資約4.1億美元回購股份，年內累計回購金額已超過32億美元。")
    assert got == ["11月", "年内"]
    got = _periods("香港電商平台HKTVmall母公司公布，截至9月底止第三季度總商品交易額為24.6億港元。")
    assert got == ["截至9月底止第三季度"]
