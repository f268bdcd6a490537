from newsdesk.text.commentary import commentary_score, is_commentary

REPORT_TITLE = "闲鱼9月1日起向卖家收取0.6%服务费"
REPORT = (
    "新华社杭州8月20日电 闲鱼20日发布公告，自9月1日起向卖家收取0.6%的基础软件服务费，"
    "单笔最高60元，年成交1万元以内的个人卖家免收。\n"
    "闲鱼方面表示，收费所得将用于打击假货、提升交易体验。"
)
COMMENT_TITLE = "评论：闲鱼收费，二手平台告别“流量免费”时代"
COMMENT = (
    "闲鱼开始向卖家收取服务费，看似只是费率0.6%的小调整，实则是二手交易平台商业模式的一次转向。\n"
    "在笔者看来，收费本身并不可怕，关键在于收来的钱能否换来更干净的交易环境。"
    "但也要看到，职业卖家与个人卖家的边界并不清晰，平台不能只看成交额。"
)


def test_labelled_opinion_piece_is_commentary_and_says_why():
    score = commentary_score(COMMENT_TITLE, COMMENT)
    assert score.is_commentary
    assert any("评论" in r for r in score.reasons)
    assert any("笔者" in r or "关键在于" in r for r in score.reasons)


def test_news_report_with_a_dateline_is_not_commentary():
    score = commentary_score(REPORT_TITLE, REPORT)
    assert not score.is_commentary
    assert any("opens as news" in r for r in score.reasons)


def test_unlabelled_argument_is_recognised_by_its_voice():
    title = "让每一种支付方式都有用武之地"
    body = (
        "国务院办公厅日前出台的优化支付服务意见，回应了一个现实问题。\n"
        "支付便利不是只追求“快”，还要追求“全”。扫码支付、银行卡和现金不是彼此替代的关系，而应各有其位。"
    )
    assert is_commentary(title, body)


def test_rules_full_of_shall_are_not_opinion():
    title = "国家网信办公布《数据出境安全评估办法》"
    body = (
        "新华社北京7月7日电 国家互联网信息办公室7日公布《数据出境安全评估办法》，自2022年9月1日起施行。\n"
        "办法规定，数据处理者向境外提供数据，应当申报数据出境安全评估；评估结果有效期为2年，"
        "数据处理者应当在有效期届满60个工作日前重新申报。"
    )
    assert not is_commentary(title, body)


def test_an_explainers_questions_are_not_argument():
    title = "杭州独立站补贴怎么领？建站推广费补30%"
    body = (
        "3月15日，杭州市政府办公厅印发《关于推动跨境电商独立站高质量发展的若干措施》。\n"
        "问：建站和推广的钱能补多少？答：可以获得30%的补助，单个企业每年最高50万元。\n"
        "问：大卖有没有额外奖励？答：有，年销售额首次超过1亿元的，最高可获200万元奖励。\n"
        "除了钱，还有什么支持？\n杭州将建设跨境电商独立站服务中心，提供一站式服务。"
    )
    score = commentary_score(title, body)
    assert not score.is_commentary, score.reasons


def test_a_signed_opinion_is_commentary_on_its_note_alone():
    body = "平台规则的每一次调整，都牵动着数以百万计商家的经营。\n（作者系中国人民大学法学院副教授）"
    assert is_commentary("平台规则治理要兼顾效率与公平", body)


def test_an_explainer_headline_is_never_commentary():
    title = "天猫618官方立减怎么用？国补能不能叠加？一文看懂"
    body = "今年618怎么买最划算？需要领券吗？官方立减15%起，可与国补叠加，但也要看到规则细节。"
    score = commentary_score(title, body)
    assert score.score == 0.0
    assert score.reasons[0].startswith("an explainer")


def test_a_columns_label_after_the_outlets_name_marks_commentary():
    assert commentary_score("新京报快评｜主播偷逃税被查，隐匿收入的路越走越窄", "").is_commentary
    assert commentary_score("每经评论｜骑手社保补贴加码，平台自选动作如何变成制度安排", "").is_commentary
    assert not commentary_score("京东快评价体系上线 买家可一键晒单", "").is_commentary


def test_a_columnists_signature_at_the_head_marks_commentary():
    argued = "元旦起新规施行。在我看来，最值得关注的不是罚款上限，而是它把原价拉回了事实层面。"
    signed = commentary_score("新规落地，治的是原价幻觉", "□林舟（财经评论人） " + argued)
    assert signed.is_commentary and "an author note" in signed.reasons
    hong_kong = (
        "文：林家明 内地电商日前公布年度榜单。表面看是年轻人为开心买单。笔者认为，这反映居民对收入预期谨慎。"
    )
    column = commentary_score("榜单背后的消费心态", hong_kong)
    assert column.is_commentary and "an author note" in column.reasons
    reported = commentary_score("榜单公布", "记者林家明 内地电商日前公布年度榜单，情绪消费成年度热词。")
    assert "an author note" not in reported.reasons and not reported.is_commentary


def test_an_analysts_or_a_papers_commentators_signature_marks_commentary():
    view = "2026年网上零售额占社零比重达到27%。这一数字背后，有三点值得关注。"
    for signature in (
        "■刘振川（某券商研究所宏观分析师） ",
        "第一财经评论员 陈默 ",
        "文/经济观察报特约评论员 许衡 ",
    ):
        assert "an author note" in commentary_score("网购占比升至27%之后", signature + view).reasons
