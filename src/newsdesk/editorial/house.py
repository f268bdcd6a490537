"""How the house condenses and titles an item, beyond choosing sentences.

* The kind of item — company news, a data release, a government document, commentary —
  told from the text (a policy document's title 《…办法》 and an issuing agency, the share of
  sentences carrying figures, the commentary score), sets how long the condensed text is:
  company news is cut to 30–50% of the original, a data release keeps its figures, a
  government document is kept nearly whole with its lists.
* Sentences that are not the news go whatever the length: background, appeals and
  outlooks, legal citations, reminders and separate notices, disclaimers, share prices.
* Light rewriting: 今日/昨日 become the date, from the report's date when it is known.
* A title in the house form beside the original: 「机构：事件」 or the key figure.
* A cluster whose other reports add facts the lead lacks is a merged item (编辑部整理), its
  text the lead's condensation plus those facts; a reprint keeps crediting the lead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from newsdesk.text.commentary import opinion_score
from newsdesk.text.figures import figures_in_sentence
from newsdesk.text.sentences import split_sentences

COMPANY, DATA, GOVERNMENT, COMMENTARY, OTHER = "company", "data", "government", "commentary", "other"
# the kinds the house prints as one paragraph; documents and commentary keep theirs
ONE_PARAGRAPH = (COMPANY, DATA, OTHER)

# 《…办法》《…意见》: a policy document, not a report or a book
_POLICY_DOCUMENT = re.compile(
    r"《[^》]{2,60}(?:办法|意见|通知|规定|指南|方案|计划|条例|规则|细则|决定|措施|要点|纲要|法|指引|清单|标准)(?:（[^）]{1,20}）)?》"
)
_AGENCY = re.compile(
    r"(?:国务院|办公厅|[\u4e00-\u9fa5]{1,8}(?:部|总局|委员会|委|局|署|办|厅|政府)|网信办|五部门|[多两三四六七八九十]部门)"
)
_ISSUING = re.compile(r"(?:印发|发布|出台|公布|部署|施行|实施|制定|修订|发文|联合)")
# A company or a platform publishing its own 《…标准》 or 《…规则》 is company news, not a
# government document (美团闪购发布《闪电仓运营服务标准》): the subject of the clause that
# issues the document is a business — a company's suffix, Latin letters, a platform's name.
_ISSUING_VERB = re.compile(r"(?:印发|发布|出台|公布|推出|上线|制定|修订)(?:了)?[^。《，]{0,6}《")
_BUSINESS = re.compile(
    r"集团|公司|控股|股份|科技|平台|商城|闪购|电商|物流|快递|速运|超市|旗下|[A-Za-z]{2,}|"
    r"阿里|淘宝|天猫|京东|美团|拼多多|抖音|快手|小红书|得物|唯品会|苏宁|顺丰|菜鸟|饿了么|携程|网易|腾讯|微信|百度|字节"
)
_STATE = re.compile(
    r"国务院|部|总局|总署|委员会|人民政府|政府|办公厅|网信办|监管|管理局|[省市区县]|部门|人民银行|法院"
)


def _issued_by_business(head: str) -> bool:
    """The sentence that issues a 《…》 has a business for its subject."""
    for m in _ISSUING_VERB.finditer(head):
        start = max(head.rfind("。", 0, m.start()), head.rfind("\n", 0, m.start())) + 1
        subject = re.sub(
            r"^[^，,。]{0,16}(?:讯|消息)[）)]?\s*[，,：:]?\s*", "", head[start : m.start()].strip()
        )
        subject = re.sub(
            r"^(?:\d{4}年)?(?:\d{1,2}月\d{1,2}日|近日|日前|今日|昨日)(?:晚间|上午|下午|晚)?[，,]?",
            "",
            subject,
        )
        subject = re.split(r"[，,]|在|于|举办|召开", subject)[0]
        if _BUSINESS.search(subject) and not _STATE.search(subject.replace("部分", "")):
            return True
    return False


_PROGRAMME = re.compile(
    r"专项行动|专项整治|行动计划|(?:^|\n)[（(][一二三四五六七八九十][）)]|第[一二三四五六七八九十]+条"
)
# a research or statistics release: 《…报告》, 报告显示, 统计, 监测数据
_REPORT = re.compile(
    r"《[^》]{2,40}报告[^》]{0,12}》|报告(?:显示|预计|指出)|统计局|统计(?:数据|显示|公报)|监测数据|"
    r"据[^，。]{0,8}(?:部|局|署|委|厅|海关)(?:统计|初步测算)|从[^。，]{2,14}(?:部|局|署|委|厅)获悉"
)

# Not the news, whatever the length.
_FILLER = [
    (
        re.compile(
            r"不构成投资建议|投资需谨慎|股市有风险|风险提示|仅供参考|独立观点|不代表本\S{0,2}立场|转载请|原创[，,。]|未经授权"
        ),
        "disclaimer",
    ),
    # a commentary's author note (kept in the clean text: it tells commentary from news)
    (
        re.compile(
            r"^[（(]\s*(?:作者(?:系|为|单位|简介|[：:])|本文作者)[^）)]{2,60}[）)]$|^作者[：:][^。]{2,40}$|"
            r"^【[^】]{0,10}(?:时评|评论|观点|论坛|快评|锐评|短评|社论|评论员|视点|言论)[^】]{0,4}】$"
        ),
        "author note",
    ),
    (
        # a reminder to readers, not a regulator's 提醒告诫会 or the 12315 platform's figures
        re.compile(
            r"提醒(?:广大|消费者|用户|市民|商家|读者|大家|各位|网友|家长)|提醒[，,：:]|申诉电话|"
            r"可(?:通过|拨打|登录)[^。]{0,30}(?:反映|投诉|提交|举报|维权)|(?:拨打|致电)[^。]{0,16}(?:热线|12315|12305)"
        ),
        "reminder",
    ),
    (
        re.compile(
            r"^(?:根据|依据|按照)《[^》]{2,40}》(?:第[^，。]{1,8}条)?(?:规定|的规定)?[，,]|"
            r"违反《[^》]{2,40}》第[^，。]{1,8}条|依照《[^》]{2,40}》(?:第[^，。]{1,8}条)?(?:规定)?予以处罚"
        ),
        "legal citation",
    ),
    (
        re.compile(
            r"呼吁|^[^。]{0,30}希望[^。]{0,6}(?:广大|各|消费者|商家|主播)|下一步|(?:表示|指出|认为)[^。]{0,40}将(?:继续|进一步)"
        ),
        "appeal or outlook",
    ),
    (
        re.compile(
            r"^(?:[^，。]{0,20}(?:表示|介绍|指出|注意到|了解到)[，,])?(?:近(?:[两几三]|些)?年来|此前|今年以来|据了解，?(?:此前|近年))|^[^。]{0,12}(?:业内人士|分析师|有分析|业内专家|专家)(?:认为|指出|表示|分析)|有分析认为|被认为是"
        ),
        "background",
    ),
    (
        re.compile(r"是国内领先|成立于|^公司股票|二级市场|收盘报|股价|总市值|截至发稿|未获(?:进一步)?回复"),
        "background",
    ),
    (
        re.compile(r"^“[^”]{6,}”[^。“”]{0,16}(?:说|表示|介绍)。$|^[^“]{0,20}(?:告诉记者|告诉笔者)"),
        "quotation",
    ),
    (re.compile(r"^(?:值得(?:关注|一提|注意)的是|事实上|记得|(?:前不久|不久前)[，,]?有|有网友)"), "aside"),
    # a byline left at the head of the text (21世纪经济报道记者 林晓 杭州报道; 本报记者 张三)
    (
        re.compile(
            r"^(?![^。]*(?:向|对|告诉|接受|采访))"
            r"[^。，！？；：:]{0,24}(?:记者|通讯员|编辑)[\s|｜]*[\u4e00-\u9fa5]{2,4}(?:[\s　]+[^。，！？]{0,24})?$"
        ),
        "byline",
    ),
    # a separate notice: another event announced for later (具体安排另行通知), 另悉…
    (re.compile(r"另行(?:通知|公布|告知|发布|安排)|^另(?:悉|据悉|讯)[，,]"), "notice"),
    # what the subject is in general (直播电商是数字经济的重要组成部分; 浙江是…发源地之一)
    (
        re.compile(
            r"^(?![^。；]*(?:首|第一|唯一|试点|入选|获评))"
            r"[^，。；]{2,14}是[^。；]{0,24}(?:重要组成部分|之一|重要引擎|重要力量|重要抓手|重要渠道|重要载体)[。；]?$"
        ),
        "background",
    ),
    # an earlier event retold (今年3月，拼多多曾宣布…; 此前，…已在上半年推出…)
    (
        re.compile(r"^(?:[^，。]{0,12}[，,])?[^。，]{0,16}曾(?:宣布|推出|发布|表示|公布|投入)|^此前[，,]"),
        "earlier news",
    ),
]
# a sentence that tells background even when it carries a figure
ALWAYS_FILLER = {"disclaimer", "author note", "reminder", "legal citation", "notice", "byline"}
MAX_DOCUMENT = 3000  # characters of a government document kept whole
# for commentary the argument is the substance: only these go
_COMMENTARY_FILLER = {
    "disclaimer",
    "author note",
    "reminder",
    "legal citation",
    "quotation",
    "aside",
    "notice",
    "byline",
}


# In an opinion piece the argument is kept and the reporting around it goes: what the author
# or the experts argue and prescribe, not the fresh facts (据了解…, 商务部近日表示…), the
# anecdotes (笔者身边就有朋友…) or the market's forecasts (业内人士普遍认为…).
_ARGUED = re.compile(
    r"(?:应当|应该|理应|要|应|需要|需|须|必须|亟需|还应|也应|更应)"
    r"(?:加强|建立|健全|完善|坚持|推动|提升|规范|强化|严格|依法|理性|探索|做好|守住|把|从|以|在|"
    r"协同|注重|兼顾|回归|引导|发挥|避免|防止|警惕|重视|加快|补齐|走出|摆脱|恪守|处理|对)|"
    r"说到底|归根结底|关键在于|本质|核心|不是[^。]{1,20}而是|而非|值得警惕|也要看到|但也要看到|"
    r"一方面|另一方面|首先|其次|再次|一是|二是|三是|意味着|难以为继|必选项|体现了|反映(?:的|出)|"
    r"[^。]{2,16}(?:认为|建议|看来)[，,：:“]|从[^。，]{1,10}(?:角度|层面)看|成因|原因在于|"
    r"其实|恰恰|误读|(?:这|恰恰|正)(?:说明|表明)|可见|显然|不应|而应|正是|并不|未必"
)
_REPORTED = re.compile(
    r"^(?:据[^，。]{0,8}(?:了解|悉|介绍|统计)|记者(?:了解到|获悉|注意到)|另据|公开资料显示)|"
    r"(?:报告|研究报告|数据)(?:显示|指出|预计)|普遍认为|有望|近日表示|将研究|多家平台(?:表示|称)|"
    r"^(?:今年|去年)?\d{1,2}月(?:\d{1,2}日)?[，,][^。]{0,20}(?:约谈|发布|出台|印发)"
)
_ANECDOTE = re.compile(
    r"笔者身边|^记得|有朋友|有网友|一位[^。]{0,12}(?:告诉|说|表示)|[^。]{0,12}一家[^。]{0,20}企业"
)


# the piece's thesis: what it is all about
_THESIS = re.compile(r"不是[^。]{1,20}而是|说到底|归根结底|归根到底|关键在于|本质(?:上|是)|核心在于|症结在于")


def argument_score(sentence: str) -> float:
    """How much a sentence of an opinion piece is its argument (positive) or the reporting
    and colour around it (negative)."""
    score = 0.0
    if _THESIS.search(sentence):
        score += 2.0
    elif _ARGUED.search(sentence):
        score += 1.0
    if _REPORTED.search(sentence):
        score -= 1.5
    if _ANECDOTE.search(sentence):
        score -= 1.5
    if figures_in_sentence(sentence):
        score -= 0.3
    return score


@dataclass(frozen=True)
class ItemKind:
    kind: str
    reasons: list[str] = field(default_factory=list)


def classify_kind(title: str, text: str) -> ItemKind:
    """company / data / government / commentary / other, with the cue that decided it."""
    head = title + "\n" + text[:300]
    document = _POLICY_DOCUMENT.search(head)
    if document and _ISSUING.search(head) and _AGENCY.search(head) and not _issued_by_business(head):
        return ItemKind(GOVERNMENT, [f"a policy document {document.group(0)[:24]} issued by an agency"])
    programme = _PROGRAMME.search(title + "\n" + text)
    if programme and _AGENCY.search(title) and _ISSUING.search(title):
        return ItemKind(GOVERNMENT, [f"an agency's programme ({programme.group(0).strip()[:12]})"])
    commentary = opinion_score(title, text)
    if commentary.is_commentary:
        return ItemKind(COMMENTARY, ["commentary: " + "; ".join(commentary.reasons[:2])])
    sentences = split_sentences(text)
    if not sentences:
        return ItemKind(OTHER, ["no text"])
    with_figures = sum(1 for s in sentences if figures_in_sentence(s.text))
    share = with_figures / len(sentences)
    agency_lead = bool(_AGENCY.match(re.sub(r"^[^，,]{0,10}[，,]", "", sentences[0].text)))
    if (share >= 0.45 and _REPORT.search(head)) or (share >= 0.55 and agency_lead):
        return ItemKind(DATA, [f"a data release: figures in {with_figures} of {len(sentences)} sentences"])
    if len(text) <= 900:
        return ItemKind(COMPANY, [f"short news ({len(text)} characters)"])
    return ItemKind(OTHER, [f"a longer report ({len(text)} characters)"])


def target_length(kind: str, length: int) -> tuple[int, int]:
    """(floor, ceiling) characters of the condensed text for an original of ``length``."""

    def clamp(x: float, low: int, high: int) -> int:
        return int(max(low, min(high, x)))

    if kind == GOVERNMENT:
        return clamp(0.7 * length, 150, 2400), clamp(0.97 * length, 200, MAX_DOCUMENT)
    if kind == DATA:
        return clamp(0.45 * length, 150, 450), clamp(0.68 * length, 200, 650)
    if kind == COMMENTARY:  # the argument, about half the piece
        return clamp(0.42 * length, 200, 500), clamp(0.6 * length, 260, 700)
    if kind == COMPANY:
        return clamp(0.3 * length, 120, 220), clamp(0.48 * length, 170, 300)
    return clamp(0.3 * length, 150, 350), clamp(0.5 * length, 220, 600)


def filler_reason(sentence: str, kind: str = OTHER) -> str | None:
    """Why a sentence is not the news (background, appeal, citation, notice…), or None."""
    has_figures = bool(figures_in_sentence(sentence))
    for rx, reason in _FILLER:
        if not rx.search(sentence):
            continue
        if kind == COMMENTARY and reason not in _COMMENTARY_FILLER:
            continue
        if has_figures and reason == "earlier news" and kind in (DATA, GOVERNMENT):
            continue  # a release's or a document's earlier figures are its comparison
        if has_figures and reason not in ALWAYS_FILLER and reason not in ("background", "earlier news"):
            continue
        if (
            has_figures
            and reason == "background"
            and kind in (DATA, COMPANY)
            and not _SHARE_PRICE.search(sentence)
        ):
            continue
        return reason
    return None


_SHARE_PRICE = re.compile(r"收盘报|股价|总市值|二级市场")

# --- light rewriting ------------------------------------------------------------------------------

_RELATIVE_DAY = re.compile(
    r"(?<![0-9一-龥])(今日|今天|昨日|昨天|前日|前天)(?![0-9])|(?<=[，。：\n])(今日|今天|昨日|昨天)"
)
_OFFSET = {"今日": 0, "今天": 0, "昨日": -1, "昨天": -1, "前日": -2, "前天": -2}


# 今年/明年 before a period of the year: 今年前三季度 → 2025年前三季度, 截至今年7月底 → 截至2025年7月底.
# 今年以来 stays (the editor keeps it), as does 去年 (a comparison base).
_YEAR_PERIOD = re.compile(
    r"(今年|明年)(?=前?[一二三四]季度|前三季度|上半年|下半年|\d{1,2}月|[一二三四五六七八九十]{1,2}月|年[初中底末]|春节|夏天|秋天|冬天|夏季|冬季|第[一二三四]季度|“?(?:618|双11|双十一)|前(?:\d{1,2}|[一二三四五六七八九十]{1,2})个?月)"
)
_DATE_IN_BRACKETS = re.compile(r"[（(]((?:\d{4}年)?\d{1,2}月\d{1,2}日)[）)]")


_RELATIVE_DAY_DATED = re.compile(r"(?:今日|今天|昨日|昨天|前日|前天)" + _DATE_IN_BRACKETS.pattern)
_RELATIVE_WORD = re.compile("|".join([*_OFFSET, "今年", "明年"]))


def absolute_dates(text: str, date: dt.date | None) -> str:
    """今日 → 6月26日, 昨日 → 6月25日, 今年前三季度 → 2025年前三季度, outside quotations,
    when the report's date is known; 今天（10月13日） → 10月13日 whatever the date."""
    # a relative day with its own date in brackets: the date alone
    text = _RELATIVE_DAY_DATED.sub(r"\1", text)
    if date is None or not _RELATIVE_WORD.search(text):
        return text  # nothing relative to resolve: most sentences, and the walk below is slow
    out, depth = [], 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "“「":
            depth += 1
        elif ch in "”」" and depth:
            depth -= 1
        word = text[i : i + 2]
        if depth == 0 and word in _OFFSET and not _inside_word(text, i):
            day = date + dt.timedelta(days=_OFFSET[word])
            out.append(f"{day.month}月{day.day}日")
            i += 2
            continue
        if (
            depth == 0
            and word in ("今年", "明年")
            and _YEAR_PERIOD.match(text, i)
            and text[i - 1 : i] != "如"
        ):
            out.append(f"{date.year + (word == '明年')}年")
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


