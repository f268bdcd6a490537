import json

import pytest

from newsdesk.editorial.columns import (
    DATA,
    INDUSTRY,
    POLICY,
    READING,
    VIEWPOINT,
    ColumnClassifier,
    ColumnModel,
    LabelledText,
    cross_validate,
    rule_hits,
)


@pytest.fixture(scope="module")
def stories():
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "fixtures" / "editorial" / "stories.jsonl"
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    return [LabelledText(r["title"], r["body"], r["column"], r["story"]) for r in rows]


def test_rules_name_their_reasons():
    policy = rule_hits(
        "国务院办公厅印发《关于进一步释放消费潜力促进消费持续恢复的意见》", "国务院办公厅日前印发意见。"
    )
    assert any(h.column == POLICY and "国务院办公厅" in h.reason for h in policy)
    book = rule_hits("元宇宙与数字消费", "内容简介\n本书探讨了元宇宙。作者认为……")
    assert any(h.column == READING for h in book)
    data = rule_hits(
        "上半年网上零售额63007亿元",
        "上半年全国网上零售额63007亿元，同比增长3.1%；实物商品网上零售额54493亿元，增长5.6%，占比25.9%。",
    )
    assert any(h.column == DATA and "figure" in h.reason for h in data)
    view = rule_hits(
        "直播电商如何走向规范",
        "中国人民大学教授李明认为，平台应当把好质量关。他建议建立信用体系，不能只追求销量。",
    )
    assert any(h.column == VIEWPOINT for h in view)


def test_without_a_model_rules_still_decide_and_say_so():
    s = ColumnClassifier(None).suggest(
        "商务部发布《电子商务平台服务规范》", "商务部日前发布《电子商务平台服务规范》，自2022年8月1日起施行。"
    )
    assert s.column == POLICY
    assert any("rules only" in r for r in s.reasons)
    assert ColumnClassifier(None).suggest("京东开设新仓库", "京东在成都开设新仓库。").column == INDUSTRY


def test_model_with_rules_files_unseen_stories_in_the_right_column(stories):
    result = cross_validate(stories, folds=4)
    assert result["accuracy"] >= 0.85
    assert sum(map(sum, result["confusion"])) == len(stories)


def test_a_trained_model_round_trips_and_gives_reasons(stories):
    model = ColumnModel().fit(stories)
    again = ColumnModel.loads(model.dumps())
    s = ColumnClassifier(again).suggest(
        "工信部印发《工业互联网专项工作方案》",
        "工业和信息化部日前印发《工业互联网专项工作方案》，明确了重点任务。",
    )
    assert s.column == POLICY
    assert 0.0 < s.confidence <= 1.0
    assert any(r.startswith("model:") for r in s.reasons)
    assert any(r.startswith("rule:") for r in s.reasons)


def test_training_needs_two_columns():
    with pytest.raises(ValueError):
        ColumnModel().fit([LabelledText("a", "b", INDUSTRY), LabelledText("c", "d", INDUSTRY)])


def test_a_forum_where_experts_speak_again_and_again_is_viewpoint():
    body = (
        "日前在杭州举行的数字贸易论坛上，与会专家指出，跨境电商正从铺货模式转向品牌出海。\n"
        "与会专家表示，海外仓和独立站建设需要长期投入，企业要算好长期账。\n"
        "有学者分析，数据合规将成为出海企业绕不开的门槛。与会专家表示，行业协会可以在标准制定上发挥更大作用。"
    )
    hits = rule_hits("跨境电商出海进入品牌时代", body)
    assert any(h.column == VIEWPOINT and "experts speak" in h.reason for h in hits)
    # one official statement in a news report is not commentary
    news = rule_hits(
        "京东物流在西安启用智能仓",
        "京东物流在西安启用智能仓。京东物流相关负责人表示，新仓日处理能力达百万件。",
    )
    assert not any(h.column == VIEWPOINT for h in news)


