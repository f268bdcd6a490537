import subprocess
import sys

from newsdesk.text.script import is_traditional, strip_pinyin_glosses, to_simplified


def test_traditional_report_becomes_simplified():
    assert to_simplified("阿里巴巴集團公佈業績，營業收入與去年相比增長8%，罰款共計13.41億元") == (
        "阿里巴巴集团公布业绩，营业收入与去年相比增长8%，罚款共计13.41亿元"
    )


def test_hong_kong_variant_forms_too():
    assert to_simplified("衞生綫上") == "卫生线上"


def test_simplified_text_is_left_alone():
    text = "我国数字经济规模超45万亿元，显著提升；著名电商平台发布行业资讯。"
    assert to_simplified(text) == text


def test_pinyin_glosses_are_dropped():
    assert strip_pinyin_glosses("服務(wù)電（diàn）商(diàn shāng)") == "服務電商"
    assert to_simplified("服務(wù)電(dian4)商") == "服务电商"


def test_brackets_that_are_not_pinyin_stay():
    text = "营收(app)增长(12%)，品牌(TM)与(Logo)"
    assert strip_pinyin_glosses(text) == text


def test_is_traditional():
    assert is_traditional("香港特區政府宣佈，網購業務與電子支付發展迅速。")
    assert not is_traditional("香港特区政府宣布，网购业务与电子支付发展迅速。")


def test_opencc_is_not_imported_until_needed():
    code = "import sys, newsdesk.text.script, newsdesk.editorial.pipeline; print('opencc' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_hong_kong_characters_are_kept_not_turned_into_rare_ones():
    assert to_simplified("北上買餸，嗰間舖") == "北上买餸，嗰间铺"
