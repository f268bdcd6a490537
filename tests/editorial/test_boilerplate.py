from newsdesk.editorial.boilerplate import strip_boilerplate


def test_datelines_bylines_and_signoffs_are_dropped():
    text = "本报讯（记者 张三 李四）6月26日，京东宣布启动新项目。\n项目总投资10亿元。（完）\n责任编辑：王五"
    assert strip_boilerplate(text).text == "6月26日，京东宣布启动新项目。\n项目总投资10亿元。"


def test_agency_datelines_are_dropped_from_the_first_paragraph_only():
    text = "新华社北京6月27日电（记者 高敬）商务部今天发布数据。\n人民网北京6月26日电的报道也提到此事。"
    clean = strip_boilerplate(text).text
    assert clean.startswith("商务部今天发布数据。")
    assert "人民网北京6月26日电" in clean  # inside the text it is content


def test_captions_share_widgets_and_scan_prompts_go():
    text = (
        "正文第一段。\n图为活动现场。（记者 赵六 摄）\n分享到：微信 微博 QQ空间\n"
        "扫码关注我们的公众号\n点击阅读原文\n微信 微博 QQ空间\n正文第二段。"
    )
    result = strip_boilerplate(text)
    assert result.text == "正文第一段。\n正文第二段。"
    assert len(result.removed) == 5


def test_a_long_paragraph_that_mentions_scanning_is_content():
    paragraph = (
        "消费者在门店扫码即可领取消费券，"
        + "活动覆盖全市三百多家门店，持续到月底，" * 4
        + "商家反映客流明显回升。"
    )
    assert strip_boilerplate(paragraph).text == paragraph


def test_reporter_byline_before_the_first_words():
    assert strip_boilerplate("东方网记者 王磊 报道 日前，项目开工。").text == "日前，项目开工。"


def test_the_story_after_a_dateline_is_not_taken_for_a_reporter():
    text = "本报讯（记者 汪洋 通讯员 刘芳）记者近日从砀山县商务局获悉，今年前三季度该县网络零售额103.6亿元。"
    assert strip_boilerplate(text).text == "记者近日从砀山县商务局获悉，今年前三季度该县网络零售额103.6亿元。"


def test_byline_and_page_date_lines_of_a_scraped_page_go():
    text = (
        "来源：经济日报\u30002024-08-12 06:12\n字号：大 中 小\n经济日报记者 冯其予\n"
        "大众日报客户端记者 李子路 通讯员 王军 报道\n记者从中国物流与采购联合会获悉，全国冷库总容量突破2.3亿立方米。"
    )
    result = strip_boilerplate(text)
    assert result.text == "记者从中国物流与采购联合会获悉，全国冷库总容量突破2.3亿立方米。"
    assert len(result.removed) == 4


def test_a_commentators_signature_is_not_cut_inside_the_title():
    text = "文/经济观察报特约评论员 许衡 从2021年的头部主播案到本周通报的案件，手法几乎如出一辙。"
    assert strip_boilerplate(text).text.startswith("文/经济观察报特约评论员 许衡")
    assert strip_boilerplate("文/张三 本周通报的案件手法如出一辙。").text.startswith("本周")
