import datetime as dt

from newsdesk.editorial import house
from newsdesk.editorial.boilerplate import strip_boilerplate
from newsdesk.editorial.columns import ColumnClassifier
from newsdesk.editorial.condense import condense_item
from newsdesk.editorial.merge import Report, merge_cluster
from newsdesk.editorial.pipeline import EditorialContext, run_batch
from newsdesk.editorial.relevance import RelevanceModel
from newsdesk.store.editorial import StoredArticle

COMPANY_NEWS = (
    "证券时报网讯，11月18日晚间，顺丰控股发布2025年10月快递物流业务经营简报。"
    "数据显示，10月份公司速运物流业务营业收入为186.4亿元，同比增长9.2%；业务量为13.9亿票，同比增长21.6%；"
    "单票收入为13.41元，同比下降10.2%。\n"
    "此外，10月份公司供应链及国际业务收入为61.2亿元，同比增长14.8%。\n"
    "顺丰控股是国内领先的综合物流服务商，旗下拥有顺丰速运、顺丰快运、顺丰冷运等多个业务板块。"
    "公司股票于2010年代在深交所上市，今年又在香港联交所完成二次上市。\n"
    "二级市场方面，11月18日顺丰控股收盘报41.25元/股，涨0.83%，总市值约2050亿元。\n"
    "分析师指出，随着“双11”旺季到来，快递企业的业务量有望在11月迎来新的高峰，但价格竞争仍将对单票收入形成压力。\n"
    "风险提示：本文内容仅供参考，不构成投资建议。股市有风险，投资需谨慎。"
)
DOCUMENT = (
    "国家邮政局日前印发《快递服务投诉处理办法》，自2026年3月1日起施行。\n"
    "《办法》明确了以下禁止行为：（一）拒绝受理投诉；（二）拖延处理投诉；（三）泄露投诉人信息。\n"
    "《办法》要求，快递企业应当在收到投诉后7日内作出答复。\n"
    "根据《快递暂行条例》第三十条，邮政管理部门应当依法履行监督管理职责。\n"
    "国家邮政局提醒广大消费者，寄递物品时应当如实填写快递运单。"
)


def test_the_kind_of_item_is_told_from_the_text():
    assert house.classify_kind("顺丰10月经营数据", COMPANY_NEWS).kind == house.COMPANY
    assert house.classify_kind("国家邮政局发布投诉处理办法", DOCUMENT).kind == house.GOVERNMENT
    data = (
        "国家统计局16日发布数据显示，5月份，社会消费品零售总额41326亿元，同比增长6.4%。"
        "1—5月份，全国网上零售额60243亿元，同比增长8.3%。其中，实物商品网上零售额49878亿元，增长6.3%。"
    )
    assert house.classify_kind("5月份社会消费品零售总额同比增长6.4%", data).kind == house.DATA
    opinion = (
        "笔者认为，平台规则不是单方面的福利。关键在于平衡。也要看到商家的难处。\n（作者系中国人民大学教授）"
    )
    assert house.classify_kind("评论：平台规则应兼顾各方", opinion).kind == house.COMMENTARY


def test_company_news_is_cut_hard_and_keeps_its_lead_and_figures():
    result = condense_item("顺丰10月经营数据", COMPANY_NEWS, dt.date(2025, 11, 19))
    length = len(COMPANY_NEWS.replace("\n", ""))
    assert result.kind == house.COMPANY
    assert 0.25 * length <= result.length <= 0.55 * length
    assert result.body.startswith("11月18日晚间，顺丰控股发布")  # 证券时报网讯， gone
    # the ；-list is whole, not cut at a ；
    assert "业务量为13.9亿票，同比增长21.6%；单票收入为13.41元，同比下降10.2%。" in result.body
    for filler in ("风险提示", "投资需谨慎", "收盘报", "分析师指出", "国内领先"):
        assert filler not in result.body
    assert result.body.endswith("。")


def test_a_government_document_is_kept_nearly_whole_without_citations_and_reminders():
    result = condense_item("国家邮政局发布《快递服务投诉处理办法》", DOCUMENT)
    assert result.kind == house.GOVERNMENT
    assert "（一）拒绝受理投诉；（二）拖延处理投诉；（三）泄露投诉人信息。" in result.body
    assert "7日内作出答复" in result.body
    assert "根据《快递暂行条例》" not in result.body
    assert "提醒" not in result.body
    assert dict((r, t) for t, r in result.dropped).keys() >= {"legal citation", "reminder"}