# Agencies by their full names at the first mention (the house's style; headlines keep the
# short form). A short form inside a longer name (国家市场监管总局) is left alone.
FULL_NAMES = {
    "中央网信办": "中央网络安全和信息化委员会办公室",
    "国家网信办": "国家互联网信息办公室",
    "市场监管总局": "国家市场监督管理总局",
    "国家发改委": "国家发展和改革委员会",
    "工信部": "工业和信息化部",
    "人社部": "人力资源和社会保障部",
    "税务总局": "国家税务总局",
    "广电总局": "国家广播电视总局",
    "国新办": "国务院新闻办公室",
    "国资委": "国务院国有资产监督管理委员会",
    "央行": "中国人民银行",
    "中消协": "中国消费者协会",
}
_SHORT_NAMES = {full: short for short, full in FULL_NAMES.items()}
_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|"
    "海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆"
)
_PROVINCE = re.compile(rf"({_PROVINCES})(?:省|自治区|维吾尔自治区|壮族自治区|回族自治区)")
# 我省…, 省商务厅… at a clause's start: the province the report is about
_OUR_PROVINCE = re.compile(
    r"我省|(?:(?<=^)|(?<=[，。；、“和与])|(?<=联合)|(?<=会同))省(?=[\u4e00-\u9fa5]{1,6}(?:厅|局|委|办)|委|政府)"
)


