from newsdesk.text.tags import extract_tags


def test_platforms_agencies_and_places_from_the_dictionary():
    tags = {
        (t.name, t.kind)
        for t in extract_tags(
            "抖音电商在上海市推出专场，工业和信息化部、商务部联合发布方案，浙江义乌商家参与。"
        )
    }
    assert {
        ("抖音电商", "platform"),
        ("工业和信息化部", "org"),
        ("商务部", "org"),
        ("上海市", "place"),
        ("义乌", "place"),
    } <= tags


def test_the_user_dictionary_extends_the_shipped_one(tmp_path):
    user = tmp_path / "tags.txt"
    user.write_text("# our own\n云上集市 platform\n", encoding="utf-8")
    assert ("云上集市", "platform") not in {(t.name, t.kind) for t in extract_tags("云上集市上线新功能。")}
    assert ("云上集市", "platform") in {
        (t.name, t.kind) for t in extract_tags("云上集市上线新功能。", str(user))
    }
