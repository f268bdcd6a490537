"""Round 25: a breakdown after 其中 compares as the whole was first compared; a national
price's town and country parts; those who ordered; a channel and a retail category told bare
after one told in full; dividends, buybacks and the programme a count of people reached;
couriers named by their firm; a business named before its parent."""

from newsdesk.text.figures import extract_figures


def _subjects(sentence: str) -> list[str | None]:
    return [f.subject for f in extract_figures(sentence)]


def test_a_prices_town_and_country_parts_compare_as_the_whole_first_did():
    got = extract_figures(
        "4月份，全国居民消费价格同比上涨0.4%，环比下降0.1%；其中，城市上涨0.5%，农村上涨0.2%。"
    )
    assert [(f.subject, f.base) for f in got[2:]] == [
        ("城市居民消费价格", "同比"),
        ("农村居民消费价格", "同比"),
    ]


def test_those_who_ordered_are_counted_as_such():
    assert _subjects("京东618期间，超2.1亿用户在京东下单，人均消费金额同比提高8%。")[0] == "京东下单用户数"
    got = _subjects("京东集团宣布，今年618期间累计超5.8亿人次用户下单，以旧换新订单量同比增长1.3倍。")
    assert got[0] == "京东集团下单用户人次"


def test_a_channel_and_a_category_told_bare_take_the_measure_told_before():
    got = _subjects(
        "珀莱雅公告称，618期间全渠道GMV突破30亿元，其中抖音渠道GMV为11.2亿元，天猫渠道同比增长18%。"
    )
    assert got[-1] == "珀莱雅天猫渠道GMV"
    got = _subjects(
        "首五個月零售業總銷貨價值合計為1,582億港元；其中珠寶首飾、鐘錶及名貴禮物類別銷貨價值下跌8.5%，藥物及化妝品則上升6.2%。"
    )
    assert got[-1] == "药物及化妆品类别销货价值"


def test_a_companys_dividend_buyback_and_payout_told_the_same_day():
    got = _subjects(
        "京东集团同日宣布新一轮股份回购计划，回购总额不超过50亿美元，并宣派2028年度现金股息每股0.76美元，派息总额约23亿美元。"
    )
    assert got == ["京东集团回购总额", "京东集团每股现金股息", "京东集团派息总额"]


def test_what_a_programme_reached_and_a_ministrys_department():
    got = _subjects(
        "商务部消费促进司负责人介绍，截至5月31日，家电以旧换新带动销售额超2100亿元，惠及消费者逾5800万人次。"
    )
    assert got == ["家电以旧换新带动销售额", "家电以旧换新惠及消费者人次"]


def test_couriers_named_by_their_firm_and_a_business_named_before_its_parent():
    got = _subjects("一名美团众包骑手表示，5月以来他每天跑40单左右，单均收入约7元，一个月下来能挣七千五。")
    assert got == ["该美团众包骑手日送单量", "该美团众包骑手单均收入", "该美团众包骑手月收入"]
    got = _subjects("一名順豐速遞員話：「我一日要派兩百幾件，一個月先至賺到兩萬出頭。」")
    assert got == ["该顺丰速递员日派件量", "该顺丰速递员月收入"]
    got = _subjects("HKTVmall母公司香港科技探索公布，2028年全年商品交易總額達到58.6億港元，按年增長7.9%。")
    assert got == ["HKTVmall商品交易总额"] * 2


def test_a_brokers_report_forecasts_the_company():
    got = _subjects("华泰证券研报将美团2029—2031年经调整净利润预测分别下调至412亿元、498亿元和571亿元。")
    assert got == ["美团经调整净利润预测"] * 3


def test_a_hong_kong_couriers_pay_by_the_piece_and_by_the_month():
    got = extract_figures(
        "一名順豐速遞員話：「我一日要派兩百幾件，人工計件，一件得三蚊，一個月先至賺到兩萬出頭。」"
    )
    assert [(f.text, f.subject, f.unit) for f in got[1:]] == [
        ("三蚊", "该顺丰速递员每件收入", "港元"),
        ("两万", "该顺丰速递员月收入", "港元"),
    ]


