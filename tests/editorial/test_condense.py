import json

from newsdesk.editorial.condense import condense


def load(fixtures_dir):
    return [
        json.loads(line)
        for line in (fixtures_dir / "editorial" / "condense.jsonl").read_text("utf-8").splitlines()
    ]


def test_condensed_bodies_keep_what_the_editor_kept_within_the_length(fixtures_dir):
    kept_right = wanted = 0
    for article in load(fixtures_dir):
        result = condense(article["title"], article["text"], article["min"], article["max"])
        assert result.length <= article["max"]
        kept = [s.text for s in result.kept]
        kept_right += sum(1 for k in article["keep"] if k in kept)
        wanted += len(article["keep"])
        # original order
        positions = [article["text"].index(s) for s in kept]
        assert positions == sorted(positions)
        assert "责任编辑" not in result.body and "（完）" not in result.body and "扫码" not in result.body
    assert kept_right / wanted >= 0.9


def test_paragraphs_survive_and_end_as_sentences():
    text = "第一段开头说明京东发布新计划，投资10亿元；\n这是另一段无关紧要的话。\n第三段：京东计划覆盖300个城市，惠及5000万用户；"
    result = condense("京东发布新计划", text, 20, 60)
    assert "\n" in result.body
    for paragraph in result.body.split("\n"):
        assert paragraph.endswith("。")


def test_short_texts_are_kept_whole_without_boilerplate():
    result = condense("标题", "本报讯（记者 张三）第一句。第二句。\n责任编辑：李四", 10, 600)
    assert result.body == "第一句。第二句。"


def test_figures_and_the_title_subject_go_first():
    filler = "会议还讨论了其他一些议题，与会代表踊跃发言，气氛热烈。" * 6
    text = f"{filler}\n据统计，上半年全国网上零售额63007亿元，同比增长3.1%。\n{filler}"
    result = condense("上半年全国网上零售额增长3.1%", text, 20, 80)
    assert "63007亿元" in result.body


def test_one_shops_anecdote_ranks_below_the_same_fact_told_as_news():
    from newsdesk.editorial.condense import score_sentences
    from newsdesk.text.sentences import split_sentences

    title = "可循环快递箱使用量超千万个"
    lead = "国家邮政局10日发布数据，全国可循环快递箱使用量超过1200万个。\n"
    anecdote = split_sentences(lead + "一家驿站负责人说，每天回收的纸箱能有200多个。")
    news = split_sentences(lead + "全国各驿站每天回收的纸箱平均有200多个。")
    assert score_sentences(title, anecdote)[1] < score_sentences(title, news)[1] - 0.5


def test_an_opinion_piece_keeps_its_argument_and_drops_the_reporting_around_it():
    from newsdesk.editorial import house
    from newsdesk.editorial.condense import condense_item

    text = (
        "【经济时评】\n"
        "近日，一份行业报告显示，直播电商服饰类商品的平均退货率已接近50%。高退货率推高了商家的成本，也折射出行业的深层次问题。\n"
        "高退货率的成因是多方面的。从消费者角度看，限时秒杀等营销手段容易诱发冲动消费。从商家角度看，部分直播间存在夸大宣传等问题。\n"
        "说到底，高退货率反映的是信任赤字。一旦展示与实物不符，消费者的信任就会迅速流失。\n"
        "破解这一难题，需要多方协同发力。主播要坚持诚信经营，平台要完善治理规则，消费者也应理性消费。\n"
        "据了解，部分平台已上线退货率提示功能。也有平台对退货率异常的直播间进行限流处理，并要求整改。"
        "一些品牌尝试在直播中引入真人试穿，让消费者对商品有更真实的了解。\n"
        "（作者：王明，系某研究院研究员）"
    )
    result = condense_item("破解直播电商高退货率难题", text)
    assert result.kind == house.COMMENTARY
    assert "说到底" in result.body and "多方协同发力" in result.body
    assert "据了解" not in result.body and "真人试穿" not in result.body
    assert "作者" not in result.body and "时评" not in result.body