def test_configured_lengths_override_the_kind():
    result = condense_item("国家邮政局发布《快递服务投诉处理办法》", DOCUMENT, lengths=(20, 60))
    assert result.length <= 60


def test_relative_days_become_dates_only_when_the_date_is_known():
    text = "今日，抖音电商在杭州举办商家大会。昨天，快手发布了新规。他说：“今天很重要。”如今天猫也在跟进。"
    assert house.absolute_dates(text, dt.date(2025, 6, 26)) == (
        "6月26日，抖音电商在杭州举办商家大会。6月25日，快手发布了新规。他说：“今天很重要。”如今天猫也在跟进。"
    )
    assert house.absolute_dates(text, None) == text
    assert "1月1日" in house.absolute_dates("昨日发布。", dt.date(2025, 1, 2))


def test_debris_before_and_after_the_story_goes():
    for text, kept in (
        ("（网经社讯）11月12日，星图数据发布报告。", "11月12日，星图数据发布报告。"),
        ("光明网讯（记者 李政葳）8月28日，CNNIC发布报告。", "8月28日，CNNIC发布报告。"),
        ("央广网北京3月5日消息（记者 冯烁）财政部印发通知。", "财政部印发通知。"),
        ("／据央视新闻报导，海关总署发布数据。", "据央视新闻报导，海关总署发布数据。"),
        ("京东物流宣布启用新仓。\n该内容为作者独立观点，不代表本站立场。", "京东物流宣布启用新仓。"),
        (
            "报告发布。\n报告显示市场增长。\n美团、京东加码即时零售 “30分钟达”之争升级",
            "报告发布。\n报告显示市场增长。",
        ),
    ):
        assert strip_boilerplate(text).text == kept
    assert (
        strip_boilerplate("文 | 王磊\n7月14日，快手电商召开产业带大会。").text
        == "7月14日，快手电商召开产业带大会。"
    )
    assert house.strip_lead_marker("据央视新闻报导，海关总署发布前三季度进出口数据。").startswith("海关总署")
    assert house.strip_lead_marker(
        "记者12日从国家邮政局获悉，据国家邮政局监测数据，11月11日揽收7.33亿件。"
    ).startswith("据国家邮政局监测数据")
    assert (
        house.filler_reason("对违反《价格法》第十四条规定的，依照《价格违法行为行政处罚规定》予以处罚。")
        == "legal citation"
    )
    assert (
        house.filler_reason("负责人介绍，近年来，部分平台存在收费项目繁多等问题。", house.GOVERNMENT)
        == "background"
    )
    assert house.strip_lead_marker("记者从商务部获悉，2026全国网上年货节今日启动。").startswith(
        "据商务部消息，"
    )


def test_house_titles_put_the_source_and_the_key_figure_first():
    body = "11月18日晚间，顺丰控股发布经营简报。数据显示，10月份公司速运物流业务营业收入为186.4亿元，同比增长9.2%。"
    title = house.suggest_title("顺丰10月经营数据：业务量增长超两成", body, house.COMPANY)
    assert title == "顺丰控股：10月份公司速运物流业务营业收入同比增长9.2%"
    assert house.is_house_title(title)
    data = "国家统计局16日发布数据显示，5月份，社会消费品零售总额41326亿元，同比增长6.4%。"
    assert house.suggest_title("5月份社会消费品零售总额同比增长6.4%", data, house.DATA).startswith(
        "国家统计局："
    )
    document = "国家邮政局日前印发《快递服务投诉处理办法》，自2026年3月1日起施行。"
    assert (
        house.suggest_title("快递投诉有了新规", document, house.GOVERNMENT)
        == "国家邮政局：《快递服务投诉处理办法》2026年3月1日起施行"
    )
    assert (
        house.suggest_title("商务部：网上年货节启动", "商务部宣布……", house.OTHER) == "商务部：网上年货节启动"
    )
    assert not house.is_house_title("京东物流沙特利雅得智能仓正式运营")