def test_before_and_now_in_a_cantonese_quote_and_a_fall_of_nearly_so_much():
    got = extract_figures(
        "旺角一間藥妝店老闆話：「而家一單平均得三四百蚊，以前起碼過千，生意跌咗差唔多三成。」"
    )
    assert [f.period for f in got[:2]] == ["而家", "以前"]
    assert (got[2].text, got[2].value, got[2].subject) == ("跌咗差唔多三成", -30, "旺角某药妆店营业额")


def test_a_full_amount_per_order_before_and_now_in_a_cantonese_quote():
    got = extract_figures("陳先生話：「以前一單成五六千，而家兩千五都好難得。」")
    assert [(f.text, f.value, f.unit, f.period) for f in got] == [
        ("五六千", 5000, "港元", "以前"),
        ("两千五", 2500, "港元", "而家"),
    ]


def test_taiwan_net_loss_per_share_and_the_same_measure_told_again():
    got = _subjects("網家（PChome）第一季稅後淨損新台幣3.2億元，每股虧損0.27元。")
    assert got[-1] == "网家每股亏损"
    got = _subjects(
        "經濟部統計處指出，2029年4月電子購物及郵購業營業額為新台幣392億元，年增9.7%；累計1至4月營業額1,486億元，年增8.3%。"
    )
    assert got[-2:] == ["台湾电子购物及邮购业营业额"] * 2


def test_a_part_that_contributed_its_share_of_what_was_told():
    got = _subjects(
        "某头部主播团队披露，单场GMV约46亿元，较去年同场次回落两成多，美妆品类贡献了其中四成左右。"
    )
    assert got[-1] == "美妆品类占某头部主播团队单场GMV的比重"


def test_goods_listed_after_a_whole_take_its_measure_and_exports_listed_are_exports():
    got = _subjects(
        "年货节首周，京东年货类商品成交额同比增长37%，其中坚果炒货、滋补品和酒水分别增长52%、45%和29%。"
    )
    assert got[1:] == ["京东坚果炒货成交额", "京东滋补品成交额", "京东酒水成交额"]
    got = _subjects("今年前11个月，我国电动汽车、锂电池和光伏产品出口同比分别增长19.4%、12.7%和6.5%。")
    assert got == ["我国电动汽车出口额", "我国锂电池出口额", "我国光伏产品出口额"]


def test_complaints_received_and_a_chains_stores_across_taiwan():
    got = _subjects("香港消費者委員會表示，今年首11個月共接獲網購相關投訴約1.2萬宗，按年增加近兩成。")
    assert got == ["香港消费者委员会接获网购相关投诉数量"] * 2
    got = _subjects("台灣某連鎖超商表示，12月前兩週會員消費筆數年增逾一成，全台門市數已突破7,000家。")
    assert got[-1] == "台湾某连锁超商全台门市数"


def test_attributable_profit_a_brokers_raised_price_per_share_and_a_firm_unnamed():
    got = _subjects("騰訊控股公布2026年全年業績，股東應佔盈利2,315.8億元。")
    assert got == ["腾讯控股股东应占盈利"]
    got = _subjects("高盛報告指，阿里巴巴去年第四季客戶管理收入料年增5%，並將其港股目標價上調至每股165港元。")
    assert got[-1] == "高盛给予阿里巴巴港股目标价"
    got = _subjects(
        "台灣一家直播電商業者指出，春節後首場年貨直播觀看人數約18萬人，單場成交金額逾新台幣1,200萬元。"
    )
    assert got == ["该台湾直播电商业者观看人数", "该台湾直播电商业者单场成交金额"]
    got = _subjects(
        "統一超商公告，2026年全年合併營收達3,218億元新台幣，年增6.4%；截至去年底，全台門店數突破7,200家。"
    )
    assert got[-1] == "统一超商全台门店数"