# Hearsay and linking words that open a sentence of the report read as padding in a brief
# item: 据悉，得物计划… → 得物计划…; 据介绍 stays when it attributes a claim.
_PADDING_OPENING = re.compile(
    r"^(?:据了解|据悉|另据了解|此外|另外|与此同时|同时|记者了解到|记者注意到)[，,]\s*"
)


def trim_opening(text: str) -> str:
    """A sentence without its padding opening (据了解，此外，), when enough is left."""
    m = _PADDING_OPENING.match(text)
    return text[m.end() :] if m and len(text) - m.end() >= 10 else text


# a short form not inside a longer or a local name (国家市场监管总局, 省国资委, 中央行动)
_SHORT_FORM_ALONE = {
    short: re.compile(rf"(?<!国家)(?<![省市区县州中]){re.escape(short)}") for short in FULL_NAMES
}


def spell_out(texts: list[str], source: str = "") -> list[str]:
    """The kept sentences with agencies' full names at their first mention, and 我省 or a
    bare 省商务厅 named (浙江省) when the report names one province only."""
    out = []
    seen: set[str] = set()
    provinces = {m.group(0) for m in _PROVINCE.finditer(source)}
    for text in texts:
        for short, full in FULL_NAMES.items():
            if short in seen:
                continue
            if full in text:
                seen.add(short)
                continue
            m = _SHORT_FORM_ALONE[short].search(text) if short in text else None
            if m:
                seen.add(short)
                text = text[: m.start()] + full + text[m.end() :]
        if len(provinces) == 1 and _OUR_PROVINCE.search(text):
            text = _OUR_PROVINCE.sub(next(iter(provinces)), text)
        out.append(text)
    return out


