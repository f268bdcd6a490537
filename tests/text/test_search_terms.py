"""What the search index stores and what a query asks for (no database)."""

import pytest

from newsdesk.text.search_terms import QueryError, index_tokens, parse_query, query_term, snippet


def _found(query: str, text: str) -> bool:
    """Whether every required term of ``query`` occurs as adjacent tokens in ``text``'s index
    tokens (what the databases then do with the same tokens)."""
    tokens = index_tokens(text)

    def has(term) -> bool:
        n = len(term.tokens)
        for i in range(len(tokens) - n + 1):
            window = tokens[i : i + n]
            head, last = window[:-1], window[-1]
            if list(head) == list(term.tokens[:-1]) and (
                last.startswith(term.tokens[-1]) if term.prefix else last == term.tokens[-1]
            ):
                return True
        return False

    parsed = parse_query(query)
    return all(any(has(t) for t in choice) for choice in parsed.required) and not any(
        has(t) for t in parsed.excluded
    )


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("京东", "京东物流启用新仓"),
        ("京东", "京东集团发布财报"),  # inside a longer compound
        ("零售", "全国网上零售额增长"),  # jieba keeps 零售额 one word
        ("网络零售额", "网络零售额同比增长"),
        ("京東", "京东集团"),  # Traditional query, Simplified text
        ("京东", "京東集團發布財報"),  # Simplified query, Traditional text
        ("５Ｇ", "5G手机销量"),  # full-width digits and letters
        ("5G", "５Ｇ手機"),
        ("EBAY", "eBay也在跨境电商中推出直播"),
        ("618", "京东618大促开启"),
        ("京", "北京商报"),  # one character: found wherever it stands
        ("报", "北京商报"),  # even as the last one of a run
        ("A股", "A股市场回暖"),
        ("京东5G", "京东5G手机"),
    ],
)
def test_an_editor_finds_what_the_text_says(query, text):
    assert _found(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("京东", "东京的京都"),  # the characters, not the word
        ("零售额", "零售总额"),
        ('"网络 零售额"', "网络购物零售额"),  # a phrase is adjacent
        ("5G", "G5峰会"),
        ("京东 -拼多多", "京东与拼多多"),
    ],
)
def test_and_does_not_find_what_it_does_not_say(query, text):
    assert not _found(query, text)


def test_words_separated_by_spaces_must_all_match_but_not_together():
    assert _found("网络 零售额", "网络购物零售额")
    assert not _found("网络 零售额 直播", "网络购物零售额")


def test_or_takes_either_word_and_binds_tighter_than_and():
    parsed = parse_query("京东 直播 OR 带货")
    assert [[t.text for t in choice] for choice in parsed.required] == [["京东"], ["直播", "带货"]]
    assert _found("京东 直播 OR 带货", "京东带货节")
    assert not _found("京东 直播 OR 带货", "天猫带货节")


def test_phrases_in_chinese_quotes_and_exclusions_of_phrases():
    parsed = parse_query("“国家 馆” -「拼多多」")
    assert [t.text for t in parsed.positive_terms()] == ["国家馆"]
    assert [t.text for t in parsed.excluded] == ["拼多多"]


@pytest.mark.parametrize("query", ["", "   ", "，。！", "-京东", "OR"])
def test_a_query_with_nothing_to_find_is_refused(query):
    with pytest.raises(QueryError):
        parse_query(query)


def test_cjk_runs_become_bigrams_and_latin_words_stay_words():
    assert index_tokens("京东集团 eBay 618") == ["京东", "东集", "集团", "团", "ebay", "618"]
    assert query_term("零售额").tokens == ("零售", "售额")


def test_snippet_marks_the_match_in_the_original_text_and_escapes_it():
    text = "前言。" * 40 + "<b>京東</b>集團發布５Ｇ手機" + "。后话" * 40
    cut = snippet(text, parse_query("京东 5G手机").positive_terms(), width=60)
    assert "<mark>京東</mark>" in cut.html
    assert "<mark>５Ｇ手機</mark>" in cut.html
    assert "&lt;b&gt;" in cut.html and "<b>" not in cut.html
    assert cut.text.startswith("…") and cut.text.endswith("…")
    assert len(cut.text) <= 62


def test_term_counts_read_the_text_as_the_index_does():
    from newsdesk.text.search_terms import TermCounter

    counts = TermCounter(parse_query("京东 5G OR eBay")).counts
    # 京东, 5G, eBay: (title, body) each
    assert counts("京东物流", "京东与EBAY合作，京东集团5G 手机") == [(1, 2), (0, 1), (0, 1)]
    # a text in Traditional characters and full-width forms is counted in its normalised form
    assert counts("京東物流", "京東與ｅＢａｙ合作") == [(1, 1), (0, 0), (0, 1)]
