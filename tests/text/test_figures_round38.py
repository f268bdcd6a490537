"""Round 38: the figures of a year's third quarter — Prime Day named again as 会员日, a day
opening the sentence, a record set, shares listed with 分别占比, a trader named by what they
deal in, Cantonese spending and takings, extra hands and allowances, a goal's rate, a post's
numbered list."""

from newsdesk.text.figures import extract_figures


def _by_text(sentence: str) -> dict:
    return {f.text: f for f in extract_figures(sentence)}


def test_prime_day_named_again_and_a_day_opening_the_sentence_are_periods():
    europe, *_ = extract_figures(
        "深圳一家3C跨境卖家负责人表示，会员日期间店铺欧洲站卖出约38万欧元，日本站成交2.6亿日元。"
    )
    assert europe.period == "会员日期间"
    day, tea, share = extract_figures(
        "8月2日，某外卖平台单日订单量创下1.35亿单的新高，其中茶饮咖啡订单超4500万单，占比达三成多。"
    )
    assert day.period == tea.period == share.period == "8月2日"
    assert day.subject == "某外卖平台单日订单量"  # (创下…的新高: a record set, no part of the name)
    # the day a release came out is no figure's period
    (cpi,) = extract_figures("9月10日，国家统计局发布数据，8月份全国CPI同比上涨0.6%。")
    assert cpi.period == "8月份"


def test_shares_listed_with_fen_bie_zhan_bi_are_of_the_whole_told_before():
    for told in ("分别占比78.2%、16.5%和5.3%", "占比分别为78.2%、16.5%和5.3%"):
        _, general, live, new = extract_figures(
            f"今年618期间全网电商交易总额为8947亿元，其中综合电商、直播电商和新零售渠道{told}。"
        )
        assert general.subject == "综合电商占全网电商交易总额的比重"
        assert new.subject == "新零售渠道占全网电商交易总额的比重"


def test_a_trader_named_by_what_they_deal_in_owns_their_figures():
    found = _by_text("深圳一家做3C配件的跨境卖家告诉记者，美国取消小额包裹免税后，毛利率从35%降到28%左右。")
    assert found["35%"].subject == "深圳某3C配件跨境卖家毛利率"


def test_cantonese_spending_per_head_per_order_and_a_night_s_takings():
    head, _ = extract_figures(
        "尖沙咀一間藥房東主陳先生話：「今個暑假內地客多咗好多，但係每人平均淨係使五六百蚊，比起以前少咗近三成。」"
    )
    assert head.subject.endswith("每人平均消费")
    found = _by_text(
        "旺角一間藥妝店老闆陳生話：「暑假啲內地客係多咗，但人均消費跌咗三成，以前一張單平均一千幾蚊，而家得七八百蚊。」"
    )
    assert found["七八百蚊"].subject.endswith("每单平均消费")
    found = _by_text("的士司機李生話：「平時一晚淨係得六七百蚊咋。」")
    assert found["六七百蚊"].subject.endswith("每晚收入")
    # a room's price a night is no night's takings
    (price,) = extract_figures("大理一家民宿老板说，国庆期间一晚八百八，比平时贵一倍。")[:1]
    assert not price.subject.endswith("收入")


def test_extra_hands_and_an_allowance_told_after_their_count_and_sum():
    (hands,) = extract_figures("快递员老李告诉记者，开学季站点临时增加了5名兼职人员。")
    assert hands.subject.endswith("增加兼职人员数量")
    (allowance,) = extract_figures("多地人社部门明确，外卖骑手每天可获15至25元高温补贴。")
    assert allowance.subject == "外卖骑手每天高温补贴"


def test_the_rate_a_goal_asks_and_a_post_s_numbered_list():
    *_, needed = extract_figures(
        "有券商研报测算，前三季度GDP同比增速有望在4.8%左右，要实现全年5%左右的增长目标，四季度增速需不低于5.3%。"
    )
    assert needed.subject == "GDP增速"
    amount, growth = extract_figures("家人们，上半年的数据出来了👇\n1️⃣ GDP超68万亿，增长4.9%；")
    assert amount.subject == growth.subject == "GDP"


def test_the_share_of_a_group_framed_before_named_by_what_they_did():
    *_, share = extract_figures(
        "商务部监测，在监测的两万三千余家重点零售和餐饮企业中，近六成实现营业额正增长。"
    )
    assert share.subject == "实现营业额正增长的企业占监测重点零售和餐饮企业的比重"
    (share,) = extract_figures("受访企业中，近六成实现营业额正增长。")
    assert share.subject == "实现营业额正增长的企业占受访企业的比重"


def test_a_breakdown_compares_on_the_year_and_a_briefing_s_month_is_no_period():
    *_, stores, leather = extract_figures(
        "澳門統計暨普查局資料顯示，第二季零售業銷售額為198.6億澳門元，按年上升5.3%，按季下跌2.7%，"
        "其中百貨商品及皮具銷售額分別增加9.1%和6.4%。"
    )
    assert stores.base == leather.base == "按年"
    funds, _ = extract_figures(
        "商务部新闻发言人在9月例行发布会上表示，第三批690亿元超长期特别国债资金已于7月下达，"
        "截至8月底，已累计带动销售额1.2万亿元。"
    )
    assert funds.period != "9月"