def _inside_word(text: str, i: int) -> bool:
    # 如今天… would read 如今 + 天; a digit or 月 before means it is already a date
    before = text[i - 1] if i else ""
    return bool(before) and (before in "如至于迄" or before.isdigit())


# Outlet markers in front of the lead: 证券时报网讯，  36氪获悉，  11月13日报道：  （网经社讯）
_LEAD_MARKER = re.compile(
    r"^(?:[（(][^）)]{1,12}讯[）)]\s*|[\u4e00-\u9fa5A-Za-z0-9]{2,10}消息\s*[：:]\s*|"
    r"[\u4e00-\u9fa5A-Za-z0-9]{1,10}(?:网|社|报|台|新闻|财经)消息\s*[，,]\s*|[\u4e00-\u9fa5A-Za-z0-9]{2,10}(?:网|社|报|台|新闻|财经|氪)?讯\s*(?:[（(][^）)]{0,12}记者[^）)]{0,12}[）)])?\s*[，,：:]?\s*|"
    r"[\u4e00-\u9fa5A-Za-z0-9]{2,8}获悉[，,]\s*|据[^，,。]{2,12}(?:报道|报导)[，,]\s*|\d{1,2}月\d{1,2}日(?:电|讯|报道|消息)\s*[：:，,]\s*)"
)


