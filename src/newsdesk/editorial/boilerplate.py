"""Drop what an editor strikes out before condensing: datelines, bylines, sign-offs,
captions, share widgets and "scan the code" prompts.

Two levels: whole paragraphs that are boilerplate (``责任编辑：王五``, ``（完）``, an image
caption, ``点击阅读原文``) and boilerplate *prefixes/suffixes* inside a real paragraph
(``本报讯（记者 张三）`` before the first sentence, ``（记者 李四 摄）`` after a caption).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdesk.text.sentences import split_paragraphs

_NUM = r"[0-9０-９一二三四五六七八九十〇零]"
# 本报讯 / 本报北京6月26日讯 / 新华社北京6月26日电 / 人民网上海6月26日电 / 中新网6月26日电
_DATELINE = re.compile(
    rf"^\s*(?:【[^】]{{1,30}}】|本报讯|本报[^，。（(]{{0,14}}讯|[（(][\u4e00-\u9fa5A-Za-z0-9]{{2,12}}讯[）)]|"
    rf"[\u4e00-\u9fa5A-Za-z0-9]{{2,12}}?(?:网|社|报|台|新闻|客户端|财经)讯|"
    rf"[\u4e00-\u9fa5A-Za-z]{{2,12}}?(?:网|社|报|台|新闻|客户端)?[\u4e00-\u9fa5]{{0,6}}{_NUM}{{1,2}}\s*月\s*{_NUM}{{1,3}}\s*日\s*(?:电|讯|消息))"
    # a reporter's name ends at a space, 报道 or a colon: 记者近日从…获悉 is the story itself
    r"\s*(?:[（(][^）)]{0,40}[）)])?"
    r"\s*(?:记者\s*[\u4e00-\u9fa5·]{2,4}(?:\s+[\u4e00-\u9fa5·]{2,4})*(?:\s*报道\s*|\s+|(?=[：:])))?[：:]?\s*"
)
# （记者 张三 李四）, 记者 张三 报道, 文/张三, 作者：张三 at the start of the text
_LEADING_BYLINE = re.compile(
    r"^\s*(?:[（(]\s*(?:记者|通讯员|作者|文|编辑)[^）)]{0,40}[）)]|"
    r"[\u4e00-\u9fa5]{0,8}?(?:记者|通讯员)\s*[\u4e00-\u9fa5·]{2,4}(?:\s+[\u4e00-\u9fa5·]{2,4})*?\s*(?:报道|摄)?\s+|"
    # (a name, not the start of a longer title: 文/经济观察报特约评论员 许衡 is a commentator's
    # signature, which the commentary cues read)
    r"(?:文|作者|撰文)\s*[/／：:]\s*[\u4e00-\u9fa5·]{2,8}(?![\u4e00-\u9fa5·])\s*)"
)
# trailing （完） （记者 张三） （编辑 李四） （责任编辑：王五） （本文来源：…）
_TRAILING = re.compile(
    r"\s*[（(【\[]\s*(?:完|记者[^）)]{0,30}|通讯员[^）)]{0,30}|编辑[^）)]{0,30}|责任编辑[^）)]{0,30}|"
    r"责编[^）)]{0,30}|校对[^）)]{0,30}|本文来源[^）)]{0,40}|来源[：:][^）)]{0,40})\s*[）)】\]]\s*$"
)
_BOILERPLATE_PARAGRAPH = [
    re.compile(p)
    for p in (
        r"^[（(【\[]?\s*完\s*[）)】\]]?$",
        r"^(?:责任编辑|责编|编辑|校对|审核|监制|主编|记者|通讯员|作者|撰文|摄影|图片来源|来源|原标题|本文来源|出品|策划)\s*[：:/／]",
        r"^(?:点击|扫码|扫描|长按|识别|关注|分享到|分享至|转发|收藏|点赞|在看|阅读原文|阅读全文|下载|打开)",
        r"(?:扫码|二维码|扫一扫|点击(?:上方|下方|关注|阅读|查看|进入|这里)|关注(?:我们|公众号)|阅读原文|下载客户端|打开APP|更多精彩)",
        r"^(?:微信|微博|QQ|QQ空间|朋友圈|豆瓣)(?:\s+(?:微信|微博|QQ|QQ空间|朋友圈|豆瓣))+\s*$",
        r"^(?:免责声明|版权声明|声明)[：:]",
        r"^(?:图|图片|图为|图注|配图|资料图|视觉中国|新华社发)[:：\s]",
        r"^图为",
        r"[（(]\s*[\u4e00-\u9fa5·\s]{2,12}摄\s*[）)]\s*$",
        r"^(?:上一篇|下一篇|相关阅读|相关新闻|推荐阅读|延伸阅读|热门推荐)",
        # a byline on its own line: 本报记者 罗珊珊, 大众日报客户端记者 李子路 通讯员 王军 报道
        r"^[\u4e00-\u9fa5]{0,10}(?:记者|通讯员)\s*[\u4e00-\u9fa5·]{2,4}"
        r"(?:\s+(?:(?:记者|通讯员)\s*)?[\u4e00-\u9fa5·]{2,4})*\s*(?:报道)?$",
        # the page's date and source line: 2024-05-20 08:45:12　来源：南方日报
        r"^(?:来源[：:]\S{2,20}\s*)?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
        r"(?:\s*来源[：:]\S{2,20})?$",
        r"^字号[：:]",
        # a commentary's signature on its own line: 钱伟, □ 钟 禾
        r"^[□■●◎]?\s*[\u4e00-\u9fa5](?:\s?[\u4e00-\u9fa5]){1,3}$",
        r"^(?:本文|此文|本稿)(?:系|为|由)[^。]{0,40}(?:授权|转载|原创|首发)",
        # 文 | 王磊, 界面新闻记者 | 彭新
        r"^(?:文|图|作者|撰文|[\u4e00-\u9fa5]{0,8}(?:记者|通讯员))\s*[|｜/／]\s*[\u4e00-\u9fa5·]{2,4}(?:\s+[\u4e00-\u9fa5·]{2,4})*$",
        r"^[\[【]?(?:责任编辑|编辑)[^】\]]*[\]】]?$",
        # 该内容为作者独立观点，不代表本站立场。 风险提示：本文内容仅供参考…
        r"^(?:该内容|本内容|以上内容|本文|此文)[^。]{0,16}(?:独立观点|不代表|仅供参考|原创|授权)",
        r"^(?:风险提示|特别提示|免责声明)[：:]",
    )
]


# what a half-stripped dateline leaves: ／据央视新闻报导，  |
_LEADING_DEBRIS = re.compile(r"^[\s／/|｜·•]+(?=\S)")


@dataclass
class CleanText:
    """The text with boilerplate removed, and what was removed (for reasons and tests)."""

    text: str
    removed: list[str] = field(default_factory=list)


def is_boilerplate_paragraph(paragraph: str) -> bool:
    p = paragraph.strip()
    if not p:
        return True
    # the length first: most paragraphs are long, and the patterns are many
    return _looks_short_enough(p) and any(rx.search(p) for rx in _BOILERPLATE_PARAGRAPH)


def _looks_short_enough(p: str) -> bool:
    # A long paragraph that happens to say 关注 or 扫码 is content, not a widget.
    return len(p) <= 80


def strip_boilerplate(text: str) -> CleanText:
    removed: list[str] = []
    kept: list[str] = []
    for paragraph in split_paragraphs(text):
        if not kept:
            paragraph = _LEADING_DEBRIS.sub("", paragraph)
        if is_boilerplate_paragraph(paragraph):
            removed.append(paragraph)
            continue
        if not kept:  # datelines and bylines only lead the first real paragraph
            for rx in (_DATELINE, _LEADING_BYLINE, _LEADING_BYLINE):
                m = rx.match(paragraph)
                if m and m.end() > 0 and m.end() < len(paragraph):
                    removed.append(paragraph[: m.end()].strip())
                    paragraph = paragraph[m.end() :].lstrip(" ，,：:　")
        m = _TRAILING.search(paragraph)
        while m:
            removed.append(m.group(0).strip())
            paragraph = paragraph[: m.start()].rstrip()
            m = _TRAILING.search(paragraph)
        if paragraph:
            kept.append(paragraph)
    # the next item's subhead or a header left dangling at the end: no sentence of its own
    while len(kept) > 1 and _DANGLING.match(kept[-1]):
        removed.append(kept.pop())
    return CleanText("\n".join(kept), removed)


# a last paragraph without a sentence's ending (美团、京东加码即时零售 “30分钟达”之争升级)
_DANGLING = re.compile(r"^[^。！？!?；;…]{2,40}[^。！？!?；;…”’」』）)]$|^[^。！？!?]{1,20}[：:]$")
