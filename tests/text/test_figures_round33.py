"""Round 33: a number said short before the move it made, a made-up name."""

from newsdesk.text.figures import extract_figures


def test_a_short_number_before_its_move():
    found = extract_figures("“今年1—5月我们发往中东的订单翻了一番，单量从每天两千五涨到五千多单。”")
    assert [(f.text, f.value) for f in found][1:] == [("两千五", 2500), ("五千多单", 5000)]
    assert found[1].subject == found[2].subject


def test_a_name_the_paper_made_up_is_a_name():
    found = extract_figures(
        "香港速遞員阿強（化名）話：「618嗰排跨境件多咗好多，我一日要派成百五件，平時都係八九十件。」"
    )
    assert {f.subject for f in found} == {"香港速递员阿强日派件量"}
