"""Is an article commentary on an event, or a report of it?

A digest carries the news of an event in one item (行业资讯, 政策法规, 数据观察) and the
opinions about it in another (专家视点). Commentary names the event's figures, companies
and documents as the reports do, so wording alone would file it with them; what gives it
away is its voice: a headline that labels it (评论：, 观点：) or argues (能否…, 还有多远,
另一面), an author who argues in the text (笔者, 关键在于, 也要看到, 不是…而是…),
analysts' views in place of facts, and no news lead (新华社北京3月3日电, 本报讯, 记者…获悉).

Each signal adds to a score with a reason an editor can read; ``is_commentary`` is the
score past a threshold. The same-story decision uses it to keep commentary out of the
cluster of the event it comments on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdesk.text.book_notice import book_notice_signals

# A label in front of the headline: 评论：…, 观点：…, 专家解读…
# (an outlet's column name may come first, 新京报快评｜, and the bar may be full width)
_LABELLED_TITLE = re.compile(
    r"^(?:评论|观点|时评|社评|短评|锐评|快评|述评|热评|个论|评论员文章|专家|解读|深度|观察|专家解读|编者按)\s*[:：|丨｜]|"
    r"^【[^】]{0,10}(?:评论|时评|社评|短评|锐评|快评|述评|热评|社论|评论员)[^】]{0,4}】|专家解读|^[^：:]{0,6}评[:：]|^[^：:｜|丨]{1,6}(?:评论员?|快评|时评|社评|短评|锐评|热评|社论)\s*[:：|丨｜]"
)
# A headline that argues or asks rather than tells.
_ARGUING_TITLE = re.compile(
    r"能否|还有多远|走多远|意味着什么|怎么看|[？?]|何以|缘何|另一面|之路|之道|启示|大考|"
    r"要在[^，。]{1,8}上|更需|更要|还需|下功夫|不能只|不能让|别只|不只是|不止是|何去何从|拼什么|在哪里?$|"
    r"是为了|而不是|而非|拼的是|"
    r"警惕|莫让|别让|勿让|谨防|当心|^让|之后[，,]|要算好|"  # an exhortation: 让每一种支付方式都有用武之地
    r"(?:理性|客观|正确|冷静|辩证)看待|别急着|莫急着|冷思考"  # a caution: 理性看待消费增速短期波动
)
# 须 and 应当 are not among them: a rule's headline says what platforms 须 do.
# The author arguing: hedges, contrasts and prescriptions of an opinion piece. 应当 alone is
# not one: rules and court rulings are full of it.
_ARGUING_WORDS = (
    r"笔者|我们认为|在笔者看来|理应|不妨|更需|更要|须知|关键在于|说到底|归根结底|归根到底|"
    r"也要看到|但也要看到|不宜|值得警惕|意义在于|看似|实则|与其(?![他它中余])|换言之|毋庸置疑|无疑|恐怕|"
    r"未尝不可|不能只|不是只|不是[^。]{1,16}而(?:是|应)|既要[^。]{1,15}也要|从长远看|长远来看|何去何从"
)
_ARGUING = re.compile(_ARGUING_WORDS + r"|[^。！\n]{2,30}？")
# the same without the rhetorical question, which is tried at every character (the slowest
# part by far): a text with no ？ finds exactly the same with it
_ARGUING_WITHOUT_QUESTION = re.compile(_ARGUING_WORDS)
# (a columnist's signature at the head: □林舟（财经评论人）, 文：林家明 with the author's 笔者
# below it — a Hong Kong paper's column)
_AUTHOR_NOTE = re.compile(
    r"（作者(?:系|为|单位)[^）]{2,60}）|作者系|作者单位|"
    r"^\s*[□■]?\s*(?:文\s*[：:／/]\s*)?[\u4e00-\u9fff]{2,4}\s*[（(][^）)]{0,16}"
    r"(?:评论人|评论员|专栏作[者家]|时评人|分析师|研究员|学者|教授|经济学家)[）)]|"
    r"^\s*(?:文\s*[：:／/]\s*)?[\u4e00-\u9fff]{0,10}评论员\s*[\u4e00-\u9fff]{2,4}\s|"
    r"^\s*[□■]?\s*文\s*[：:／/]\s*[\u4e00-\u9fff]{2,4}\s[\s\S]{0,600}?笔者"
)
# the reason given for it, which the same-story decision reads as a signed opinion
AUTHOR_NOTE = "an author note"
# Analysts' views standing in for facts.
_ANALYSTS = re.compile(
    r"(?:分析人士|业内人士|专家|学者|研究员|研究人员|观察人士|有观点|市场人士|律师|经济学家)[^。，；]{0,8}"
    r"(?:认为|指出|提醒|看来|分析|建议)"
)
# How a news report opens: a dateline, 本报讯, a reporter who learned something, a day.
_NEWS_LEAD = re.compile(
    r"^[^。]{0,25}(?:电|讯)\s|^[^。]{0,12}(?:电|讯)（|本报讯|^[^。]{0,10}记者[^。]{0,12}(?:获悉|了解到|从|报道)|"
    r"^\d{1,2}月\d{1,2}日[，,]|"
    # after the dateline is stripped: 市场监管总局近日公布…, 国家邮政局12日发布…
    r"^[^。]{0,30}(?:\d{1,2}日|近日|日前|今天|今日|昨天|昨日)[^。，]{0,4}"
    r"(?:宣布|发布|公布|通报|印发|召开|举行|表示|透露|举办|出台|披露|启动|上线|开幕|闭幕)(?!的)"
)

# An explainer restates the event for readers (天猫618官方立减怎么用？一文看懂): questions, no opinion.
_EXPLAINER_TITLE = re.compile(
    r"一文看懂|一图读懂|一图看懂|划重点|怎么用|怎么领|如何申领|如何申请|问答|答问|速览|速看"
)
_QUESTION_HEADING = re.compile(r"^[^。！？\n]{2,40}[？?]$")
_QA_QUESTION = re.compile(r"问[：:][^？?\n]{1,60}[？?]")

THRESHOLD = 2.0


def headline_argues(title: str) -> bool:
    """A headline labelled as opinion (评论：) or arguing (能否…, 要算好…账, a question)."""
    return bool(_LABELLED_TITLE.search(title) or _ARGUING_TITLE.search(title))


@dataclass(frozen=True)
class CommentaryScore:
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def is_commentary(self) -> bool:
        return self.score >= THRESHOLD


def commentary_score(title: str, body: str) -> CommentaryScore:
    score = 0.0
    reasons: list[str] = []
    explainer = _EXPLAINER_TITLE.search(title)
    if explainer:
        return CommentaryScore(0.0, [f"an explainer ({explainer.group(0)})"])
    labelled = _LABELLED_TITLE.search(title)
    if labelled:
        score += 3.0
        reasons.append(f"headline labelled {labelled.group(0)}")
    else:
        arguing_title = _ARGUING_TITLE.search(title)
        if arguing_title:
            # a question alone is weaker: news features and explainers ask too
            question = arguing_title.group(0) in ("？", "?")
            score += 1.0 if question else 1.5
            reasons.append(f"headline {'asks' if question else 'argues'} ({arguing_title.group(0)})")
    text = body.strip()
    if text:
        # An explainer's questions stand as their own paragraphs (建站推广的钱能补多少？);
        # a commentator's are part of the argument.
        argued = "\n".join(p for p in text.split("\n") if not _QUESTION_HEADING.match(p.strip()))
        argued = _QA_QUESTION.sub("", argued)  # 问：大卖有没有额外奖励？答：有。
        arguing = (_ARGUING if "？" in argued else _ARGUING_WITHOUT_QUESTION).findall(argued)
        per_thousand = len(arguing) * 1000 / len(text)
        if arguing:
            score += per_thousand / 4
            sample = "、".join(dict.fromkeys(a[-8:] for a in arguing))
            reasons.append(f"argues {per_thousand:.1f}× per 1,000 characters ({sample[:30]})")
        analysts = _ANALYSTS.findall(text)
        if analysts:
            score += 0.5 * min(len(analysts), 4)
            reasons.append(f"analysts' views: {'、'.join(dict.fromkeys(analysts))[:30]}")
        if _AUTHOR_NOTE.search(text):
            score += 2.5  # signed opinion: enough on its own
            reasons.append(AUTHOR_NOTE)
        # Only the first paragraph: commentary that recaps the news opens the same way, so
        # this weighs less than an author note or a labelled headline.
        lead = _NEWS_LEAD.search(text.split("\n", 1)[0][:80])
        if lead:
            score -= 1.0
            reasons.append(f"opens as news ({lead.group(0)[:16]})")
    return CommentaryScore(round(score, 2), reasons)


def is_commentary(title: str, body: str) -> bool:
    return commentary_score(title, body).is_commentary


# --- the house's kind of item: is this an opinion piece to keep whole? ----------------------------
#
# ``commentary_score`` keeps commentary out of an event's cluster and stays as it is. Deciding
# how to condense an item asks more: an editor keeps an opinion piece's argument long, and
# recognises one by cues the cluster decision does not need — a byline or a column label in
# the text (【光明时评】, （作者：…，系…）), a headline that prescribes (…是必修课, 要过好…关),
# prescriptions (应/要 加强…) across several paragraphs, experts carrying the piece rather than
# an event, no news lead and few fresh figures.

# a column label or byline at the head of the text, or an author line anywhere
_BYLINE = re.compile(
    r"^\s*【[^】]{0,10}(?:时评|评论|观点|论坛|快评|锐评|短评|社论|评论员|视点|言论|说法)[^】]{0,4}】|"
    r"^\s*(?:本报|本刊|特约)评论员|[（(]\s*作者\s*[：:][^）)]{2,60}[）)]|^\s*作者\s*[：:]|"
    r"[（(]\s*作者系|[（(]\s*本文作者"
)
# a headline that prescribes: 合规是必修课, 要过好“合规关”, 需走出补贴依赖, 应兼顾…
_PRESCRIBING_TITLE = re.compile(
    r"必修课|必答题|必选项|要过好?[^，。]{0,6}关|(?:需|要|应)(?:走出|跳出|摆脱|回归|兼顾|守住|算好)|"
    r"^破解|亟需|亟待|须防|不可忽视|不容忽视|正当时|新课题|未必|是(?:好事|坏事)|不能靠|别(?:困|陷|被|把|再)|"
    r"当有章可循|^[^，。]{2,12}当[^，。]{2,8}$|症结|的第一步"
)
# a column's label in front of the headline: 社论｜…, 【电商观察】…
_COLUMN_TITLE = re.compile(
    r"^\s*(?:【[^】]{0,6}(?:观察|评论|时评|视点|观点)】|[^｜|：:]{0,6}(?:社论|评论|时评|论坛)\s*[｜|])"
)
# an author's prescription: who should do what (平台要完善…, 应加强…, 需要多方协同发力)
_PRESCRIPTION = re.compile(
    r"(?:应当|应该|理应|要|应|需要|需|须|必须|亟需|还应|也应|更应)"
    r"(?:加强|建立|健全|完善|坚持|推动|提升|规范|强化|严格|依法|理性|探索|做好|守住|把|从|以|在|"
    r"协同|注重|兼顾|回归|引导|发挥|避免|防止|警惕|重视|加快|补齐|走出|摆脱)"
)
# someone's view carrying the text (刘静认为，… “…”刘静说。); a company's or an agency's own
# statement is news
_VIEW = re.compile(r"(?:^|[。”])([^。“”]{0,30}?)(?:认为|建议|指出|表示|看来|坦言|直言|说)(?:[，,：:]|。?$)")
_OWN_STATEMENT = re.compile(r"负责人|方面|公司|集团|平台|发言人|官方|部|局|署|委|厅|办|记者")
_DATED_LEAD = re.compile(
    r"\d{1,2}月\d{1,2}日|(?:日前|近日|今日|今天|昨日|昨天)[^。，]{0,12}(?:宣布|发布|公布|印发|召开|举行|上线|推出|开业)|"
    r"记者[^。]{0,12}(?:获悉|了解到)|[电讯][（(]"
)
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|万|亿|个|件|元|家|人|倍|单)")


def opinion_score(title: str, body: str) -> CommentaryScore:
    """``commentary_score`` and the cues an editor reads an opinion piece by, for the house's
    kind of item (how long to keep it), not for the same-story decision."""
    base = commentary_score(title, body)
    if base.reasons and base.reasons[0].startswith("an explainer"):
        return base
    if book_notice_signals(title, body):  # a book's notice argues the book's case, not the author's
        return base
    score, reasons = base.score, list(base.reasons)
    text = body.strip()
    # a cue of an author's voice: an argued headline or an author note, or those found below
    voice = any(r.startswith("headline argues") or r == AUTHOR_NOTE for r in reasons)
    byline = _BYLINE.search(text[:60]) or _BYLINE.search(text[-120:])
    if byline and AUTHOR_NOTE not in reasons:
        # a bare 作者： heads features too; a column label or 作者：…，系… signs an opinion
        bare = re.fullmatch(r"\s*作者\s*[：:]", byline.group(0))
        score += 1.0 if bare else 3.0
        voice = True
        reasons.append(f"a byline or column label ({byline.group(0).strip()[:12]})")
    column = _COLUMN_TITLE.search(title)
    if column and not any(r.startswith("headline labelled") for r in reasons):
        score += 3.0
        voice = True
        reasons.append(f"a column's headline ({column.group(0).strip()})")
    elif not any(r.startswith("headline") for r in reasons):
        prescribing = _PRESCRIBING_TITLE.search(title)
        if prescribing:
            score += 1.0
            voice = True
            reasons.append(f"headline prescribes ({prescribing.group(0)})")
    paragraphs = [p.strip() for p in text.split("\n") if len(p.strip()) > 20]
    if not paragraphs:
        return CommentaryScore(round(score, 2), reasons)
    prescribing_paragraphs = sum(1 for p in paragraphs if _PRESCRIPTION.search(p))
    if prescribing_paragraphs >= 2:
        score += 0.5 if prescribing_paragraphs == 2 else 1.0
        reasons.append(f"prescriptions in {prescribing_paragraphs} paragraphs")
    sentences = [s for s in re.split(r"(?<=[。！？])", text) if len(s.strip()) > 4]
    views = 0
    for s in sentences:
        m = _VIEW.search(s)
        views += bool(m) and not _OWN_STATEMENT.search(m.group(1))
    # the author in the first person, outside quotations (我们认为, 在我看来)
    unquoted = re.sub(r"“[^”]*”|「[^」]*」", "", text)
    first_person = len(re.findall(r"我们|我认为|在我看来|我以为|笔者", unquoted))
    if first_person >= 2:
        score += 1.0
        voice = True
        reasons.append(f"the author in the first person ({first_person}×)")
    if views >= 4 and prescribing_paragraphs >= 2:  # a feature quotes many, an argument prescribes
        score += 1.0
        voice = True
        reasons.append(f"views carry it ({views} sentences)")
    opens_as_news = any(r.startswith("opens as news") for r in reasons)
    if voice and not opens_as_news and not _DATED_LEAD.search(paragraphs[0][:120]):
        score += 0.5
        reasons.append("no news lead")
    with_figures = sum(1 for s in sentences if _FIGURE.search(s))
    if voice and sentences and with_figures / len(sentences) < 0.25:
        score += 0.5
        reasons.append(f"few figures ({with_figures} of {len(sentences)} sentences)")
    return CommentaryScore(round(score, 2), reasons)


def is_opinion_piece(title: str, body: str) -> bool:
    return opinion_score(title, body).is_commentary