LEAD = Report(
    "速卖通“全球5日达”再扩容",
    "4月15日，速卖通宣布，“全球5日达”服务将从此前的12个国家扩展至20个国家。"
    "速卖通方面表示，该服务推出一年多来，已服务超过1亿个跨境包裹，覆盖国家的订单量同比增长超过60%。"
    "目前带有“5日达”标识的商品已超过200万款。",
    "36氪",
    dt.date(2025, 4, 15),
)
OTHER_REPORT = Report(
    "菜鸟：全球5日达扩容背后是新增5条包机航线",
    "菜鸟4月16日表示，为支撑“全球5日达”扩容，菜鸟新增了5条跨境包机航线，每周新增航班约30班。\n"
    "目前菜鸟在全球运营的跨境物流仓库面积已超过300万平方米，每周运营跨境包机超过400班。\n"
    "业内人士指出，跨境电商平台间的竞争已从价格扩展到物流时效。",
    "界面新闻",
    dt.date(2025, 4, 16),
)
REPRINT = Report(
    "速卖通5日达扩至20国",
    "速卖通15日宣布，“全球5日达”服务从12个国家扩展至20个国家。该服务已服务超1亿个跨境包裹，订单量同比增长超60%。",
    "新浪财经",
    dt.date(2025, 4, 15),
)


def test_a_cluster_whose_reports_add_facts_is_merged_from_all_of_them():
    item = merge_cluster(LEAD, [OTHER_REPORT])
    assert item.merged
    assert "扩展至20个国家" in item.body and "5条跨境包机航线" in item.body
    assert "业内人士" not in item.body


def test_a_reprint_keeps_crediting_the_lead():
    item = merge_cluster(LEAD, [REPRINT])
    assert not item.merged
    assert "20个国家" in item.body


def _context():
    return EditorialContext(
        classifier=ColumnClassifier(None), relevance=RelevanceModel(), office="《电子商务动态》编辑部"
    )


FULLER_REPORT = Report(
    "速卖通“全球5日达”扩至20国 菜鸟新增5条包机航线",
    "4月15日，速卖通宣布，“全球5日达”服务将从此前的12个国家扩展至20个国家。\n"
    "为支撑“全球5日达”扩容，菜鸟新增了5条跨境包机航线，每周新增航班约30班。\n"
    "目前菜鸟在全球运营的跨境物流仓库面积已超过300万平方米，每周运营跨境包机超过400班。",
    "界面新闻",
    dt.date(2025, 4, 16),
)


def test_process_credits_a_merged_cluster_to_the_office_and_a_reprint_to_its_outlet():
    day = dt.datetime(2025, 4, 15, 4, tzinfo=dt.UTC)
    merged = [
        StoredArticle(1, LEAD.title, LEAD.text, LEAD.outlet, day),
        StoredArticle(
            2, FULLER_REPORT.title, FULLER_REPORT.text, FULLER_REPORT.outlet, day + dt.timedelta(days=1)
        ),
    ]
    result = run_batch(merged, [], _context())
    assert len(result.plans) == 1 and len(result.plans[0].member_ids) == 2
    candidate = result.plans[0].candidate
    assert candidate.office_compiled
    assert "编辑部整理" in candidate.attribution_line and "2025 年 04 月 16 日" in candidate.attribution_line
    assert "300万平方米" in candidate.body and "1亿个跨境包裹" in candidate.body
    reprint = [
        StoredArticle(1, LEAD.title, LEAD.text, LEAD.outlet, day),
        StoredArticle(2, LEAD.title, LEAD.text, "新浪财经", day),
    ]
    result = run_batch(reprint, [], _context())
    assert len(result.plans) == 1 and len(result.plans[0].member_ids) == 2
    candidate = result.plans[0].candidate
    assert not candidate.office_compiled
    assert "编辑部整理" not in candidate.attribution_line


def test_an_opinion_piece_is_told_by_its_byline_and_its_argument():
    # a column label and an author line, no news lead
    signed = (
        "【经济时评】\n"
        "近来，一些直播间的退货率居高不下，引发各方关注。\n"
        "说到底，问题出在信任上。主播要如实介绍商品，平台要完善治理规则。\n"
        "消费者也应理性消费，不被营销氛围裹挟。\n"
        "（作者：王明，系某大学教授）"
    )
    assert house.classify_kind("治理高退货率", signed).kind == house.COMMENTARY
    # an expert argues across paragraphs under a prescribing headline
    argued = (
        "近年来，跨境电商快速发展，合规压力也在上升。\n"
        "某大学教授张丽认为，粗放式的发展路径已难以为继。张丽表示，合规已经从加分项变成必选项。\n"
        "张丽认为，企业要严格遵守目标市场的产品标准，要依法履行纳税义务。\n"
        "她建议企业加强海外仓布局。张丽还指出，行业协会应加强对企业的合规指导。"
    )
    assert house.classify_kind("跨境电商出海，合规是必修课", argued).kind == house.COMMENTARY


