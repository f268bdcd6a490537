"""Whose and which measure a subject names, when the sentence tells it once (sentences written
for these tests): a teller named before when it told, a later clause's bare measure, a 其中 part
of a whole, money told with what it was issued as."""

from newsdesk.text.figures import extract_figures


def subjects(sentence: str) -> list[str | None]:
    return [f.subject for f in extract_figures(sentence)]


# ---- a teller, then when it told --------------------------------------------------------


def test_a_company_telling_on_a_day_owns_its_figures():
    got = subjects(
        "中通快递3月20日晚间公告，2月快递服务业务收入约30.1亿元，同比增长8%；"
        "业务量26.4亿票，同比增长12%；单票收入1.14元，同比下降3.5%。"
    )
    assert got[:2] == ["中通快递快递服务业务收入"] * 2
    # the later parts are of the same business of the same company
    assert got[2:4] == ["中通快递快递服务业务量"] * 2
    assert got[4:] == ["中通快递快递服务业务单票收入"] * 2


def test_a_company_publishing_its_results_late_in_a_month_owns_its_measures():
    got = subjects(
        "唯品会5月下旬发布的财报显示，一季度营收同比增长3.2%至280亿元，经营利润为25亿元，同比下降6.1%。"
    )
    assert got == ["唯品会营收"] * 2 + ["唯品会经营利润"] * 2


def test_a_company_that_published_its_report_ends_the_telling():
    got = subjects(
        "小米集团3月18日晚间发布财报，2026年全年总收入3659亿元；经调整净利润272亿元；毛利率22.8%。"
    )
    assert got == ["小米总收入", "小米经调整净利润", "小米毛利率"]


def test_an_agency_telling_on_a_day_counts_for_its_place():
    got = subjects("澳門統計暨普查局6月初公布，5月入境旅客約310萬人次，按年增加5.4%。")
    assert got == ["澳门入境旅客人次"] * 2


def test_a_national_agency_telling_on_a_day_owns_nothing():
    got = subjects("海关总署6月7日公布，前5个月我国货物贸易进出口总值17.94万亿元，同比增长6.3%。")
    assert got == ["我国货物贸易进出口总值"] * 2


def test_a_research_firm_telling_on_a_day_owns_nothing():
    (size,) = subjects("艾媒咨询5月20日发布报告称，今年即时零售市场规模有望达到8000亿元。")
    assert size == "即时零售市场规模"


def test_the_day_before_the_teller_is_no_part_of_it():
    (growth,) = subjects("5月20日，京东发布数据显示，618开门红首日成交额同比增长30%。")
    assert growth.startswith("京东")


def test_the_teller_owns_the_parts_after_a_semicolon():
    got = subjects("香港政府統計處公布，全年零售業總銷貨價值為3,900億港元；12月零售業總銷貨價值為360億港元。")
    assert got == ["香港零售业总销货价值"] * 2


# ---- a later clause's bare measure --------------------------------------------------------


def test_a_bare_measure_after_a_semicolon_is_of_the_first_measures_scope():
    got = subjects(
        "三亚海关统计，端午假期三亚免税店销售额2.1亿元，同比增长9%；购物人数3.2万人次，人均消费约6560元。"
    )
    assert got[2:] == ["三亚免税店购物人数", "三亚免税店人均消费"]


def test_a_bare_measure_after_a_comma_is_of_the_business_counted_before():
    got = subjects(
        "国家邮政局数据显示，4月全国快递业务量完成170亿件，同比增长15%，业务收入完成1250亿元，同比增长9%。"
    )
    assert got[2:] == ["全国快递业务收入"] * 2


def test_the_amount_after_a_count_of_payments_is_of_the_same_payments():
    got = subjects("网联平台数据显示，端午假期共处理网络支付交易约95亿笔，金额约6.3万亿元。")
    assert got == ["网联平台处理网络支付交易笔数", "网联平台处理网络支付交易金额"]


def test_a_segment_is_the_company_s_and_its_margin_the_segment_s():
    got = subjects("京东集团一季度收入约3000亿元，同比增长10%；零售分部经营利润约120亿元，经营利润率为4.5%。")
    assert got[2:] == ["京东零售分部经营利润", "京东零售分部经营利润率"]


def test_parcels_handed_out_are_counted_by_who_collected_them():
    got = subjects(
        "国家邮政局监测数据显示，端午假期全国邮政快递业共揽收快递包裹约12.6亿件，同比增长11%；"
        "投递快递包裹约12.1亿件，同比增长10%。"
    )
    assert got == ["全国邮政快递业揽收快递包裹量"] * 2 + ["全国邮政快递业投递快递包裹量"] * 2


