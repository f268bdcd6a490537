"""Round 31: a fair's edition is the period of its figures and the fair still whose they are;
a festival's peak as a speaker tells it."""

from newsdesk.text.figures import extract_figures


def test_a_fairs_edition():
    found = extract_figures("第十三届进博会按一年计意向成交金额达812.4亿美元，比上届增长2.0%。")
    assert [(f.period, f.subject) for f in found] == [("第十三届进博会", "进博会按一年计意向成交金额")] * 2


def test_a_festivals_peak_as_spoken():
    found = extract_figures(
        "在北京朝阳区送快递的刘师傅说，双11高峰那几天他一天要派四五百件，比平时多一倍多。"
    )
    assert [f.period for f in found] == ["双11高峰那几天", "双11高峰那几天"]