# 记者从商务部获悉，… : the source stays named (据商务部消息，…)
_REPORTER_LEARNED = re.compile(
    r"^(?:(?:(?:\d{1,2}月)?\d{1,2}日|近日|日前|今天|今日|昨日|昨天)[，,]?)?"
    r"记者(?:(?:\d{1,2}月)?\d{1,2}日|近日|日前|今天|今日|昨日|昨天)?从([^，,。]{2,16}?)(?:了解到|获悉)[，,]\s*"
)


def strip_lead_marker(text: str) -> str:
    """The outlet's own marker in front of the lead goes (证券时报网讯，36氪获悉，); a source
    the reporter learned it from stays named."""
    learned = _REPORTER_LEARNED.match(text)
    if learned and learned.end() < len(text) - 10:
        rest = text[learned.end() :]
        if rest.startswith("据") or learned.group(1) in rest[:24] or _SAYS.match(_after_time(rest)):
            return rest  # the rest names the source already, or its own
        source = re.sub(r"上$", "", learned.group(1))  # 从…会议上获悉 → 据…会议消息
        return f"据{source}消息，" + rest
    m = _LEAD_MARKER.match(text)
    if m and m.end() < len(text) - 10:
        return text[m.end() :]
    return text


# --- house titles -------------------------------------------------------------------------------