def test_a_speaker_s_take_home_pay_takes_no_scope_from_what_was_sold():
    *_, pay = subjects("一位带货主播坦言：“现在一场播下来能卖两三百万，扣掉坑位费，到手也就十来万。”")
    assert pay == "收入"


# ---- a 其中 part of a whole ---------------------------------------------------------------


def test_parts_of_a_whole_are_of_its_scope():
    got = subjects(
        "商务部监测显示，端午假期全国重点监测商超销售额同比增长5.1%，其中粮油食品、肉禽蛋类销售额分别增长6.2%和4.8%。"
    )
    assert got[1:] == ["全国重点监测商超粮油食品类销售额", "全国重点监测商超肉禽蛋类销售额"]


def test_firms_of_their_own_keep_only_the_whole_s_place():
    *_, part = subjects(
        "商务部监测显示，端午假期全国重点零售和餐饮企业销售额同比增长5.6%，其中重点餐饮企业销售额增长8.1%。"
    )
    assert part == "全国重点餐饮企业销售额"


def test_visitors_from_somewhere_are_counted_where_they_arrive():
    *_, mainland = subjects("据澳门治安警察局统计，端午假期澳门入境旅客约45万人次，其中内地旅客约33万人次。")
    assert mainland == "澳门入境内地旅客人次"


def test_a_part_s_share_names_the_whole():
    *_, share = subjects("香港旅遊發展局數據顯示，上半年訪港旅客約2,300萬人次，其中內地旅客佔約七成。")
    assert share == "内地旅客占访港旅客的比重"


def test_shares_listed_after_a_whole_are_of_that_whole():
    got = subjects(
        "中国银联数据显示，端午假期银联网络消费交易金额约4800亿元，其中餐饮和文旅消费分别占21%和17%。"
    )
    assert got[1:] == ["餐饮消费占银联网络消费交易金额的比重", "文旅消费占银联网络消费交易金额的比重"]


def test_a_part_after_a_semicolon_is_of_the_whole_s_place():
    *_, part = subjects(
        "国家统计局数据显示，1—5月全国网上零售额6.1万亿元，同比增长8.5%；其中实物商品网上零售额5.0万亿元。"
    )
    assert part == "全国实物商品网上零售额"


# ---- money told with what it was issued as ------------------------------------------------


def test_vouchers_issued_name_what_the_money_is():
    first, *_ = subjects("南京市6月1日起发放5000万元餐饮、文旅消费券，其中餐饮券每张最高减100元。")
    assert first == "南京市发放的餐饮、文旅消费券总额"


def test_the_total_of_vouchers_told_before_and_a_kind_of_them():
    got = subjects("苏州市在端午前夕发放第三期数字消费券，总额8000万元，其中餐饮券3000万元。")
    assert got == ["苏州市第三期数字消费券总额", "苏州市第三期数字消费券中餐饮券金额"]


def test_a_place_trade_goes_to_or_a_platforms_site_is_no_owner():
    got = subjects("台灣財政部統計，11月出口金額達478.6億美元，年增18.4%，其中對美國出口172.3億美元。")
    assert got[-1] == "台湾对美国出口额"
    got = subjects("蝦皮購物表示，今年雙11當天台灣站訂單量突破1,200萬筆，較去年成長約15%。")
    assert got == ["虾皮购物台湾站订单量"] * 2


def test_a_groups_profit_after_a_line_of_its_revenue_is_the_groups():
    got = subjects(
        "阿里巴巴集团公布截至2028年9月30日止季度业绩，当季收入2658亿元；淘天集团客户管理收入同比增长9%，经调整EBITA为466亿元。"
    )
    assert got[-1] == "淘天集团经调整EBITA"


def test_houses_known_without_securities_in_their_name_are_brokers():
    got = subjects(
        "国泰君安研报指出，预计拼多多2029年营业收入为4920亿元，同比增长14%，给予目标价180美元，对应约11倍市盈率。"
    )
    assert got == ["国泰君安预计的拼多多营业收入"] * 2 + ["国泰君安给予拼多多目标价", "拼多多市盈率"]


def test_a_brokers_revised_forecast_and_the_multiple_it_puts_on_the_company():
    got = subjects(
        "华泰证券发布研报称，上调美团2028年盈利预测至净利润452亿元，较此前预测提高7%，给予目标价198港元，对应2029年约18倍市盈率。"
    )
    assert got == ["美团净利润预测"] * 2 + ["华泰证券给予美团目标价", "美团市盈率"]
    got = subjects(
        "国泰君安证券将名创优品2028年每股收益预测下调6%至6.85元，对应市盈率约14倍，维持“增持”评级。"
    )
    assert got[-1] == "名创优品市盈率"
    got = subjects("中金公司将唯品会2029年每股盈利预测下调3%至2.85美元，目标价维持17.5美元。")
    assert got[-1] == "中金公司给予唯品会目标价"