def test_a_platforms_own_standard_is_company_news_not_a_government_document():
    platform = (
        "8月27日，某某闪购在上海举办商家大会，发布《前置仓服务标准》，并宣布将于9月1日起推广。"
        "该标准对选品数量和拣货时长提出要求。\n截至7月底，前置仓数量已超过2万个。"
    )
    assert house.classify_kind("某某闪购发布前置仓新标准", platform).kind != house.GOVERNMENT
    agency = "近日，广东省政府办公厅发布《广东省推动直播电商高质量发展若干措施》，共计20条。"
    assert house.classify_kind("广东出台直播电商20条", agency).kind == house.GOVERNMENT


def test_notices_general_background_and_earlier_news_are_not_the_news():
    assert house.filler_reason("另悉，商务部将于9月在杭州举办首届大会，具体安排另行通知。") == "notice"
    assert house.filler_reason("直播电商是数字经济的重要组成部分。") == "background"
    assert house.filler_reason("今年3月，某平台曾宣布投入100亿元资源包。", house.COMPANY) == "earlier news"
    text = (
        "1月20日，某局发布《快递服务投诉处理办法》，自2026年3月1日起施行。\n"
        "近年来，我国快递业务量持续快速增长。与此同时，快件延误等问题仍时有发生。2025年共处理申诉约280万件。\n"
        "《办法》要求，快递企业应当自收到投诉之日起3日内作出答复。"
    )
    body = condense_item("某局发布快递服务投诉处理办法", text).body
    assert "280万件" not in body and "时有发生" not in body and "3日内" in body


def test_relative_years_and_a_day_with_its_own_date_are_made_absolute():
    day = dt.date(2025, 10, 14)
    assert house.absolute_dates("国新办今天（10月13日）举行发布会", day) == "国新办10月13日举行发布会"
    assert house.absolute_dates("截至今年7月底，今年前三季度", day) == "截至2025年7月底，2025年前三季度"
    assert house.absolute_dates("计划在明年3月前开放", day) == "计划在2026年3月前开放"
    # 今年以来 stays, as do quotations and 如今年…
    assert (
        house.absolute_dates("今年以来，如今年轻人说“今年上半年很好”", day)
        == "今年以来，如今年轻人说“今年上半年很好”"
    )


def test_a_release_learned_from_an_agency_is_data_and_its_scene_setting_opening_goes():
    text = (
        "本报记者 张三\n"
        "今年以来，各地持续推进农产品出村进城工程，农产品电商保持较快增长。记者昨日从农业农村部获悉，"
        "2025年前三季度，全国农产品网络零售额达4860亿元，同比增长13.2%。\n"
        "从品类看，休闲食品、茶叶和粮油位居前三位，合计占比超过65%。其中，生鲜水果网络零售额同比增长19.4%。\n"
        "从区域看，中部和西部地区同比分别增长16.1%和18.3%。"
    )
    result = condense_item("农产品电商保持较快增长", strip_boilerplate(text).text, dt.date(2025, 10, 28))
    assert result.kind == house.DATA
    assert result.body.startswith("据农业农村部消息，2025年前三季度")
    assert "今年以来" not in result.body


def test_agencies_are_spelled_out_at_first_mention_and_headlines_keep_them_short():
    texts = house.spell_out(
        [
            "商务部、中央网信办、市场监管总局等五部门近日联合印发《关于推动直播电商规范健康发展的指导意见》。",
            "市场监管总局表示。",
        ],
        "",
    )
    assert texts[0].startswith("商务部、中央网络安全和信息化委员会办公室、国家市场监督管理总局等五部门")
    assert texts[1] == "市场监管总局表示。"
    assert house.spell_out(["国家市场监管总局发布"]) == ["国家市场监管总局发布"]
    assert house.spell_out(["省商务厅相关负责人表示，我省将加快建设。"], "浙江省人民政府办公厅印发") == [
        "浙江省商务厅相关负责人表示，浙江省将加快建设。"
    ]
    title = house.suggest_title("五部门发文推动直播电商规范健康发展", texts[0], house.GOVERNMENT)
    assert title == "商务部等五部门：印发《关于推动直播电商规范健康发展的指导意见》"
    in_force = house.suggest_title(
        "国家邮政局发布新办法",
        "1月20日，国家邮政局发布《快递服务投诉处理办法》，自2026年3月1日起施行。",
        house.GOVERNMENT,
    )
    assert in_force == "国家邮政局：《快递服务投诉处理办法》2026年3月1日起施行"
    described = house.suggest_title(
        "得物推出溯源码，一物一码可查全链路", "4月8日，潮流网购平台得物宣布上线溯源码功能。"
    )
    assert described == "得物：推出溯源码，一物一码可查全链路"


