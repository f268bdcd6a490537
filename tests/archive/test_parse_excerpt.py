"""The real excerpt (pdftotext output of a published issue) parses into exactly its items."""

from newsdesk.archive.importer import parse_issue_file

EXPECTED = [
    # column, title, outlet, office_compiled, editorial_office, date, paragraphs
    (
        "行业资讯",
        "公安部：启动打击整治“网络水军”专项工作",
        "人民网",
        False,
        "《电子商务动态》编辑部",
        "2022-06-26",
        2,
    ),
    (
        "行业资讯",
        "京东将在上海嘉定打造无人电商运营中心",
        "东方网",
        False,
        "《电子商务动态》编辑部",
        "2022-06-28",
        3,
    ),
    (
        "行业资讯",
        "抖音电商“商家复产护航计划”推出上海专场",
        None,
        True,
        "《电子商务动态》编辑部",
        "2022-06-21",
        4,
    ),
    ("政策法规", "国务院印发《关于加强数字政府建设的指导意见》", "新华社", False, None, "2022-06-23", 5),
    (
        "政策法规",
        "工信部等五部门联合发布《数字化助力消费品工业“三品”行动方案（2022—2025年）》",
        "工信微报",
        False,
        "《电子商务动态》编辑部",
        "2022-07-04",
        5,
    ),
    (
        "数据观察",
        "工信部：我国数字经济规模超45万亿元 占GDP比重提升至39.8%",
        None,
        True,
        "《电子商务动态》编辑部",
        "2022-07-03",
        3,
    ),
    (
        "专家视点",
        "我国文化数字化与数字文化产业化按下“加速键”",
        "新华社",
        False,
        "《电子商务动态》编辑部",
        "2022-06-28",
        6,
    ),
    ("悦读电商", "元宇宙与数字经济", None, False, None, None, 3),
]


def test_excerpt_items_titles_outlets_dates(real_excerpt):
    issue, _ = parse_issue_file(real_excerpt)
    got = [
        (
            d["column"],
            d["title"],
            d["outlet"],
            d["office_compiled"],
            d["editorial_office"],
            d["date"],
            len(d["body"].split("\n")),
        )
        for d in (item.as_public_dict() for item in issue.items)
    ]
    assert got == EXPECTED
    assert issue.unplaced == []


def test_excerpt_reflow_rebuilds_paragraphs_and_keeps_words(real_excerpt):
    issue, _ = parse_issue_file(real_excerpt)
    first = issue.items[0].body.split("\n")
    # wrapped lines joined without spaces, stray spaces around numbers dropped
    assert first[0].startswith(
        "6月26日起，公安部网络安全保卫局在全国范围内启动为期6个月的依法打击整治“网络水军”专项工作，"
    )
    # the page break in mid-word ("的思\n 路") leaves no trace
    assert "按照“以打开路、以打促治”的思路，在依法打击" in first[1]
    # Latin words and numbers keep their own form
    jd = issue.items[1].body
    assert "121493.47平方米" in jd and "RFID、传感器" in jd
    # an attribution glued to the body's last line is split off; the body keeps its last words
    expert = issue.items[6].body
    assert expert.endswith("联手创造可持续发展的文物数字化的中国样本。")
    assert "来源" not in expert
    # the book has no attribution, its synopsis starts after 内容简介
    book = issue.items[7]
    assert book.attribution is None and book.body.startswith("人类正经历21世纪超级大转型")


def test_excerpt_teaches_the_publication(real_excerpt):
    issue, _ = parse_issue_file(real_excerpt)
    assert issue.publication.name == "电子商务动态"
    assert issue.publication.office == "《电子商务动态》编辑部"
    assert issue.publication.columns == ["行业资讯", "政策法规", "数据观察", "专家视点", "悦读电商"]