# 「机构：事件」: a source's name (no figures in it) before the colon
_HOUSE_TITLE = re.compile(
    r"^(?![^：:]*(?:发布|出炉|公布|宣布|印发|启动|上线)[：:])[^：:0-9０-９\s]{2,14}[：:][^：:]{4,}$"
)
_ORG_IN_TEXT = re.compile(
    r"((?:国务院办公厅|国家[\u4e00-\u9fa5]{1,8}(?:局|委员会|委|总局|署|中心)|[\u4e00-\u9fa5]{1,6}(?:部|总局|海关总署|网信办)|"
    r"[\u4e00-\u9fa5A-Za-z]{2,8}(?:研究院|协会|研究中心|信息中心))(?:[（(][A-Za-z]{2,8}[）)])?)"
)
_SAYS = re.compile(
    r"^(.{2,24}?)(?:日前|近日|今日|\d{1,2}月\d{1,2}日|\d{1,2}日)?"
    r"(?:联合)?(发布|宣布|公布|表示|印发|透露|介绍|称|披露|启用|上线|推出|召开|举办|部署|出台)"
)
_KEY_FIGURE_CLAUSE = re.compile(
    r"[^，。；：]*?(?:增长|下降|达到?|突破|超过|完成|提升至|增至|为)[^，。；]*?\d[^，。；]*"
)


