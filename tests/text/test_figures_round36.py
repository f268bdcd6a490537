"""Round 36: the periods of a year's first quarter — the snow season across two years, the
women's-day sale, the last lunar month's first days, a speaker's month before the new year, a
stretch from one sale to another, Hong Kong's last days of the old year."""

from newsdesk.text.figures import extract_figures


def test_the_snow_season_told_across_its_two_years():
    trips, takings, _ = extract_figures(
        "文化和旅游部数据中心测算，2031—2032冰雪季全国冰雪休闲旅游人数预计达5.2亿人次，冰雪休闲旅游收入约6300亿元；"
        "春节假期全国滑雪场接待游客人次同比增长26%。"
    )
    assert trips.period == takings.period == "2031—2032冰雪季"
    # a running count to a day keeps that day, with the season in neither period nor subject
    visitors, *_ = extract_figures(
        "截至1月10日，2027—2028雪季哈尔滨市累计接待游客6935.2万人次，实现旅游总收入1027.6亿元，同比分别增长15.2%和18.6%。"
    )
    assert visitors.period == "截至1月10日"
    assert visitors.subject == "哈尔滨市接待游客人次"


def test_the_women_s_day_sale_by_its_date():
    beauty, *_ = extract_figures(
        "天猫三八大促首日，美妆类目成交额同比增长24%，国货美妆品牌成交额占比达56.3%。"
    )
    assert beauty.period == "三八大促首日"
    assert beauty.subject == "天猫美妆类目成交额"


def test_the_last_lunar_month_s_first_days_and_a_speaker_s_month_before_the_new_year():
    _, booked = extract_figures(
        "北京一家老字号餐厅负责人说：“今年年夜饭套餐定价在3000至5000元之间，腊月初就订出去八成，比去年同期快了不少。”"
    )
    assert booked.period == "腊月初"
    trips, *_ = extract_figures(
        "在重庆跑货拉拉的司机老王说，年前一个月给商家拉年货，一天能跑八九单，收入比平时多四五千，油费和过路费要占收入的两成多。"
    )
    assert trips.period == "年前一个月"


def test_a_stretch_from_one_sale_to_another_but_not_from_one_number_to_another():
    *_, online, tiktok = extract_figures(
        "波司登公告称，2031/32财年第三财季品牌羽绒服业务收入同比增长14.7%，双十二至年货节期间线上零售额超过45亿元，"
        "其中抖音渠道贡献约三成。"
    )
    assert online.period == tiktok.period == "双十二至年货节期间"
    lift, appliances = extract_figures(
        "国泰君安研报预计，2028年以旧换新政策有望拉动社会消费品零售总额增长0.8至1.2个百分点，带动家电零售额增长5%—8%。"
    )
    assert lift.period == appliances.period == "2028年"


def test_hong_kong_s_last_days_of_the_old_year_listed():
    takings, rise = extract_figures(
        "旺角一間海味舖老闆陳生話：「今年年廿八、廿九生意最好，一日做到十幾萬蚊，比舊年多咗兩成左右。」"
    )
    assert takings.period == rise.period == "年廿八、廿九"


def test_a_release_s_breakdown_frame_names_no_measure():
    *_, quarter, faster = extract_figures(
        "国家统计局1月17日发布，初步核算，2031年全年国内生产总值1812460亿元，按不变价格计算，比上年增长4.8%；"
        "分季度看，四季度同比增长4.9%，较三季度加快0.3个百分点。"
    )
    assert quarter.subject == "国内生产总值"
    assert quarter.period == "2031年四季度"
    assert "分季度" not in (faster.subject or "")


def test_words_spoken_around_a_measure_are_no_part_of_its_name():
    _, price, fall = extract_figures(
        "屏東一位蓮霧果農說：「今年寒流比較少，蓮霧產量比去年多三成，可是拍賣價一公斤才60到80元，比去年掉了快一半。」"
    )
    assert price.subject == fall.subject == "屏东某莲雾果农拍卖价一公斤"
    _, spend, _ = extract_figures(
        "深圳水贝一家金饰店店主说：“春节前这一个月，小克重金饰卖得最好，店里转运珠一天能卖两百多件，"
        "客单价大多在1500到3000元，比去年多卖了三成。”"
    )
    assert spend.subject == "深圳水贝某金饰店客单价"