def test_the_compact_model_predicts_as_the_pipeline_without_scikit_learn(stories, tmp_path):
    """The model file's compact part (numpy only) gives the pipeline's probabilities and
    reasons, and a command that loads it never imports scikit-learn."""
    import subprocess
    import sys

    import numpy as np

    train, unseen = stories[::2], stories[1::2]
    model = ColumnModel().fit(train)
    assert model.compact is not None
    texts = [(s.title, s.body) for s in unseen]
    pipeline_x = model._pipeline_features(texts)
    expected = model.pipeline.named_steps["clf"].predict_proba(pipeline_x)
    loaded = ColumnModel.loads(model.dumps())
    assert loaded.pipeline is None and loaded.compact is not None
    assert loaded.columns == model.columns
    assert np.allclose(loaded.probabilities(texts), expected, rtol=0, atol=1e-9)
    x = loaded.features(texts)
    for i, (title, body) in enumerate(texts):
        column = model.columns[int(expected[i].argmax())]
        assert loaded.top_terms(title, body, column, row=x[i]) == model._pipeline_top_terms(
            column, 3, pipeline_x[i]
        )
    # the pipeline is still in the file: written again, it reads back whole
    assert ColumnModel.loads(loaded.dumps()).compact is not None

    path = tmp_path / "columns.pkl"
    path.write_bytes(model.dumps())
    code = (
        "import sys, json\n"
        "from pathlib import Path\n"
        "from newsdesk.editorial.columns import ColumnClassifier, ColumnModel\n"
        f"model = ColumnModel.loads(Path({str(path)!r}).read_bytes())\n"
        "s = ColumnClassifier(model).suggest('工信部印发《工业互联网专项工作方案》', '工业和信息化部日前印发方案。')\n"
        "print(json.dumps([s.column, 'sklearn' in sys.modules, 'scipy' in sys.modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [POLICY, False, False]


def test_a_model_file_of_the_earlier_format_still_loads(stories):
    import pickle

    model = ColumnModel().fit(stories)
    old = pickle.dumps({"pipeline": model.pipeline, "columns": model.columns, "examples": model.examples})
    loaded = ColumnModel.loads(old)
    assert loaded.compact is None and loaded.pipeline is not None
    s = ColumnClassifier(loaded).suggest(
        "上半年网上零售额63007亿元", "上半年全国网上零售额63007亿元，同比增长3.1%。"
    )
    assert s.column == DATA


def test_items_built_around_figures_are_data_whoever_gives_them():
    """The house files a company's results or 战报 under 数据观察 as it does a statistics
    release: the headline states the figure and the text gives one after another."""
    results = ColumnClassifier(None).suggest(
        "拼多多二季度营收970.6亿元 同比增长86%",
        "拼多多发布二季度财报，营收970.6亿元，同比增长86%；净利润320亿元，同比增长144%；"
        "经调整净利润326亿元，同比增长126%。",
    )
    assert results.column == DATA
    assert any("headline states figures" in r for r in results.reasons)
    release = ColumnClassifier(None).suggest(
        "前5个月全国网上零售额超5万亿元",
        "国家统计局数据显示，1—5月份，全国网上零售额50005亿元，同比增长4.2%。其中，实物商品网上零售额43040亿元，"
        "增长6.0%，占社会消费品零售总额的比重为24.1%。",
    )
    assert release.column == DATA
    # what a company does with an amount is its news
    plan = ColumnClassifier(None).suggest(
        "拼多多推出“千亿扶持”计划 三年投入超1000亿元",
        "4月7日，拼多多宣布推出“千亿扶持”计划，未来三年投入超过1000亿元资源，其中100亿元用于降低商家成本，"
        "商家年费减免50%，新商家首年佣金减免30%。",
    )
    assert plan.column == INDUSTRY
    # and so is the stock market's day, however many figures it gives
    shares = ColumnClassifier(None).suggest(
        "营收不及预期 拼多多美股盘前跌超9%",
        "拼多多二季度营收970.6亿元，同比增长86%，低于市场预期的1000亿元；净利润320亿元。"
        "财报发布后，拼多多美股盘前一度下跌超过9%，市值蒸发约150亿美元。",
    )
    assert shares.column == INDUSTRY
    assert any("stock market" in r for r in shares.reasons)


def test_an_authority_acting_is_news_and_a_document_is_policy():
    talk = ColumnClassifier(None).suggest(
        "市场监管总局约谈主要外卖平台企业",
        "5月13日，市场监督管理总局约谈饿了么、美团、京东等外卖平台企业，要求相关平台严格遵守《电子商务法》"
        "《反不正当竞争法》等法律法规规定，理性参与竞争。",
    )
    assert talk.column == INDUSTRY
    assert any("authority acting (约谈)" in r for r in talk.reasons)
    campaign = rule_hits(
        "公安部：启动打击整治“网络水军”专项工作",
        "6月26日起，公安部网络安全保卫局在全国范围内启动为期6个月的依法打击整治“网络水军”专项工作。",
    )
    assert any(h.column == INDUSTRY for h in campaign) and not any(h.column == POLICY for h in campaign)
    cited = rule_hits("欧盟委员会初步认定Temu违反《数字服务法》", "欧盟委员会发布声明称，经初步调查认定…")
    assert not any(h.column == POLICY for h in cited)
    plan = ColumnClassifier(None).suggest(
        "市场监管总局部署开展网络市场监管专项行动",
        "近日，市场监管总局印发《2022网络市场监管促发展保安全专项行动方案》，部署在全国范围内开展专项行动。",
    )
    assert plan.column == POLICY
    notice = ColumnClassifier(None).suggest(
        "商务部部署开展电子商务示范基地综合评价", "商务部办公厅日前印发通知，部署开展2024年度综合评价工作。"
    )
    assert notice.column == POLICY


def test_commentary_full_of_figures_is_a_viewpoint_and_a_report_quoting_an_expert_is_news():
    commentary = ColumnClassifier(None).suggest(
        "别只盯着网上零售额的增速",
        "前10个月全国网上零售额增长6.3%，占比升至25.9%，快递业务量增长19.4%。但也要看到，增速放缓并不可怕，"
        "关键在于服务消费能否接上。说到底，消费者要的不只是低价，而是放心。与其比拼规模，不如比拼体验。",
    )
    assert commentary.column == VIEWPOINT
    news = ColumnClassifier(None).suggest(
        "京东物流在成都启用智能仓",
        "6月10日，京东物流在成都启用西南最大的智能仓，日处理订单能力达到100万单。"
        "中国物流学会研究员张明认为，智能仓将缩短西南地区的配送时间。",
    )
    assert news.column == INDUSTRY
    # a report whose quoted speakers argue (既要…也要) is still news
    quoted = ColumnClassifier(None).suggest(
        "京东发布乡村振兴“奔富计划”新进展",
        "近日，京东方面介绍“奔富计划”实施进展。据悉，京东通过产地直采、产业带招商、物流下沉等方式，"
        "带动多地农特产品上行，并在部分县域建设产地仓和冷链设施，缩短农产品流通环节。\n"
        "京东相关负责人表示，下一步将继续围绕农产品品牌打造、农村物流网络建设、乡村人才培训等方面发力，"
        "帮助更多县域特色产业拓展线上销售渠道。业内人士指出，电商平台参与乡村振兴，既要“卖得好”，"
        "也要帮助产地提升标准化和品牌化水平。",
    )
    assert quoted.column == INDUSTRY
    interview = rule_hits(
        "专访对外经贸大学教授：跨境电商要从“卖货”走向“品牌出海”",
        "围绕跨境电商如何应对外部环境变化，记者专访了对外经济贸易大学国际经济贸易学院教授。",
    )
    assert any(h.column == VIEWPOINT and "interviewed" in h.reason for h in interview)


def test_a_new_warehouse_with_its_size_is_news():
    hits = rule_hits(
        "菜鸟在巴西新建3万平方米海外仓",
        "近日，菜鸟位于巴西圣保罗的海外仓正式启用，面积达3万平方米，日处理订单能力超过10万单，"
        "预计每年处理包裹超过3000万件。",
    )
    assert not any(h.column == DATA for h in hits)


def test_a_fresh_install_fits_the_model_on_the_shipped_examples():
    from newsdesk.editorial.columns import HOUSE_COLUMNS, bundled_examples, with_bundled

    shipped = bundled_examples()
    assert {e.column for e in shipped} == set(HOUSE_COLUMNS)
    assert len(with_bundled([])) == len(shipped)
    own = [LabelledText(f"标题{i}", "正文", INDUSTRY) for i in range(600)]
    assert with_bundled(own) == own  # a large archive speaks for itself


def test_traditional_text_is_classified_in_simplified():
    s = ColumnClassifier(None).suggest(
        "國務院辦公廳印發《關於進一步釋放消費潛力促進消費持續恢復的意見》", "國務院辦公廳日前印發意見。"
    )
    assert s.column == POLICY
    assert "国务院办公厅" in s.reasons[0]


def test_reasons_are_one_line_each():
    s = ColumnClassifier(None).suggest(
        "市场监管总局约谈外卖平台", "外卖平台\n5月13日，市场监管总局约谈主要外卖平台企业。"
    )
    assert s.reasons and all("\n" not in r for r in s.reasons)