def is_house_title(title: str) -> bool:
    """「机构：事件」 or a headline carrying a key figure."""
    return bool(_HOUSE_TITLE.match(title)) or bool(figures_in_sentence(title))


def suggest_title(title: str, body: str, kind: str = OTHER) -> str:
    """The headline in the house form: the source or agency in front (「商务部：…」), the key
    figure of the lead after it when there is one, else the event. The original is kept
    when it is already in that form, or names its source first and has no key figure, or
    no source can be told."""
    title = title.strip()
    if _HOUSE_TITLE.match(title):
        return title
    sentences = split_sentences(body)
    first = strip_lead_marker(sentences[0].text if sentences else "").strip()
    org = _source_of(first)
    if not org:
        return title
    org = _SHORT_NAMES.get(org, org)  # a headline names the agency short
    if kind == GOVERNMENT:
        document = _POLICY_DOCUMENT.search(first)
        if document:
            # the verb that issues it (联合印发《…》), the agencies it names (商务部等五部门)
            verb = re.search(r"(印发|发布|出台|公布|修订|制定)[^。《，]{0,4}《", first[: document.end()])
            several = re.search(r"等([多两三四五六七八九十\d]+个?部门)", first[: document.start()])
            if several and not org.endswith("部门"):
                org = f"{org}等{several.group(1)}"
            in_force = re.search(r"自((?:\d{4}年)?\d{1,2}月\d{1,2}日)起(?:施行|实施)", body[:200])
            if in_force:
                return f"{org}：{document.group(0)}{in_force.group(1)}起施行"
            return f"{org}：{verb.group(1) if verb else '发布'}{document.group(0)}"
    if kind != COMMENTARY and figures_in_sentence(title) and not re.search(r"[：:]", title):
        # the headline's own figure: the source in front of the part that carries it
        if title.startswith(org) and len(title) - len(org) >= 6:  # 美团闪购发布…，年内新增1万个
            return f"{org}：{title[len(org) :].lstrip('，, ')}"
        part = next((p for p in re.split(r"[\s，,！!]+", title) if figures_in_sentence(p)), title)
        return f"{org}：{part[len(org) :] if part.startswith(org) else part}"
    clause = _key_clause(first, body) if kind != GOVERNMENT and kind != COMMENTARY else None
    if clause:
        if clause.startswith(org):
            clause = clause[len(org) :].lstrip("，,的")
        return f"{org}：{clause}"
    if kind != COMMENTARY and title.startswith(org) and len(title) - len(org) >= 6:
        return f"{org}：{title[len(org) :].lstrip('，, ')}"  # 得物推出溯源码… → 得物：推出溯源码…
    if org[:2] in title or kind == COMMENTARY:
        return title
    return f"{org}：{title}"