def test_who_gave_out_funds_not_when():
    funds, more = extract_figures(
        "财政部近日下达2032年第一批超长期特别国债资金810亿元，支持地方开展消费品以旧换新，较去年首批增加了两成。"
    )
    assert funds.subject == more.subject == "财政部第一批超长期特别国债资金"


def test_a_buyback_by_a_year_s_end_and_a_dividend_named_after_its_sum():
    buyback, dividend, *_ = extract_figures(
        "唯品会宣布，将在2033年底前回购不超过10亿美元股份，并派发每股ADS 0.48美元的年度股息；"
        "2031年全年活跃客户数为4310万人，比上年减少2.4%。"
    )
    assert buyback.subject == "唯品会股份回购金额"
    assert buyback.period == "2033年底前"
    assert dividend.subject == "唯品会每股ADS年度股息"


def test_a_share_of_the_total_the_sentence_told_before_in_the_same_measure():
    *_, share, rise = extract_figures(
        "星图数据显示，今年年货节期间全网综合电商平台GMV为六千九百五十九亿元，较去年同期增长11.2%，"
        "直播电商渠道GMV占比为31.5%，较去年提高2.7个百分点。"
    )
    assert share.subject == rise.subject == "直播电商渠道GMV占全网综合电商平台GMV的比重"
    # (the last of a list of categories is no whole)
    *_, younger = extract_figures(
        "开学季期间，天猫笔记本电脑、平板电脑和学生文具成交额同比分别增长23.5%、18.2%和12.7%，"
        "00后消费者贡献的成交额占比较去年同期提高4.3个百分点。"
    )
    assert "学生文具" not in younger.subject


def test_the_goals_a_work_report_sets_told_with_their_bounds():
    output, retail, hope = extract_figures(
        "广东省政府工作报告提出，2032年全省地区生产总值增长4.5%以上，社会消费品零售总额增长5%左右，"
        "地区生产总值有望突破19万亿元。"
    )
    assert output.subject == "广东省地区生产总值增长目标"
    assert retail.subject == "广东省社会消费品零售总额增长目标"
    assert "目标" not in hope.subject


def test_a_growth_named_with_how_it_is_counted():
    _, nominal, real, *_ = extract_figures(
        "2031年全国居民人均可支配收入57860元，比上年名义增长5.1%，扣除价格因素实际增长4.5%；"
        "全国居民人均消费支出40150元，名义增长5.4%。"
    )
    assert nominal.subject == "全国居民人均可支配收入名义增速"
    assert real.subject == "全国居民人均可支配收入实际增速"
    *_, dollars, growth = extract_figures(
        "今年前两个月，我国货物贸易进出口7.92万亿元，同比增长2.7%，其中出口4.63万亿元，增长5.1%；"
        "按美元计，出口6480亿美元，增长4.4%。"
    )
    assert dollars.subject == "我国货物贸易出口额"  # (its unit says 美元 already)
    assert growth.subject == "我国货物贸易出口额增速（美元计）"


def test_the_price_of_one_of_a_thing_and_an_estimate_of_the_firm_named_before():
    _, blossom, _ = extract_figures(
        "維園年宵有花販話：「今年一個檔位租金要五六千蚊，桃花一枝賣兩三百蚊，生意比舊年好咗一成左右。」"
    )
    assert blossom.subject == "桃花单价"
    *_, earnings = extract_figures(
        "富邦媒（momo）公告1月合併營收達新台幣118.6億元，年增6.2%，月增3.5%，創同期新高；法人預估其今年每股盈餘約12.8元。"
    )
    assert earnings.subject == "法人预估富邦媒每股盈余"


def test_a_broker_s_target_price_is_the_company_s_not_its_line_of_business():
    *_, target = extract_figures(
        "华泰证券预计美团2032年一季度核心本地商业收入同比增长14%至672亿元，经营利润率约18.5%，给予目标价180港元。"
    )
    assert target.subject == "华泰证券给予美团目标价"