def test_a_brief_item_drops_the_padding_that_opens_a_reports_sentence():
    assert house.trim_opening("据悉，得物计划在年底前将溯源码覆盖的品牌扩大至1000个。") == (
        "得物计划在年底前将溯源码覆盖的品牌扩大至1000个。"
    )
    assert house.trim_opening("据介绍，七鲜小厨采用合伙人模式，京东负责门店运营。").startswith("据介绍")
    assert (
        house.absolute_dates("今年618期间，今年“双11”期间", dt.date(2025, 6, 26))
        == "2025年618期间，2025年“双11”期间"
    )


def test_company_news_keeps_what_the_announced_thing_is_before_a_spokesmans_remark():
    text = (
        "10月21日，某某国际站在杭州发布AI外贸助手，首批向5万家中小外贸商家开放使用。"
        "该工具可自动完成询盘分析、多语种回复和报价单生成等工作。\n"
        "某某国际站总裁表示，过去回复一条询盘平均需要30分钟，使用AI助手后可缩短至5分钟以内，“我们希望让一个人也能做好外贸生意”。\n"
        "在为期两个月的内测中，参与测试的商家询盘回复率提高了35%。"
    )
    body = condense_item("某某国际站发布AI外贸助手", text, lengths=(90, 100), kind=house.COMPANY).body
    assert "该工具可自动完成" in body and "一个人也能" not in body


def test_an_author_in_the_first_person_writes_an_opinion_piece():
    text = (
        "近来，多家平台调整了退款规则。\n"
        "我们认为，规则调整的方向是对的，平台要兼顾商家与消费者。\n"
        "在我看来，监管部门也应加强引导，平台应当把规则公之于众。"
    )
    assert house.classify_kind("退款规则调整之后", text).kind == house.COMMENTARY
    quoted = "5月20日，某平台宣布推出新一轮商家扶持措施。“我们希望让商家少花钱，我们也会继续投入。”该平台负责人说。"
    assert house.classify_kind("某平台推出商家扶持措施", quoted).kind != house.COMMENTARY


def test_the_news_opens_after_a_quoted_scene_and_a_byline_is_debris():
    text = (
        "“过去是顾客走进店里，现在是店走到顾客身边。”北京一家连锁便利店的店长说，店里超过三成的订单来自线上。\n"
        "6月13日，某协会发布的报告显示，2023年我国即时零售市场规模达6500亿元，同比增长28.9%。\n"
        "报告显示，2023年医药健康品类订单量同比增长56%。"
    )
    body = condense_item("即时零售市场规模", text).body
    assert body.startswith("6月13日，某协会发布的报告显示") and "店长" not in body
    assert house.filler_reason("21世纪经济报道记者 林晓 杭州报道", house.GOVERNMENT) == "byline"
    assert house.filler_reason("该负责人向记者介绍") is None


def test_lead_markers_with_a_reporter_and_a_meeting_as_the_source_read_cleanly():
    assert house.strip_lead_marker("中国消费者报北京讯（记者 刘文静）11月24日，中国消费者协会发布报告。") == (
        "11月24日，中国消费者协会发布报告。"
    )
    assert house.strip_lead_marker("记者7日从全国邮政管理工作会议上获悉，2024年快递业务量完成1750亿件。") == (
        "据全国邮政管理工作会议消息，2024年快递业务量完成1750亿件。"
    )
    assert house.absolute_dates("今年前5个月", dt.date(2022, 6, 15)) == "2022年前5个月"
    assert (
        house.filler_reason("澎湃新闻注意到，近两年来，多地均出台了专项扶持政策。", house.GOVERNMENT)
        == "background"
    )


def test_a_source_told_with_its_short_name_aside_heads_the_title():
    from newsdesk.editorial.house import DATA, strip_lead_marker, suggest_title

    body = "据网联清算有限公司（以下简称“网联”）消息，春节假期网联平台共处理网络支付交易约198.6亿笔。"
    assert suggest_title("春节假期网联处理网络支付交易近200亿笔", body, DATA) == (
        "网联清算有限公司：春节假期网联处理网络支付交易近200亿笔"
    )
    assert strip_lead_marker("联商网消息，6月17日，盒马在上海新开4家门店，面积均超800平方米。").startswith(
        "6月17日"
    )