def _source_of(sentence: str) -> str | None:
    """Who tells the news in the lead: 顺丰控股 in 11月18日晚间，顺丰控股发布…"""
    # 网联清算有限公司（以下简称“网联”）: the full name is the source, the aside goes
    sentence = re.sub(r"[（(](?:以下简称|下称|简称)[^）)]{0,20}[）)]", "", sentence)
    told = re.match(r"^据([\u4e00-\u9fa5A-Za-z]{2,20}?)(?:消息|数据|统计)[，,]", sentence)
    if told:  # 据网联清算有限公司消息，…
        return told.group(1)
    sentence = re.sub(r"^(?:据|记者[^，,]{0,10}从)", "", sentence)
    for clause in re.split(r"[，,]", sentence)[:3]:
        clause = _after_time(clause)
        m = _SAYS.match(clause)
        if not m:
            continue
        name = re.sub(r"(?:方面|有关负责人|负责人|相关负责人|日前|近日|今日|在[^在]{1,8})$", "", m.group(1))
        # 阿里巴巴旗下跨境电商平台速卖通 → 速卖通
        name = re.sub(r"^.*旗下(?:的)?(?:[\u4e00-\u9fa5]{0,6}平台)?", "", name).strip("，, ")
        # 潮流网购平台得物 → 得物, 海外外卖品牌Keeta → Keeta: the description goes
        name = re.sub(r"^[\u4e00-\u9fa5]{2,8}(?:平台|品牌)(?=[\u4e00-\u9fa5A-Za-z“]{2})", "", name)
        if name[:1] in "与和并及将":
            continue
        abbreviation = re.search(r"[（(]([A-Za-z]{2,8})[）)]$", name)
        if abbreviation:
            return abbreviation.group(1)
        if 2 <= len(name) <= 16 and not re.search(r"[，。“”《]|今年|记者|数据|报告|显示", name):
            return name.replace("、", " ")
    m = _ORG_IN_TEXT.search(sentence[:40])
    return m.group(1) if m else None


def _after_time(clause: str) -> str:
    return re.sub(
        r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:晚间|上午|下午|晚)?[，,]?|^(?:今日|近日|日前|昨日)[，,]?",
        "",
        clause,
    )


def _key_clause(lead: str, body: str) -> str | None:
    """The lead's key figure as a clause: a change (…同比增长9.2%) first, else an amount."""
    # the lead and the sentence after it; a quoted speaker's figure is not the headline's
    sentences = [s for s in [lead, *(s.text for s in split_sentences(body)[:2])] if not _SPEAKS.search(s)]
    for wanted in (_CHANGE_VERB, _AMOUNT_VERB):
        for sentence in sentences:
            clauses = re.split(r"[，；。]", sentence)
            for n, clause in enumerate(clauses):
                if n and re.match(r"^(?:同比|环比|比|较|增长|下降)", clause):
                    # 营业收入为186.4亿元，同比增长9.2% → 营业收入同比增长9.2%
                    before = _TRAILING_AMOUNT.sub("", clauses[n - 1])
                    clause = before + clause if before != clauses[n - 1] else clauses[n - 1] + "，" + clause
                if figures_in_sentence(clause) and wanted.search(clause) and 6 <= len(clause) <= 32:
                    return re.sub(r"^(?:其中|数据显示|报告显示|截至[^，]{2,10})", "", clause).strip("，, ")
    return None


_TRAILING_AMOUNT = re.compile(
    r"将?(?:为|达到?|是|实现)?[约近超逾]?\d[\d.,]*(?:万亿|亿|万|千)?[\u4e00-\u9fa5%]{0,2}$"
)
_SPEAKS = re.compile(r"(?:表示|认为|指出|说)[，,：:]")
_CHANGE_VERB = re.compile(r"增长|下降|提升至|增至|降至|扩展至|扩大至")
_AMOUNT_VERB = re.compile(r"达|突破|超过|完成|为")
