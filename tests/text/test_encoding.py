import os

import pytest

from newsdesk.text.encoding import NotTextError, decode_bytes

SAMPLE = "来源：“人民网” 编选：《电子商务动态》编辑部 2022 年 06 月 26 日，公安部网络安全保卫局启动为期 6 个月的专项工作。"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_chinese_text_decodes_in_common_encodings(encoding):
    assert decode_bytes(SAMPLE.encode(encoding)).text == SAMPLE


def test_big5_decodes():
    text = "繁體中文新聞報導，公司營收成長百分之十二，電子商務平台持續擴張。"
    assert decode_bytes(text.encode("big5")).text == text


def test_wrong_declared_encoding_is_not_trusted():
    decoded = decode_bytes(SAMPLE.encode("gbk"), declared=["utf-8"])
    assert decoded.text == SAMPLE


def test_gb2312_label_is_widened_for_gbk_only_characters():
    text = "镕基与喆字属于GBK而不在GB2312中，标签写的却是GB2312。"
    assert decode_bytes(text.encode("gbk"), declared=["gb2312"]).text == text


def test_binary_junk_is_refused():
    with pytest.raises(NotTextError):
        decode_bytes(b"\x00\x01\x02PK\x03\x04" + os.urandom(4000))
