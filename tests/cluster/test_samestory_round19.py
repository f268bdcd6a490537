"""Round 19's lessons: two releases of one statistic told alike, a holiday's first days,
two cities' voucher schemes, an edition in Chinese numerals."""

from newsdesk.cluster.samestory import decide, ordinals, story_features


def test_a_holidays_first_two_days_and_the_whole_holiday_are_two_releases():
    first_days = story_features(
        "商务部：“五一”假期前两天重点零售和餐饮企业销售额同比增长6.8%",
        "据商务部监测，5月1日至2日，全国重点零售和餐饮企业销售额同比增长6.8%，其中餐饮企业增长8.1%。",
    )
    whole = story_features(
        "“五一”假期全国重点零售和餐饮企业销售额同比增长7.4%",
        "商务部5月6日发布，“五一”假期5天，全国重点零售和餐饮企业销售额同比增长7.4%，"
        "重点监测步行街客流量增长9.2%，餐饮企业增长8.1%。",
    )
    decision = decide(first_days, whole)
    assert not decision.same
    assert "重点零售和餐饮企业销售额" in decision.reasons[0]


def test_trade_figures_in_two_currencies_are_one_release():
    in_yuan = story_features(
        "海关总署：11月出口同比增长7.5%",
        "海关总署12月7日发布，11月我国货物贸易出口2.35万亿元，同比增长7.5%。按美元计价，出口增长6.9%。",
    )
    in_dollars = story_features(
        "內地11月出口按年升6.9% 勝預期",
        "海關總署公布，以美元計，11月出口按年升6.9%，勝市場預期。以人民幣計，出口增長7.5%。",
    )
    assert not any("other values" in r for r in decide(in_yuan, in_dollars).reasons)


def test_two_voucher_schemes_of_one_city_are_two_events():
    may_day = story_features(
        "成都发放1.2亿元“五一”消费券 4月29日起开抢",
        "成都市商务局将在“五一”期间发放1.2亿元消费券，面额为满300元减60元、满100元减20元等。",
    )
    later = story_features(
        "2亿元“蓉城乐购”消费券5月22日起分四轮发放",
        "成都将于5月22日起分四轮发放总额2亿元的“蓉城乐购”消费券，综合券满300元减60元，餐饮券满100元减20元。",
    )
    decision = decide(may_day, later)
    assert not decision.same
    assert decision.reasons[0].startswith("headlines give other figures (1.2亿元 / 2亿元)")


def test_an_edition_in_chinese_numerals_is_the_same_edition():
    assert ordinals("第一百四十一届广交会") == ordinals("第141届广交会") == {"141届"}


def test_a_place_named_with_its_shi_is_the_place():
    nanjing = story_features(
        "南京市网信办对泰达半导体作出行政处罚 罚款4780万元", "泰达半导体被处罚款4780万元。"
    )
    assert nanjing.headline_places == {"南京"}


def test_an_outlets_commentator_labelling_the_headline_is_commentary():
    from newsdesk.text.commentary import commentary_score

    found = commentary_score(
        "光明网评论员：网购占比超四分之一，消费提质还要再加把劲", "上半年网上零售额增长6.9%。"
    )
    assert "headline labelled 光明网评论员：" in found.reasons


def test_a_headline_urging_caution_about_the_figures_is_commentary():
    from newsdesk.text.commentary import commentary_score

    for title in ("理性看待消费增速短期波动", "元旦数据亮眼，但别急着喊“消费全面回暖”"):
        assert any(r.startswith("headline argues") for r in commentary_score(title, "").reasons)
    assert not commentary_score("11月社零增速回落至2.6%", "").reasons
