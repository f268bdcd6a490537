"""A Traditional reprint is analysed, clustered and printed in Simplified."""

from newsdesk.editorial.pipeline import analyse
from newsdesk.store.editorial import StoredArticle


def test_a_traditional_reprint_is_analysed_in_simplified():
    article = StoredArticle(
        1,
        "京東第三季收入按年增長近15%",
        "京東集團公佈業績，收入2991億元人民幣，按年增長14.9%。服務(wù)收入增加。",
        None,
        None,
    )
    analysis = analyse(article)
    assert analysis.article.title == "京东第三季收入按年增长近15%"
    assert analysis.clean_text == "京东集团公布业绩，收入2991亿元人民币，按年增长14.9%。服务收入增加。"
    assert {(f.value, f.unit) for f in analysis.figures} >= {(2991e8, "元")}
    assert article.title == "京東第三季收入按年增長近15%"  # the stored article keeps its original
