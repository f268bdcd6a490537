from newsdesk.text.sentences import join_sentences, split_paragraph, split_sentences


def test_sentences_end_at_chinese_terminators_and_semicolons():
    assert split_paragraph("今年增长很快。明年呢？当然！其一；其二。") == [
        "今年增长很快。",
        "明年呢？",
        "当然！",
        "其一；",
        "其二。",
    ]


def test_a_quotation_stays_whole_with_its_closing_mark():
    text = "他说：“今年增长很快。我们很满意。”随后离开。"
    assert split_paragraph(text) == ["他说：“今年增长很快。我们很满意。”", "随后离开。"]


def test_the_speaker_after_a_quotation_stays_with_it():
    assert split_paragraph("“这是好事。”他说。下一句。") == ["“这是好事。”他说。", "下一句。"]


def test_decimal_points_and_latin_dots_do_not_split():
    assert split_paragraph("版本2.0上线，eBay.com同步。") == ["版本2.0上线，eBay.com同步。"]


def test_ellipsis_ends_a_sentence_but_not_inside_a_list():
    assert split_paragraph("还有很多……下一句。") == ["还有很多……", "下一句。"]
    assert split_paragraph("衣服、鞋子等等……的需求都在增长。") == ["衣服、鞋子等等……的需求都在增长。"]


def test_paragraphs_are_kept_and_full_width_indents_dropped():
    sentences = split_sentences("\u3000\u3000第一段。第二句。\n\n  第二段。")
    assert [(s.paragraph, s.text) for s in sentences] == [(0, "第一段。"), (0, "第二句。"), (1, "第二段。")]
    assert join_sentences(sentences) == "第一段。第二句。\n第二段。"
