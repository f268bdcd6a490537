from newsdesk.text.normalize import display_width, join_lines, tidy_spaces, undo_letter_spacing


def test_stray_spaces_around_numbers_go_latin_spacing_stays():
    assert tidy_spaces("6 月 26 日起，千兆用户数突破 5000 万") == "6月26日起，千兆用户数突破5000万"
    assert tidy_spaces("eBay Live 与 5G 基站") == "eBay Live与5G基站"
    # a space between two Chinese phrases is a separator in a title and stays
    assert tidy_spaces("规模超 45 万亿元 占 GDP 比重提升至39.8%") == "规模超45万亿元 占GDP比重提升至39.8%"


def test_join_lines_chinese_without_space_latin_with_one():
    assert join_lines("依法打击整治“网", "络水军”") == "依法打击整治“网络水军”"
    assert join_lines("直播平台 eBay", "Live 上线") == "直播平台 eBay Live 上线"
    assert join_lines("预计202", "2年") == "预计2022年"


def test_display_width_counts_chinese_as_one_cell():
    assert display_width("abc中文") == 3.5


def test_letter_spaced_extraction_is_undone_but_real_separators_stay():
    spaced = "公 安 部 网 络 安 全 保 卫 局 在 全 国 范 围 内 启 动 为 期 六 个 月 的 专 项 工 作 。"
    assert undo_letter_spacing(spaced) == "公安部网络安全保卫局在全国范围内启动为期六个月的专项工作。"
    title = "我国数字经济规模超45万亿元 占GDP比重提升至39.8% 数字产业化深入推进取得成效"
    assert undo_letter_spacing(title) == title
