"""Key figures of a report: amounts with units, counts, shares and changes, each with its
period, the sentence it came from and what it measures (its subject).

``value`` is normalised (六千九百五十九亿元 → 695900000000.0, unit 元) but ``text`` always
keeps the original wording, which is what an editor quotes.

``subject`` names what is measured as an editor would: a noun phrase without the verbs
around the number (实现, 达到, 同比增长), counts as …数量 (海外仓数量), shares as X占Y的比重
(…的比例 for people), growth rates as …增速 or …年均增速; a clause that names nothing takes
the subject told before it, and each item of a 分别 list gets its own. ``period`` is the
figure's own (2025年“618”期间, 2025财年, 截至2025年9月30日的季度, 未来三年); a period it is
compared with is its ``base`` (较2019年, 上年同期, 平日), never its period.
"""

from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from newsdesk.text.script import to_simplified
from newsdesk.text.sentences import Sentence, split_sentences

# OpenCC reads a few Cantonese characters as rare variants outside the common range (嗰 →
# 𠮶, of the Extension B plane; 喎 → 㖞): the quotes of Hong Kong speakers keep their own
# and the particles of a Cantonese quote are read as the Mandarin ones they stand for (one
# character for one, so positions hold): 多咗三成 is 多了三成, 我哋嘅营业额 我哋的营业额, 喺 在
_CANTONESE_READ = str.maketrans({"咗": "了", "嘅": "的", "喺": "在"})
# a quotation in Cantonese, by its particles (read above or kept): its money is Hong Kong's
_CANTONESE_QUOTE = re.compile(r"[「“][^」”]*(?:[啲嗰哋咗嘅喺冇咩嘢佢唔]|旧年|今个|而家|麻麻)")


_MAINLAND_TOLD = re.compile(r"全国|国家|我国|内地|大陆|人民币|国内|中国")
_CANTONESE_IS = re.compile(r"(?<![关体联派院直世星水母父嫡])系(?![统列数])")
_CANTONESE_SAID = re.compile(r"话[：:]\s*[「“]|[「“][^」”]*蚊")


def _yuan_untold(s: str, text: str) -> str:
    """The dollar a figure read as 元 is in: 港元 where the figure names no currency of its own
    and the sentence quotes Cantonese (一日做五六万), else 元."""
    # (its particles may be read as Mandarin by now: 话： before the quote, or 蚊 in it, still tell)
    if not re.search(r"元|人民币|块|蚊", text) and (_CANTONESE_QUOTE.search(s) or _CANTONESE_SAID.search(s)):
        return "港元"
    return "元"


def _simplified(text: str) -> str:
    """Simplified script as the house prints it, Cantonese words kept (五一嗰几日, not 五一𠮶几日:
    to_simplified keeps them)."""
    return to_simplified(text)


_AR = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
# 六千九百五十九, 一万零八百 (before 亿元), 三点五
_CN = (
    # (七、八百杯, 五、六千块: two neighbouring numerals told apart, a spoken range)
    r"(?:[一二三四五六七八]、(?=[二三四五六七八九][十百千]))?"
    r"[零〇一二两三四五六七八九十百千]+(?:万(?=[零〇一二两三四五六七八九])[零〇一二两三四五六七八九十百千]+)?"
    r"(?:点[零〇一二三四五六七八九]+)?"
)
_NUMBER = rf"(?:{_AR}|{_CN})"
# 兆 is a million millions in Taiwan's reports (新台币1.2兆元)
# (两万多亿: ten thousand 亿 and more, the hedge inside the magnitude)
_MAGNITUDE = r"(?:万多亿|万余亿|万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|兆(?=元|新台币|人民币|美元|港元))"
# (1.86亿人币: Hong Kong's short word for 人民币; 三百几蚊: 蚊 is the Cantonese word for a
# Hong Kong dollar, not the mosquito of 蚊子, 蚊香)
_CURRENCY = r"(?:元人民币|元新台币|人民币|人币|元|美元|欧元|日元|英镑|港元|港币|澳门元|韩元|卢布|新台币|蚊(?![子虫香帐]))"
# a measure word is the unit it counts in: 每日平均訂單逾5.3萬張 (orders, as Hong Kong counts
# them), 卖了三十来万斤 (apples by the jin), 日均保障航班1.9万班 (flights), 开行6300列 (trains;
# not 列入, 列车), not 上班 or 班子 (a numeral comes first) nor 中欧班列
_COUNTER = r"(?:标箱|立方米|平方米|平方公里|公里|千瓦时|吨|公斤|斤|张|个多?小时|个人(?=[，。；、”」]|$)|个(?!多?(?:月|百分点|点|工作日|小时)|亿|万)|小时(?!营业|不打烊)|家|笔|宗(?![旨教族师])|票|件|单|户|人次|人|名|辆次|辆|台|颗|部(?!门)|套|款|座|股(?![东份票价权本市民息利])|次|场次|场|条|批|份(?!额)|架次|架|艘|亩|分钟|班次|班(?![列子车组级长主底会机])|列(?![入为车表出举居席队位明支])|天(?![猫下]|无理由|价保|价格保护|保价|包退|包换|退换)|日(?=内|以内|之内)|(?:(?<=提前\d)|(?<=提前\d\d)|(?<=提前\d\d\d))日|杯|盒(?!马)|箱|瓶|袋|只(?![有要是能会]|不过)|个钟|钟(?=[头都，。；”」])|桌(?!面|椅|子)|间(?=[房屋客铺]|[，。；、”」]|$)|点(?=[，。；、和及与]|$))"
# so many percentage points: 1.2个百分点, 3个多百分点, 2.2个点
_POINTS = r"(?:个多百分点|多个百分点|个百分点|百分点|个点)"
# a round number and some: 两百多, 三千余, 三百来件, 十几个亿 (read as its round number)
_ABOUT = r"[多余来几]"
_ABOUT_AFTER = re.compile(rf"\s*{_ABOUT}")
# 几百个亿, 好几千亿, 小几百万单: a few hundreds, thousands… (read as a range: _spoken_range)
_FEW = r"几[十百千]"
# 小十万, 好几千亿, 快三千万: spoken words before a number that belong to its wording
_SPOKEN_LEAD = ("小", "好")
_ALMOST = "快"
# 经过, 通过, 不过…: 过 inside a word, not 过万 (more than ten thousand)
_PASSED_IN_WORD = ("经", "通", "超", "越", "度", "不", "跨", "错", "闯")
# 近百个, 超千家: a hundred or a thousand as a round number (数百, 上千 are vaguer)
_ROUND_BEFORE = re.compile(r"(?:近|将近|接近|超过|超|逾|破)$")
# 快五倍 is spoken for 近五倍
# (比去年少了差不多两成: 差不多 is spoken for 约)
_APPROX = r"(?:近|(?<!大)约|超过|超|逾|达|突破|不足|将近|接近|大约|差不多|差唔多|多达|高达|仅|快(?=[\d一二两三四五六七八九十]))?"

# Each pattern starts with a one-character test: most positions of a sentence begin no figure.
AMOUNT = re.compile(
    # (初六十二间房: 初六 is a day of the new year, the figure 十二间 follows it)
    r"(?=[\d零〇一二两三四五六七八九十百千几过])(?<!初(?=[一二三四五六七八九十][一二三四五六七八九十]))(?:"
    # a range first: 300亿至500亿元, 20万—30万人 (500元至2000元 is joined after)
    rf"(?P<low>{_AR})\s*(?P<lowmag>{_MAGNITUDE})?\s*[—–~～至到-]\s*(?P<high>{_AR})\s*(?P<highmag>{_MAGNITUDE})?"
    rf"\s*(?P<rangeunit>{_CURRENCY}|{_COUNTER})"
    # 两百余万人: 余 and 多 before or after the magnitude
    # (4兆9,860億元, 3亿5000万元: a number told in two magnitudes, Taiwan's 兆 first)
    # (十一亿七千万件: in Chinese numerals too)
    rf"|(?:(?P<big>{_AR}|[一二两三四五六七八九十百千]+)\s*(?P<bigmag>兆|万亿|亿)\s*(?=\d|[一二两三四五六七八九][十百千]?万))?"
    # (两万几蚊: a round number and a few more, the 几 after its magnitude)
    rf"(?P<num>{_NUMBER}|{_FEW})\s*{_ABOUT}?\s*(?:个(?=亿|万))?(?P<mag>{_MAGNITUDE})?\s*(?:多|余|几)?\s*(?P<unit>{_CURRENCY}|{_COUNTER})"
    # 两千五上下, 三万五左右: a number said short and hedged (2500, 35000), before 两千 is read
    # as a magnitude alone
    # (一天能卖两千五，: and ending the clause, as spoken)
    # (单量从每天两千五涨到五千多单: and before the move it made)
    r"|(?P<short>[一二两三四五六七八九][万千百][一二三四五六七八九])(?:上下|左右|出头|(?=[，,。；;！!”」]|都(?=好|很|唔|不)|涨到|升到|跌到|降到|掉到|增至|增加到|减少到|翻))"
    # 26个亿, 十几个亿: spoken, the 个 before the magnitude
    rf"|(?P<num2>{_NUMBER}|{_FEW})\s*{_ABOUT}?\s*(?:个(?=亿|万))?(?P<mag2>{_MAGNITUDE})(?:多|余)?(?![\u4e00-\u9fa5]*?[年月日])"
    # 一天外卖一百出头: a round number and a little over, spoken with no counter
    rf"|(?P<num3>{_NUMBER}|{_FEW})(?=出头)出头"
    # 月入过万: past ten thousand (or a hundred million), spoken with no numeral
    # (过千, 订咗过百份: past a thousand, past a hundred, told so in Hong Kong; 过百万 is a million)
    r"|(?<![经通超越度不跨错闯])过(?P<passed>千万|百万|万|亿|千(?=[一-龥]{0,2}[，,。；;！？”」]|$|蚊|元|块|人|家|件|单|份|个)"
    r"|百(?=份|人|家|件|单|个|蚊|元|块|间|场|款))(?!元?[的级])(?P<passunit>人次|份|人|家|件|单|个|间|场|款)?"
    r")"
)
_PAYING = (
    "便宜了",
    "省了快",
    "省了近",
    "贵了",
    "花了",
    "挣了",
    "赚了",
    "涨到",
    "降到",
    "还是",
    "只要",
    "省了",
    "平均收",
    "收",
)
_AFTER_PAYING = "(?:" + "|".join(f"(?<={w})" for w in _PAYING) + ")"
# money as it is spoken: 15块8 (15.8元), 1毛2 (0.12元), 省了快1000块, 300多块钱; 块 alone
# counts screens and plots too, so it is money only after a word of paying or costing
SPOKEN_MONEY = re.compile(
    # every branch begins with a numeral (or 块, of 块把钱): a quick test before the alternation
    r"(?=[\d一两二三四五六七八九十百千万块小])(?:"
    # 三块五左右一斤: so many 块 and 毛, in words (3.5 元)
    r"(?<![一二两三四五六七八九十百千万第])(?P<cyuan>[一二两三四五六七八九十]{1,3})块(?P<cjiao>[一二三四五六七八九])"
    r"(?=毛|角|钱|左右|上下|出头|一[斤个件杯盒瓶份单]|[^\u4e00-\u9fa5]|$)(?:毛钱|毛|角|钱)?(?:左右|上下|出头)?"
    # 两百块出头, 一两百块, 四五千块, 千把块, 十来块: a sum of 块 in words, with its place (十, 百, 千)
    # (七八块 is the neighbouring numerals below; 两百块屏幕 counts screens)
    # (五、六千块: the neighbouring numerals told apart)
    r"|(?<![一二两三四五六七八九十百千万第])(?P<cnsum>(?:(?:[一二三四五六七八]、(?=[二三四五六七八九][十百千]))?[一二两三四五六七八九]{1,2}[十百千万](?:[一二三四五六七八九][十百千]?)*|[十百千万]把|十(?=来)|十[百千万](?=多|来)))"
    r"(?:来|多)?块(?:钱)?(?=出头|左右|上下|多|[^\u4e00-\u9fa5]|$)(?:出头|左右|上下)?"
    # 一天能挣个七八百, 一晚涨到八百八, 每桌两千八, “…，九百二就出手了”: hundreds or thousands
    # said bare (a range of neighbouring numerals, or the short 八百八), after a word of earning
    # or pricing, or opening a spoken clause, are money
    r"|(?:(?<=挣个)|(?<=赚个)|(?<=涨到)|(?<=每桌)|(?<=一晚)|(?<=每晚)|(?<=[，：“「]))"
    r"(?P<bare>[一二三四五六七八][二三四五六七八九][百千]|[一二两三四五六七八九][百千][一二三四五六七八九])"
    r"(?=[，。；！？”」]|就|才)"
    # 一天比平时多挣小两百: more earned, said bare (小, "nearly"); 一斤多赚一块多: a 块 and a bit
    r"|(?:(?<=多[挣赚拿])|(?<=多[挣赚拿]了))小?(?P<more>[一两二三四五六七八九][十百千万])(?=[，。；！？”」]|$)"
    r"|(?<![一二两三四五六七八九十百千万第])(?P<kuaimore>[一两二三四五六七八九])块多(?:钱)?(?=[，。；！？”」]|$)"
    r"|(?<![\d.])(?P<yuan>\d{1,4})块(?P<jiao>\d)(?![\d.])"
    r"|(?<![\d.])(?P<mao>\d)毛(?P<fen>\d)?(?![\d.])"
    # 一单赚不到两毛钱, 被压到七毛多, 一毛左右: so many 毛 in words, told as money (a 毛 alone
    # only after a verb and closing its clause: 九牛一毛 is no money, nor 毛利, 毛绒)
    r"|(?<![一二三四五六七八九十百千万几牛])(?P<maocn>[一两二三四五六七八九])毛"
    r"(?:多钱?|钱|(?=左右|上下|出头)|(?<=[到了是要才就只收][一两二三四五六七八九]毛)(?=[，。；！？”」]|$))"
    r"|" + _AFTER_PAYING + r"(?P<kuai>\d{1,5})多?块(?:钱)?"
    # 一斤比去年贵了块把钱: a 块 or so, after a word of paying
    r"|" + _AFTER_PAYING + r"(?P<kuaiba>块把)钱?"
    # 300多块钱, and 7块多: a little over 7 元
    r"|(?<![\d.])(?P<kuai2>\d{1,5})(?:多?块钱|块多钱?)"
    # 十五六块钱, 七八毛, 卖个七八块: two neighbouring numerals are a range (块 alone only
    # where no noun follows: 七八块屏幕 counts screens)
    r"|(?<![一二三四五六七八九十百千万])(?P<tens>[一二三四五六七八九]?十)?(?P<first>[一二三四五六七八])(?P<second>[二三四五六七八九])"
    r"(?P<coin>块钱|块(?![\u4e00-\u9fa5])|毛)"
    # 赚千零蚊, 万零蚊: a thousand (ten thousand) and a little, in Hong Kong dollars
    r"|(?<![一二两三四五六七八九十百千万])(?P<ling>[一两二三四五六七八九]?[千万])零(?=蚊|块|元)(?:蚊|块钱?|元)"
    # 一件得三蚊: so many Hong Kong dollars, one numeral (蚊 is money whatever follows)
    r"|(?<![一二两三四五六七八九十百千万几])(?P<cnone>[一两二三四五六七八九十])蚊(?![子虫香帐])"
    r")"
)
PERCENT = re.compile(
    r"(?=[\d零〇一二两三四五六七八九十百千翻])(?:"
    # a range first: 30%—50%, 30—50%
    rf"(?P<low>{_AR})\s*[%％]?\s*[—–~～至到-]\s*(?P<high>{_AR})\s*[%％]"
    rf"|(?P<num>{_AR})\s*[%％]|百分之(?P<cn>{_CN}|{_AR})|(?:(?P<plo>{_NUMBER})\s*[至到—–~～-]\s*)?(?P<pp>{_NUMBER})\s*{_POINTS}"
    # (八九成都是…: two neighbouring numerals are a range; 成都 is the city unless a verb follows)
    # (三成至五成: a range told with 成 at both ends)
    rf"|(?:(?P<clo>[一二两三四五六七八九]|{_AR})\s*成?\s*[至到—–~～-]\s*|(?P<cnb>[一两二三四五六七八])(?=[二三四五六七八九]成))?(?P<cheng>[一二两三四五六七八九]|{_AR})\s*成(?P<chalf>半|[一二三四五六七八九](?![十百千万亿成点]))?(?![交为本员立功果长效绩])(?!都(?![是在会有要不没已能选]))"
    # so many times as much: 是上年同期的2.3倍, 增长了5倍多, 3至5倍
    rf"|(?:(?P<tlo>{_AR}|[一二两三四五六七八九十]+)\s*[至到—–~～-]\s*)?(?P<times>{_AR}|[一二两三四五六七八九十]+)\s*倍(?P<more>还?多)?"
    # a fraction: 四分之一, 三分之二
    r"|(?<!百)(?P<den>[二三四五六七八九十])分之(?P<frac>[一二三四五六七八九])"
    # doubled (翻番, 翻一番, and as spoken 翻倍, 翻了一倍) or quadrupled (翻两番); 翻两倍 is not
    # doubling twice, so only 一 reads as a doubling
    # (翻了一倍还多 is told as 一倍还多, one time more and some)
    r"|(?P<fan>翻了?(?P<fans>[一两二三])?番|翻了?一?倍(?!还?多))"
    r")"
)
CHANGE = re.compile(
    r"(?=[同环按比较年月季两增上提回下减扩缩收加放大累升跌降倒萎成衰涨少掉多微略平好便])(?:"
    r"(?P<dir>同比|环比|按年|按月|按季|(?<![\d〇零一二两三四五六七八九十])[年月季](?=[增减](?:率(?:达|为|是)?)?\s*[\d约近超逾])|比上年|较上年|比去年同期|较去年同期|比上年同期|较上月|比上月|年均|两年平均)?\s*"
    r"(?P<verb>增长|增加|上升|提升|提高|回升|上涨|下降|减少|下滑|回落|下跌|扩大|缩小|收窄|加快|放缓|增速为|增幅为|降幅为|增速|增幅|降幅"
    # Hong Kong wording: 按年升2%, 按年大跌98%, 倒退七成
    # Taiwan's wording: 較去年同期成長2.3%, 衰退5%
    # and the spoken wording of reposts: 涨了7%, 比去年少了4%, 掉了3%
    # 累升逾六成: risen so much in all
    # (比去年多了快一半: 多 is a change only as 多了, else it is 许多 or 多家)
    # (全年则料微升1%左右: risen a little, so much)
    # (北上买餸平成半: 平, cheaper, in a Cantonese quote)
    # (比平常多快一半, 便宜了将近一半, 较去年缩水近三成: more, cheaper and shrunk, as spoken)
    # (年增率達11.8%: Taiwan's rate of yearly growth, told as a rate)
    r"|(?<=[年月])[增减]率(?:达|为|是)?|(?:大幅|大|累|微|略)?(?:升|跌|增|降|减|涨|少|掉)|多(?=了|快一半|将近一半)|倒退|萎缩|缩水|成长|衰退|便宜(?=了)"
    r"|平(?=成半|成[一二两三四五六七八九]成)|好返)(?:了|紧)?\s*"
    rf"{_APPROX}\s*(?:(?P<lo>{_NUMBER})\s*[%％]?\s*[至到—–~～-]\s*)?(?P<amount>{_AR}\s*[%％]|{_NUMBER}\s*{_POINTS}|{_NUMBER}\s*倍|一番|两位数"
    # 一成半, 七成半: so many tenths and a half (15%, 75%)
    # (按月下跌一成二: and so many hundredths, as Hong Kong and Macau say it: 12%)
    rf"|(?:[一二两三四五六七八九]|{_AR})\s*成(?:半|[一二三四五六七八九](?![十百千万亿成点]))?(?![交为本员立功果都长效绩])"
    # half, as spoken: 美国那边更是掉了一半, 比去年多了快一半
    r"|一半"
    # 少咗成半, 好返咗成三成: Cantonese 成 before the amount, "a full" (half, three tenths)
    r"|成半|成[一二两三四五六七八九]成)"
    r")"
)
# what a sale's first minutes or hours are told before (开卖1小时成交额): the time is the
# period of that measure, not a figure (_PERIOD reads the one, _WITHIN drops the other)
_SALE_MEASURE = r"成交|销售|销量|订单|GMV"
# from the lunar new year's eve to a day of the new year (除夕至初六)
_TO_NEW_YEAR_DAY = r"\s*(?:至|到)\s*(?:正月)?初[一二三四五六七八九十]"
# Hong Kong's 新年, the lunar new year (今年新年生意…), not 新年伊始, 新年快乐
_NEW_YEAR = r"新年(?!伊始|快乐|第一|贺|礼|愿|首)"
# Festivals and shopping events a period is named after: 双11期间, 2025年“618”期间, 春节假期
_EVENT = (
    r"(?:“[^”，。]{1,10}”|「[^」，。]{1,10}」|双\s*(?:11|12|十一|十二)|\d{1,2}\.\d{1,2}|618|春节|五一|劳动节|元旦"
    # 520当天, 520期间: the day of love as the trade names it (520元 is a sum, not the day)
    r"|(?<![\d.])520(?=\s*(?:当天|当日|期间|前后|前夕|档期|节|那天|嗰日))"
    # 端午假期 and 端午节假期 alike
    r"|(?:国庆|端午|中秋|清明)节?"
    # 十一黄金周: the National Day holiday, by its date
    r"|十一(?=黄金周|长假|小长假|假期)"
    r"|春运|暑运|暑期|暑假|寒假|年货节|年货(?:预购|预售)?(?=档期)|开学季|七夕节?|情人节|重阳节?|黑五|黑色星期五|网一|网络星期一|圣诞节?|平安夜|跨年夜"
    # the rest of the trade's calendar: 女王节 (三八), 母亲节, 毕业季, 腊八, 冬至, 感恩节, and the
    # fairs whose days are a period of their own (广交会期间, 进博会期间)
    # (三八大促: the women's-day sale, by its date)
    r"|妇女节|女王节|三八节|三八(?=大促|购物节|好物节)|母亲节|父亲节|儿童节|毕业季|腊八节?|冬至|感恩节|广交会|进博会|中元(?:普渡|普度)?节?"
    # a department store's anniversary sale, as Taiwan's are told (週年慶首日, 週年慶檔期)
    r"|周年庆"
    # a platform's own sale day: 亚马逊Prime会员日期间, Prime Day
    # (会员日期间: the day named again, its platform told before)
    r"|Prime\s*(?:会员日|Day)|会员日(?=期间|当天|首日|前后)"
    # the lunar new year as Chinese reporting tells it: 除夕当天, 元宵节当天, 农历新年假期首六日,
    # 过年这八天 (过年 only with the days it is told with: 过年亲戚送的 is no period)
    # (農曆春節連假期間: Taiwan's lunar new year, 农历 and all)
    # (除夕至初六, 除夕夜: the eve to a day of the new year; the eve's night)
    # (今年新年生意…: Hong Kong's lunar new year; not 新年伊始, 新年快乐)
    # (除夕夜至初六期间: the span told from the eve's night; the longer reading first)
    rf"|除夕夜?{_TO_NEW_YEAR_DAY}|除夕夜?|{_NEW_YEAR}(?!后|前)"
    r"|元宵节?|农历新年|农历春节|农历年|大年三十|过年(?=这?[一二两三四五六七八九十\d]{1,2}天|前)"
    # (黄金周嗰几日: the golden week alone, as a speaker tells it)
    r"|黄金周(?=(?:这|那|嗰|呢)几[天日]))"
)
# the days after a festival: 节后第一周, 春节后一周, 农历新年后首周, 年后头一个礼拜
_AFTER_WEEK = r"后\s*(?:第一|首|头一?个?)\s*(?:周|礼拜|星期)|后\s*[一两二三四]\s*(?:周|个?星期|个?礼拜)"
_EVENT_TAIL = (
    # 国庆中秋假期: two festivals at once
    rf"(?:[、和与及]?{_EVENT})?"
    r"(?:(?:年中|年终|全球|网购)?(?:大促|购物节|狂欢节|促销季|促销|消费季|活动|好物节))?"
    # 年货节启动首周: its opening days; 国庆这八天, 元旦三天: its days, counted as spoken
    # (春运40天 is its length, a figure of its own)
    # (今年「雙11」單日, 双12专场, 雙12檔期: its one day, a sale's own show, its run)
    # (元旦假期三天: the holiday with its days spoken; 假期8天 gives its length as a figure)
    # (春节假期后一周: the week after it; 农历新年假期首六日: its first days)
    r"(?:(?:小长假|长假|连假|假期|假日|黄金周)(?:疏运)?(?:期间|这?[一二两三四五六七八九十]{1,2}天(?![数里])"
    rf"|{_AFTER_WEEK}|首[一二两三四五六七八九十\d]{{1,2}}\s*[日天]|首[日周])?"
    # (双11全周期: the whole of a sale, from its pre-sale to its last day)
    rf"|{_AFTER_WEEK}|全周期|期间|当天晚上|当天|当日|当周|单日|当晚|那晚|那天|那日|嗰日|嗰天|专场|档期|(?:启动|开幕|开启)?首[日周]"
    # 国庆头三日: its first days
    r"|头[一两二三四五六七八九十]{1,2}[日天]"
    # 春节前后两周, 今年春节前后一个月: the weeks either side of it
    r"|前后(?:[一两二三四五六七八九十\d]{1,2}\s*(?:周|个?星期|个?礼拜|个?月|天))?"
    # 年货节头一个礼拜: its first week, as spoken
    r"|头一?个?(?:礼拜|星期|周)"
    # (春节九天连假期间: its days, then the holiday they make)
    # (五一这几天, 五一嗰几日: its days, as a speaker tells them, in Cantonese too)
    r"|(?:这?[一二两三四五六七八九十]{1,2}天|这\d{1,2}天)(?:(?:小长假|长假|连假|假期)(?:期间)?)?"
    r"|(?:这|那|嗰|呢)几[天日]"
    # 双11高峰那几天: its peak as a speaker tells it
    r"|高峰(?:期间|期|那几天|这几天|那阵子)"
    # 黑五嗰个礼拜: its week, in a Cantonese quote; 圣诞前夕: its eve
    r"|(?:嗰|那|这)(?:[一两二三]个|个)?(?:礼拜|星期|周)|前夕"
    # 今年双11高峰期, 雙十一嗰排: its peak, its weeks (Cantonese); (双11首场直播GMV: the show is
    # what is measured, in the festival)
    r"|高峰期|(?:嗰|那)(?:排|阵子?))"
    r"(?:前[一二三四五六七八九十\d]{1,2}天)?"
)
_YEAR_WORD = r"(?:\d{4}\s*年|今年|去年|上年|明年|前年)"
_PERIOD = re.compile(
    # every period begins with one of these: a quick test before the long alternation
    r"(?=[\dQP截本当这上下今去明前“「双春国五劳端中元清暑寒年开黑圣至到过未近一二两三四五六七八九十第首全旺淡昨假长小黄平跨周现目以最除农大正初节妇女母父儿毕腊冬感广进网活而高展星礼从整情重呢入降冰雪]|会员日|预售)(?:"
    # 派发2029年中期现金股息: the interim half of the year a dividend is of
    r"\d{4}\s*年\s*中期(?=(?:现金)?(?:股息|派息|分红|业绩))|"
    # the times a speaker or a weekly report counts from today: 本周, 上周, 这几天, 周末两天,
    # 今天, 一晚上 (现在, 目前 and 以前 are periods only where a sentence sets them apart: _periods)
    r"(?:本|上|这)(?:周末?|个?星期|个?礼拜)(?!年|[一二三四五六日天](?![场次个家单件台]))|周末(?:两天|这两天|期间)?"
    # 星期六日客流少咗近四成: the weekend, as Hong Kong says it
    r"|(?:星期|礼拜|周)六(?:日|、日|和(?:星期|礼拜|周)?日)(?=[\u4e00-\u9fa5])"
    # 从2028年“双11”到春节前: a stretch from one festival to another
    # (双十二至年货节期间: told without 从)
    # (but 增长0.8至1.2个百分点 is no stretch from 0.8 to 1.2, as from 6.18 to 11.11)
    rf"|(?:从|(?![\d.]))\s*{_YEAR_WORD}?\s*{_EVENT}\s*(?:到|至)\s*{_YEAR_WORD}?\s*{_EVENT}\s*(?:前|后|期间|结束)?"
    # 这个月能比平时多挣两千五: the month a speaker is in
    # (我间铺上个月营业额得十二万: the month before, as a speaker tells it; not 比上个月)
    r"|这个月(?=[\u4e00-\u9fa5])|(?<![比较于过])上个月(?=[\u4e00-\u9fa5])"
    # “最近一天跑七八十单, 「五月天气一热…: lately, or a month, as a speaker opens with it
    r"|(?<=[“「])最近(?=一天|每天|一个月|一周|这段)|(?<=[“「])(?:十[一二]|[一二三四五六七八九十])月(?=[\u4e00-\u9fa5])(?![份底末初中旬])"
    r"|(?:这|最近|近)(?:几|两|些|这几)天|今天(?![起开])|一个?晚上(?=[\u4e00-\u9fa5])"
    # (而家: now, in a Cantonese quote)
    r"|(?<![\u4e00-\u9fa5])(?:现在|目前|以前|而家)(?=[\u4e00-\u9fa5])|"
    # 我们直播间昨晚一晚上走了三千来单: a night or a day as spoken (not 今日, of 今日头条)
    r"(?:昨|今|当)(?:晚|夜)(?!会|报)|昨[天日]|"
    # a quarter or a year closing on a day: 截至2025年9月30日的季度, 截至6月30日止三个月
    r"截至\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*止?\s*的?\s*"
    r"(?:季度|第?[一二三四1-4]季度|三个月|六个月|九个月|十二个月|12个月|半年|年度|财年|一年|全年)"
    # a fiscal year: 2025财年, 2026财年第一季度
    r"|(?:\d{4}\s*(?:/\s*\d{2,4}\s*)?|本|上一?|下一?)财年(?:第?[一二三四1-4]季度|第[一二三四]财季|(?:上|下)半年|前[一二三]季度)?"
    # the lunar calendar: 正月初一至初八, 正月十五当天, 正月里, 初二那天
    r"|正月(?:初[一二三四五六七八九十]|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|三十)?"
    r"(?:\s*(?:至|到|—|-)\s*(?:正月)?(?:初[一二三四五六七八九十]|二十[一二三四五六七八九]?|十[一二三四五六七八九]?))?"
    r"(?:当天|当晚|那天|那晚|里|期间)?(?=[\u4e00-\u9fa5，,（(）)])"
    # 腊月里一天要发两千五单, 腊月廿三: the last lunar month before the new year
    # (腊月初就订出去八成: its first days)
    r"|腊月(?:廿[一二三四五六七八九]|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|初[一二三四五六七八九十]?)?"
    r"(?:当天|那天|里|期间)?(?=[\u4e00-\u9fa5，,（(）)])"
    # (除夕至初六即时零售订单量, 除夕夜单小时…: the eve to a day of the new year, the eve's night)
    rf"|除夕(?:夜?{_TO_NEW_YEAR_DAY}|夜)(?=[\u4e00-\u9fa5，,])"
    # (今年新年生意好过旧年: Hong Kong's lunar new year, told with its year)
    rf"|(?:今年|去年|旧年){_NEW_YEAR}(?=[\u4e00-\u9fa5，,])"
    # (初一到初六: the new year's first days, told without 正月)
    r"|初[一二三四五六七八九十](?:\s*(?:至|到)\s*初[一二三四五六七八九十]|当天|当晚|那天|那晚)"
    # 节后第一周, 年后头一个礼拜 (the festival understood); 过完年: after it, as spoken
    rf"|(?<![\d〇零一二三四五六七八九]){_YEAR_WORD}?\s*(?:节|年)(?:{_AFTER_WEEK}|后这[一两二三四五六七八九十]{{1,2}}天)|过完年(?=[\u4e00-\u9fa5])"
    # 春節後首場年貨直播: the festival's first show after it; …，春节后欧洲线路包裹…: the days
    # after it, where a clause opens with them (超过六成受访者表示春节后会… is what they plan)
    r"|(?:春节|农历新年)后首场[\u4e00-\u9fa5]{0,4}?直播"
    r"|(?:(?<=[，,；;：:“「])|(?<![\s\S]))(?:春节|农历新年)后(?=[\u4e00-\u9fa5])(?![会将要再的首头第一两二三四])"
    # …，平时能卖个小二百份: the ordinary days a speaker sets against the festival (比平时 is a base)
    # (平日一日做两万几: 平日, as Hong Kong and Taiwan say it; 大促那几天: a sale's days, as spoken)
    # (高峰期一天能跑…: the peak a speaker sets apart; 七月份: a month told in Chinese numerals)
    r"|(?<=[，,；;“「])高峰期(?=[\u4e00-\u9fa5])"
    r"|(?:(?:\d{4}\s*年|今年|去年)|(?<![\u4e00-\u9fa5\d]))(?:十[一二]|[一二三四五六七八九十])月份"
    r"|(?<=[，,；;“「])平[时日](?=[\u4e00-\u9fa5])(?![的])|大促(?:期间|那几天|这几天|嗰几日|嗰几天)"
    # 今年農曆新年前: the days before a festival, told with its year
    rf"|{_YEAR_WORD}\s*{_EVENT}\s*[前后](?![一二两三四五六七八九十\d后])"
    # an event: 2024年京东11.11期间, 2025年“618”期间, 春节假期, 国庆黄金周
    rf"|(?:{_YEAR_WORD}\s*(?:[\u4e00-\u9fa5]{{2,4}}?(?={_EVENT}\s*{_EVENT_TAIL}))?)?{_EVENT}\s*{_EVENT_TAIL}"
    # 第十三届进博会按一年计意向成交…: a fair's edition, the days it was held
    r"|第[一二三四五六七八九十\d]{1,3}届(?:进博会|广交会|服贸会|消博会|数贸会)"
    # 整个假期全国铁路累计发送…: the whole holiday, after its days were told
    r"|整个(?:假期|长假|小长假|黄金周|春节假期|国庆假期|双11|双十一)"
    # 年內累計回購金額: the running total of the year
    r"|年内(?=累计|已累计|共)"
    # 截至9月底止第三季度: a Hong Kong firm's quarter, told by its closing month
    r"|截至\s*\d{1,2}\s*月底?止\s*的?\s*第?[一二三四]季度"
    # 春运, 暑期, 旺季: seasons that are periods by themselves; 今年春节, 2025年国庆 with their
    # year; a film season (暑期档) before the season it is named after
    # (今个暑假: this summer's holidays, as Hong Kong says it)
    # (呢个暑假: this summer's, as Cantonese says it)
    r"|(?:\d{4}\s*年|今年|去年|上年|明年|今个|呢个)?\s*(?:(?:春节|国庆|暑期|五一|元旦|贺岁)档|春运|暑运|暑期|暑假|寒假|旺季|淡季)(?:以来|[一二两三]个月)?"
    # (春运前20天: the season's first days, told below)
    r"(?!\s*前\s*[这那]?\s*(?:[一二两三四五六七八九十\d]|半?个))"
    # 光今年秋天就卖了三十来万斤: a season of a year (told with its year: 秋季新品 is a name)
    r"|(?:\d{4}\s*年|今年|去年|上年|明年)\s*[春夏秋冬][天季]"
    # 今年五一淄博又火了: the festival itself (not 春节前, 五一假期: those are told above)
    r"|(?:\d{4}\s*年|今年|去年|上年|明年)\s*(?:春节|农历新年|(?:国庆|端午|中秋|七夕|圣诞|元宵)节?|五一|元旦|开学季|黑五|黑色星期五|感恩节"
    # (今年母亲节生意跌咗两成: the day the trade sells for)
    r"|母亲节|父亲节|情人节|妇女节|女王节|儿童节)(?![前后假档期])"
    # 去年双十一, 2025年“618”: a year's shopping festival
    r"|(?:\d{4}\s*年|今年|去年|上年|明年)\s*(?:[\u4e00-\u9fa5]{2,4}?(?=“?(?:双|618)))?“?(?:双\s*(?:11|十一|12|十二)|618)”?(?![\d.])"
    # 假期八天，全国…: the holiday's days, where a clause opens with them (假期8天 is its length)
    r"|(?:(?<=[，,；;：:“「])|(?<![\s\S]))(?:假期|长假|小长假|黄金周)这?[一二两三四五六七八九十]{1,2}天(?![数里])"
    # a film's days on screen: 上映八天累计票房, 上映首日
    r"|上映(?:首日|[一二两三四五六七八九十\d]{1,3}\s*天)(?![数里])"
    # the first minutes or days of a sale: 小米17系列在京东平台开售5分钟内销售额突破10亿元
    # (年货节开售1小时，…; 天猫双11现货开卖首小时: the sale it opens, told before it)
    rf"|(?:(?:{_EVENT}|现货|活动)\s*)?(?:开售|开卖|开抢|开播|上线|上市|预售)(?:后)?"
    # (开卖1小时成交额均破10亿元: the measure told straight after)
    rf"(?:\d{{1,3}}\s*(?:分钟|小时|天)(?:内|之内|(?=[，,]|{_SALE_MEASURE}))|首个?小时|首[日周月])"
    # 活动期间个人消费者…, 活动首日核销率…: the campaign the sentence is about, its days
    r"|活动(?:期间|首日|首周|当天|当日)|展会(?:期间|首日)|展期内"
    # (…破10亿元；首日超3.6万个品牌…, 开幕，首日境外采购商…: a clause opening with the first day of what it is about)
    r"|(?:(?<=[；;，,])|(?<![\s\S]))首[日周](?=[\u4e00-\u9fa5\d])"
    # 开门红期间3C数码成交额…: a sale's opening phase; 其中假期首日…: the holiday told before, its first day
    # (京东618开门红4小时战报: its first hours)
    rf"|(?:{_EVENT}\s*)?开门红(?:期间|阶段|首日|当天|首小时|\d{{1,2}}\s*小时)|(?:假期|小长假|长假|黄金周)(?:首日|首周|最后一天)"
    # 年初二到年初四, 年廿八同年廿九: the lunar new year's days as Hong Kong counts them
    # (年初一到初三: the second day told without 年)
    r"|年(?:初[一二三四五六七八九十]|廿[一二三四五六七八九]|三十)(?:\s*(?:同|至|到|和|及|、)\s*年?(?:初[一二三四五六七八九十]|廿[一二三四五六七八九]|三十))?"
    # (年廿八嗰日: the day itself, in a Cantonese quote)
    r"(?:嗰日|那天|当天)?"
    # 年前最忙的那几天, 最热那几天, 开学那一周: the days a speaker names by how they were
    r"|(?:(?:年前|节前|年底|今年|去年)?最[忙热冷旺挤累]的?|开学)(?:那|这)(?:几天|阵子|段时间|段日子|一?周|个?礼拜|个?星期)"
    # 入冬以来羽绒服成交额…, “降温以后单子明显多了: the cold season a clause counts from
    r"|入冬(?:以来|以后|后)|(?<=[“「，,])(?:降温|寒潮)(?:以来|以后|之后)(?=[\u4e00-\u9fa5])"
    # …；网络星期一线上消费额…, ，黑五周英国消费者…: a sale day opening a clause (黑五备货 is
    # the stocking up for it, before it)
    r"|(?:(?<=[，,；;：:“「])|(?<![\s\S]))(?:网络星期一|黑色星期五|黑五周?|网一)(?=[\u4e00-\u9fa5])(?!备货|前|后|期间|当天)"
    # 2032年抖音商城年货节将于…启动, 今年黄金周营业额: a season of its year, told with the platform holding it
    rf"|{_YEAR_WORD}\s*(?:[\u4e00-\u9fa5]{{2,4}}?)?(?:年货节|黄金周)(?![前后期假])"
    # “年前一天能发…, 节后头几天…: before or after the new year, opening a speaker's clause
    # (年前一个月给商家拉年货: the month before it)
    r"|(?:(?<=[，,；;：:“「])|(?<![\s\S]))(?:年前|节前|年后)(?:一个月|[一两二三]周|[一两二三]个?(?:星期|礼拜))?(?=[\u4e00-\u9fa5])(?![的])"
    # 今年7、8月: two months told together
    r"|(?:\d{4}\s*年|今年|去年)?\d{1,2}\s*、\s*\d{1,2}\s*月(?:份)?"
    # 2031—2032冰雪季, 本雪季: the winter season, told across its two years
    r"|(?:\d{4}\s*[—–\-/至]\s*\d{2,4}\s*年?\s*|本|今年|上一?个?|这个)?(?:冰雪季|雪季)(?:期间|以来)?"
    # 第48周: a week of the year by its number, as the postal bureau counts them
    r"|(?:\d{4}\s*年|今年|去年)?第\s*\d{1,2}\s*周"
    # 元旦前一周, 假期前三天: the days before a festival (or a holiday, as spoken)
    rf"|(?:{_EVENT}|开学|假期|长假|小长假|黄金周)\s*前\s*[这那]?\s*(?:[一二两三四五六七八九十\d]{{1,2}}\s*(?:天|日|周|个?星期|个?礼拜)|一个?(?:月|星期)|半?个月)"
    # 聖誕前訂單比平時多了兩成: the days before a festival, opening a clause
    # (端午前嗰个礼拜: the week before it, in a Cantonese quote; 元宵节以后回落到…: the days after it)
    rf"|(?:(?<=[，,；;：:“「])|(?<![\s\S])){_EVENT}\s*(?:前(?:嗰|那|这)(?:[一两二三]个|个)?(?:礼拜|星期|周)"
    r"|(?:前|以后|之后|过后)(?=[\u4e00-\u9fa5])(?![一二两三四五六七八九十\d后夕]))"
    # the days around one: 5月20日前后三天
    r"|(?:\d{4}\s*年\s*|今年)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*前后\s*[一二两三四五六七八九十\d]{1,2}\s*天"
    # 假期期间，全国铁路…: the holiday named again, alone (its festival told before)
    r"|(?:(?<=[，,；;：:“「])|(?<![\s\S]))(?:假期|长假|小长假|连假|黄金周)期间"
    # 预售首日参与品牌…: a sale's first day of presale or of sale
    r"|(?:预售|开售|开卖|开抢)(?:首日|首小时|期间|阶段)"
    # 今年大闸蟹上市以来: since a crop came to market this season
    r"|(?:今年|去年)[\u4e00-\u9fa5]{2,4}?(?:上市|开捕|开园|开湖|开秤)以来"
    # 今冬将在北方17个城市…, 今年入夏以来: this winter, since summer came
    r"|(?:今|去)(?:冬|夏|秋|春)(?![天季装款日])|(?:今年)?入(?:冬|夏|秋)以来"
    # 8月2日，某外卖平台单日订单量创下…: the day that opens the sentence, where its first clause
    # tells what happened that day (not 9月10日，国家统计局发布…: the day a release came out)
    r"|(?<![\s\S])(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日(?=[，,](?![^，。；]*?(?:发布|公布|召开|举行|宣布|披露|介绍|表示|通报|称|显示|消息|数据|报道|获悉|了解|透露|据)))"
    # …告诉记者，开学季高校网点日均派件量…: a season named alone, opening a clause after
    # another (暑期档 is a film season's; at the head of a name, 开学季相关商品成交额, it is
    # the name's)
    r"|(?<=[，,；;：:“「])(?:开学季|毕业季|暑期|暑假|寒假|春运|暑运)(?![档期间前后以初末中])"
    # one day: 11月11日当天
    r"|(?:\d{4}\s*年\s*|今年)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:当天|当日|全天|单日|当晚|晚间|晚(?![会报\d])|夜间|夜(?!间))"
    # a span of days: 2024年10月21日至11月11日; 12月1—28日 within one month
    # (5月31日晚8点至6月18日24时: a sale's span, told to the hour)
    r"|(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日?(?:\s*(?:早|晚|上午|下午|凌晨)?\s*\d{1,2}\s*[点时](?:\s*\d{1,2}\s*分)?)?"
    r"\s*(?:至|到|—|-|～)\s*(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日"
    r"(?:\s*(?:早|晚|上午|下午|凌晨)?\s*\d{1,2}\s*[点时](?:\s*\d{1,2}\s*分)?)?(?:期间)?"
    # (8月15日至9月5日开学季期间: the days, then the season they make)
    rf"(?:{_EVENT}\s*{_EVENT_TAIL})?"
    r"|(?:截至|截止到|截止|到|至)\s*(?:目前|(?:\d{4}\s*年|今年|去年|本月|上月)?\s*"
    r"(?:(?:上|下)半年|第?[一二三四1-4]季度末|\d{1,2}\s*月\s*(?:\d{1,2}\s*日|底|末)?|底|末)|今年)"
    # the quarter or fiscal year closing then: 截至9月底止季度, 截至2025年3月底的财年
    r"(?:\s*止?\s*的?\s*(?:季度|三个月|六个月|九个月|十二个月|财年|财政年度|年度|半年))?"
    r"|(?:到|至)\s*\d{4}\s*年(?:底|末)?"
    r"|\d{4}\s*年?\s*(?:至|到|—|–|-|～)\s*\d{4}\s*年"
    r"|(?:\d{4}\s*年|今年|去年|上年|明年)?\s*“?双\s*(?:11|十一)”?\s*(?:期间|当天|当日)"
    r"|(?:过去|未来|今后|近)(?:的)?(?:半年|[一二两三四五六七八九十\d]{1,3}\s*(?:个月|年))(?:间|来|以来|之内|内)?"
    r"|(?<![\d一二两三四五六七八九十])[一二两三四五六七八九十\d]{1,2}\s*年(?:间|来)"
    r"|(?:\d{4}\s*年|今年|去年|上年|明年)?\s*(?:(?<![上下])(?:前|第|首)?[一二三四1-4]\s*季度(?:末|底|以来)?|(?:第|首)[一二三四1-4]季|首季度?|前[一二三]季(?![度节])|(?:上|下)半年|[前首]\s*[0-9一二两三四五六七八九十]{1,2}\s*(?:个)?月|\d{1,2}\s*月?\s*[-—至到]\s*(?:次年|翌年|明年)?\d{1,2}\s*月(?:份)?(?:暑运|暑期|春运|暑假)?(?:期间)?|(?:3|6|9|12)\s*月\s*季度|\d{1,2}\s*月(?:份|末|底|当月|[上中下]旬|首周|第[一二三四]周|最后一周|前[一二两三四]周|前\d{1,2}天|前[一二两三四五六七八九十]{1,2}天)?(?:以来)?(?:(?:到|至)(?:现在|目前|今))?(?!\s*\d{1,2}\s*日)|全年(?!目标|任务|计划|预期))"
    # (2030年末全国人口…: the year's end, when a level is counted; 将在2033年底前回购…: by then)
    r"|\d{4}\s*年(?:(?:末|底)前|度|末|底)?(?:以来)?"
    # “去年一年我们店…: the whole year, as a speaker opens with it; 年底那阵子, 跨年那几天: a stretch of days, as spoken
    r"|(?<=[“「])(?:今年|去年|前年)一年(?=[\u4e00-\u9fa5])"
    r"|(?:跨年|年底|年末|年初|年前|年后|过年|春节|国庆|元旦|假期|旺季)(?:那|这)(?:几天|阵子|段时间|段日子|一阵子?)"
    # “平台补贴那阵子，…: a stretch a speaker names by what happened in it, opening the quote
    r"|(?<=[“「])[\u4e00-\u9fa5]{2,6}?(?:那|这)(?:阵子|段时间|段日子)(?=[，,])"
    r"|(?:今年|去年|上年|明年|前年)(?:以来)?"
    r"|(?:十四五|“十四五”)(?:期间|时期)?"
    # 星图数据：双11全网电商销售额达16950亿元 (a headline names the festival alone)
    r"|(?<![\u4e00-\u9fa5\d])(?:\d{4}\s*年)?“?双\s*(?:11|十一)”?(?=[\u4e00-\u9fa5])(?!那几|这几|嗰几)"
    # 天猫双11：589个品牌…, 京东11.11：…: a platform's festival heading its figures
    # (京东双11战报显示, 天猫双11收官数据显示: so does its report of results)
    r"|(?<=[\u4e00-\u9fa5])(?:双\s*(?:11|十一)|11\.11)(?=[：:]|战报|(?:收官)?数据显示|收官战报)"
    # 美团Q3营收955亿: a quarter as company reports and reposts write it
    r"|(?:\d{4}\s*年)?(?<![A-Za-z0-9])Q[1-4](?![A-Za-z0-9])"
    # 本季度平台月均活跃商家数增长24%: the quarter or month the report is about
    r"|(?<!季度)(?<!月份)(?<!月)(?:本|当|这个?)(?:季度|季|月份?|年度)(?![\u4e00-\u9fa5]*?(?:以来|末|底))"
    r")"
)
_MAG_VALUE = {
    "万多亿": 1e12,
    "万余亿": 1e12,
    "万亿": 1e12,
    "兆": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "十亿": 1e9,
    "亿": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "十万": 1e5,
    "万": 1e4,
    "千": 1e3,
    "百": 1e2,  # (过百份: only past a hundred is told so)
}
# Words between a subject and its number that are not part of the subject.
_VERB_TAIL_WORDS = (
    r"首次|已经|已|将|预计|累计|共计|合共|共|约|近|超过|超|逾|突破|达到|达|为|是|增长到|增长至|增至|增长|提升至|提高到|"
    r"提高至|上升至|升至|下降至|降至|增加至|增加到|增加|缩短至|缩短到|降低至|提升|提高|实现|完成|至|到|了|有|分别|均|同比|环比|"
    # 经调整亏损净额收窄至68.3亿元, 逆差扩大至…: the change of a level told with its new level
    r"收窄至|收窄到|收窄|扩大至|扩大到|缩小至|缩小到|"
    # 营业额多了百来万, 利润少了三成: more or less, as spoken (多 and 少 only before 了)
    r"多(?=了)|少(?=了)|"
    r"不超过|不少于|不低于|不高于|"
    r"比上年|较上年|从|由|以上|左右|占|接近|不足|不到|多达|高达|仅|保持在|保持|维持在|控制在|平均为|平均|有望|可望|或将|将会|在|名义|实际|破|"
    r"录得|收报|跌至|跌到|约合|折合|临时估计为|估计为|临时估计|初步估计|最快|最高|最低|最多|最少|人民币|新台币|港币|美元|回落至|回升至|降到|升到|重上|站上|重回|跌破|合计|总计|按年|按月|因此|随之|进一步|则|也|仍|减少|甚至|下调至|上调至|下调|上调|的|"
    # the hedges of spoken figures: 净赚也就五十来万, 一天流水能有小一万, GMV少说两三百万,
    # 海外订单差不多少了三成, 美国那边更是掉了一半
    r"也就|能有|能到|能达到|少说|差不多|大概|大约|更是|"
    # 四季度增速需不低于5.3%: what a goal asks of a rate
    r"需(?<=[速长率]需)|需要(?<=[速长率]需要)|"
    # 一个月房租加人工要七八万: what it takes, spoken (not 主要, 需要, 重要)
    r"要(?<![主需重只想]要)(?<=[\u4e00-\u9fa5]{3})|"
    # 峰值达每秒11.2万笔: the time a rate is counted in belongs to the figure
    r"每秒|每分钟|每小时|"
    # and of forecasts: 2027年增速或回落至10%以下, 全年可达5,000万件, 全年则料微升1% (Hong Kong's
    # 料, expected)
    r"或|可(?=达|超|突破)|则料|亦料|料将|预料|还|仲|往往只|往往|只|动辄|起码|至少|普遍|大概落|落|集中|"
    # 以前一单成五六千: Cantonese 成, "a full", before the amount
    r"成(?<=单成)|成(?<=[要咗了]成)|"
    # 3月份GMV做到了一千二百万: what a shop "did" (not 一日做, a spoken measure of its own)
    r"做(?<=GMV做)|做(?<=[额量]做)|"
    # and their adverbs: GMV就破了50亿, 门店都快6万家, 总数直接冲到2.9万家 (都 looks behind
    # itself so as to keep 成都 whole)
    r"就|都(?<![成首京古帝]都)|直接|直奔|冲到|冲至|冲上|冲破|"
    # 利润率从15%左右压缩至8%上下: squeezed to
    r"压缩至|压缩到|压缩|"
    # 一晚涨到八百八, 租金涨到八万多: the price or rent, risen to; 赤字率拟按4%左右安排: the
    # rate planned; 首度突破: for the first time; 收入料年增5% (料 alone, not 原料 or 饮料)
    r"涨到|涨至|拟按|拟|首度|"
    # 单日订单量创下1.35亿单的新高, 峰值刷新至约9800万单: a record set
    r"创下|创出|刷新至|刷新到|刷新|"
    # 单票派费被压到七毛多: a price pushed down to so much
    r"被压到|被压至|压到|压至|料(?<![原材饮燃资塑肥涂香颜布面草辅物史饲染预]料)|"
    # 元宵节以后回落到一千出头，3月份又涨回两千五: back down or up to, as spoken
    r"回落到|回升到|涨回到|涨回|掉到|跌回|降回|回到|又|才慢慢|慢慢|"
    # 每日营业额得五六千: 得 is "only", as Cantonese speaks it (获得, 所得 are words of their own)
    r"得(?<![获取录值所赢博懂记觉显使])|"
    # 广告费却涨了两成多: the adverb of a contrast; 南美倒是涨了快一倍, 跌幅更达两成: and of a
    # contrast or a stress as spoken; iPhone订单量即突破120万单: at once
    r"却|倒是|更(?=达|是|高|多)|即(?=突破|达|超|破)"
)
# a quick test of the first character before the alternation (it is tried at every position)
_VERB_TAIL = re.compile(
    "(?=[{}])(?:{})+$".format("".join(sorted({w[0] for w in _VERB_TAIL_WORDS.split("|")})), _VERB_TAIL_WORDS)
)
# and of the last character of the text, before it is tried at all: most texts end in a noun
# (a word's guard, such as 都's (?<!…), is no part of its last character)
_VERB_TAIL_LAST = frozenset(re.sub(r"\(\?<?[=!][^)]*\)", "", w)[-1] for w in _VERB_TAIL_WORDS.split("|"))


def _without_verb_tail(text: str) -> str:
    """The text less the words that close it between a subject and its number (达到, 已经, 就)."""
    return _VERB_TAIL.sub("", text) if text[-1:] in _VERB_TAIL_LAST else text


_IN_ALL = re.compile(
    r"(?:(?<=[\u4e00-\u9fa5]{2})|^)(?:共计|合计|共)(?=兑换|运输|完成|实现|派发|派现|支付|发放|接待|销售|售出|卖出|发送|揽收|处理|受理|核销|接获|接到|收到)"
)
_SUBJECT_HEAD = re.compile(
    # (就是单价比去年降了十来块: 就是, spoken for 但是)
    r"^(?:其中|此外|同时|另外|但是|但|就是(?=[\u4e00-\u9fa5]{2})|不过(?![夜关分])|反而|而家|而|且|并|和|及|与|在(?![线途校岗职售])|据(?:悉|称|报道|介绍|了解)|据|根据|数据显示|统计显示|显示|表示|预计|预测"
    # (單計3月份經陸路口岸北上的港人: "counting only", as Hong Kong writes it)
    r"|带动|力争|计划|拟(?=[\u4e00-\u9fa5])|目标是|听说|据说|现在|如今|眼下|财报[里中]|我国的|全国的|单计|单是|(?:约|近|超过|仅)(?=占)|[“‘\"「『](?![^“”‘’\"「」『』]*[”’\"」』])"
    # 上年同期为经营溢利137亿元: the copula its period leaves behind
    r"|为(?!期)"
    # 一个月流水小十万, 一天派四五百单: "in a month", "in a day" tell the period of a spoken figure
    r"|一个(?=[月季])|一[天年](?=[\u4e00-\u9fa5])"
    # 一个快递员月入过万: "a" courier is any courier
    r"|一个(?=[\u4e00-\u9fa5]{2}))+"
)
_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？、（）()“”]")
# where a figure's clause begins: a list (、), a bracket or a quotation stays inside it
_CLAUSE_START = re.compile(r"[，,；;：:。！？]")
_YEARISH = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Figure:
    text: str  # the original wording, e.g. "六千九百五十九亿元", "同比增长 12.0%"
    kind: str  # amount | count | percent | change
    value: float | None  # normalised: 695900000000.0 for 六千九百五十九亿元; 12.0 for 12.0%
    unit: str  # 元, 美元, 人, 个, %, 个百分点, 倍 ...; "" for a bare 万/亿
    period: str | None  # 2021 年, 一季度, 截至今年 5 月底, 到 2025 年
    subject: str | None  # what is measured: 网上零售额, 5G 基站数
    sentence: str
    base: str | None = None  # what a change is measured against: 上年同期, 上月, 一季度
    upper: float | None = None  # the top of a range (3至5倍), normalised like value

    def as_dict(self) -> dict:
        return asdict(self)


def parse_number(text: str) -> float | None:
    """Arabic or Chinese numerals to float; None when it cannot be read."""
    t = text.replace(",", "").replace("，", "").strip()
    try:
        return float(t)
    except ValueError:
        pass
    if t in ("十", "百", "千"):
        t = "一" + t  # 破千亿元, 超百万人
    elif len(t) == 2 and t[0] in "百千" and t[1] in "一二三四五六七八九":
        # Hong Kong's and Macau's short way of saying it: 百三万 is 一百三十万, 千二万 一千二百万
        t = "一" + t + ("十" if t[0] == "百" else "百")
    elif re.fullmatch(r"[一二两三四五六七八九][万千百][一二三四五六七八九]", t):
        # spoken short: 两千八 is 2800, 八百八 880, 三万五 35000
        t += {"万": "千", "千": "百", "百": "十"}[t[1]]
    from cn2an import cn2an  # half a second to import: only for Chinese numerals

    try:
        return float(cn2an(t, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _is_plain_chinese_word(num: str) -> bool:
    # 一 / 十 / 两 alone are usually words (一家, 两个, 十分), not figures; keep 三十五, 六千九百.
    return bool(re.fullmatch(_CN, num)) and len(num) < 2


def extract_figures(text: str, title: str = "") -> list[Figure]:
    """Figures of every sentence of ``text`` (and the title, when it carries one).

    Traditional text (a Hong Kong or Taiwan reprint: 億元, 萬人) is read in Simplified."""
    text, title = _simplified(text), _simplified(title)
    figures: list[Figure] = []
    if title:
        figures.extend(figures_in_sentence(title))
    last_period: tuple[int, str] | None = None
    last_subject: tuple[int, str] | None = None
    last_whole: tuple[int, str] | None = None  # the last subject that is no average
    last_count: tuple[int, str] | None = None  # and the last that counts things
    last_base: tuple[int, str] | None = None
    # the first comparison the sentence before told (同比 of 同比…，环比…；其中城市上涨0.5%)
    first_base: tuple[int, str] | None = None
    told_base: tuple[int, str] | None = None
    last_unit: tuple[str, str] | None = None  # the unit and kind of the last amount
    owner = region = opening_year = None
    paragraph = -1
    taiwan_source = hong_kong_source = False
    # each sentence of the paragraph with its first figure: who they are of is read only when
    # a clause needs it (_agent)
    openings: list[tuple[str, str]] = []
    # what the measures of the writer's sentence so far were of (its parts split at ；):
    # 海南离岛免税店 of …海南离岛免税店销售额8.6亿元；购物人数11.2万人次 (a part's own measures
    # were scoped by _describe, which reads the part whole)
    scope: _Scope | None = None
    teller: str | None = None
    head_owner: str | None = None
    opening_platform: str | None = None
    goes_on = False  # the sentence before ended with ；, and this one goes on with it
    goal: re.Match | None = None  # a list of goals the writer's sentence opened (主要预期目标是：)
    for s in _with_speakers_after(split_sentences(text)):
        if s.paragraph != paragraph:
            paragraph, owner, opening_year, taiwan_source, openings = s.paragraph, None, None, False, []
            # (政府統計處…340億元。\n2029年全年計，…3,852億元: the statisticians' release goes on
            # in Hong Kong dollars, until a paragraph turns to the mainland's figures)
            hong_kong_source = hong_kong_source and not _MAINLAND_TOLD.search(s.text)
            goes_on = False
        carried = scope = scope if goes_on else None
        # who tells the writer's sentence, for its later parts: 香港政府统计处公布，…；12月零售业总销货价值…
        if not goes_on:
            opening_platform = None  # the platform the writer's sentence opens its figures with
            teller = _told_by(s.text)
            # 拼多多2028年一季度营收…；其中在线营销服务收入…: the company the sentence opens with
            head_owner = _OWNER_NAMED.match(s.text)
            head_owner = _clean_owner(head_owner.group(1)) if head_owner else None
        # a later part of the writer's sentence, told by its first part's teller (…；天猫则表示，…:
        # a part with a teller of its own is that one's)
        later_part = goes_on and not _TELLER.match(s.text)
        goes_on = s.text.rstrip().endswith(("；", ";"))
        # (the total, not a day's average: …1320万人次…，日均165万人次；其中外国人…)
        whole = last_whole[1] if last_whole and last_whole[0] == s.paragraph else None
        counted = last_count[1] if last_count and last_count[0] == s.paragraph else None
        taiwan_source = taiwan_source or bool(_TAIWAN_DOLLARS.search(s.text))
        hong_kong_source = hong_kong_source or bool(_HONG_KONG_DOLLARS.search(s.text))
        opens = _OPENING_YEAR.match(s.text)
        if opens:
            opening_year = opens.group(1)
        named = _OWNER_NAMED.match(s.text)
        if named:
            owner = named.group(1)
        told = _REGION_TOLD.search(s.text)
        if told:
            region = told.group(1) or told.group(2) or told.group(3)
        found = figures_in_sentence(s.text)
        if found:
            openings.append((s.text, found[0].text))
        first_base, told_base = told_base, None
        # 今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；…: each part
        # of the writer's sentence goes on listing goals
        own_goal, carried_goal = _GOALS.search(s.text), (goal if later_part else None)
        goal = own_goal or carried_goal
        for f in found:
            if carried_goal or (own_goal and s.text.find(f.text) > own_goal.start()):
                f = _as_goal(f, goal)
            elif (
                (report_sets := _REPORT_SETS.search(s.text))
                and (at := s.text.find(f.text)) > report_sets.start()
                and re.match(r"\s*(?:左右|以上|以内)", s.text[at + len(f.text) :])
            ):
                # 广东省政府工作报告提出，…地区生产总值增长4.5%以上: a goal the report sets,
                # told with its bound (…有望突破19万亿元, a hope, is none)
                f = _as_goal(f, report_sets)
            elif "目标" in s.text and (
                aimed := _GOAL_AFTER.match(s.text, (at := s.text.find(f.text)) + len(f.text))
            ):
                if _FALLS_SHORT_OF_SET.search(s.text, 0, at) and figures and figures[-1].subject:
                    # CPI涨幅约0.6%，明显低于政府工作报告设定的2%左右的调控目标: the goal of the
                    # measure just told, as set, not the forecaster's
                    f = replace(f, subject=_FORECASTER.sub("", figures[-1].subject), base=None)
                else:
                    # 政府工作报告提出国内生产总值增长5%左右的预期目标: the goal set, named without who set it
                    f = replace(f, subject=_SET_BY.sub("", f.subject or "") or f.subject)
                f = _as_goal(f, aimed)
            # 全国港口完成集装箱吞吐量…；完成货物吞吐量135.4亿吨: a clause that opens with its verb
            # goes on about whoever the paragraph's figures were of
            acting = _ACTING.match(f.subject) if f.subject and f.subject.startswith(_ACTING_WORDS) else None
            # (韵达股份公告，…；完成业务量22.13亿票: else the company opening the paragraph)
            agent = (
                next((a for o in reversed(openings) if (a := _opening_agent(o))), None) or _clean_owner(owner)
                if acting
                else None
            )
            if acting and agent:
                f = replace(f, subject=agent + f.subject[acting.end() :])
            # 經濟部統計處公布，…；其中…營業額327億元: the Taiwan source speaks for the paragraph
            if f.unit == "元" and taiwan_source and "人民币" not in s.text:
                f = replace(f, unit="新台币")
            # 据政府统计处数字，香港7月商品整体出口货值为4236亿元: Hong Kong's statisticians count in 港元
            elif f.unit == "元" and hong_kong_source and not re.search(r"人民币|内地|大陆", s.text):
                f = replace(f, unit="港元")
            # a period stated earlier in the paragraph still holds: "2021 年，…；移动支付…"
            # (not a running total the sentence told and _period_for denied the figure: 今年以来
            # 累计斥资…，并宣派特别股息每股0.45港元)
            if (
                f.period is None
                and last_period
                and last_period[0] == s.paragraph
                and not _annual(f)
                and not any(a < s.text.find(f.text) and p.endswith("以来") for a, _, p in _periods(s.text))
                # (nor respondents told after the sentence's period: …，受访的126家企业中…)
                and not any(
                    a < s.text.find(f.text) and _SURVEYED_BETWEEN.search(s.text, b, s.text.find(f.text))
                    for a, b, _ in _periods(s.text)
                )
                and not _paid_by_month_or_piece(s.text, s.text.find(f.text), last_period[1])
            ):
                f = replace(f, period=last_period[1])
            # 2025年五一假期…；携程平台数据显示，假期期间入境游订单量…: the holiday named again is
            # the one told before
            if (
                f.period
                and _HOLIDAY_AGAIN.fullmatch(f.period)
                and last_period
                and last_period[0] == s.paragraph
                and not _HOLIDAY_AGAIN.fullmatch(last_period[1])
            ):
                f = replace(f, period=last_period[1])
            # 全国铁路累计发送旅客9.72亿人次…；8月9日发送旅客1982.6万人次: one day's count of it
            if (
                f.subject
                and f.period
                and _DAY_ALONE.fullmatch(f.period)
                and last_subject
                and last_subject[0] == s.paragraph
            ):
                f = replace(f, subject=_day_of_told(f.subject, [last_subject[1]]) or f.subject)
            # and so does a subject: "…零售总额46291亿元，同比增长2.9%；环比增长0.1%。"
            if f.subject is None and last_subject and last_subject[0] == s.paragraph:
                f = replace(f, subject=last_subject[1])
            # …进出口总值41.21万亿元。其中，出口24.46万亿元: the part of the trade told before
            if f.subject and _TRADE_PART.match(f.subject) and last_subject and last_subject[0] == s.paragraph:
                f = replace(f, subject=_trade_part(f.subject, last_subject[1]) or f.subject)
            # 京东集团公布2025年第三季度业绩，当季净收入…: 当季 is the quarter told before
            if (
                f.period
                and _THIS_PERIOD.match(f.period)
                and last_period
                and last_period[0] == s.paragraph
                and _this_period_told(last_period[1])
            ):
                f = replace(f, period=last_period[1])
            # …速运物流业务营业收入约195.6亿元；业务量13.8亿票: a measure named bare after a ； is of
            # what the sentence's measures before it were of (as _describe reads it within a part)
            inherits = bool(f.subject and carried and _BARE_MEASURE.match(f.subject))
            # (…电子购物及邮购业营业额…；累计1至4月营业额: the same measure again, of the same trade)
            again = (
                re.fullmatch(r"(?:台湾|香港|澳门|全国|全省|全市)?(营业额|客流量)", f.subject)
                if f.subject and carried and last_subject and last_subject[0] == s.paragraph
                else None
            )
            if again and last_subject[1].endswith(again.group(1)) and len(last_subject[1]) > len(f.subject):
                f = replace(f, subject=last_subject[1])
            # …，日均2.83亿人次，日均流动量较去年同期增长3.9%: the daily measure told just before,
            # named short
            elif (
                f.subject
                and f.subject.startswith("日均")
                and len(f.subject) >= 4
                and last_subject
                and last_subject[0] == s.paragraph
                and last_subject[1].startswith("日均")
                and last_subject[1].endswith(f.subject[2:])
                and len(last_subject[1]) > len(f.subject)
            ):
                f = replace(f, subject=last_subject[1])
            if inherits or (f.subject and carried and _restates(carried, f.subject)):
                # (…低于市场预期的1165亿元；净利润为…: the expectation was that part's alone)
                scope = carried._replace(whose=_EXPECTATION_HEAD.sub("", carried.whose) or carried.whose)
                f = replace(f, subject=_in_scope(scope, f.subject))
            # 拼多多第三季度营收…；该公司当季经营利润…: the company named before
            if f.subject and owner and _THIS_OWNER.match(f.subject):
                said = _THIS_OWNER.match(f.subject).group(0)
                name = owner + said if said == "集团" else owner  # 集团收入: 阿里巴巴集团收入
                # 公司在东南亚市场包裹量: 极兔速递东南亚市场包裹量
                # (公司预计三季度净营收…: the forecast is the company's, and no part of the measure)
                f = replace(f, subject=name + re.sub(r"^(?:在|预计|预测|预估)", "", f.subject[len(said) :]))
            # 阿里巴巴集团公布…，季度收入为2486.1亿元；…，经营利润…: a company's measure named
            # bare is of the company whose measure was told before, else of the one that opens
            # the paragraph (赚了137亿 names no measure of its own: it is left as it is)
            elif (
                f.subject
                and (bare := _COMPANY_MEASURE.match(f.subject))
                # (合计派现约8.2亿元: 现金分红总额 is named from the payout, and is the company's)
                and (
                    bare.group("measure") in s.text
                    or bare.group("measure").startswith(("现金分红", "股份回购", "回购", "每股"))
                    or bare.group("measure").endswith("投入")  # (将投入…扶持平台商家: named from its use)
                )
            ):
                told = last_subject[1] if last_subject and last_subject[0] == s.paragraph else None
                if told:
                    told = _EXPECTATION_HEAD.sub("", told) or told  # (市场预期的…: that part's alone)
                company = (_company_of(told) if told else None) or _clean_owner(owner)
                # (港交所上市的京东物流公布，…全年收入: the company telling its own results)
                if not company and teller and not _LEAD_PLACE.match(teller) and _ANNOUNCES.match(s.text):
                    company = teller
                if company:
                    f = replace(f, subject=company + f.subject)
            # 顺丰控股公告，公司…业务收入…；业务量为14.2亿票；单票收入为15.17元: a later part of a
            # company's announcement, telling no one else's figures, goes on about the company
            elif (
                f.subject
                and not named
                and (company := _clean_owner(owner))
                and last_subject
                and last_subject[0] == s.paragraph
                and last_subject[1].startswith(company)
                and not _TELLER.match(s.text)
                and not _owned(f.subject, company)
                # (圆通速递同期单票收入: a part that opens with another company's name is that one's)
                and not ((other := _OPENS_WITH_NAME.match(s.text)) and not other.group(1).startswith(company))
            ):
                f = replace(f, subject=company + f.subject)
            # …；其中实物商品网上零售额4.02万亿元: a part told after a ；, of the whole told before it
            if f.subject and later_part and s.text.lstrip().startswith("其中"):
                # (…申请量…，带动新车销售额…；其中报废更新约310万份: the count told, not the money)
                counted_whole = (
                    counted if f.kind == "count" and counted and whole and whole.endswith("额") else whole
                )
                f = replace(f, subject=_part_of(f.subject, counted_whole))
            elif (
                f.subject
                and later_part
                and whole
                and f.subject.endswith("占比")
                and "占" not in f.subject[:-2]
                and f.subject[:-2].endswith("额")
                and whole.endswith("额")
            ):
                # …销售总额达1.58万亿元…；直播电商销售额为3620亿元，占比约22.9%: of the whole told before
                f = replace(f, subject=_part_of(f.subject, whole))
            # 香港政府统计处公布，…；12月零售业总销货价值356亿港元: the teller of the sentence owns
            # the figures of its later parts as it owns the first's
            if (
                f.subject
                and later_part
                and teller
                and len(f.subject) >= 3
                and (
                    not _owned(f.subject, teller)
                    # (统一超商公告，…；截至去年底，全台门店数…: the firm's own stores)
                    or _OWN_STORES.match(f.subject)
                )
                and not _COMPANY_MEASURE.match(f.subject)
                and not f.subject.startswith(_REGION_WORDS)  # (省内: the province, read below)
                # (韵达同期单票收入: a part that opens with another company's name is that one's)
                and not ((other := _OPENS_WITH_NAME.match(s.text)) and not other.group(1).startswith(teller))
            ):
                f = replace(f, subject=_of_owner(f.subject, teller))
            elif (
                f.subject
                and later_part
                and not teller
                and opening_platform
                and len(f.subject) >= 3
                and not _owned(f.subject, opening_platform)
                and not _PLATFORM_OPENS.match(f.subject)
                and not f.subject.startswith(("价格", "单价"))
            ):
                # 抖音电商月饼类商品销售额…；冰皮和流心月饼销量分别增长…: the same platform's
                f = replace(f, subject=opening_platform + f.subject)
            elif (
                f.subject
                and later_part
                and not teller
                and head_owner
                and s.text.lstrip().startswith("其中")
                and _COMPANY_MEASURE_END.search(f.subject)
                and not _owned(f.subject, head_owner)
            ):
                f = replace(f, subject=_of_owner(f.subject, head_owner))  # (its segments' revenue)
            # 比亚迪…利润分配预案显示，拟向全体股东每10股派发现金红利39.8元: the company's dividend
            if (
                f.subject
                and _PER_SHARE_DIVIDEND.match(f.subject)
                and re.search(r"向(?:全体)?(?:A股|H股)?股东" + re.escape(f.subject), s.text)
                and (company := _clean_owner(owner))
            ):
                f = replace(f, subject=company + f.subject)
            # 浙江省统计局数据显示，…全省网络零售额: the province of the source (该省将再投入…,
            # 曹县…，全县淘宝村数量: so is 该省, and a county's 全县)
            if f.subject and region and f.subject.startswith(_REGION_WORDS):
                if region[-1] in f.subject[:2]:
                    f = replace(f, subject=region + f.subject[2:])
            elif (
                f.subject
                and region
                and (
                    scope_word := re.search(
                        r"全([省市县])(?=已|共|累计|建成|新增|有)", s.text[: max(0, s.text.find(f.text))]
                    )
                )
                and region[-1] == scope_word.group(1)
                and not _owned(f.subject, region)
            ):
                # 四川省商务厅介绍，…全省已建成县级电商公共服务中心128个: the province's
                f = replace(f, subject=region + f.subject)
            elif f.subject and region and (whole_of := re.search(r"(?<=占)全([省市县区])", f.subject)):
                if region[-1] == whole_of.group(1):
                    # …直播电商零售额约占全省网络零售额的三成: the province's whole
                    f = replace(
                        f, subject=f.subject[: whole_of.start()] + region + f.subject[whole_of.end() :]
                    )
            # …这一数字将突破2100亿件，增速6%左右: the growth rate of what was told
            if f.subject in _RATE_WORDS and last_subject and last_subject[0] == s.paragraph:
                f = replace(f, subject=_RATE_TAIL.sub("", last_subject[1]) + f.subject)
            # …2025年10月份…；1—10月份，…: the year holds for the paragraph's next periods
            # (2025年，东方甄选经营承压。该公司第三季度GMV…: so does one that opens it)
            if f.period and _WITHIN_A_YEAR.match(f.period):
                year = (
                    _STATED_YEAR.match(last_period[1])
                    if last_period and last_period[0] == s.paragraph
                    else None
                )
                if year or opening_year:
                    f = replace(f, period=(year.group(1) if year else opening_year) + "年" + f.period)
            # 全网卖了8556亿。综合电商7428亿，直播电商1128亿: a bare amount after an amount is
            # counted in its unit
            if not f.unit and f.kind == "count" and last_unit and f.value is not None and f.value >= 10_000:
                f = replace(f, unit=last_unit[0], kind=last_unit[1])
            if f.unit and f.kind in ("amount", "count"):
                last_unit = (f.unit, f.kind)
            # …比上年增长7.2%；其中实物商品…增长6.5%: a breakdown compares as its whole did
            if (
                f.base is None
                and f.kind == "change"
                and f.unit == "%"
                and last_base
                and last_base[0] == s.paragraph
                # (…比上年名义增长5.1%…；全国居民人均消费支出29650元，增长5.4%: so does the next
                # part of the writer's sentence, telling no comparison of its own)
                and (s.text.lstrip().startswith("其中") or later_part)
                and not _annual(f)
            ):
                whole_base = first_base if first_base and first_base[0] == s.paragraph else last_base
                f = replace(f, base=whole_base[1])
            if f.base and f.kind == "change":
                last_base = (s.paragraph, f.base)
                told_base = told_base or last_base
            # 较上年同期的249.8亿元 is no period to carry, nor 上年同期为226亿元 (last year's own)
            # (nor a day a clause's count was of: 其中2月10日发送旅客1815万人次；民航…)
            if (
                f.period
                and not f.period.endswith("同期")
                and not _DAY_ALONE.fullmatch(f.period)
                and f"较{f.period}" not in s.text
                and f"比{f.period}" not in s.text
            ):
                last_period = (s.paragraph, f.period)
            if f.subject and f.period and f.period.endswith("年中期") and "中期" not in f.subject:
                # (2029年中期现金股息: the period took the word, the dividend is still the interim one)
                f = replace(
                    f, subject=re.sub(r"(?=(?:现金)?(?:股息|红利|分红)$|派息)", "中期", f.subject, count=1)
                )
            if f.subject and f.period and f.subject.endswith("目标价"):
                f = replace(f, period=None)  # a target price is where a broker sees the shares: no period's
            if (
                f.subject
                and not later_part
                and opening_platform is None
                and (told := _PLATFORM_OPENS.match(f.subject))
            ):
                opening_platform = told.group(0)
            if f.subject:
                last_subject = (s.paragraph, f.subject)
                if not _AVERAGED.search(f.subject):
                    last_whole = (s.paragraph, f.subject)
                    if f.kind == "count":
                        last_count = (s.paragraph, f.subject)
                # (a breakdown's part, 其中…, is no scope for the whole's later measures)
                if not inherits and not s.text.lstrip().startswith("其中"):
                    scope = _scope_of(f.subject) or scope
            if f.subject and f.subject.startswith(("单计", "单是")) and len(f.subject) > 4:
                f = replace(f, subject=f.subject[2:])  # 單計3月份…: "counting only", no part of it
            if f.subject and (plan := _PLAN_TO_BE.match(f.subject)):
                f = replace(f, subject=plan.group(1) + f.subject[plan.end() :])  # 唯品会将资本回报计划
            if f.subject and (listed := _ANNOUNCED_AT.search(f.subject)):
                # 京東集團在港交所公告: where a company announced is no part of what it measures
                f = replace(f, subject=f.subject[: listed.start()] + f.subject[listed.end() :])
            if f.subject:
                # (named so in the table only, after the paragraph's bookkeeping: the next
                # figure's subject is still the measure's)
                f = replace(f, subject=_table_heading(f, s.text))
            figures.append(f)
    return figures


# (唯品会将资本回报计划提升至不低于10亿美元: the plan, not what will be done to it)
_PLAN_TO_BE = re.compile(
    r"^([\u4e00-\u9fa5A-Za-z]{2,8}?)将(?=[\u4e00-\u9fa5]{2,10}(?:规模|上限|额度|总额|计划)$)"
)
_ANNOUNCED_AT = re.compile(
    r"(?<=[\u4e00-\u9fa5A-Za-z]{2})(?:在|于)(?:港交所|联交所|上交所|深交所|纳斯达克|纽交所)(?=[\u4e00-\u9fa5A-Za-z])"
)


# a company announcing its own results: 港交所上市的京东物流公布，…
# (李宁公司中期业绩显示，…; 顺丰控股：前三季度…: so is its report, or its name heading them)
_ANNOUNCES = re.compile(
    r"^[^，。：]{2,24}?(?:公布|公告|披露|发布|宣布|(?:中期业绩|业绩|财报|年报|季报)(?:显示|称|公告))[，,：:]"
    # (珀莱雅发布半年报，: the report it published ends the telling)
    r"|^[^，。：]{2,24}?(?:公布|发布|披露)了?(?:半年报|中报|年报|季报|财报|业绩)[，,：:]"
    r"|^[\u4e00-\u9fa5A-Za-z]{2,10}?(?:集团|控股|股份|公司)[：:]"
)
# 「…。」上环一间酒家老板话。: a speaker told in a sentence of its own after their words
_SAID_AFTER = re.compile(r"^[^，。：；“”「」\d]{2,24}?(?:笑着说|说|表示|坦言|透露|感叹|话)[。！]?$")


def _with_speakers_after(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences, a quotation joined to the speaker told right after it (so its figures
    are read as the speaker's)."""
    out: list[Sentence] = []
    for s in sentences:
        before = out[-1] if out else None
        if (
            before
            and before.paragraph == s.paragraph
            and before.text.rstrip().endswith(("”", "」"))
            and before.text.lstrip().startswith(("“", "「"))
            and _SAID_AFTER.match(s.text.strip())
        ):
            out[-1] = replace(before, text=before.text + s.text)
        else:
            out.append(s)
    return out


# what a company reports of itself: 收入, 经营利润, 经调整净利润, 累计营收
_COMPANY_MEASURE_WORDS = (
    # 合并营收: a Taiwan company's consolidated revenue (統一超商11月合併營收)
    # (Non-GAAP净利润, 非公认会计准则净利润: the adjusted figure a US-listed firm tells)
    r"(?:累计|经调整|调整后|Non-GAAP|non-GAAP|非GAAP|非公认会计准则|Non-IFRS|非国际财务报告准则|归母|扣非|归属于[^的，]{2,12}的|总|净|营业|经营|毛|核心|合并|税后)*"
    # (经调整亏损净额: a loss told as its net amount)
    r"(?P<measure>收入|营收|营业收入|利润|净利润|净利|溢利|亏损|毛利|毛利率|利润率|GMV|EBITA|EBITDA|每股盈余|每股收益|每股盈利|每股亏损|净损|亏损幅度|每股(?:美国存托股份?|普通股)?(?:中期|末期|特别|半年度|年度)?(?:现金)?(?:股息|股利|红利)|派息总额|派息金额"
    # (唯品会…，活跃用户数为4040万: the company's users)
    # (回购总额不超过10亿美元, 耗资约412亿港元 after its buyback: the company's)
    r"|(?:月|年度)?活跃(?:用户|买家|商家)数|现金分红总额|(?:股份)?回购(?:资金|金额|总额|规模|耗资)"
    # (公司表示将投入超1000亿元扶持平台商家: what the company will spend on its merchants)
    r"|(?:扶持|支持|补贴|用于)[\u4e00-\u9fa5]{2,8}投入|股份回购计划规模)(?:净额)?"
)
_COMPANY_MEASURE = re.compile(rf"^{_COMPANY_MEASURE_WORDS}$")
_COMPANY_MEASURE_END = re.compile(rf"{_COMPANY_MEASURE_WORDS}$")
# (单均收入…，调整后净利润: 单均 is "per parcel", no company's name)
_NO_COMPANY = re.compile(
    r"^(?:全国|我国|全球|全省|全市|国内|海外|境内|境外|农村|城镇|居民|[人单日月户件票店]均|单票|每)"
)


def _company_of(subject: str) -> str | None:
    """拼多多集团营收 → 拼多多集团: who a company measure is of (全国…收入 is no company's)."""
    measure = _COMPANY_MEASURE_END.search(subject)
    head = subject[: measure.start()] if measure else ""
    head = re.sub(r"(?:[人单日月户件票店]均|单票|税后|税前)$", "", head)  # 顺丰控股单均收入: 顺丰控股
    if measure and measure.group("measure") == "收入":
        head = _REVENUE_LINE.sub("", head)  # 淘天集团客户管理收入: 淘天集团
    named = _COMPANY_NAMED.match(head)
    if named and len(head) > named.end():
        head = named.group(0)  # 京东集团日百商品收入: 京东集团, not its line of goods
    return head if len(head) >= 2 and not _NO_COMPANY.match(head) and "占" not in head else None


def _clean_owner(owner: str | None) -> str | None:
    """The company opening a paragraph, when it is one: not an agency, nor 鸿海11月."""
    owner = _WHEN_AFTER_NAME.sub("", owner) if owner else owner  # 京东集团同日宣布: 京东集团
    # (盒马CEO表示: a person speaks, and the company is not named alone)
    if (
        not owner
        or _AGENCY.search(owner)
        or _PERIOD.search(owner)
        or _NO_COMPANY.match(owner)
        or _ROLE_END.search(owner)
    ):
        return None
    return owner


# a part of a sentence opening with a name and its period: 圆通速递同期单票收入…
_OPENS_WITH_NAME = re.compile(
    r"^(?!截至|截止|今年|去年|上年|本年|其中|同时|此外|全年|前)([\u4e00-\u9fa5A-Za-z]{2,8}?)(?=同期|当季|当月|同月|\d{1,2}月|第?[一二三四]季度|上半年|前三季度|全年)"
)
_ROLE_END = re.compile(r"(?:CEO|CFO|总裁|董事长|总经理|负责人|创始人|新闻发言人|发言人)$")
_REGION_WORDS = ("全省", "全市", "全县", "省内", "市内", "县内", "该省", "该市", "该县")
_OPENING_YEAR = re.compile(r"^\s*(\d{4})\s*年[，,]")
_THIS_PERIOD = re.compile(r"^(?:本|当|这个?)(?:季度|季|月份?|年度)$")


def _this_period_told(period: str) -> bool:
    """Whether a period told before can be the one a later 当季 or 这个月 is: not another such
    word, nor the month before (上个月…，这个月…)."""
    return not _THIS_PERIOD.match(period) and not period.startswith("上个")


_THIS_OWNER = re.compile(
    r"^(?:该公司|该集团|该平台|该企业|该季度|公司|集团|其(?![中他它余次实]))(?=[\u4e00-\u9fa5A-Za-z])"
)
# when a teller told its figures, between its name and its verb: 顺丰控股5月18日晚间公告,
# 拼多多5月下旬发布的财报显示, 香港政府统计处5月初公布, 京东集团5月13日发布财报, 抖音电商日前发布
# (a day or a part of a month: 4月营收, a month alone, is the figure's period and no telling's)
_TOLD_WHEN = (
    r"(?:(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号]|\d{1,2}\s*月\s*(?:[上中下]旬|初|底|末|中))"
    r"(?:早间|晚间|午间|盘后|盘前|凌晨|晚上|早|晚|午)?"
    r"|日前|近日|今日|今天|昨日|昨天|近期|此前|早前|当天|当日|晚间|盘后"
)
# the words a company tells its results with, after when it told them: 5月14日公布, 5月13日发布财报
_TOLD_AFTER_WHEN = r"(?=公布|发布|宣布|公告|披露|表示|称[，,]|介绍|透露)"
# a company that opens a sentence with its results: 拼多多第三季度营收…, 东方甄选经营承压
_OWNER_NAMED = re.compile(
    # (公司预计三季度…: the company told before, not one named 公司预计)
    r"^(?:\d{4}\s*年[，,]?\s*)?"
    # (香港电商平台HKTVmall母公司香港科技探索公布…: the company, after what it owns)
    r"(?:[\u4e00-\u9fa5A-Za-z]{2,16}?母公司)?"
    r"(?!今年|去年|上年|明年|本|当|截至|截止|前|第|全国|我国|全省|全市|其中|同时|此外|据|从|在|该|公司|集团)"
    # (核心本地商业分部经营利润…: a company's segment, not the company)
    r"([\u4e00-\u9fa5A-Za-z0-9]{2,8}?)(?<!分部)(?<!业务)(?<!板块)(?:集团|控股|公司)?(?:（[^）]{1,12}）)?"
    rf"(?:(?:{_TOLD_WHEN}){_TOLD_AFTER_WHEN})?"
    # (京東集團在港交所公告: where it announced is no part of its name)
    r"(?:(?:在|于)(?:港交所|联交所|上交所|深交所|纳斯达克|纽交所))?"
    r"(?=\d{4}\s*年|第?[一二三四]季度|前三季度|上半年|全年|公布|发布|宣布|实现|经营|营收|财报|公告|披露|表示|称[，,]|Q[1-4]|董事会)"
)
# the province or city whose bureau speaks: 浙江省统计局数据显示, 上海市商务委表示, 云南省文旅厅测算
_REGION_TOLD = re.compile(
    # (记者从上海市商务委了解到: 从 is no part of the city's name)
    # (江苏省兴化市农业农村局, 哈尔滨市文化广电和旅游局: a city's bureau, its province named first)
    r"(?!据|根据|从|向|在|对)(?:[\u4e00-\u9fa5]{2,3}省)?([\u4e00-\u9fa5]{2,3}[省市])(?:统计局|商务厅|商务委|商务局|人民政府|政府|邮政管理局|发展和改革委员会|发改委"
    r"|文旅厅|文化和旅游厅|文旅局|文化和旅游局|文化广电和旅游局|文广旅局|农业农村厅|农业农村局|交通运输厅|交通运输局|工信厅|财政厅)"
    # 据山东省曹县商务局介绍: a county's bureau (its name after its province's, or opening the clause)
    r"|(?:(?<=省)|(?<=市)|(?<=据)|(?<![\u4e00-\u9fa5]))(?!据|根据)([\u4e00-\u9fa5]{1,3}?县)(?=商务局|商务部门|统计局|人民政府|政府|邮政管理局|农业农村局|电商服务中心|电子商务服务中心|电商办)"
    # 曹县1—11月汉服网络销售额…: a county (or a city) whose figures open the sentence
    r"|^([\u4e00-\u9fa5]{1,3}[县市])(?=\d|今年|去年|前|上半年|下半年|第?[一二三四]季度)"
)


def _annual(f: Figure) -> bool:
    """A yearly average (年均增长, 两年平均) has a span for period or none."""
    return bool(_ANNUAL.search(f.text) or _ANNUAL.search(f.subject or ""))


_ANNUAL = re.compile(r"年均|两年平均|复合增长|复合增速")


_ANY_NUMBER = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿%％倍番]")
# full-width digits, point and per cent read as ASCII; one character for one, so positions hold
_CN_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=\s*年)")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_DIGIT_FOLD = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def figures_in_sentence(sentence: str | Sentence) -> list[Figure]:
    s = sentence.text if isinstance(sentence, Sentence) else sentence
    if not _ANY_NUMBER.search(s):
        return []
    # analysis, clustering, columns and condensation all ask about the same sentences
    return list(_figures_in_sentence(s))


@dataclass
class _Found:
    start: int
    end: int
    text: str
    kind: str
    value: float | None
    unit: str
    upper: float | None = None
    own_base: str | None = None  # a comparison the match itself begins with: 同比增长…
    annual: bool = False  # a yearly average: 年均增长…, 两年平均增长…


_FALLS = (
    "下降",
    "减少",
    "下滑",
    "回落",
    "下跌",
    "缩小",
    "收窄",
    "放缓",
    "降幅",
    "降幅为",
    "倒退",
    "萎缩",
    "缩水",
    "便宜",
    "衰退",
    "平",  # (平成半: cheaper by half, in a Cantonese quote)
)
_FAN = {None: 1, "一": 1, "两": 2, "二": 2, "三": 3}


@lru_cache(maxsize=50_000)
def _figures_in_sentence(original: str) -> tuple[Figure, ...]:
    s = _simplified(original)
    if len(s) != len(original):
        original = s
    s = s.translate(_DIGIT_FOLD).translate(_CANTONESE_READ)
    if "系" in s and _CANTONESE_QUOTE.search(s):
        # 成交量係平時嘅兩倍, 一日淨係做到: 係 is "is" in a Cantonese quote (not 系统, 关系)
        s = _CANTONESE_IS.sub("是", s)
    # Taiwan's word for 网络 (網路銷售額): the same length, so positions in ``original`` hold
    s = s.replace("网路", "网络")
    if "当中" in s:
        # …訪港旅客達498萬人次，當中內地旅客佔約八成: Hong Kong's word for 其中, opening a clause
        s = re.sub(r"(?<=[，,；;])(\s*)当中(?=[\u4e00-\u9fa5])", r"\1其中", s)
    if "年" in s:
        s = _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGITS), s)  # 二〇二四年 is 2024年
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def add(f: _Found) -> None:
        found.append(f)
        taken.append((f.start, f.end))

    def closes_range(m: re.Match, kind: str, unit: str, value: float, upper: float | None) -> bool:
        """500元至2000元, 1块2到1块5: the top of a range whose unit is told at both ends,
        joined to the figure before it."""
        low = found[-1] if found else None
        # (三千至五千蚊, 三千到五千元: a low end told bare, in the top end's unit)
        bare_low = bool(low and low.kind == "count" and not low.unit and kind == "amount" and unit)
        if not (
            low
            and upper is None
            and low.upper is None
            and ((low.kind, low.unit) == (kind, unit) or bare_low)
            and _RANGE_GAP.fullmatch(s, low.end, m.start())
        ):
            return False
        if bare_low:
            low.kind, low.unit = kind, unit
        low.upper, low.end = value, m.end()
        low.text = original[low.start : m.end()].strip()
        taken[-1] = (low.start, low.end)
        return True

    for m in CHANGE.finditer(s):
        amount = m.group("amount").replace(" ", "")
        value: float | None
        if amount.endswith(("%", "％")):
            value, unit = parse_number(amount.rstrip("%％")), "%"
        elif amount.endswith(("百分点", "个点")):
            value, unit = _spoken_multiple(re.sub(r"个?多?个?百分点$|个点$", "", amount)), "个百分点"
        elif "成" in amount and amount != "成半":
            tenths_word, _, after = amount.removeprefix("成").partition("成")
            extra = 5.0 if after == "半" else (parse_number(after) or 0.0) if after else 0.0
            tenths = parse_number(tenths_word.replace("两", "二"))
            value, unit = (tenths * 10 + extra if tenths is not None else None), "%"  # 下降了两成
        elif amount.endswith("倍"):
            value, unit = _spoken_multiple(amount[:-1]), "倍"
        elif amount in ("一半", "成半"):
            value, unit = 50.0, "%"
        else:
            value, unit = None, amount
        upper = None
        if isinstance(value, tuple):
            value, upper = value  # 增长了两三倍: a spoken range, its lower end the value
        if m.group("lo") and value is not None:
            # 增长3至5倍, 提升2—3个百分点: a range, its top end as upper
            low = parse_number(m.group("lo").replace("两", "二"))
            if low is not None:
                upper, value = value, low * (10 if "成" in amount else 1)
        falls = m.group("verb") in _FALLS or m.group("verb").endswith(("跌", "降", "减", "少", "掉"))
        if falls and value is not None:
            value = -value
            upper = -upper if upper is not None else None
        start = m.start("verb") if m.group("dir") is None else m.start("dir")
        annual = m.group("dir") in ("年均", "两年平均")
        # 年增21%, 月减3% (Taiwan's wording): year on year, month on month, as written
        if m.group("dir") in ("年", "月", "季"):
            own_base = m.group("dir") + m.group("verb")[:1]
        else:
            own_base = None if annual else m.group("dir")
        text = original[start : m.end()].strip()
        add(_Found(start, m.end(), text, "change", value, unit, upper, own_base, annual))
    for m in PERCENT.finditer(s):
        if not free(m.start(), m.end()) or _ordinal_or_name(s, m.start(), m.end()):
            continue
        upper = None
        kind = "percent"
        if m.group("low"):
            value, upper, unit = parse_number(m.group("low")), parse_number(m.group("high")), "%"
        elif m.group("num"):
            value, unit = parse_number(m.group("num")), "%"
        elif m.group("cn"):
            value, unit = parse_number(m.group("cn")), "%"
        elif m.group("pp"):
            value, unit = _spoken_multiple(m.group("pp")), "个百分点"
        elif m.group("cheng"):
            v = parse_number(m.group("cheng").replace("两", "二"))
            half = m.group("chalf")  # 七成半 is 75%, and so is 七成五, as Taiwan says it
            extra = 5 if half == "半" else (parse_number(half) or 0) if half else 0
            value, unit = (v * 10 + extra if v is not None else None), "%"
        elif m.group("den"):
            den, frac = parse_number(m.group("den")), parse_number(m.group("frac"))
            if not den or not frac or frac >= den:
                continue
            value, unit = round(100.0 * frac / den, 2), "%"
        elif m.group("times"):
            if _is_plain_chinese_word(m.group("times")) and m.group("times") not in ("一", "两"):
                continue
            value, unit, kind = _spoken_multiple(m.group("times")), "倍", "change"
        else:
            value, unit, kind = float(2 ** _FAN[m.group("fans")]), "倍", "change"
        if isinstance(value, tuple):
            value, upper = value  # 是去年的两三倍: a spoken range, its lower end the value
        low_end = m.group("plo") or m.group("clo") or m.group("cnb") or m.group("tlo")
        if low_end and value is not None:
            # 2—3个百分点, 三至五成, 3至5倍: a range, its top end as upper
            low = parse_number(low_end.replace("两", "二"))
            if low is not None:
                upper, value = value, low * (10 if m.group("clo") or m.group("cnb") else 1)
        add(_Found(m.start(), m.end(), original[m.start() : m.end()].strip(), kind, value, unit, upper))
    for m in SPOKEN_MONEY.finditer(s):
        # 15块8, 1毛2, 便宜了300多块: prices as people say them, in 元
        if not free(m.start(), m.end()):
            continue
        upper = None
        if m.group("coin"):
            tens = parse_number(m.group("tens")) if m.group("tens") else 0.0
            first, second = parse_number(m.group("first")), parse_number(m.group("second"))
            if tens is None or first is None or second is None or second <= first:
                continue
            coin = 0.1 if m.group("coin") == "毛" else 1.0
            value, upper = round((tens + first) * coin, 2), round((tens + second) * coin, 2)
        elif m.group("ling"):
            value = (parse_number(m.group("ling")[:-1].replace("两", "二")) or 1.0) * (
                1000.0 if m.group("ling").endswith("千") else 10000.0
            )
        elif m.group("cnone"):
            value = parse_number(m.group("cnone").replace("两", "二"))
            if value is None:
                continue
        elif m.group("cyuan"):
            yuan, jiao = parse_number(m.group("cyuan").replace("两", "二")), parse_number(m.group("cjiao"))
            if yuan is None or jiao is None:
                continue
            value = yuan + jiao / 10
        elif m.group("cnsum") or m.group("bare"):
            num = m.group("cnsum") or m.group("bare")
            if m.group("bare") and not re.search(r"[“「]", s[: m.start()]):
                continue  # (a bare sum is money only as it is said)
            if num.endswith("把"):
                value = parse_number(num[:-1]) or 0.0  # 千把块: a thousand or so
            else:
                # (一两百块: the neighbouring 一 and 两 are a range as 一二 is)
                spoken = _spoken_range(num[0] + num[1:].replace("两", "二"), "", "")
                if spoken and (spoken[0] is None or spoken[1] is None or spoken[1] <= spoken[0]):
                    continue
                if spoken:
                    value, upper = spoken
                else:
                    read = parse_number(num.replace("两", "二"))
                    if read is None:
                        continue
                    value = read
        elif m.group("more") or m.group("kuaimore"):
            value = parse_number((m.group("more") or m.group("kuaimore")).replace("两", "二"))
            if value is None:
                continue
        elif m.group("jiao") is not None:
            value = int(m.group("yuan")) + int(m.group("jiao")) / 10
        elif m.group("maocn"):
            value = (parse_number(m.group("maocn").replace("两", "二")) or 0.0) / 10
        elif m.group("mao") is not None:
            value = round(int(m.group("mao")) / 10 + int(m.group("fen") or 0) / 100, 2)
        else:
            value = 1.0 if m.group("kuaiba") else float(m.group("kuai") or m.group("kuai2"))
        if _FELL_BY.search(s, 0, m.start()):
            value, upper = -value, (-upper if upper is not None else None)  # 单价比去年降了十来块
        # (台湾一位民宿业者说：「…一晚开到五、六千块」: a speaker in Taiwan spends its 元)
        coin = "新台币" if _TAIWAN_SPEAKER.match(s) and "人民币" not in s else "元"
        if m.group(0).endswith("蚊"):
            coin = "港元"  # (一件得三蚊: 蚊 is Hong Kong's dollar)
        if closes_range(m, "amount", coin, value, upper):
            continue
        add(_Found(m.start(), m.end(), original[m.start() : m.end()].strip(), "amount", value, coin, upper))
    for m in AMOUNT.finditer(s):
        if not free(m.start(), m.end()) or _ordinal_or_name(s, m.start(), m.end()):
            continue
        upper = None
        if m.group("low"):
            # 300亿至500亿元, 300—500亿元: the magnitude of one end holds for the other
            num, mag, unit = m.group("low"), m.group("lowmag") or m.group("highmag"), m.group("rangeunit")
            high = parse_number(m.group("high"))
            low_number = parse_number(num)
            if not m.group("lowmag") and high is not None and low_number is not None and low_number > high:
                mag = None  # (8000至1.2万美元: the low end is told whole, 8000, not 8000万)
            # (2029—2031年 is a span of years; 1500到2000元 a range of money)
            if high is None or (_YEARISH.match(num) and not mag and not re.fullmatch(_CURRENCY, unit or "-")):
                continue
            upper = high * _MAG_VALUE.get(m.group("highmag") or mag or "", 1.0)
        else:
            num = (
                m.group("num") or m.group("num2") or m.group("num3") or m.group("short") or "一"
            )  # 过万: one 万
            mag = m.group("mag") or m.group("mag2") or m.group("passed")
            unit = m.group("unit") or m.group("passunit") or ""
        if m.group("passed") and s[m.start() - 1 : m.start()] in _PASSED_IN_WORD:
            continue  # 通过万…, 不过亿…
        start = m.start()
        # 小十万, 好几千亿, 快三千万: the spoken word before the number is part of its wording
        before = s[start - 1 : start]
        lead = before if before == _ALMOST or (before in _SPOKEN_LEAD and num[:1] in "几十百千一两二") else ""
        start -= len(lead)
        if s[m.start() - 1 : m.start()] in ("Q", "q"):
            continue  # 中通Q3单票收入: the 3 names the quarter
        if num in ("十", "百", "千") and re.search(r"(?:数|几|上)$", s[: m.start()]):
            continue  # 数百亿元 is no figure
        if _is_plain_chinese_word(num) and not (
            (mag and (unit or num not in "十百千" or lead))
            # 十几个亿, 近百个: a round number told as such
            or _ABOUT_AFTER.match(s, m.start() + len(num))
            or unit.startswith("个多")  # 两个多小时: as hedged as 两小时多
            # 光临时工就多雇了四个: so many people taken on, however few
            or (unit == "个" and _HIRED.search(s, 0, m.start()))
            or (unit and num in "百千" and _ROUND_BEFORE.search(s, 0, m.start()))
            # 成交额破百万，: a round million, said with no counter, ending its clause
            or (
                mag
                and num in "百千"
                and _ROUND_BEFORE.search(s, 0, m.start())
                and _CLAUSE_END.match(s, m.end())
            )
        ):
            continue  # 一家, 十分; 百亿补贴 and 千万级 are names, 破千亿元 an amount
        if _YEARISH.match(num) and not mag and unit in ("", "次"):
            continue
        if unit == "日" and re.search(r"月\s*$", s[: m.start()]):
            continue  # 12月10日内: a date, not so many days
        if unit == "天" and re.search(r"(?:春运|假期|黄金周|长假|期间|暑期|春节|国庆)前$", s[: m.start()]):
            continue  # 国庆中秋假期前4天: a part of the season, the period of what follows
        if (
            unit in ("分钟", "小时", "天")
            and _SINCE_LAUNCH.search(s, 0, m.start())
            and _WITHIN.match(s, m.end())
        ):
            continue  # 开售5分钟内: the period of the sales that follow, not a figure
        if unit == "股" and s[m.start() - 1 : m.start()] == "每":
            continue  # 每10股派发现金红利: how a dividend is counted, not a holding
        if unit == "点" and re.search(r"[晚早午夜晨时]$", s[: m.start()]):
            continue  # 晚8点 is an hour
        spoken = _spoken_range(num, lead, s[m.start() + len(num) : m.end()])
        if spoken and upper is None:
            base, top = spoken
            if base is None or top is None or top <= base:
                continue
            upper = top * _MAG_VALUE.get(mag or "", 1.0)
        else:
            base = parse_number(num)
        if base is None:
            continue
        value = base * _MAG_VALUE.get(mag or "", 1.0)
        if m.group("big") and mag and _MAG_VALUE[mag] < _MAG_VALUE[m.group("bigmag")]:
            value += parse_number(m.group("big")) * _MAG_VALUE[m.group("bigmag")]
        kind = "amount" if re.fullmatch(_CURRENCY, unit or "-") else "count"
        if unit == "蚊" and _MACAU.search(s):
            unit = "澳门元"  # 澳门手信店…八十几蚊: Macau's dollar, spoken as Hong Kong's is
        unit = _UNIT_AS.get(unit, unit)
        # HK$352亿, 约HK$12万元, NT$312.4亿, MOP$: the currency told in letters before the
        # number, which is then part of its wording (and no part of the subject before it)
        dollars = _DOLLARS_BEFORE.search(s, max(0, start - 8), start) if unit in ("", "元") else None
        if dollars:
            unit, kind = _DOLLARS[(dollars.group(1) or dollars.group(2)).upper()], "amount"
            start = dollars.start()
        elif unit == "元":
            # 新台币1.2兆元, 港币30亿元: the currency told before the number
            told = re.search(
                r"(新台币|港币|港元|美元|欧元|日元)\s*(?:约|近|超过|超|逾)?\s*$",
                s[max(0, m.start() - 8) : m.start()],
            )
            if told:
                unit = _UNIT_AS.get(told.group(1), told.group(1))
            elif _TAIWAN_DOLLARS.search(s) and "人民币" not in s:
                unit = "新台币"
        if unit == "个" and _HIRED.search(s, 0, m.start()):
            unit = "人"  # 多雇了四个: people
        if not unit and _PEOPLE_AFTER.match(s, m.end()):
            unit = "人"  # 超过2.2亿用户下单: people
        elif not unit and re.match(r"[\u4e00-\u9fa5]{0,2}户", s[m.end() : m.end() + 3]):
            unit = "户"  # 100万农户
        if closes_range(m, kind, unit, value, upper):
            continue
        text = original[start : m.end()].strip()
        add(_Found(start, m.end(), text, kind, value, unit, upper))
    found.sort(key=lambda f: f.start)
    return tuple(_season_length(f) for f in _describe(s, original, found))


_CLAUSE_END = re.compile(r"[，。；！？”」]|$")
# money a price fell by, as spoken: 单价比去年降了十来块 (便宜了300多块, 少了两毛 are kept
# unsigned, as the tests of rounds 11 and 17 read them: what is saved or paid less)
_FELL_BY = re.compile(r"(?:降|跌|掉)了?\s*(?:个|将近|差不多|近|快|约)?\s*$")
_RANGE_GAP = re.compile(r"\s*[—–~～至到-]\s*")
_SINCE_LAUNCH = re.compile(r"(?:开售|开卖|开抢|开播|上线|上市|预售|开门红)后?$")
# (开售5分钟内, and 开售1小时，… with the clause it opens)
# (开门红4小时战报: the report of those hours)
_WITHIN = re.compile(rf"(?:内|之内|[，,]|{_SALE_MEASURE}|战报)")
# 三五万, 四五百单, 二三十美元: two neighbouring numerals, and the place they count in
# (十五六万, 二十三四倍: after the tens they are the units)
_NEIGHBOURING = re.compile(
    r"((?:[一二三四五六七八九]?十)?)([一两二三四五六七八])([二三四五六七八九])([十百千]?)"
)


_NEIGHBOURING_AFTER = re.compile(
    r"([一两二三四五六七八九][万千百])([一二三四五六七八][二三四五六七八九][千百十])"
)


def _spoken_range(num: str, lead: str, rest: str) -> tuple[float | None, float | None] | None:
    """The ends of a range told as spoken, before its magnitude: 三五 (3, 5), 四五百 (400,
    500), 几百 (100, 1000), 小几百 (a small few: 100, 300), 十几 (10, 20); None for a
    number that is no range, (None, None) for one whose numerals cannot be read. ``rest`` is
    the wording after the numerals (几个亿 of 十几个亿)."""
    num = num.replace("、", "")
    lead_place = _NEIGHBOURING_AFTER.fullmatch(num)
    if lead_place and "十百千万".index(lead_place.group(2)[-1]) < "十百千万".index(lead_place.group(1)[-1]):
        # 一百五六十单 (150 to 160), 两千三四百 (2300 to 2400): the round part, then the range
        head = parse_number(lead_place.group(1).replace("两", "二"))
        tail = _spoken_range(lead_place.group(2), "", "")
        if head is None or not tail or tail[0] is None or tail[1] is None:
            return None, None
        return head + tail[0], head + tail[1]
    neighbours = _NEIGHBOURING.fullmatch(num)
    if neighbours:
        tens, first, second, place = neighbours.groups()
        scale = parse_number(place) if place else 1.0
        low, high = (parse_number(n.replace("两", "二")) for n in (first, second))
        ten = parse_number(tens) if tens else 0.0
        if low is None or high is None or scale is None or ten is None:
            return None, None
        return (ten + low) * scale, (ten + high) * scale
    if num.startswith("几"):
        place = parse_number(num[1:])
        return (place, place * (3 if lead == "小" else 10)) if place else (None, None)
    if num.endswith("十") and rest.lstrip().startswith("几"):
        tens = parse_number(num)
        return (tens, tens + 10) if tens else (None, None)
    return None


def _spoken_multiple(num: str) -> float | tuple[float, float] | None:
    """So many times, or points, as a number is spoken: 两三倍 is a range, 2 to 3 times (its
    lower end the value, as 三四成 is 30%), 十五六倍 15 to 16 times, 一两个百分点 1 to 2; 2.3
    and 十二 are one number. A range comes back as its two ends."""
    num = num.strip()
    spoken = _spoken_range(num[:1] + num[1:].replace("两", "二"), "", "")
    if spoken and spoken[0] is not None and spoken[1] is not None and spoken[1] > spoken[0]:
        return spoken[0], spoken[1]
    return parse_number(num.replace("两", "二"))


_SEASON = re.compile(r"^(?:\d{4}\s*年|今年|去年|上年|明年)?\s*(.*(?:春运|假期|黄金周|长假|暑期|春节|国庆))$")


def _season_length(f: Figure) -> Figure:
    """春节假期8天, 今年春运40天: how long the season lasts, in 天."""
    season = _SEASON.match(f.period or "") if f.unit == "天" and not f.subject else None
    return replace(f, subject=season.group(1) + "天数") if season else f


# one unit for one thing: 名 counts people as 人 does
_UNIT_AS = {
    "元人民币": "元",
    "元新台币": "新台币",
    "人民币": "元",
    "人币": "元",
    "个人": "人",
    "名": "人",
    # 提前45日公示, 45日内: so many days, as the law writes them
    "日": "天",
    "港币": "港元",
    "个小时": "小时",
    "个多小时": "小时",
    "蚊": "港元",
}
_HOLIDAY_AGAIN = re.compile(r"(?:假期|长假|小长假|连假|黄金周)期间")
_MACAU = re.compile(r"澳门|MOP")
# the currency in letters before an amount, as Hong Kong, Macau and Taiwan reports write it
# (HK$, NT$, US$, MOP$, RMB, HKD…); a lone $ is left alone: whose dollar it is is not told
_DOLLARS = {
    "HK": "港元",
    "HKD": "港元",
    "NT": "新台币",
    "NTD": "新台币",
    "TWD": "新台币",
    "US": "美元",
    "USD": "美元",
    "MOP": "澳门元",
    "RMB": "元",
    "CNY": "元",
}
_DOLLARS_BEFORE = re.compile(
    r"(?<![A-Za-z])(HK|NT|US|MOP|RMB)\s*[$＄]\s*$|(?<![A-Za-z])(HKD|USD|NTD|TWD|MOP|RMB|CNY)\s*$",
    re.IGNORECASE,
)
# Taiwan's reports count in 新台币 and write it as 元: a sentence that names 新台币 once, or
# quotes a Taiwan government office (经济部统计处, 主计总处), means it by its other 元 (a
# Taiwan company quoted alone, or a sentence that names 人民币 too, is left in 元)
# (富邦媒, 统一超商, 网路家庭: Taiwan's listed retailers, whose revenue is told in 新台币
# without saying so; not 年增, which Taiwan's papers write of mainland results in 元 too)
_TAIWAN_DOLLARS = re.compile(r"新台币|(?<!国)经济部|主计总处|金管会|观光署|富邦媒|统一超商|网路家庭")
_HONG_KONG_DOLLARS = re.compile(r"政府统计处|香港特区政府统计处|港府统计处")
# (台北一位外送員阿傑說：「…」: a city of Taiwan's speaks in its dollars too)
_TAIWAN_SPEAKER = re.compile(
    r"^(?:台湾|台北|新北|桃园|台中|台南|高雄|新竹)[^，。：:「“]{0,14}(?:说|表示|坦言|透露)[：:，]?「"
)
_PEOPLE_AFTER = re.compile(
    r"\s*(?:的)?(?:[\u4e00-\u9fa5]{0,4}(?:用户|网民|消费者|会员|居民|游客|观众|旅客)|人口|人群)"
)


_SPOKEN_HEDGE = re.compile(r"(?:上下|左右|出头|多|以上|以内)")


def _abridges(short: str, told: str) -> bool:
    """欧洲GMV of SHEIN欧洲市场GMV: a shorter name, its characters in the same order, for the
    same measure."""
    short = short.removesuffix("的")
    if len(short) < 3 or short == told or short[-2:] != told[-2:]:
        return False
    rest = iter(told)
    return all(c in rest for c in short)


def _ordinal_or_name(s: str, start: int, end: int) -> bool:
    """第17个 (an ordinal), “30分钟送达” (a quoted name) and the like are no figures."""
    if s[max(0, start - 1) : start] == "第":
        return True
    if s[max(0, start - 1) : start] == "双" or (
        s[start:end].startswith("618") and s.startswith("单", start + 3)
    ):
        return True  # 双11单日, 雙十一單日, 618单日: a shopping festival's name, no count of 单
    opened = s.rfind("“", 0, start)
    if opened >= 0 and s.find("”", opened, start) < 0:
        closed = s.find("”", end)
        quoted = s[opened + 1 : closed] if closed > 0 else ""
        # a short name in quotes, not a quoted sentence: “30分钟送达”, “1小时达” (but “平时也就
        # 七八百件上下” is said: a figure hedged, or after an adverb, is speech)
        return (
            len(quoted) <= 12
            and not re.search(r"[，。；,;！？]", quoted)
            and bool(re.search(r"[\u4e00-\u9fa5]", s[end:closed]))
            and not _SPOKEN_HEDGE.fullmatch(s, end, closed)
            and not re.search(r"(?:也就|就|才|都|只有|大概|差不多)\s*$", s[opened + 1 : start])
        )
    return False


# What a figure is compared with: 同比, 比上年, 较一季度, 高于整体增速, 是上年同期的 (…倍).
_COMPARE_VERBS = (
    r"(?:名义|实际)?(?:分别|均)?(?:增长|增加|提高|提升|上升|下降|减少|下滑|回落|回升|加快|放缓|扩大|缩小|收窄|"
    # (一斤比去年贵了块把钱: a price compared)
    # (比去年降了快一半: 降 and 升 as spoken; 較去年成長近三成: Taiwan's wording)
    # (生意比平时好三四成, 好咗: better, as a shopkeeper says it)
    r"上涨|下跌|涨|跌|降|升|成长|衰退|萎缩|缩水|翻了?|高出|高|低|多|少|快|慢|新增|净增|净减|贵|便宜|好)"
)
_BASE_BEFORE = re.compile(
    r"(?P<yoy>同比|环比|按年|按月|按季)"
    rf"|(?:与|跟)(?P<with>[^，。；：、与跟]{{1,12}}?)(?:相比|比较)(?={_COMPARE_VERBS}|了)"
    rf"|(?P<than>(?<![占对相])(?:比|较)(?!重|例|率|值|较|亚迪|特币|利时)[^，。；：、比较]{{1,16}}?)(?:相比)?(?={_COMPARE_VERBS})"
    # (低于1—6月累计增速约1.3个百分点: what is compared with may open with a period's digits)
    r"|(?:高于|低于|快于|慢于|少于|多于|高出|低出)(?P<over>[^，。；：、\d.]{2,16}?|\d[^，。；：、]{1,14}[\u4e00-\u9fa5](?<![约近超逾]))(?=\s*[近约超逾]?\s*(?:\d|[一二两三四五六七八九十]+(?:点[一二三四五六七八九]+)?(?:个百分点|成|倍)))"
    # 是上年同期的2.3倍; 恢复至2019年同期的95%
    # (恢复至2019年同期的八成左右: so many tenths of it)
    # (内场票被炒至原价的3倍: a price driven up to so many times the original)
    r"|(?:是|为|相当于|达到|达|恢复至|恢复到|炒至|炒到|涨至|涨到)(?P<times>[^，。；：、是为达]{1,12}?)的(?=\s*[近约超逾]?\s*(?:\d|[一二两三四五六七八九十]+[倍成]))"
)
_CONNECTOR = re.compile(r"^\s*(?:[、和及与]|以及)?\s*$")
# 从环比看，…: the comparison a part of a sentence is told by
_SEEN_AS = re.compile(r"(?:从|就)(同比|环比)(?:来|上)?看[，,]")


def _part_start(s: str, position: int) -> int:
    """Where the part of the sentence holding ``position`` begins (after the last ；)."""
    return max(s.rfind("；", 0, position), s.rfind(";", 0, position)) + 1


_SOURCE_HEAD = re.compile(
    r"^(?:据[^，。]{0,20}(?:统计|测算|显示|数据|监测|预测|介绍|调查|估计|披露)[，,]?"
    r"|[^，。]{0,12}(?:数据显示|统计显示|报告显示|调查显示|财报显示|显示|披露)[，,]?"
    # 业内人士估计，… (a subject may end in 估计 or 预测 too: 零售业总销货价值临时估计为…)
    r"|[^，。]{0,12}(?:介绍|表示|估计|预测)[，,])"
)
# Words inside a subject that are no part of it: 该县现有…, 扣除价格因素实际…, 全国共有…,
# 一度, 连续多月, 累计, 首次, 已, 实现, 共揽收
_ANYWHERE = re.compile(
    # every alternative begins with one of these: a quick test before the alternation
    r"(?=[现扣按全我该目共已累有一连首实单表认完录同受])(?:"
    # 四季度受以旧换新政策效应减弱影响增速回落…: the cause told is no part of the measure
    r"受[^，,。；;]{1,20}?(?:影响|带动|拖累|提振)下?|"
    r"(?<=[县市省区国镇村司台])现有"
    r"|(?:扣除价格因素|按可比价格计算|按可比口径计算|按可比口径)(?:后)?(?:名义|实际)?"
    r"|^(?:全国|我国|全球|全市|全省|该市|目前)?(?:共|已|累计|已累计)?有(?!望)(?=[\u4e00-\u9fa5]{2})"
    r"|一度|连续(?:多|数|[一二两三四五六七八九十\d]+)个?(?:月|年|季度|周|天|日)"
    # 直播间一晚上走了三千来单: the length of a spoken period, no part of what is counted
    r"|一个?晚上(?=[\u4e00-\u9fa5])"
    # 圆通速递同期单票收入: the period told before, no part of the measure
    r"|(?<=[\u4e00-\u9fa5]{2})同期(?=[\u4e00-\u9fa5]{2})"
    r"|累计(?!营收|收入|销售额|交易额|交易金额|成交额|利润|净利润|揽收)|共计|首次|已经|已有(?=[\u4e00-\u9fa5]{2})|已(?=[\u4e00-\u9fa5])|实现(?!的)(?=[\u4e00-\u9fa5])"
    # 可灵AI单季收入: the quarter is the figure's period, not part of what it measures
    r"|单季度?(?=[\u4e00-\u9fa5A-Za-z])"
    # 约四分之一的商家表示运营成本因此下降: what the surveyed said is no part of the measure
    r"|(?<=[\u4e00-\u9fa5])(?:表示|认为)(?=[\u4e00-\u9fa5]{2})"
    # 中通快递第三季度完成包裹量96.5亿件: 中通快递包裹量; 澳门共录得入境旅客…: 澳门入境旅客
    r"|(?<=[\u4e00-\u9fa5])(?:完成(?![的率])|共?录得)(?=[\u4e00-\u9fa5]{2})|^(?:共|累计)?录得(?=[\u4e00-\u9fa5]{2})"
    r"|(?<![公总])合?共(?=揽收|完成|受理|处理|有|计|售出|销售|吸引|带动)"
    r")"
)
# agent, verb, what is counted, the count: 全国已建成国家级电子商务示范基地155个
_COUNTING_VERB = re.compile(
    # 开立 accounts, 挂牌 products for trading, 交付 vehicles
    # (not 揽收: who collected the parcels names the measure, 全国邮政快递业揽收快递包裹量)
    r"^.{0,14}?(?P<verb>建成|建设|新建和改造|新建|改造|开设|拥有|培育|认定|设立|售出|卖出|交付|开立|挂牌|开展|举办|组织)"
)
_SHARE_WORDS = ("占比", "比重")
_SCOPE_ONLY = re.compile(
    r"^(?:全国|我国|全市|全省|该市|本市|目前|平台|[\u4e00-\u9fa5]{2,6}(?:商城|平台)|[\u4e00-\u9fa5A-Za-z]{1,6}[上里])?$"
)
_RATE_WORDS = (
    "增速",
    "升幅",
    "涨幅",
    "跌幅",
    "增幅",
    "降幅",
    "年均增速",
    "年均增幅",
    "增长率",
    "年均增长率",
    "年均复合增长率",
    "年复合增长率",
    "复合增长率",
    # 2025—2027年年均复合增速约12%—15% (增速 begins the figure's own wording)
    "年均复合",
    "年均复合增速",
    "复合增速",
)
_LEVEL_WORDS = ("规模", "总额", "总量", "总规模", "总金额", "总面积", "面积")
_RATE_TAIL = re.compile(
    r"(?:年均复合增长率|年复合增长率|复合增长率|年均增长率|年均增速|年均增幅|增长率|增速|增幅|降幅|升幅|涨幅|跌幅)$"
)
_COUNT_TAIL = re.compile(r"(?:数量|总数|数)$")
_ANAPHORA = re.compile(
    r"^(?:(?:这一|这个|该|此|上述)(?:比例|比重|占比|数字|数据|指标|规模|数量|增速)|总数|总量)$"
)
# visitors counted before who they are and where they went: 共有約132萬人次內地旅客訪港
_VISITED = re.compile(
    r"\s*([\u4e00-\u9fa5]{0,4}?)(旅客|游客|访客)(访港|访澳|访台|来港|来澳|来台|来华|入境|出境)"
)
# 来自152个国家和地区的3718家展商: a count of where the counted came from, then of them
_CAME_FROM = re.compile(
    r"来自\s*(?:超过|超|近|约|逾)?\s*$|来自[^，。；,;]{1,16}?的\s*(?:超过|超|近|约|逾)?\s*$"
)
_ORIGINS = re.compile(r"(?:多|余)?(国家和地区|国家及地区|国家或地区|国家|地区|省份|省区市|城市)")
_COVERING = re.compile(r"^(覆盖|辐射|遍布|遍及|分布在|分布于)(?:全国|全球|全省|全市|国内|海外)?$")
# what is counted after its count: 超六成受访者表示…, 1000万名新作者获得收入, 3.7万个品牌成交额…
# what is counted ends with its head noun: 近六成受访者每月网购…, 100万农户增收
_COUNTED_HEAD = re.compile(
    r"(?:的)?((?!以上|以下|左右|多|余)[\u4e00-\u9fa5A-Za-z0-9“”]{0,8}?"
    r"(?:受访者|消费者|用户|网民|商家|企业|卖家|品牌|农户|人群|居民|家庭|门店|主播|网店|商户|作者|达人|骑手|农民))"
)


def _counted(s: str, end: int) -> re.Match | None:
    """What a count counts, told after it."""
    return _COUNTED_HEAD.match(s, end) or _COUNTED_WHICH.match(s, end) or _COUNTED.match(s, end)


# what the counted did, told straight after them: (3.6万个品牌)成交额同比翻番, (78个直播间)成交额破亿元
_COUNTED_SUCH = re.compile(
    r"((?:成交额|销售额|GMV|销量|订单量)(?:同比|环比)?"
    r"(?:翻番|翻倍|翻了一番|(?:增长|增幅)(?:超|超过|逾)?[^，。；,;]{1,6}|(?:突破|破|超过|超|过)[^，。；,;]{1,6}))(?=[，。；,;]|$)"
)
# 培育100家以上年交易额超10亿元的直播电商机构: the noun a relative clause ends with
_COUNTED_WHICH = re.compile(
    r"(?:以上|以下|左右)?((?:[^，。；,;的]{1,16})的[\u4e00-\u9fa5A-Za-z]{2,8})(?=[，。；,;]|$)"
)
_COUNTED = re.compile(
    # (78个步行街（商圈）客流量: a bracketed alias is part of the name)
    r"(?:的)?(?:都是|是)?(?!以上|以下|左右|之间|区间|多|余|内|以内|之内)([\u4e00-\u9fa5A-Za-z0-9“”]{2,12}?(?:（[\u4e00-\u9fa5]{1,6}）)?)(?=表示|认为|计划|已|曾|遭遇|通过|在|将|对|是|有|参与|选择|接入|加入|入驻|开通"
    r"|使用|获得|开展|下单|购买|参加|完成|实现|达到|成交额|销售额|交易额|营业额|客流量|营收|收入|GMV|订单|[，。；,;]|$)"
)
_MEASURE_END = re.compile(
    r"(?:数|数目|量|规模|场次|面积|人次|指数|额|率|比重|比例|占比|增速|收入|营收|GMV|时长|价|支出|产值|值)$"
)
_ENTITY_COUNTERS = frozenset("个家户座所款套辆台部架艘条批宗")
_GOODS_COUNTERS = frozenset("件单笔票")
_PEOPLE_NOUN = re.compile(r"(?:人员|者|主播|商家|企业|员工|农民|人才|达人|商户|卖家|骑手|网红|人手)$")


def _base_in(text: str, before: int) -> str | None:
    """The comparison in ``text`` (a figure's clause up to the figure's end) that starts
    before the figure (at ``before``)."""
    found = None
    for m in _BASE_BEFORE.finditer(text):
        if m.start() < before:
            found = m
    if not found:
        return None
    if found.group("yoy"):
        return found.group("yoy")
    if found.group("with"):
        return found.group("with").strip()
    if found.group("than"):
        # (比去年直接翻了一倍, 比平时足足多了…: the adverb is no part of what is compared with)
        # (较去年同期略降1.8元: how much is no part of it either)
        return (
            re.sub(
                r"(?:名义|实际|分别|均|相比|直接|足足|整整|略微|略|稍|小幅|大幅)+$",
                "",
                found.group("than").strip(),
            )
            or None
        )
    if found.group("over"):
        return found.group("over").strip().removesuffix("的") or None
    return found.group("times").strip()


def _describe(s: str, original: str, found: list[_Found]) -> list[Figure]:
    periods = _periods(s)
    source = _source(s)
    speaker = _speaker(s)
    survey = _SURVEY.match(s)
    broker = _BROKER.match(s)
    # whose the figures are, for subjects that name no owner (a speaker's are the speaker's)
    # (有博主算了一笔账：…某头部主播卖出的金饰…: someone unnamed reckons others' figures, and
    # is no owner of them)
    # (…约96万人次，…药房老板话：「…」: the figures before the speaker's words are no one's words)
    spoken = bool(
        (speaker and (not found or speaker[0] <= found[0].start))
        or s.lstrip().startswith(("“", "「"))
        or _HEARSAY.match(s)
    )
    # (抖音电商年货节首周，…单均商品件数: else the company whose period opens the sentence)
    owner = None if spoken or not found else _sentence_owner(s, found[0].start) or _opening_company(s, source)
    # 消费者物价指数（CPI）…，核心CPI…: an abbreviation the sentence spells out
    defined = _DEFINED.findall(s) if "（" in s or "(" in s else []
    out: list[Figure] = []
    subjects: list[str | None] = []
    # what each figure's measure is of (海南离岛免税店 of 海南离岛免税店销售额), for the bare
    # measures of later clauses
    scopes: list[_Scope | None] = []
    # what the sentence's figures are done with, once named (该市发放的2000万元数字消费券已核销…):
    # a later clause's bare measure of it (核销率, 直接带动消费, 杠杆率) is its
    held: _Held | None = None
    history: list[tuple[int, str | None]] = []
    bases: list[str | None] = []
    previous_end = 0
    compared: tuple[int, str] | None = None
    listed: list[str] = []
    # the periods a 分别 list was given one each, and where that list ended
    listed_each: tuple[int, list[str]] | None = None
    # 我国出口跨境电商包裹中，9610模式占比…，9710和9810模式合计占比…: the frame a sentence sets
    # holds for each later share that names no whole of its own
    framed: str | None = None
    k = 0
    while k < len(found):
        f = found[k]
        clause_start = _clause_start(s, f.start)
        segment = s[max(clause_start, previous_end) : f.start]
        # a 分别 list: 吃类、穿类、用类商品分别增长11.2%、10.8%和7.4%
        group = [f]
        if "分别" in segment:
            while k + len(group) < len(found) and _CONNECTOR.match(
                s[group[-1].end : found[k + len(group)].start]
            ):
                group.append(found[k + len(group)])
        base = f.own_base or _base_in(s[max(clause_start, previous_end) : f.end], len(segment))
        if base is None and (seen_as := _SEEN_AS.search(s, _part_start(s, f.start), f.start)):
            base = seen_as.group(
                1
            )  # 从环比看，社会消费品零售总额增长0.21%: the comparison the part opens with
        if base is None and out and _CONNECTOR.match(segment) and segment.strip():
            base = bases[-1]  # …增长10.2%和6.4%: the second shares the first's comparison
        if base is None and f.kind == "change":
            base = _from_year(s, periods, f.start)
        if (
            base is None
            and compared
            and f.kind == "change"
            and s[compared[0] : f.start].strip() in ("", "相比", "比较")
        ):
            base = compared[1]  # 较上年同期的249.8亿元增长17%; 与去年同期的455亿元相比增长2%
        if base is None and f.kind == "change" and not f.annual and out and bases[-1]:
            # 较上年增加180万家，增长10.4%: the next clause, bare, compares with the same; so does
            # one that tells only its period and a hedge (按年上升約3%至5%，全年則料微升1%左右)
            if previous_end >= _clause_start(s, clause_start - 1) and (
                not segment.strip() or _subject(segment, None, periods, f.kind, f.unit) is None
            ):
                base = bases[-1]
        if base is None and f.kind == "change" and not f.annual and any(bases):
            # …按年增长逾两成，其中智能手机、平板分别增长35%、28%; 名义增长4.5%，(扣除价格因素)实际增长4.9%:
            # a breakdown, or the same change measured otherwise, compares as the first did
            # (…，其中实物商品网上零售额13.9万亿元，增长6.2%: the part's level, then its growth)
            part_told = clause_start > 0 and "其中" in s[_clause_start(s, clause_start - 1) : clause_start]
            if part_told or re.search(r"其中|^\W*(?:扣除价格因素(?:后)?\W*)?(?:实际|名义)", segment):
                # (the change of a growth rate, 较一季度提高0.4个百分点, is no such comparison)
                told = [b for b, o in zip(bases, out, strict=True) if b and o.unit == f.unit]
                # (按年上升5.3%，按季下跌2.7%，其中百货商品…分别增加9.1%和6.4%: a breakdown compares
                # on the year, as statistics do first, where the whole was told on both)
                on_year = [b for b in told if _YEAR_ON_YEAR.search(b)]
                base = (on_year or told or [None])[-1]
        if base is None and f.kind == "change" and not f.annual:
            # 与去年同期相比，…增长12.3%
            against_all = _AGAINST.search(s, 0, f.start)
            if against_all:
                base = against_all.group(1)
        if (
            base is None
            and f.kind == "change"
            and not f.annual
            and out
            and bases[-1]
            and out[-1].unit == f.unit
        ):
            # 机票预订量较上年同期增长超三成，赴日酒店订单则回落约15%; 营收同比增长19%，但净利润
            # 下降近40%: a change told right after another, with no comparison of its own, is
            # measured as that one was
            base = bases[-1]
        period = _period_for(s, periods, f.start, f.annual)
        # 从去年同期的…, 市场预期的…: the figure is of what comes before its 的 (a cheap test
        # first: the searches below try every position of the clause)
        of_before = "的" in s[max(clause_start, f.start - 6) : f.start]
        start_of_change = of_before and _FROM_PERIOD.search(s, clause_start, f.start)
        if start_of_change:
            period = start_of_change.group(1)  # 占比从去年同期的四成左右下降至三成: 去年同期's
        # 较上年同期的249.8亿元: the value compared with, of the period compared with
        against = _COMPARED_VALUE.search(s, clause_start, f.start) if f.kind in ("amount", "count") else None
        compared = None
        if against and against.end() == f.start:
            compared = (f.end, against.group("base"))
            if re.search(r"年|月|季度|同期", against.group("when")):
                period = against.group("when")
        # a clause with no figure before this one's: 服装鞋帽类商品占比最高，约为22%
        # the subject is told after the clause's previous figure, if any
        # (与去年同期的455亿元: the words of the comparison name no subject)
        told_until = against.start() if compared and against else group[0].start
        own = _subject(s[max(clause_start, previous_end) : told_until], base, periods, f.kind, f.unit)
        if own is None and f.kind == "amount" and (earned := _MONEY_VERB.search(segment.strip())):
            # 一个月比平时多赚了千把块: the comparison cut, the verb still names the money
            own = _MONEY_VERB_MEASURE[earned.group(1)]
        issued = _ISSUED.match(s, f.end) if own and f.kind == "amount" else None
        if issued and (verb := _ISSUING.search(own)):
            # 郑州市5月1日起发放2亿元汽车、家电消费券: the money is the vouchers', as issued
            # (郑州市发放的汽车、家电消费券总额), not the issuing's
            who = _ISSUED_FROM.sub("", own[: verb.start()])
            own = who + verb.group("verb") + "的" + issued.group(1) + "总额"
        daily = _DAILY.fullmatch(own) if own and k and own.startswith("日均") else None
        if daily:
            # …共揽收快递包裹137.38亿件，日均揽收量…: a day's share of what the clause before
            # counted, named as it was (全国邮政快递企业日均揽收快递包裹量)
            counted = next((x for x in reversed(found[:k]) if x.kind != "change"), None)
            told = _daily_of(s, counted.start, periods, daily.group(1)) if counted else None
            own = told or own
        elif (
            (own is None or _DAILY_HEDGED.fullmatch(own))
            and _DAILY_HEDGED.fullmatch(segment.strip())
            and subjects
            and subjects[-1]
            and (segment.strip() in _DAILY_WORDS or _MEASURE_END.search(subjects[-1]))
            and "日均" not in subjects[-1]
        ):
            own = "日均" + subjects[-1]  # …共保障1320万人次中外人员出入境，日均165万人次
            acted = _DAILY_VERB.search(subjects[-1])
            if owner and subjects[-1].startswith(owner):
                own = owner + "日均" + subjects[-1][len(owner) :]  # 澳门日均入境旅客人次
            elif acted:
                # 邮政快递业揽收包裹超127亿件 日均近5.8亿件: 邮政快递业日均揽收包裹量
                # (累计揽收…，日均揽收超3亿件: a day's share is no running total)
                own = subjects[-1][: acted.start()] + "日均" + subjects[-1][acted.start("verb") :]
        expected = of_before and _EXPECTED.search(s, clause_start, f.start)
        like = next((o for o in reversed(out) if o.unit == f.unit and o.subject), None) if expected else None
        if expected and like:
            # 营收1068.2亿元，…，低于市场预期的1093亿元: the expected value of the same measure,
            # compared as that measure was (5月社零按年增长5%，高于市场预期的4.3%)
            own, base = expected.group(1) + "的" + like.subject, like.base
        pace = _AT_PACE.search(s, max(clause_start, previous_end), f.start)
        if pace and f.unit == "%" and _PACE_AFTER.match(s, f.end) and any(subjects):
            # …规模约7810亿元，预计将以年均20%以上的速度增长: the growth rate of what was told
            told = _RATE_TAIL.sub("", [x for x in subjects if x][-1])
            own = told + ("年均增速" if pace.group(1) else "增速")
        previous = whole = None
        if clause_start > 0:
            previous_start = _clause_start(s, clause_start - 1)
            if previous_end <= previous_start:
                told_before = s[previous_start : clause_start - 1]
                # 全国网络零售额中，实物商品占比…: the whole the clause's shares are of
                frame = _FRAME.fullmatch(told_before.strip())
                whole = frame.group(1) if frame else None
                if whole and (when := _PERIOD.match(whole)) and len(whole) - when.end() >= 2:
                    whole = whole[when.end() :]  # 一季度我国跨境电商出口中: the period is the figure's
                whole = re.sub(r"^(?:全国|我国|全球)", "", whole) if whole else None
                framed = whole or framed
                if own is None or own in _SHARE_WORDS or own in _LEVEL_WORDS:
                    previous = _previous_subject(told_before, periods, f.kind, f.unit)
        # 在监测的两万三千余家重点零售和餐饮企业中，近六成实现营业额正增长: the share of the
        # group the clause before frames, named by what they did
        if (
            f.unit == "%"
            and clause_start > 0
            and "中" in s[max(0, clause_start - 3) : clause_start]  # (a cheap test first)
            and not s[clause_start : f.start].strip(" 约近超逾有")
            and (among := _AMONG.search(s[:clause_start]))
            and (did := _DID.match(s, f.end))
        ):
            group_named = _COUNT_IN_GROUP.sub("", among.group(1)).replace("的", "")
            if head := _GROUP_HEAD.search(group_named):
                people = head.group(0) in _PEOPLE_HEADS
                share = "比例" if people else "比重"
                own = f"{did.group(1)}的{head.group(0)}占{group_named}的{share}"
        # 顺丰和中通的快递业务量分别为…，前者同比增长28.6%: the first (or last) of that list
        if own in ("前者", "后者") and listed:
            own = listed[0] if own == "前者" else listed[-1]
        names: list[str | None]
        if len(group) > 1:
            names = _enumerated(s[clause_start : group[0].start], base, periods, len(group))
            earlier = [x for x in subjects if x]
            if names is None:
                names = _named_before(s[:clause_start], len(group))
            if names is None and own and len(group) == 2:
                names = _pair_of(own)  # 新能源汽车产销量分别完成1104万辆和1122万辆
            scopes = [_scope_of(x) for x in earlier[-len(group) :]] if len(earlier) >= len(group) else []
            if names is None and own and scopes and all(scopes) and _BARE_MEASURE.match(own):
                # 韵达股份、申通快递业务量分别为…，单票收入分别为2.05元和2.11元: the measure this
                # clause names, of each owner listed before
                names = [_in_scope(scope, own) for scope in scopes]
            if names is None and own and len(own) >= 3 and _COMPANY_MEASURE_END.search(own):
                # 预计其2028年至2029年经调整净利润分别为512亿元和598亿元: one measure, for each year
                names = [own] * len(group)
            if names is None:
                # 同比分别增长10.2%和6.4%: the figures given before, in order
                names = earlier[-len(group) :] if len(earlier) >= len(group) else [own] * len(group)
            elif earlier and all(len(x) <= 3 for x in names) and "分别占" not in segment:
                # 其中广东、浙江分别新增3.2万家和2.6万家: of what was told before
                told = re.sub(r"^(?:全国|我国|全球|全省|全市)", "", earlier[-1])
                names = [x + told for x in names]
            # …交易额约1.6万亿元，用户规模5.45亿人，分别占餐饮收入和网民整体的29.8%和49.3%
            of = re.search(
                r"分别占(?!比(?:约为|约|为|达到|达|是)*$)([^，。；]+?)(?:的)?(比重|比例|份额)?(?:分别)?(?:约为|约|为|达到|达|超过|是)*$",
                segment,
            )
            if not of and whole and re.search(r"分别占(?:约为|约|为)?$", segment):
                of = re.match(r"(.+)()", whole)  # 跨境电商B2C出口中，美国、欧盟和东盟市场分别占…
            if (
                not of
                and re.search(r"其中.*分别占(?:约为|约|为)?$", segment)
                and (part_of := _whole_before(s, group[0].start, history))
            ):
                of = re.match(r"(.+)()", part_of)  # …交易金额逾1.2万亿元，其中餐饮、商超和文旅消费分别占…
            if (
                not of
                and re.search(r"其中.*(?:分别占比|占比分别)(?:约为|约|为|达到|达|是)*$", segment)
                and (part_of := _whole_before(s, group[0].start, history))
            ):
                # …交易总额为8947亿元，其中综合电商、直播电商和新零售渠道分别占比78.2%、…: each
                # one's share of the whole told before (占比 is no part of their names)
                names = [re.sub(r"(?:分别)?占比$", "", x) if x else x for x in names]
                of = re.match(r"(.+)()", part_of)
            if of and not any("占" in (x or "") for x in names):
                wholes = [w for w in re.split(r"、|以及|和|及|与", of.group(1)) if w]
                if len(wholes) == 1 and earlier and _abridges(wholes[0], earlier[-1]):
                    wholes = [earlier[-1]]  # …欧洲市场的GMV…，其中德国和意大利分别占欧洲GMV的…: that GMV
                if len(wholes) == 1:
                    wholes = wholes * len(group)
                if len(wholes) == len(group):
                    word = of.group(2) or ""
                    names = [_share(x, w + word) if x else x for x, w in zip(names, wholes, strict=True)]
            # 全国快递业务量和业务收入分别完成…: a measure named bare in the list is of what the
            # first item's measure is of (全国快递业务收入)
            first_scope = _scope_of(names[0]) if names[0] and not _BARE_MEASURE.match(names[0]) else None
            if first_scope:
                # (营业额 and 客流量 too, in a list: 步行街（商圈）客流量、营业额; after a clause, a
                # shop's 营业额 is no product's: 冰箱多卖了三四千台，营业额多了五十来万)
                names = [
                    _in_scope(first_scope, x)
                    if i and x and (_BARE_MEASURE.match(x) or x in ("营业额", "客流量"))
                    else x
                    for i, x in enumerate(names)
                ]
            # 重点商贸企业家电、通讯器材类商品销售额: the firms named before the first item are
            # the others' too
            firms = _FIRMS_HEAD.match(names[0] or "")
            if firms:
                names = [
                    firms.group(0) + x if i and x and not _OWNED.search(x) else x for i, x in enumerate(names)
                ]
            # 浙江省社会消费品零售总额和网上零售额分别为…: the place opening the list owns each item
            # (北京、上海、广州重点商圈客流量: each item names its own place, and the measure after
            # the first place is each one's)
            lead = _LEAD_PLACE.match(names[0] or "")
            if lead and len(names[0]) > lead.end() + 1:
                measure = names[0][lead.end() :]
                names = [
                    x
                    if not x or i == 0 or len(x) < 3 or _OWNED.search(x) or x.endswith(measure)
                    else lead.group(0) + x
                    for i, x in enumerate(names)
                ]
            # 全国实物商品网上零售额中，吃类、穿类、用类商品分别增长…: categories of the frame's
            # whole, each counted in its measure (吃类商品网上零售额)
            frame_measure = _FRAME_MEASURE.search(whole or "")
            if frame_measure:
                names = [
                    x + frame_measure.group(1)
                    if x and _CATEGORY_NAME.search(x) and not _MEASURE_END.search(x)
                    else x
                    for x in names
                ]
            listed = [x for x in names if x] or listed
        else:
            names = [own]
        # 第一季度和第二季度，其电商GMV分别同比增长15.1%和17.4%: a period for each figure
        listed_periods = [t for a, _, t in periods if previous_end <= a < group[0].start]
        if len(group) > 1 and len(listed_periods) == len(group):
            year = next(
                (y.group(1) for a, _, t in periods if a < previous_end and (y := _STATED_YEAR.match(t))), None
            )
            each_period = [
                (year + "年" + t if year and _WITHIN_A_YEAR.match(t) else t) for t in listed_periods
            ]
        elif (
            len(group) > 1
            and len(listed_periods) == 1
            and (years := re.fullmatch(r"(\d{4})年?\s*(?:至|到|—|-|～)\s*(\d{4})年", listed_periods[0]))
            and int(years.group(2)) - int(years.group(1)) + 1 == len(group)
        ):
            # 预计其2028年至2029年经调整净利润分别为512亿元和598亿元: a year each
            each_period = [f"{y}年" for y in range(int(years.group(1)), int(years.group(2)) + 1)]
        elif (
            len(group) > 1
            and not listed_periods
            and listed_each
            and len(listed_each[1]) == len(group)
            and not re.search(r"[。！？]", s[listed_each[0] : group[0].start])
        ):
            # 7月、8月快递业务量分别完成206.3亿件和214.5亿件，同比分别增长12.8%和13.6%: the
            # second list is of the same periods, in the same order
            each_period = listed_each[1]
        else:
            each_period = None
        if each_period:
            listed_each = (group[-1].end, each_period)
        for position, (member, name) in enumerate(zip(group, names, strict=True)):
            if each_period:
                period = each_period[position]
            if (
                (whole or framed)
                and name
                and name.endswith("占比")
                and len(name) > 2
                and "占" not in name[:-2]
            ):
                name = _share(name[:-2], whole or framed)  # …中，实物商品占比达到83.6%
            # (a speaker quoted after the sentence's own figures: their words are not of those)
            heard = (
                [h for h in history if h[0] >= speaker[0]]
                if speaker and member.start >= speaker[0]
                else history
            )
            subject = _complete_subject(name, member, base, heard, s, previous)
            frame = whole or framed
            if (
                subject
                and frame
                and _FIRMS_FRAME.search(frame)
                and not subject.startswith(frame)
                and "占" + frame not in subject  # (…的企业占受访企业的比重: the share names its firms)
            ):
                # 重点监测零售企业中，便利店、超市和专业店销售额分别增长…: the firms the stores are of
                subject = frame + subject
            unit, kind = member.unit, member.kind
            if group[0].kind == "change" and member.unit == group[0].unit:
                kind = "change"  # 分别增长12.1%和4.5%: the 4.5% is a growth as the 12.1% is
            if subject and period and _DAY_ALONE.fullmatch(period):
                subject = _day_of_told(subject, [x for _, x in history]) or subject
            subject = _finish(subject, member, unit, source)
            if subject and defined:
                subject = _spelled_out(subject, defined)
            if not member.annual and subject and _ANNUAL.search(subject):
                period = _period_for(s, periods, member.start, True)  # 年复合增长率达到15%
            if (
                (not unit or unit not in member.text)  # (a unit carried from the figure before)
                and member.kind == "count"
                and not (subject and _MONEY_VERB.search(subject))  # (卖了1082亿: named below)
                and (spent := _MONEY_VERB.search(s[max(0, member.start - 6) : member.start].rstrip()))
            ):
                # 出游3.4亿人次，…，花了2000多亿: the money spent, not the trips the clause before counted
                unit, kind = "元", "amount"
                measure = _MONEY_VERB_MEASURE[spent.group(1)]
                subject = re.sub(r"(?:人次|人数|数量|量|数)$", "", subject or "") + measure
            elif not unit and subject and subject.endswith("人次"):
                unit = "人次"  # 访港旅客人次约3680万
            elif not unit and subject and _PEOPLE.search(subject):
                unit = "人"  # 月活跃用户数超过3.5亿: people
            elif not unit and subject and member.kind == "count" and _MONEY_MEASURE.search(subject):
                # 营收1038.6亿 (a repost drops the 元): money, in the currency of the amount told just
                # before (报价四千来美元，比3月份降了差不多一千)
                told = out[-1].unit if out and out[-1].kind == "amount" and out[-1].unit else None
                unit, kind = told or _yuan_untold(s, member.text), "amount"
            elif not unit and subject and member.kind == "count" and _MONEY_VERB.search(subject):
                unit, kind = "元", "amount"  # 全网卖了8556亿, 被罚没312万: money, told as spoken
            if unit == "元":
                unit = _yuan_untold(s, member.text)
            if (
                kind == "amount"
                and (more := _EARNED_MORE.search(s, max(0, member.start - 16), member.start))
                and not _BONUS.search(more.group(0))  # (冲单奖励…多拿: named already)
            ):
                # 一天比平时多挣小两百, 一斤比卖给收购商多赚一块多: how much more is earned
                subject = _PER_SPOKEN.get(more.group("per") or "", "") + "收入增加额"
            elif kind == "amount" and subject and (verb := _MONEY_VERB.search(subject)):
                # 去年同期还赚了137亿, 卖了快三千万美元: what a report calls the amount
                # (冲单奖励每周还能多拿两三百: the bonus names it already)
                named = re.fullmatch(r"(.*?)(?:每[周月天日])?(?:还能|还|能|多|再)*", subject[: verb.start()])
                if (
                    named
                    and verb.group(1).startswith(("拿", "挣"))
                    and _EARNINGS_NAMED.search(named.group(1))
                ):
                    subject = named.group(1)
                else:
                    subject = subject[: verb.start()] + _MONEY_VERB_MEASURE[verb.group(1)]
                # 一单赚不到两毛钱: the profit of an order, 单均
                subject = re.sub(r"(?:一|每)([单件票])(?=[\u4e00-\u9fa5]{2}$)", r"\1均", subject)
                subject = re.sub(r"^一亩地?", "每亩", subject)  # 一亩地只能挣个…: 每亩收入
            elif kind == "amount" and subject and (item := _ONE_ITEM.fullmatch(subject)):
                if _PRICE_MOVED.search(s, 0, member.start):
                    # 一斤比去年贵了块把钱: the price of a 斤
                    subject = item.group(1) + "每" + item.group(2) + "售价"
            if subject and subject.endswith("送单量") and "快递" in s:
                subject = subject[:-3] + "派件量"  # 快递小哥一天得跑两百多单: a courier's run
            elif subject and subject.endswith("发货量") and unit in ("单", "件") and "快递" in s:
                subject = subject[:-3] + "发件量"  # 我们网点一天要发十来万单: parcels a courier sends
            if (
                not unit
                and kind == "count"
                and subject
                and re.search(r"(?:^|[^\u4e00-\u9fa5]|(?<=[日月])|(?<=下来))到手$", subject)
            ):
                # 到手也就两百出头, 一个月下来到手能有九千多: take-home pay (a day's, a month's)
                unit, kind, subject = "元", "amount", subject[:-2] + "收入"
            elif not unit and kind == "count" and (cost := _SPOKEN_COST.search(subject or "")):
                # 油钱加车贷就要去掉七八千: what is spent, in 元 though no 元 is said
                unit, kind = "元", "amount"
                subject = cost.group(1) + ("和" + cost.group(2) if cost.group(2) else "") + "支出"
            elif not unit and kind == "count" and subject and re.search(r"[进出]港件$", subject):
                unit, subject = "件", subject + "量"  # 每天进港件都在两千五上下: parcels in
            elif not unit and kind == "count" and subject and re.search(r"(?:外卖|订单|单量)$", subject):
                unit = "单"  # 一天外卖一百出头: orders
                subject = re.sub(r"外卖$", "外卖单量", subject)
            elif kind == "amount" and subject and subject.endswith("订单"):
                subject += "金额"  # 出口订单有两千多万美元: the orders' worth
            elif unit == "人" and subject and (hired := _HIRED.search(subject)):
                # 光临时工就多雇了四个: so many more taken on (增雇临时工人数)
                more = _HIRED_MORE.fullmatch(subject, 0, hired.start())
                if more:
                    subject = more.group(1) + "增雇" + more.group(2) + "人数"
                else:
                    subject = subject[: hired.start()] + "招聘人数"  # 临时招了二十来个人
            if (
                kind == "percent"
                and unit == "%"
                and subject
                and not subject.endswith(("占比", "比重", "比例", "份额"))
                and "占" not in subject
                and _SHARE_VERB.search(s, 0, member.start)
                and "其中" not in s[clause_start : member.start]
            ):
                subject += "占比"  # 其中内地旅客占近八成
            if survey and kind in ("percent", "count"):
                subject = _surveyed(s, member, subject, survey) or subject
            if subject and not re.search(r"预期|预估|预测", s[clause_start : member.start]):
                # …低于市场预期的1165亿元；净利润为295.4亿元: the expectation was the clause before's
                subject = _EXPECTATION_HEAD.sub("", subject) or subject
            if subject and subject.startswith("平台") and (platform := _PLATFORM_TELLER.match(s)):
                # 据京东消费及产业发展研究院数据，七夕期间平台鲜花销售额…: the platform is its own
                # research arm's (京东平台鲜花销售额)
                subject = platform.group(1) + subject
            if subject:
                subject = _corporate_act(subject, s, member, history)
            if subject and broker:
                subject = _brokered(subject, s, member, broker, subjects)
            if subject:
                subject = _target_priced(subject, s, member)
            if subject and _TAIWAN_AGENCY.match(s):
                subject = re.sub(r"^(?:国内|全台)", "台湾", subject)  # 金管会统计，…国内电子支付使用者
            if speaker and member.start >= speaker[0]:
                per = _SPOKEN_PER.search(s, clause_start, member.start) if unit != "%" else None
                per_unit = ("日" if per.group("day") else "月") if per else ""
                subject = _spoken_of(subject, speaker[1], per_unit)
                if not unit and kind == "count" and subject and _MONEY_MEASURE.search(subject):
                    # 以前一日做五六万 → 日营业额: what the speaker's words named is money
                    unit, kind = _yuan_untold(s, member.text), "amount"
            if (
                subject
                and subject.startswith("我")
                and (hearsay := _HEARSAY.match(s))
                and (teller := re.search(r"博主|网友|自媒体", hearsay.group(0)))
            ):
                subject = (
                    "该" + teller.group(0) + re.sub(r"^我(?:们|的)?", "", subject)
                )  # 我身边的朋友: the blogger's
            if subject:
                # 协会主席指「五一」期间会员商户营业额…: the one who speaks for the body is no
                # part of the measure
                subject = _SPOKESMAN_HEAD.sub("", subject)
            if subject and subject.startswith("会员") and (association := _ASSOCIATION.match(s)):
                subject = association.group(1) + subject  # 香港零售管理协会表示，…会员零售额
            # …累计销售额约3.9万亿元，其中数码产品…销售额: a part, of the whole told before 其中
            # (not a speaker's: 一个月挣个五千出头 is the speaker's own)
            # (…，其中家居园艺类目增幅超过40%，户外用品类目增长近1倍: the next category of the list
            # 其中 opened is a part of the same whole)
            # (…，其中报废更新约74万份，置换更新约112万份: so is the next kind of trade-in)
            next_part = bool(
                subject
                and (_CATEGORY_END.search(subject) or re.fullmatch(r"[\u4e00-\u9fa5]{2}更新", subject))
                and "其中" in s[:clause_start]
            )
            if subject and not spoken and ("其中" in s[clause_start : member.start] or next_part):
                if (
                    unit == "%"
                    and "占" not in subject
                    and _SHARE_OF_PART.search(s, clause_start, member.start)
                ):
                    subject += "占比"  # 其中不过夜旅客占约六成: the share of the whole told before
                per_head = subject.startswith("人均")  # 其中人均服务性消费支出: of 居民人均消费支出
                subject = _part_of(subject, _whole_before(s, member.start, history, True, per_head))
            # 顺丰控股…速运物流业务营业收入…，业务量13.8亿票，单票收入14.17元: a later clause's bare
            # measure is of what the sentence's measures before it were of
            # (…邮购业营业额…；累计1至4月营业额: 营业额 again, of what the one before was of)
            bare = bool(
                subject
                and (
                    _BARE_MEASURE.match(subject)
                    or (subject in ("营业额", "客流量") and any(x and x.endswith(subject) for x in subjects))
                )
            )
            scope = next((x for x in reversed(scopes) if x), None) if subject and not spoken else None
            if scope and (bare or _restates(scope, subject)):
                subject = _in_scope(scope, subject)
            if subject and not spoken:
                held = held or _held_in(s, clause_start, _clause_end(s, member.end), periods)
                if held:
                    # 带动销售额约157亿元: what the subsidies brought about (带动 is otherwise cut
                    # as a verb of the figure)
                    led = _LED.match(s, clause_start, member.start)
                    if led and not subject.startswith(led.group(0)) and _MEASURE_END.search(subject):
                        subject = led.group(0) + subject
                    subject = _of_held(subject, held)
                    # 核销量和带动销售额分别…: 带动销售额 says again the 带动新车销售额 told before
                    subject = next((x for x in reversed(subjects) if x and _abridges(subject, x)), subject)
            # 家电以旧换新累计惠及消费者…，带动相关产品销售…: 相关 is of the programme told before
            if (
                subject
                and subject.startswith(("相关", "惠及", "带动"))
                and (
                    topic := next(
                        (m.group(1) for _, x in reversed(history) if x and (m := _PROGRAMME.match(x))), None
                    )
                )
            ):
                subject = topic + (subject[2:] if subject.startswith("相关") else subject)
            # 回购股份约1.1亿股，耗资约412亿港元: what the buyback told before cost
            if subject in ("耗资", "斥资") and any(x and "回购" in x for x in subjects):
                subject = "回购" + subject
            # 共斥資約4.1億美元回購1,960萬股: what was spent on the buyback told after it
            elif (
                subject
                and re.fullmatch(r"(?:共|累计|合计|共计)?(?:斥资|耗资)", subject)
                and re.match(r"(?:的资金)?(?:在公开市场)?回购", s[member.end :])
            ):
                subject = "回购金额"
            # 宣派中期股息每股0.22港元, 派发每股0.48美元的年度股息: a dividend per share
            if subject and re.search(
                r"每股(?:美国存托股份?|普通股)?$", s[max(0, member.start - 10) : member.start]
            ):
                paid = _DIVIDEND_AFTER.match(s, member.end)
                per = re.search(r"(?:派发|宣派|派)(每股(?:美国存托股份?|普通股)?)$", subject or "")
                if paid and per:
                    # (派发每股美国存托股份0.62美元的年度现金股息: per American depositary share)
                    subject = subject[: per.start()] + per.group(1) + paid.group(1)
                elif "每股" not in subject:
                    subject = re.sub(
                        r"((?:中期|末期|特别|年度)?(?:现金)?(?:股息|股利|红利|分红))$", r"每股\1", subject
                    )
            # …归母净利润分别为…，其中顺丰控股同比增长12.7%: a company named alone, of the measure told
            if subject and not _MEASURE_END.search(subject):
                subject = next(
                    (x for x in subjects if x and x.startswith(subject) and len(x) > len(subject) + 1),
                    subject,
                )
            # 公司同时宣布一项规模不超过50亿美元的股份回购计划: the size of the plan named after it
            sized = _SIZED.fullmatch(subject) if subject else None
            if sized and (plan := _PLAN_AFTER.match(s, member.end)):
                subject = re.sub(r"^(?:公司|该公司|集团)$", "", sized.group(1)) + plan.group(1) + "规模"
            # 网上销售占零售业总销货价值的9.1%，金额约29.8亿港元: the amount of the share's part;
            # 向全国骑手发放冬季保障补贴，总额超过10亿元: the sum of what was given out
            if subject in ("金额", "总额"):
                share = re.match(r"(.+?)占.+的(?:比重|份额|比例)$", subjects[-1] or "") if subjects else None
                if share:
                    subject = share.group(1) + ("" if share.group(1).endswith("额") else "额")
                elif given := _GIVEN_OUT.search(s, 0, member.start):
                    subject = given.group(1) + subject
            # 宣布新增10亿美元股份回购计划, 第三批690亿元…国债资金, 将投入超1000亿元扶持平台商家:
            # a sum named by what it buys or funds, told straight after it
            committed = _COMMITTED.fullmatch(subject) if subject else None
            if committed and (funded := _FUNDED_AFTER.match(s, member.end)):
                who = committed.group("batch") or re.sub(r"^(?:公司|该公司|集团)$", "", committed.group(1))
                if funded.group("plan"):
                    subject = (
                        who + funded.group("plan") + ("规模" if funded.group("plan").endswith("计划") else "")
                    )
                elif committed.group("spend"):
                    subject = who + funded.group("purpose") + "投入"
            # 某国产美妆品牌负责人介绍，…该品牌全渠道GMV: the firm the sentence named, said again
            if owner and subject and (this := _THIS_FIRM.match(subject)) and not owner.startswith("该"):
                subject = owner + subject[this.end() :]
            # (not where the clause names the owner itself, nor a company's bare measure: the
            # paragraph's company is read for it in extract_figures)
            if (
                owner
                and subject
                and len(subject) >= 3  # (金额, 笔数: a fragment wants more than its owner)
                and (
                    not _owned(subject, owner)
                    # 统一超商…，全台门店数突破7,200家: a firm's stores across the land are its own
                    or (
                        _OWN_STORES.match(subject)
                        and not _PLACE_SCOPE.fullmatch(owner)  # (台湾某连锁超商 is a firm, 台湾 a place)
                    )
                    # 统一超商…，旗下网购平台…业绩: what is under the firm is its own
                    # (今年雙11檔期旗下電商平台業績: after the period told first)
                    or (
                        re.match(r"[^，,；;]{0,12}?(?:其|公司|集团)?旗下", s[clause_start:])
                        and owner not in subject
                    )
                )
                and not _COMPANY_MEASURE.match(subject)
                and (
                    owner not in s[clause_start : member.start]
                    or (
                        owner.startswith("该")
                        and owner not in subject
                        and _ISSUED.search(s, clause_start, member.start)
                    )
                )
            ):
                subject = _of_owner(subject, owner)
            if (
                out
                and out[-1].subject
                and subject
                and out[-1].kind in ("amount", "count")
                and kind == "count"
                and not unit
                and _MODAL_LEFT.fullmatch(subject.removeprefix(speaker[1] if speaker else ""))
            ):
                # 一天下来大概三千块，周末可以到四五千: the same measure, more of it (可以 is no name)
                subject, unit, kind = out[-1].subject, out[-1].unit, out[-1].kind
            if (
                not unit
                and kind == "count"
                and out
                and subject
                and out[-1].subject == subject
                and out[-1].unit
            ):
                unit = out[-1].unit  # …一天能发四五千单，元宵节以后回落到一千出头: the same count
            bare_category = _CATEGORY_ITEM.fullmatch(subject) if subject else None
            if bare_category and not bare_category.group(2) and out and out[-1].subject:
                # 吃类商品网上零售额同比增长15.6%，用类商品增长5.1%: the next category, of the same measure
                told = _CATEGORY_ITEM.match(out[-1].subject)
                if told and told.group(2) and _MEASURE_END.search(told.group(2)):
                    subject += told.group(2)
                elif not told and (rate := re.search(r"[\u4e00-\u9fa5]{2}率$", out[-1].subject)):
                    subject += rate.group(0)  # 主要电商平台退货率…，女装类目更是高达六七成: its 退货率
            elif (
                subject
                and kind == "change"
                and not _MEASURE_END.search(subject)
                and out
                and out[-1].kind == "change"
                and (category := re.search(r"类别(.{2,})$", out[-1].subject or ""))
            ):
                # …礼物类别销货价值下跌8.5%，药物及化妆品则上升6.2%: the next category, of the same measure
                subject += "类别" + category.group(1)
            if (
                subject
                and kind == "amount"
                and not _MEASURE_END.search(subject)
                and (summed := _SUMMED_MEASURE.search(subject))
                and re.search(
                    r"(?:合计|共计|总计)\s*(?:约|近|超过?|逾|达)?\s*$",
                    s[max(0, member.start - 6) : member.start],
                )
            ):
                # TOP20品牌合计约186亿元: the brands' sales summed (the measure they were ranked by)
                subject += "合计" + summed.group(1)
            elif (
                subject
                and kind == "amount"
                and out
                and out[-1].kind == "amount"
                and out[-1].subject
                and not _MEASURE_END.search(subject)
                and (
                    site := _SITE_AFTER.fullmatch(
                        subject, shared := len(os.path.commonprefix([subject, out[-1].subject]))
                    )
                )
            ):
                # 美国站月均销售额约35万美元，欧洲站约12万欧元: the next site, of the same measure
                before = out[-1].subject
                told_site = before.find(site.group(1), shared)
                measure = before[told_site + len(site.group(1)) :] if told_site >= 0 else ""
                if _MEASURE_END.search(measure):
                    subject += measure
            region_alone = _REGION_ALONE.fullmatch(subject) if subject else None
            told_region = (
                _REGION_ALONE.match(out[-1].subject) if region_alone and out and out[-1].subject else None
            )
            if told_region and len(out[-1].subject) > told_region.end() + 1:
                # 东部、中部、西部地区社会消费品零售总额…，东北地区同比增长2.9%: the next region, of the same measure
                subject += out[-1].subject[told_region.end() :]
            if (
                subject
                and not _MEASURE_END.search(subject)
                and _SIBLING_ITEM.search(subject)
                and out
                and out[-1].kind == kind
                and (told_item := _SIBLING_MEASURED.search(out[-1].subject or ""))
            ):
                # 超市零售额增长4.6%，便利店增长7.2%; 餐饮业收入…，住宿业增长3.2%: the next format or
                # trade, of the same measure
                subject += told_item.group("measure")
            if subject and not spoken:
                subject = _on_platform(subject, s, member.start, subjects)
            if subject and not spoken:
                subject = _share_of_total_told(subject, subjects)
            named = subject
            if (
                subject
                and base
                and kind in ("amount", "count")
                and unit not in ("%", "倍", "百分点", "个百分点")
                and not _LEVEL_CHANGED_NAMED.search(subject)
                and (moved := _LEVEL_MOVED.search(s, clause_start, member.start))
            ):
                # 比前年多了近八百亿元, 比上年末减少156万人: how much the level moved, not the level
                # (the figures after it are still of the level: …，其中直播带货贡献超过三成)
                move = "减少" if moved.group(1).startswith(("减", "少", "净减")) else "增加"
                named = (
                    subject + move + "额"
                    if kind == "amount"
                    else re.sub(r"(?:总数|数量|数)$", "", subject) + move + "数量"
                )
            # 增速高于全国网上零售额0.8个百分点: the gap between two growth rates, not a change of
            # one (the figures after it are still of the rate: …，占…的比重为21.4%)
            gap = (
                _growth_gap(subject, base, s[clause_start : member.start])
                if subject and unit == "个百分点" and base
                else None
            )
            out.append(
                Figure(
                    text=member.text,
                    kind=kind,
                    value=member.value,
                    unit=unit,
                    period=period,
                    subject=gap or named,
                    sentence=original,
                    base=base,
                    upper=member.upper,
                )
            )
            subjects.append(subject)
            scopes.append(_scope_of(subject) if subject and not bare and not spoken else None)
            history.append((member.start, subject))
            bases.append(base)
        previous_end = group[-1].end
        k += len(group)
    return out


def _share_of_total_told(subject: str, subjects: list[str | None]) -> str:
    """A share named bare, of the total the sentence told before it in the measure both name
    (全网综合电商平台GMV为…，直播电商渠道GMV占比为31.5%: 直播电商渠道GMV占全网综合电商平台GMV的比重)."""
    if not subject.endswith("占比") or "占" in subject[:-2]:
        return subject
    part = subject[:-2]
    measure = _SHARED_MEASURE.search(part)
    told = next((x for x in reversed(subjects) if x and "占" not in x and not _RATE_TAIL.search(x)), None)
    if not measure or not told or not told.endswith(measure.group(0)) or told.endswith(part):
        return subject
    # (not the last of a list of categories: 笔记本电脑、…和学生文具成交额 has no whole told)
    alike = {x for x in subjects if x and x.endswith(measure.group(0)) and "占" not in x}
    # (头部达人主播销售额…，品牌自播销售额占比: one sellers' sales beside another's)
    if len(alike) > 1 or re.search(r"主播|达人|自播|直播间|渠道|店铺|商家", told):
        return subject
    return _share(part, told)


# how a growth is counted, told before its verb: 名义增长5.4%, 扣除价格因素实际增长5.2%
_NOMINAL_OR_REAL = re.compile(r"(名义|实际)(?:增长|下降|增加|减少|上涨|下跌)")
# a growth on the month (or quarter) before: 环比, 月增, 按月, 比上月, 较上月, 按季
_ON_THE_MONTH = re.compile(r"环比|月增|月减|按月|按季|比上月|较上月|比上个月|较上个月|季增")
# a part of a sentence counted in dollars: 以美元计价，…; 按美元计，出口…
_IN_DOLLARS = re.compile(r"(?:以|按)美元计(?:价|算)?")


def _growth_basis(subject: str, s: str, start: int, end: int, base: str | None = None) -> str:
    """A growth named with how it is counted, where the sentence tells two ways: nominal or
    real (全国居民人均可支配收入实际增速), in dollars (我国货物贸易出口额增速（美元计）), or
    on the month before (富邦媒营收环比增速: 月增4.3%, beside 年增7.1%, reads as yearly else)."""
    if _RATE_TAIL.search(subject) or "占" in subject:
        return subject
    if base and _ON_THE_MONTH.fullmatch(base) and "环比" not in subject:
        return subject + "环比增速"
    basis = _NOMINAL_OR_REAL.search(s, max(0, start - 2), end)
    if basis and basis.start() < end and not subject.endswith(basis.group(1)):
        return subject + basis.group(1) + "增速"
    part = _part_start(s, start)
    if _IN_DOLLARS.search(subject):
        # (內地首季出口按美元計同比增長7.4%: the basis told inside what is measured)
        return _IN_DOLLARS.sub("", subject) + "增速（美元计）"
    if _IN_DOLLARS.search(s, part, start) and "美元" not in subject:
        return subject + "增速（美元计）"
    return subject


# the money measures a part's share and its whole may both be told in (GMV of GMV)
_SHARED_MEASURE = re.compile(r"(?:GMV|成交额|销售额|交易额|零售额)$")
# a platform a sentence's first measure is on: 京东平台羽绒服成交额, 全国重点电商平台网络零售额
_ON_PLATFORM = re.compile(r"^(?:全国|我国)?(?:[\u4e00-\u9fa5A-Za-z]{2,8}?)平台(?=[\u4e00-\u9fa5A-Za-z]{2})")
# what goods sell on a platform: 取暖器销量, 冰雪装备销售额, 滑雪装备搜索量
_GOODS_SOLD = re.compile(r"[\u4e00-\u9fa5]{2,8}?(?:销量|销售额|成交额|搜索量|订单量|交易额)")


def _on_platform(subject: str, s: str, at: int, subjects: list[str | None]) -> str:
    """Goods named after a platform's measure, with no owner of their own, sell on that platform
    (京东平台羽绒服成交额…，取暖器、电热毯销量…: 京东平台取暖器销量)."""
    first = next((x for x in subjects if x), None)
    platform = _ON_PLATFORM.match(first) if first else None
    goods = re.sub(r"^(?:全国|我国)", "", subject)
    told = s.rfind(goods, 0, at) if len(goods) < len(subject) else -1
    if (
        not platform
        or not _GOODS_SOLD.fullmatch(goods)
        or _OWNED.search(goods)
        or _owned(goods, platform.group(0))
        or goods.startswith(platform.group(0)[:2])
        # (直播电商销售额, 商品卡成交额: a channel of the platforms' sales, not goods on one)
        or goods.startswith(("直播", "新零售", "商品卡", "商家", "品牌"))
        # (…，全国网上零售额…: a measure the sentence itself says is the whole country's)
        or (told >= 2 and s[told - 2 : told] in ("全国", "我国"))
    ):
        return subject
    return platform.group(0) + goods


# an association telling its members' figures: 香港零售管理协会表示，…会员零售额
_ASSOCIATION = re.compile(
    r"^(?:据)?([\u4e00-\u9fa5]{2,14}?(?:协会|商会|联合会))(?:的)?(?:表示|称|指出|介绍|数据显示|统计|调查显示|发布|公布|预计|预测|估计)"
)
_SPOKESMAN_HEAD = re.compile(
    r"^(?:协会|商会|联合会|公司|集团)(?:主席|会长|副会长|秘书长|总裁|董事长|负责人|发言人)(?:指出|指|称|透露|表示)"
    r"(?=[\u4e00-\u9fa5]{2})"
)
# a measure named with no owner or scope of its own, as a later clause of a report names it
# (投递快递包裹: a verb and what it handles, told after 揽收快递包裹 by the same agent)
_BARE_MEASURE = re.compile(
    r"^(?:业务量|业务收入|单票收入|单均收入|营业收入|营收|收入|净利润|经营利润|利润|利润率|经营利润率|毛利率"
    r"|购物人数|购物人次|人均消费额?|人均花费|客单价|销售额|成交额|交易额|金额|笔数|订单量|销量|件数|申报总值|申报金额|货值"
    # 出境游预订量…，人均消费五六千元; 日均订单量…，平均配送时长约30分钟; 总票房…，平均票价50.2元
    r"|平均配送时长|配送时长|平均票价|观影人次"
    r"|(?:揽收|投递|派送|寄递)(?:快递)?包裹量"
    # 日均处理量超5.3亿件 after 全国快递业务量: a day's share of what was counted before
    r"|处理量|(?:日均|单日|月均)(?:处理量|业务量|订单量|揽收量|投递量|派送量|销量|成交额|交易额))$"
)
# the measure a subject ends with, less which the rest names whose it is: 海南离岛免税店|销售额,
# 全国快递|业务量, 网联平台处理网络支付交易|笔数, 中通快递|揽收包裹量 (not a count of things or
# people: 入驻企业数量 names what is counted, and a later measure is not theirs)
_MEASURE_TAIL = re.compile(
    r"(?:业务量|(?<=业务)收入|营业收入|单票收入|收入|营收|净利润|经营利润|利润|销售额|零售额|交易额|成交额"
    r"|交易金额|购物金额|消费金额|金额|订单量|交易量|成交量|销量|营业额|客流量|预订量|总票房|票房|(?:(?:揽收|投递|派送|寄递)(?:快递)?)?包裹量|笔数|件数)$"
)
_PER_UNIT_END = re.compile(r"(?:[人单日月户件票店笔]均|单票|每[\u4e00-\u9fa5]?)$")
# words of a speaker's own scope, which no later measure is of: 我这小店一天, 抖音上一个月
_SPOKEN_SCOPE = re.compile(r"我(?!国)|[你他她]|一(?:个)?[月天场晚年单件]")


# what vouchers or subsidies a sentence tells of, and the measures a later clause names of
# them bare: 核销率, 中签率, 杠杆率, 直接带动消费, 参与抢券, 抢光用时, 兑付补贴资金
# (补贴金额, 补贴后成交均价, 获得补贴约620元: the subsidy is measured there, not handled)
_HELD_NOUN = re.compile(r"(?:消费券|优惠券|代金券|购物券|补贴)(?=已|共|累计|申请|资金|上线|[，,；;。]|$)")
_HELD_WORDS = re.compile(r"[\u4e00-\u9fa5、“”]{0,16}$")
# (该市发放的…, 家电以旧换新补贴已惠及…, 受理…以旧换新补贴申请: who issued or handled them is
# no part of their name)
# (2000万元数字消费券: nor the amount issued)
_HELD_LEAD = re.compile(r"^.*(?:的|了|元|发放|派发|投放|投入|受理|兑付|申请|申领|已|共|将|再|该[市省区县])")
# 汽车、家电、数码产品以旧换新补贴, 餐饮、住宿、体育等消费券: a list of the kinds they cover
_HELD_KINDS = re.compile(
    r"^(?:[\u4e00-\u9fa5]{1,6}、)+[\u4e00-\u9fa5]{1,6}?(?:等|产品)?(?=以旧换新|购新|消费券|优惠券|补贴)"
)
_HELD_MEASURE = re.compile(
    r"^(?:直接|间接|共|累计|已)?(?:核销|带动|拉动|参与|抢光|领取|领用|使用|兑付|发放|申领|抢券)"
    r"|^(?!增长|同比|环比|增)[\u4e00-\u9fa5]{1,3}率$"
)
_LED = re.compile(r"(?:直接|间接)?(?:带动|拉动)")
_ISSUED_BY = re.compile(r"(?:该[市省区县])?(?:发放|派发|投放)的")


def _growth_gap(subject: str, base: str, between: str) -> str | None:
    """X增速高于Y增速的幅度 for a gap in points between the rate of a measure and another's
    (比同期商品零售额增速高出2.9个百分点, 快于城镇1.9个百分点); None when the base is a time
    (比上月加快, 较去年同期提高) or an expectation."""
    if not _GAP_VERB.search(between):
        return None
    other = re.sub(r"^(?:比|较|与|跟)?(?:同期)?", "", base).strip()
    # (低于1—6月累计增速约1.3个百分点: a gap to a rate named outright, though of another period)
    named_rate = re.search(
        r"(?:高于|低于|快于|慢于|高出)$", between.rstrip(" 约近超逾" + other)
    ) and re.search(r"(?:增速|增幅|涨幅|增长率)$", other)
    if len(other) < 2 or (not named_rate and (_PERIOD.match(other) or _NOT_ANOTHER_RATE.search(other))):
        return None
    direction = "低于" if re.search(r"低|慢|少|落后", between) else "高于"
    if _LEVEL_RATE.search(subject):
        # 转化率比普通搜索高2.4个百分点: two rates, not two growths
        return f"{subject}{direction}{other}的幅度"
    rate = re.sub(r"(?:的)?(?:增速|增幅|涨幅|增长率)$", "", subject)
    if not rate or rate == subject and not _MEASURE_END.search(subject):
        return None
    other = re.sub(r"(?:的)?(?:增速|增幅|涨幅|增长率)$", "", other)
    # (全国平均水平: the level of growth named already)
    return f"{rate}增速{direction}{other}{'' if other.endswith('水平') else '增速'}的幅度"


_LEVEL_RATE = re.compile(r"(?<!增长)(?<!增)率$|占比$|比重$|份额$")
_GAP_VERB = re.compile(r"高于|低于|快于|慢于|高出|低出|高|低|快|慢")
# a base that is a time, an expectation or the measure's own past: 比上月, 较去年同期, 预期
_NOT_ANOTHER_RATE = re.compile(
    r"上月|上年|去年|前年|上季|上周|同期$|此前|预期|预测|之前|以前|年初|年末|上半年|平时|疫情前"
)


_DIVIDEND_AFTER = re.compile(r"\s*的((?:中期|末期|特别|半年度|年度)?(?:现金)?(?:股息|红利|分红))")
# 一项规模不超过50亿美元的股份回购计划: a plan whose size is told before its name
_SIZED = re.compile(
    # (宣布一项总额最多50亿美元的股份回购计划: sized by its total)
    r"(.*?)(?:同时|并|还|也)?(?:宣布|推出|启动|公布|批准|通过)?了?(?:一项|一笔|新一轮|一轮|一个)(?:总)?(?:规模|额)(?:最多|最高|不超过)?"
)
_PLAN_AFTER = re.compile(r"\s*的([\u4e00-\u9fa5A-Za-z]{2,12}?(?:计划|方案|基金|项目))")
_GIVEN_OUT = re.compile(
    r"(?:发放|投入|设立|推出|派发|发出)([\u4e00-\u9fa5]{2,10}?)[，,]\s*(?:总额|金额)"
    r"(?:超过|超|约|近|达到|达|为|共计|共)?\s*$"
)
# a subject that is only who commits a sum and how: 唯品会宣布新增, 拼多多将投入, 第三批
_COMMITTED = re.compile(
    r"(.*?)(?:同时|并|还|也|将|拟|计划)?(?:宣布)?(?:(?P<spend>投入|斥资|拿出)|新增|设立|推出|下达|安排)"
    r"|(?P<batch>.*第[一二三四五六七八九十]批)"
)
# what the sum is, told straight after it: a plan or a fund; or what it is spent on (扶持平台商家)
_FUNDED_AFTER = re.compile(
    r"\s*(?:(?P<plan>[\u4e00-\u9fa5A-Za-z]{0,14}?(?:回购计划|计划|基金|专项资金|国债资金|资金|消费券))(?=[已将均全]|[^\u4e00-\u9fa5]|$)"
    r"|(?P<purpose>(?:扶持|支持|补贴|用于)[\u4e00-\u9fa5]{2,8}?)(?=[，,；;。、]|$))"
)
# 家电以旧换新惠及消费者数量: the programme that reached them
_PROGRAMME = re.compile(
    r"([\u4e00-\u9fa5A-Za-z]{2,12}?)(?:将|预计|累计|共|已)?(?:惠及|带动|拉动|吸引|补贴|申请|发放|核销)"
)


class _Held(NamedTuple):
    """Vouchers or subsidies as the sentence named them (汽车、家电、数码产品以旧换新补贴) and as
    its measures are named (以旧换新补贴)."""

    named: str
    name: str


_CLAUSE_MARK = re.compile(r"[，,；;。！？]")


def _clause_end(s: str, at: int) -> int:
    m = _CLAUSE_MARK.search(s, at)
    return m.start() if m else len(s)


def _held_in(s: str, start: int, end: int, periods: list[tuple[int, int, str]]) -> _Held | None:
    """The vouchers or subsidies a clause names: 数字消费券 of 该市发放的2000万元数字消费券已核销…
    (前三季度全国汽车以旧换新补贴申请量: not when)"""
    clause = s[start:end]
    for a, e, _ in sorted(periods, reverse=True):
        if start <= a and e <= end:
            clause = clause[: a - start] + clause[e - start :]
    noun = _HELD_NOUN.search(clause)
    if not noun:
        return None
    words = _HELD_WORDS.search(clause, 0, noun.start())
    named = _HELD_LEAD.sub("", words.group(0) if words else "") + noun.group(0)
    name = _HELD_KINDS.sub("", named)
    return _Held(named, name) if len(name) >= 3 else None


def _abridges(short: str, long: str) -> bool:
    """Whether a subject is a longer one told short: 汽车消费券带动销售额 of 汽车消费券带动新车销售额
    (each of its characters in turn, and the same measure's last two)."""
    if len(long) <= len(short) or short[-2:] != long[-2:]:
        return False
    rest = iter(long)
    return all(c in rest for c in short)


def _of_held(subject: str, held: _Held) -> str:
    """A measure of the vouchers named before it: 核销率 → 数字消费券核销率; 补贴资金 →
    家电以旧换新补贴资金; 受理汽车、家电、数码产品以旧换新补贴申请 keeps the name alone."""
    noun = _HELD_NOUN.search(held.name).group(0)
    if subject.endswith("总额"):
        return subject  # 郑州市发放的汽车、家电消费券总额: what was issued, as the house names it
    if held.named != held.name and held.named in subject and re.search("以旧换新|购新", held.name):
        # (餐饮、住宿、体育等消费券: the kinds of vouchers are their name where they are issued)
        return subject.replace(held.named, held.name)
    # 武汉市发放的第三轮汽车消费券核销量: who issued them is the owner, told apart
    subject = _ISSUED_BY.sub("", subject) if held.name in subject else subject
    if held.name in subject or _OWNED.search(subject):
        return subject
    if subject.startswith(noun):
        return held.name[: -len(noun)] + subject
    if _HELD_MEASURE.match(subject):
        # 兑付补贴资金: the subsidies' 兑付资金
        return held.name + (subject.replace(noun, "", 1) if len(subject) > len(noun) + 2 else subject)
    return subject


class _Scope(NamedTuple):
    """Whose a measure is, with which part of it (海南离岛免税店, 顺丰控股速运物流业务), and the
    业务 its volume was counted in (全国快递 of 全国快递业务量: its 业务收入 is the business's,
    申通快递's 单票收入 the company's)."""

    whose: str
    business: str = ""


@lru_cache(maxsize=4096)  # (asked again for every figure after it in the sentence)
def _scope_of(subject: str) -> _Scope | None:
    """The scope of a subject: less the measure it ends with (京东集团 of 京东集团归属于普通股股东的
    净利润); None for a share, or a measure named bare."""
    tail = _COMPANY_MEASURE_END.search(subject) or _MEASURE_TAIL.search(subject)
    whose = subject[: tail.start()] if tail else ""
    whose = re.sub(r"(?:累计|合计|总)$", "", whose)  # 累计销售额, 总包裹量: the measure's words
    if tail and tail.group(0) == "收入":
        # 淘天集团客户管理收入…，经调整EBITA: a line of revenue is no scope for the group's profit
        whose = _REVENUE_LINE.sub("", whose)
    whose = re.sub(r"“”|「」|（）|\(\)", "", whose)  # 海南离岛免税“国庆黄金周”: its period cut out
    whose = re.sub(r"(快递|速递)\1$", r"\1", whose)  # 申通快递快递业务量: 申通快递's (快递) volume
    whose = re.sub(r"(?<=股份|速递|控股|集团|公司|物流)快递$", "", whose)  # 韵达股份快递业务量: 韵达股份's
    whose = re.sub(r"(?<=[\u4e00-\u9fa5A-Za-z]{2})(?:税后|税前)$", "", whose)  # 网家税后净损: 网家's
    # (nor a measure per parcel or per head: 派一件才挣七八毛 is no scope for what is earned in a day)
    if len(whose) < 2 or "占" in subject or _SPOKEN_SCOPE.search(whose) or _PER_UNIT_END.search(whose):
        return None
    return _Scope(whose, "业务" if tail.group(0) == "业务量" else "")


_REVENUE_LINE = re.compile(
    r"(?<=[\u4e00-\u9fa5A-Za-z]{2})(?:客户管理|在线营销服务(?:及其他)?|交易服务|广告|佣金|会员)$"
)


def _restates(scope: _Scope, subject: str) -> bool:
    """顺丰控股速运物流 and 速运物流业务收入: a subject that opens with what the scope ends with
    (four characters or more) and names no owner of its own says the scope again, less its owner."""
    whose = scope.whose
    return not _OWNED.search(subject) and any(
        whose.endswith(subject[:n]) and len(whose) > n for n in range(4, len(subject))
    )


def _in_scope(scope: _Scope, measure: str) -> str:
    """顺丰控股速运物流业务 + 业务量 → 顺丰控股速运物流业务量 (a word both say is said once);
    全国快递 (业务) + 业务收入 → 全国快递业务收入, 我国移动支付 (业务) + 金额 → 我国移动支付业务金额."""
    whose = scope.whose
    if scope.business and (measure.startswith(scope.business) or measure in ("金额", "笔数", "件数")):
        whose += scope.business
    for n in range(min(len(whose), len(measure) - 1), 1, -1):
        if whose.endswith(measure[:n]):
            return whose + measure[n:]
    return whose + measure


# a named broker (or 某港资券商) that tells a forecast or a target price: 中信证券研报指出，预计…
# (多家券商预计, 券商研报预计: no one in particular)
# (and the houses known by a name without 证券: 中金公司, 国泰君安, 高盛, 摩根士丹利)
_NAMED_BROKERS = (
    r"中金公司|国泰君安|国泰海通|海通国际|中信建投|申万宏源|招银国际|建银国际|交银国际|农银国际|工银国际|中银国际"
    r"|高盛|摩根士丹利|大摩|摩根大通|小摩|瑞银|花旗|美银|野村|大和|瑞穗|里昂|伯恩斯坦|麦格理|杰富瑞|汇丰环球研究|汇丰研究"
)
_BROKER = re.compile(
    r"^(?:据)?(?!多家|多位|有关|相关)(?P<who>某[\u4e00-\u9fa5]{0,4}?(?:证券|券商|投顾)"
    rf"|(?:{_NAMED_BROKERS})(?!证券)|[\u4e00-\u9fa5A-Za-z]{{2,6}}?(?:证券|投顾))(?:研报|报告|研究所|研究部)?"
)
# (料年增5%: Hong Kong's 料, expected)
_FORECASTS = re.compile(r"预计|预测|预估|预期(?!的)|(?<![原资材饮])料(?=[年按同增减升跌达将])")
# the head _brokered gives a subject: 华泰证券预计的, 某港资券商预测的
_BROKER_HEAD = re.compile(
    rf"^(?:{_NAMED_BROKERS}|[\u4e00-\u9fa5A-Za-z]{{2,8}}?(?:证券|券商|投顾))(?:预计|预测|预估|预期)的(?=.{{2}})"
)
# how a broker moves a price it gives, told before the company (上调京东集团目标价至52美元)
_TARGET_MOVED = r"(?:上调|下调|调升|调降|调高|调低)"
# what follows a target price in its clause and is no part of its name: the move and "per share"
# (将其港股目标价上调至每股165港元)
_PRICE_MOVE_TAIL = re.compile(r"(?<=目标价)(?:上调|下调|调升|调降|提高|降低|调高)?(?:至|到|为)?(?:每股)?$")
# the old price, told before the new one (目标价由168港元上调至185港元)
_PRICE_BEFORE = re.compile(r"[由从]\s*(?:约|近)?\s*$")
# 华信证券将某本地生活平台的目标价由158港元上调至172港元
# (中金公司研报上调京东集团目标价至52美元: the move told before the company)
_TARGET_PRICE = re.compile(
    rf"^(?P<by>.+?)(?:研报|报告)?(?:[将把]|(?:{_TARGET_MOVED}|维持)(?!其))(?P<of>.+?)的?目标价$"
)
_TARGET_GIVEN = re.compile(r"^(?P<by>.+?)给予(?P<of>.+?)的[原新]?目标价$")
_RATED = re.compile(
    rf"(?:[将把]|{_TARGET_MOVED})(?!其)([\u4e00-\u9fa5A-Za-z]{{2,12}}?)的?(?:美股|港股|A股|H股)?目标价"
)
_RATE_ALONE = re.compile(r"(?:年均|年复合|复合)?(?:增速|增长率|增幅)")


def _brokered(subject: str, s: str, member: _Found, broker: re.Match, subjects: list) -> str:
    """A broker's figure named as an editor heads it: 华信证券给予某本地生活平台的新目标价,
    中信证券预计的即时零售市场规模, 华信证券预计的某本地生活平台经调整利润 (其: the one it rates)."""
    who = broker.group("who")
    subject = _PRICE_MOVE_TAIL.sub("", subject)
    # (the second price, told with no subject of its own, takes the first's)
    target = _TARGET_PRICE.fullmatch(subject) or _TARGET_GIVEN.fullmatch(subject)
    if target and target.group("by") == who:
        told = s[: member.start].rstrip(" 约近超逾")
        which = "原" if told.endswith(("由", "从")) else "新" if told.endswith(("至", "到")) else ""
        return who + "给予" + target.group("of") + "的" + which + "目标价"
    reported = re.match(rf"{re.escape(who)}(?:研报|报告)?[将把]", subject)
    if reported and len(subject) > reported.end() + 2:
        return subject[reported.end() :]  # 国泰君安证券将名创优品每股收益预测下调…: the company's forecast
    its_own = _ITS_FORECAST.fullmatch(subject)
    if its_own:
        return its_own.group("company") + its_own.group("what")  # 预期快手…，并将其收入预测下调3%
    if (
        subject.startswith(("将其", "把其"))
        and "目标价" not in subject  # (将其目标价由…上调至…: named below, the old price and the new)
        and (company := _forecast_company(s, member.start, subjects, who))
    ):
        return company + subject[2:]  # …，并将其2028年收入预测较原先下调3%: the company forecast
    # 预期快手第四季电商GMV…: the forecast's verb heads the subject as the broker's
    subject = re.sub(r"^(?:预期|预计|预测|预估)(?=[\u4e00-\u9fa5A-Za-z]{2})", "", subject)
    revised = _FORECAST_REVISED.fullmatch(subject)
    if revised:
        # 上调美团2028年盈利预测至净利润452亿元: the company's profit as the broker now forecasts it
        return revised.group("company") + (revised.group("measure") or "盈利") + "预测"
    valued = _VALUATION_AFTER.match(s, member.end)
    spoken_first = re.fullmatch(r"(?:对应|相当于)(市盈率|市销率|市净率|PE|PS|PB)", subject.split("的")[-1])
    if (valued or spoken_first) and re.fullmatch(
        rf"(?:{re.escape(who)}(?:预计|预测|预估)的)?(?:对应|相当于)?(?:市盈率|市销率|市净率|PE|PS|PB)?",
        subject,
    ):
        # 给予目标价180美元，对应约11倍市盈率; 对应市盈率约14倍: the multiple put on the company
        company = _forecast_company(s, member.start, subjects, who)
        return (company or "") + (valued or spoken_first).group(1)
    forecast = next(reversed(list(_FORECASTS.finditer(s, 0, member.start))), None)  # the last before it
    if forecast is None or who in subject or _FORECASTS.search(subject):
        return subject
    rated = _RATED.search(s, 0, forecast.start()) or _RATING.search(s, 0, forecast.start())
    if subject.startswith("其") and rated:
        subject = rated.group(1) + subject[1:]
    elif subject.startswith("其"):
        return subject
    elif rated and s.startswith("其", forecast.end()) and not subject.startswith(rated.group(1)):
        # 预计其2029财年收入为…，经调整EBITA约…: each forecast after 其 is the rated company's
        subject = rated.group(1) + subject
    subject = re.sub(r"(?<=目标价)(?:维持在?|为)$", "", subject)  # 目标价维持17.5美元
    if subject.endswith("目标价"):
        # 预计小米集团…，并将其目标价上调12%至65港元: the broker's price for the company it forecasts
        price = re.sub(
            r"^(?:将|把|给予|维持)?的?其?|(?<=.)其(?=(?:美股|港股|A股|H股)?(?:原|新)?目标价$)", "", subject
        )
        if _PRICE_BEFORE.search(s[max(0, member.start - 4) : member.start]) and "原目标价" not in price:
            price = price.removesuffix("目标价") + "原目标价"  # 目标价由168港元上调至185港元: the old one
        if re.fullmatch(r"(?:美股|港股|A股|H股)?(?:原|新)?目标价", price):
            # 预计拼多多2029年营业收入…，给予目标价180美元: the company it forecasts, named before
            company = _forecast_company(s, member.start, subjects, who) or ""
            # (美团核心本地商业收入…，给予目标价: the shares are the company's, not its line's)
            price = (_LINE_OF_BUSINESS.sub("", company) or company) + price
        return who + "给予" + price
    if _COMPANY_MEASURE.match(subject) and (company := _forecast_company(s, member.start, subjects, who)):
        subject = company + subject  # 预计…，经调整EBITA约480亿元: the company it forecasts
    head = who + ("预计" if forecast.group(0) == "料" else forecast.group(0)) + "的"
    if _RATE_ALONE.fullmatch(subject) and subjects and subjects[-1] and subjects[-1].startswith(head):
        return subjects[-1] + subject  # …市场规模将达到…，年复合增速维持在20%左右
    return head + subject


_ITS_FORECAST = re.compile(
    r"(?:预期|预计|预测)?(?P<company>[\u4e00-\u9fa5A-Za-z]{2,10}?)[将把]其(?P<what>[\u4e00-\u9fa5A-Za-z]{2,12}?(?:预测|预期|目标价))"
)
_FORECAST_REVISED = re.compile(
    r"(?:上调|下调|调整|维持)(?P<company>[\u4e00-\u9fa5A-Za-z]{2,10}?)的?(?:盈利|业绩)?预测(?:至|为)(?P<measure>.*)"
)
# 对应约11倍市盈率: a valuation told after its multiple
_VALUATION_AFTER = re.compile(r"\s*(?:的)?(市盈率|市销率|市净率|PE|PS|PB)")


def _forecast_company(s: str, end: int, subjects: list, who: str) -> str | None:
    """The company a broker rates (维持美团评级), else the one whose measure it forecast last
    (预计拼多多2029年营业收入…: 拼多多)."""
    rated = _RATED.search(s, 0, end) or _RATING.search(s, 0, end)
    if rated and not rated.group(1).startswith("其"):
        return rated.group(1)
    for told in reversed(subjects):
        if told:
            # (国泰君安证券将名创优品每股收益预测: the company, without the broker or the forecast)
            # (华泰证券预计阿里巴巴收入, the first forecast named with the broker's verb and no 的)
            told = re.sub(rf"^{re.escape(who)}(?:(?:预计|预测|预估)的?|[将把])", "", told)
            company = _company_of(re.sub(r"(?:预测|预期|预估)$", "", told))
            if company:
                # (快手电商GMV: the company is 快手, its business 电商)
                return re.sub(r"(?<=.{2})电商$", "", company)
    return None


# 斥资逾11亿港元回购股份, 拟以1.5亿元至3亿元自有资金回购股份: the money a company spends on an act
_SPENDS = re.compile(r"(?:拟|将|计划)?(?:斥资|耗资|出资|以|使用)$")
_SPENT_ON = re.compile(r"(?:的)?(?:自有|自筹)?(资金)?(回购|收购|增持)([\u4e00-\u9fa5]{2})")
# 中金公司将阿里巴巴美股目标价上调至180美元，并预计其2028年收入…: the company a broker prices
_PRICED = re.compile(
    rf"(?:将|{_TARGET_MOVED})(?!其)([\u4e00-\u9fa5A-Za-z]{{2,10}}?)(?:美股|港股|A股|H股)?目标价"
)
_PRICED_SUBJECT = re.compile(r"^(?P<who>.*?)将(?P<what>.+?目标价)$")
# 维持阿里巴巴“跑赢行业”评级，将其港股目标价…: the company a broker rates, whom its 其 means
_RATING = re.compile(
    r"(?:维持|给予|上调|下调|首次覆盖)(?:对)?([\u4e00-\u9fa5A-Za-z]{2,10}?)"
    r"(?:“[^”]{1,8}”|「[^」]{1,8}」|买入|增持|持有|中性|跑赢行业|优于大市|跑赢大市|推荐|强烈推荐|减持|卖出)?的?评级"
)


def _priced_company(s: str, end: int) -> str | None:
    """The company a broker prices before ``end``: named (将美团目标价), or its 其, the one it rates."""
    priced = _PRICED.search(s, 0, end)  # (never 将其…: that one is the rated company, below)
    if priced:
        return priced.group(1)
    rating = _RATING.search(s, 0, end)
    return rating.group(1) if rating else None


def _target_priced(subject: str, s: str, member: _Found) -> str:
    """A broker's target price named without its verb (摩根士丹利美团目标价), the old one told
    as such (由168港元上调至185港元: 原目标价); and 其 in the forecasts after it, the company
    priced (预计其2028年收入: 阿里巴巴收入)."""
    before = s[max(0, member.start - 4) : member.start]
    was = _PRICE_BEFORE.search(before)  # 由168港元上调至…: the old price
    subject = _PRICE_MOVE_TAIL.sub("", subject)
    if subject.startswith("其") and (rated := _RATING.search(s, 0, member.start)):
        subject = rated.group(1) + subject[1:]  # 将其港股目标价: the company rated
    # 维持美团评级，将目标价由168港元…; 上调阿里巴巴评级，给予美股目标价: the rated company's price
    bare = re.fullmatch(r"(?:将|给予)((?:美股|港股|A股|H股)?)(?:原|新)?目标价", subject)
    if bare and (rated := _RATING.search(s, 0, member.start)):
        return rated.group(1) + bare.group(1) + ("原目标价" if was else "目标价")
    if subject.endswith("原目标价") and re.search(r"[至到]\s*(?:约|近)?\s*$", before):
        return subject.removesuffix("原目标价") + "目标价"  # …上调至185港元: the new one
    priced = _PRICED_SUBJECT.match(subject)
    if priced:
        what = priced.group("what")
        if what.startswith("其") and (rated := _RATING.search(s, 0, member.start)):
            what = rated.group(1) + what[1:]
        return priced.group("who") + (what.removesuffix("目标价") + "原目标价" if was else what)
    its = re.match(r"^(?:预期|预计|预测)?其(?=[\u4e00-\u9fa5A-Za-z]{2})", subject)
    company = _priced_company(s, member.start) if its else None
    if company:
        return company + subject[its.end() :]
    return subject


_PLATFORM_TELLER = re.compile(
    r"^(?:据|根据)?(京东|淘宝|天猫|阿里巴巴|阿里|拼多多|抖音|快手|美团|饿了么|唯品会|苏宁|小红书|得物|盒马)"
    r"[\u4e00-\u9fa5]{0,12}?(?:研究院|研究中心|研究所)"
)
_EXPECTATION_HEAD = re.compile(r"^(?:市场|分析师)?(?:此前)?(?:一致)?(?:预期|预估|预测)的")
_COMPANY_NAMED = re.compile(r"^[\u4e00-\u9fa5A-Za-z]{2,10}?(?:集团|控股|股份|公司)")
# a firm's own stores, counted where they are (全台门市数, 中国内地同店销售, 内地净关闭门店)
_OWN_STORES = re.compile(
    r"^(?:全台|全国|全球|中国内地|内地|港澳|大陆|海外)(?:净关闭|净增|新开|关闭)?(?:门店|门市|店铺|网点|同店)"
    # (携程数据显示，…国内酒店预订量: the platform's own bookings at home)
    r"|^(?:国内|境内|出境|入境)(?=[\u4e00-\u9fa5]{2,}(?:预订量|订单量|订单|成交额|销售额|GMV|增幅))"
)
_BOUGHT_BACK = re.compile(r"^(?P<who>.*?)(?:共|累计|合计|已|共计|再|将|拟)?(?P<act>回购|增持)$")
# (约3800万股A类普通股, 4300万股美国存托股: the shares named after the count)
_SHARES_BOUGHT = re.compile(r"([A-Za-z\u4e00-\u9fa5]{1,8}?股)?(?=[，,。；;（(]|$)")
# 回购价格不超过每股42.8元: a price's ceiling or floor, per share
_BOUND = re.compile(r"(不超过|不高于|最高不超过|不低于)(?:每股)?$")
# 宣派特别股息每股0.45港元, 合计派现约8.2亿元: what a company pays its shareholders
# (董事会批准2029年度现金股息每股, 董事會擬配發現金股利每股: a board's payout, the company's)
_PAID_PER_SHARE_OF = re.compile(
    r"^(?P<who>.*?)(?:宣派|派发|派息|派)每股\s*(?P<shares>ADS|美国存托股份?|普通股|A股|H股|)$"
)
_PAYOUT = re.compile(r"^(.*?)(?:董事会)?(?:拟|批准)?(?:宣派|派发|派息|配发|派|(?<=批准))(.{2,6}?)每股$")
_DIVIDEND_PER_SHARE = re.compile(
    r"^(?P<who>.*?)(?:宣派|派发|派息|配发|派)?(?P<what>(?:(?![派宣配公])[\u4e00-\u9fa5]){0,6}?(?:股息|股利|红利))"
    r"每股(?P<shares>普通股|美国存托股份?|A股|H股|)$"
)
_PER_SHARE_PAID = re.compile(
    r"^(.*?)(?:拟|将)?(?:向(?:全体)?(?:A股|H股)?股东)?(每(?:\d+|[十百])?股)(派发|派送|分派|宣派|配发|派)"
    r"(现金红利|现金股息|现金股利|现金分红|特别股息|股息|股利|红利)$"
)
_PER_SHARE_DIVIDEND = re.compile(
    r"^每(?:\d+|[十百])?股(?:派发|派送|分派|宣派|派)?(?:现金红利|现金股息|现金分红|特别股息|股息|红利)$"
)
_PAID_OUT = re.compile(r"^(.*?)(?:合计|共计|累计)?派现$")
# 对全省出口增长的贡献率: a contribution whose part the sentence told before
_CONTRIBUTES = re.compile(
    r"^(?:[\u4e00-\u9fa5]{0,4}?(?:省|市|区|全国|我国))?(对[\u4e00-\u9fa5]{2,14}?的?贡献率)$"
)
# 拉动全省社零增长1.1个百分点: what a part adds to the growth of the whole
_PULLS = re.compile(r"^(.*?)拉动(.{2,16}?)$")


def _buyer(who: str, s: str, member: _Found, history: list[tuple[int, str | None]]) -> str:
    """Who buys its shares back (计划于2028年回购, 将在未来两年内回购, 季内累计回购: when it buys is
    no part of who it is; 公司 is the company the sentence is about)."""
    when = r"(?:计划|将|拟|于|在|季内|期内|年内|内)+$"
    who = re.sub(when, "", who)
    if who in ("", "公司", "该公司", "其", "集团"):
        owner = re.sub(when, "", _sentence_owner(s, history[0][0] if history else member.start) or "")
        if not owner and (named := _OWNER_NAMED.match(s)):
            owner = _clean_owner(named.group(1))
        who = owner or who
    return who


def _corporate_act(subject: str, s: str, member: _Found, history: list[tuple[int, str | None]]) -> str:
    """A subject that is still a verb phrase of an act, named as a report names its measure:
    股份回购金额, 回购价格上限, 特别股息, 现金分红总额, 对…增长的拉动; a listed company's
    description (港股上市公司华晋控股) is no part of its name."""
    subject = re.sub(
        r"^(?:港股|A股|美股|科创板|创业板|主板)?上市公司(?=[\u4e00-\u9fa5A-Za-z]{2})", "", subject
    )
    if member.kind == "amount" and (spends := _SPENDS.search(subject)):
        act = _SPENT_ON.match(s, member.end)
        if act:
            what = act.group(3) if act.group(3) in ("股份", "股票") else act.group(3)
            who = _buyer(subject[: spends.start()], s, member, history)
            return who + what + act.group(2) + ("资金" if act.group(1) else "金额")
    bound = _BOUND.search(subject)
    if bound and member.kind == "amount":
        return subject[: bound.start()] + ("下限" if "低" in bound.group(1) else "上限")
    per_share = _PER_SHARE_PAID.match(subject)
    if per_share and member.kind == "amount":
        # 拟向全体股东每10股派发现金红利: the shareholders are the company's (named where the
        # paragraph names it), the plan told as A-share plans word it; 招商银行每股派发现金股息
        # is 招商银行每股现金股息
        owner, shares, verb, what = per_share.groups()
        return owner + shares + ("" if shares == "每股" else verb) + what
    bought = _BOUGHT_BACK.match(subject)
    if bought and member.kind == "count" and (shares := _SHARES_BOUGHT.match(s, member.end)):
        # 公司共回购约3800万股A类普通股: the number of the shares bought, of the company the
        # sentence is about
        who = bought.group("who")
        if who in ("", "公司", "该公司", "其", "集团"):
            # (the company named with the figures before: 京东集团净收入达…，公司共回购…)
            named = (_COMPANY_NAMED.match(x) for _, x in history if x)
            who = _sentence_owner(s, history[0][0] if history else member.start) or next(
                (m.group(0) for m in named if m), who
            )
        return who + bought.group("act") + (shares.group(1) or "股份") + "数量"
    if bought and member.kind == "amount" and bought.group("act") == "回购":
        # 公司宣布未来12个月内再回购不超过10亿美元股份: the money the buyback may spend
        # (计划于2028年回购, 季内累计回购: when it buys is no part of whose it is)
        return _buyer(bought.group("who"), s, member, history) + "股份回购金额"
    contributes = _CONTRIBUTES.match(subject) if member.kind == "percent" else None
    if contributes and history:
        # 跨境电商出口同比增长超三成，对全省出口增长的贡献率约四成: the part whose contribution
        # it is was the figure before's (the owner named with it stays in front)
        told = next((x for _, x in reversed(history) if x), "")
        # (第三产业增加值占全市生产总值的比重为76.2%，对经济增长的贡献率…: the part of a share)
        told = told.split("占")[0]
        part = re.sub(r"(?:额|量)$", "", _RATE_TAIL.sub("", told))
        if len(part) >= 2 and "贡献" not in part:
            return part + subject[contributes.start(1) :]
    per_share = _PAID_PER_SHARE_OF.match(subject) if member.kind == "amount" else None
    named_after = _DIVIDEND_AFTER.match(s, member.end) if per_share else None
    if per_share and named_after:
        # 派发每股ADS 0.48美元的年度股息: per share, then what is paid, named after the sum
        who = re.sub(r"(?:宣布|决定|批准|同时|并|拟|将在|将于|将)+$", "", per_share.group("who"))
        who = re.sub(
            r"(?<=[\u4e00-\u9fa5A-Za-z]{2})(?:宣布|决定|表示|公告)$", "", _buyer(who, s, member, history)
        )
        return who + "每股" + per_share.group("shares") + named_after.group(1)
    payout = _PAYOUT.match(subject)
    if payout:
        return payout.group(1) + payout.group(2)
    dividend = _DIVIDEND_PER_SHARE.match(subject) if member.kind == "amount" else None
    if dividend:
        # (董事会批准2029年度现金股息每股, 派发特别现金股息每股普通股: named per share first)
        # (公司宣布派发季度股息: the company's, as the sentence names it)
        who = re.sub(r"(?:宣布|决定|批准|同时|并|拟|将)+$", "", dividend.group("who"))
        who = _buyer(who, s, member, history)
        return who + "每股" + dividend.group("shares") + dividend.group("what")
    paid = _PAID_OUT.match(subject)
    if paid and member.kind == "amount":
        return paid.group(1) + "现金分红总额"
    # (拉动GDP增长, told with its 增长, is named as written)
    pulls = _PULLS.match(subject) if member.unit == "个百分点" and not subject.endswith("增长") else None
    if pulls:
        # (the part told before, when it is a level: 汽车类零售额增长11.3%，拉动…; a share or a
        # rate, 贡献率为53.5%，拉动GDP增长…, leaves the subject as written)
        told = next((_RATE_TAIL.sub("", x) for _, x in reversed(history) if x), "")
        part = pulls.group(1) or (told if re.search(r"(?:额|量|收入|支出)$", told) else "")
        whole = pulls.group(2).replace("社零", "社会消费品零售总额")
        if part:
            return f"{part}对{whole}增长的拉动"
    return subject


# 油钱加车贷就要去掉…, 房租都得交…: a cost, told as spoken
_SPOKEN_COST = re.compile(
    r"(?:^|[^\u4e00-\u9fa5]|下来|[了过])([\u4e00-\u9fa5]{0,3}?(?:钱|贷|房租|租金|工资|费))(?:[加和与及]([\u4e00-\u9fa5]{0,3}?(?:钱|贷|房租|租金|工资|费)))?"
    r"(?:就|都|也|得|要|去掉|花掉|用掉|扣掉|交|花|掉)*$"
)
_HIRED = re.compile(r"(?:招聘|招|雇|聘)了?$")
_HIRED_MORE = re.compile(r"(.*?)(?:光|单)?([\u4e00-\u9fa5]{2,4}?)(?:就|也|又)?多")
# 占了六成, 占近八成: a share told by its verb, with no whole after it
_SHARE_VERB = re.compile(r"占了\s*(?:约|近|超过|超|逾|将近|接近|差不多)?\s*$")
# a survey and who made it: 艾媒咨询调查显示, 闲鱼与第一财经商业数据中心联合调研发现, 中国连锁经营
# 协会对1200家即时零售商家的调查显示
_SURVEY = re.compile(
    r"^(?P<who>[\u4e00-\u9fa5A-Za-z]{2,12}?)(?:与[^，。；]{2,16}?)?(?:联合)?(?P<word>调查|调研|问卷调查)(?:显示|发现|结果显示)[，,：:]"
    r"|^(?P<by>[\u4e00-\u9fa5A-Za-z]{2,12}?)对(?P<count>[^，。；的]{1,12}?)的(?P<word2>调查|调研)(?:显示|发现)[，,：:]"
)
_RESPONDENTS = re.compile(r"受访[\u4e00-\u9fa5]{0,6}?(?:者|消费者|用户|企业|商家|商户|网民|居民|家庭)")
_TAIWAN_AGENCY = re.compile(r"^(?:金管会|财政部关务署|经济部统计处|主计总处|内政部|交通部观光署)")


def _surveyed(s: str, member: _Found, subject: str | None, survey: re.Match) -> str | None:
    """A survey's figure: the share of respondents named by what they said (计划增加年货消费预算的
    受访者比例, not 受访者比例), the number of those it asked, named by who asked them
    (中国连锁经营协会调查的即时零售商家数量); None when it is neither."""
    who = survey.group("who") or survey.group("by")
    word = survey.group("word") or survey.group("word2")
    if member.kind == "count":
        asked = survey.group("count")
        if asked and member.start >= survey.start("count") and member.end <= survey.end("count"):
            what = re.sub(rf"^.*?{re.escape(member.text)}", "", asked) if member.text in asked else ""
            return f"{who}{word}的{what}数量" if len(what) >= 2 else None
        return None
    if member.unit != "%":
        return None
    clause_end = _CLAUSE_START.search(s, member.end)
    after = s[member.end : clause_end.start() if clause_end else len(s)]
    after = re.sub(r"^(?:左右|以上|上下)", "", after)
    told = re.match(rf"(?:的)?({_RESPONDENTS.pattern})", after)
    if told:
        noun, said = told.group(1), after[told.end() :]
    else:
        # 受访消费者中近七成遇到过…, 超四成曾因…: the respondents told before
        before = list(_RESPONDENTS.finditer(s, 0, member.start))
        if not before:
            return None
        noun, said = before[-1].group(0), re.sub(r"^有", "", after)
    said = re.sub(r"^(?:表示|称|认为)", "", said.strip())
    if len(said) < 2 or _ANY_NUMBER.match(said):
        return None
    # (…的比例 for people, as the house names shares of people; 占比 for firms)
    return f"{said}的{noun}" + ("比例" if re.search(r"(?:者|用户|网民|居民|家庭)$", noun) else "占比")


# who speaks, before a quotation or a 说: 店主王女士说：“…”, 香港速递员陈先生说，…
_SPEAKER = re.compile(
    # (老板话：「…」: 话 is Cantonese for 说; 向记者表示: to the reporter)
    # (跟我们说: the reporter writes as we)
    # (在浙江义乌，跨境电商卖家陈先生告诉记者: where they are, told first; 接受访问时话: as Hong Kong says it)
    r"^(?:在[\u4e00-\u9fa5]{2,8}[，,])?(?P<who>[^，。：；“”]{2,24}?)(?:受访时|接受采访时|接受访问时|向记者|对记者|跟记者|跟我们|对我们|向我们)?"
    r"(?:笑着说|说|表示|告诉记者|对记者说|介绍|坦言|透露|感叹|算了一笔账|算了笔账|算账|喊道|喊|话(?=[：:])|讲(?=[：:]))[：:，,]\s*"
)
# or after the quotation: “以前一天卖个三五百单，……，”社区团长王女士说，“……”
_SPEAKER_AFTER = re.compile(
    # (「…」上环一间酒家老板话。: a Hong Kong quote, its speaker told after it in Cantonese)
    r"[，,。！？]?[”」](?P<who>[^，。：；“”「」]{2,24}?)(?:笑着说|说|表示|坦言|透露|感叹|话)(?:[：:，,。]|$)"
)
_SPEAKER_MID = re.compile(
    r"(?<=[，,；;])(?P<who>[^，。：；“”「」\d]{2,24}?)(?:受访时|接受采访时|接受访问时|向记者|对记者)?"
    r"(?:笑着说|说|表示|坦言|透露|感叹|话)[：:]\s*(?=[“「])"
)
_NAMED = re.compile(
    # (阿杰, 阿强: a first name as the south calls one; 阿里 is a company)
    r"(?P<role>[\u4e00-\u9fa5]*?)(?P<name>[老小][\u4e00-\u9fa5]|阿(?!里)[\u4e00-\u9fa5]|[\u4e00-\u9fa5](?:女士|先生|老板|师傅|小姐|阿姨|大姐|大哥|经理|老师)"
    # 陈生, 李太: Mr and Mrs as Hong Kong says them (after a surname: 医生 and 学生 are no one's name)
    r"|[陈李张黄何林王梁吴刘郑谢郭罗周邓冯曾胡叶苏卢蔡潘杨朱麦](?:生|太)"
    # (阿美姨, 阿福伯, 王姨: an elder named as neighbours name them)
    r"|阿[\u4e00-\u9fa5](?:姨|叔|伯|婶|嫂)|[陈李张黄何林王梁吴刘郑谢郭罗周邓冯曾胡叶苏卢蔡潘杨朱](?:姨|叔|婶))$"
)
_ANONYMOUS_HEAD = re.compile(
    # (东主: a Hong Kong shop's owner, 旺角一间药房东主)
    # (深圳一家跨境卖家负责人: the head of a seller's business)
    r"(?<=店|点|司|业|厂|市|场|社|行|口|宿|构|商|户|房|铺|室|厅|站|仓|台|(?<=卖)家)(?P<head>(?:的)?(?:负责人|老板娘|老板|店主|店长|经理|业者|东主))$"
)
# one who works for a firm and speaks of the outlet or the round they work: 中通快递小哥,
# 顺丰快递员 (told with where they work, 一位在义乌跑件的…, they are someone in particular)
# a shop's assistant, the shop named (铜锣湾药房店员, 化妆品店的店员)
_SHOP_ASSISTANT = re.compile(r"(?<=店|铺|房|档|行)的?(?:店员|营业员)$")
_COURIER_FIRM = re.compile(r"(?:美团|饿了么|顺丰|京东|中通|圆通|申通|韵达|极兔|菜鸟|达达|闪送|邮政|德邦)")
# (杭州一位直播电商运营: one who runs a shop's sales, and speaks of 我们店)
_WORKER = re.compile(
    r"(?:快递小哥|快递员|速递员|派件员|外卖小哥|外卖骑手|骑手|外送员|配送员|送货员|店员|营业员|运营"
    # (台北一名计程车司机, 一名物流士: drivers, who take delivery runs too)
    r"|计程车司机|出租车司机|网约车司机|货车司机|司机|物流士)$"
)
# one who trades, named by their trade (深圳卖家, 山东烟台某苹果种植户: a grower selling online too)
_TRADER_ROLES = r"商家|商户|卖家|摊主|摊商|摊贩|档主|种植户|果农|养殖户|茶农"
# where a speaker said it is no part of who they are: 河南一位驿站老板在短视频里说
_SAID_WHERE = re.compile(
    r"在(?:短视频|视频|直播间?|朋友圈|社交平台|社交媒体|抖音|快手|微博|小红书|微信群|采访)[里中上时]?$"
)
# 一位在北京朝阳区跑件的顺丰快递员: where they work, less what they do there
# (一位在北京朝阳区经营闪电仓的店主: the business they run is named too)
_WORKS_AT = re.compile(
    r"^(?:一位|一名|一个)在(?P<where>[^的]{2,12}?)(?:经营(?P<runs>[^的]{1,6})|(?:跑|送|做|开|卖|干|摆)[^的]{0,5})的"
)


def _speaker(s: str) -> tuple[int, str] | None:
    """Who speaks the figures that follow, and where their words begin: 店主王女士说：“…” →
    王女士; 快递网点负责人说 → 该快递网点; 盒马相关负责人表示 → 盒马. Only a person speaks
    so: a person named (a short role is left out, a longer one is part of the name), or the
    head of a shop or a company, who speaks for it; a bureau, a company, 业内人士 or 一位带货主播
    (no one in particular) are no owners."""
    m = _SPEAKER.match(s)
    if not m and s.startswith(("“", "「")):
        m = _SPEAKER_AFTER.search(s)  # the words quoted before are theirs too (they begin at 0)
    if not m:
        # …约96万人次，尖沙咀一间药房老板话：「…」: one quoted after the sentence's own figures
        m = _SPEAKER_MID.search(s)
    # (商务部电子商务司负责人 and 商务厅负责人 speak for a ministry or a bureau, 茶餐厅老板 for a
    # restaurant; 某车企老板在直播里说 is no one's name)
    told_who = _SAID_WHERE.sub("", m.group("who")) if m else ""
    # 速遞員阿強（化名）話: a name the paper made up is a name all the same
    told_who = re.sub(r"[（(]化名[）)]$", "", told_who)
    # 有速递公司负责人话：「…」: 有 is "a", before the head of a firm who speaks for it
    told_who = re.sub(r"^有(?=[^，。]{2,12}(?:负责人|老板娘|老板|店主|店长|东主)$)", "", told_who)
    # (一位在义乌跑件的中通快递小哥: 在 tells where they work, and they are still someone)
    if not m or re.search(
        r"\d(?![A-Z])|[%％]|^(?:据|听|有)|(?<=.)(?<!一位|一名|一个)在|[部局署委]|(?<!餐)厅", told_who
    ):
        return None
    who = re.sub(r"^[^的]{2,12}(?:这|那)家", "", told_who)  # 楼下这家便利店老板
    # 拼多多旗下跨境平台Temu的一位深圳卖家: the platform they sell on, named short (Temu某深圳卖家)
    who = re.sub(r"^[^，。]{2,10}?旗下(?:跨境|电商|购物)?(?:平台)?(?=[\u4e00-\u9fa5A-Za-z]{2})", "", who)
    who = re.sub(r"^([A-Za-z]{2,10}|[\u4e00-\u9fa5]{2,6}?(?:平台|店铺|网店))的(?=一位|一名|一家)", r"\1", who)
    # 拼多多上一位山东烟台苹果种植户: the platform they sell on (拼多多某…)
    who = re.sub(
        r"^(拼多多|淘宝|天猫|京东|抖音|快手|小红书|闲鱼|亚马逊|速卖通|虾皮)上(?=一位|一名|一家)",
        r"\1",
        who,
    )
    # 在杭州做女装直播的店主: a shopkeeper named by where they sell and what (杭州某女装直播店主)
    who = re.sub(
        r"^(?:一位|一名|一个)?在([\u4e00-\u9fa5]{2,4})做([^的]{2,8})的(店主|卖家|商家)$", r"\1某\2\3", who
    )
    # 一位做家居用品的宁波卖家: a trader in what they deal in, from where (宁波某家居用品卖家)
    who = re.sub(
        r"^(?:一位|一名|一个|一家)?做([^的]{1,6})的([\u4e00-\u9fa5]{2,4})(卖家|商家|老板|店主)$",
        r"\2某\1\3",
        who,
    )
    works = _WORKS_AT.match(who)
    if works:
        # 一位在北京朝阳区跑件的顺丰快递员 → 北京朝阳区顺丰快递员 (该 is added below, as for an outlet)
        who = works.group("where") + (works.group("runs") or "") + who[works.end() :]
    who = re.sub(
        r"^(?:在[^的]{2,16}的)", "", who
    )  # 在杭州跑外卖的骑手老李, 在郑州二七区夜市摆摊卖炒酸奶的王女士
    # 台南卖虱目鱼的摊商阿美姨: what a trader sells is no part of who they are (台南摊商阿美姨)
    who = re.sub(rf"(?<=[\u4e00-\u9fa5]{{2}})卖[^的]{{1,6}}的(?=(?:{_TRADER_ROLES}))", "", who)
    # (铜锣湾一间药房: 间 is how Hong Kong counts shops)
    who = re.sub(r"(?<=[\u4e00-\u9fa5A-Za-z])(?:的)?(?:一位|一名|一家|一个|一间)", "某", who)
    who = re.sub(r"^(?:一位|一名|一家|一个|一间)", "", who)
    spokesman = re.fullmatch(r"(.{2,8}?)(?:的)?相关(?:负责人|人士)", who)
    # 义乌一位做文具的老板: a trader in what they deal in (义乌某文具商家)
    who = re.sub(r"(?<=某)做([^的]{1,6})的(?:老板|店主|老板娘)$", r"\1商家", who)
    # 深圳一家做3C配件的跨境卖家: a trader in what they deal in (深圳某3C配件跨境卖家)
    # (a grower who sells online, 一位做網購的文旦果農, is named as said)
    who = re.sub(r"(?<=某)做([^的]{1,8})的([\u4e00-\u9fa5]{0,4}?(?:卖家|商家))$", r"\1\2", who)
    head = _ANONYMOUS_HEAD.search(who)
    # (a worker is someone in particular only where the sentence tells where: 北京某快递员,
    # 义乌中通快递小哥; 一位快递员 is anyone; 小哥 is no one's name)
    # (一名铜锣湾药房店员: a shop's assistant, the shop named, is someone in particular)
    # (一名美团众包骑手, 一名顺丰速递员: one named by the firm they work for is someone too)
    assistant = _SHOP_ASSISTANT.search(who)
    worker = (
        not head and _WORKER.search(who) and (works or "某" in who or assistant or _COURIER_FIRM.match(who))
    )
    named = not worker and _NAMED.search(who)
    # (一位在拼多多开店的潮汕牛肉丸商家: where they trade tells who they are, as 某 does)
    trader = (
        not head
        and not worker
        and re.search(
            rf"(?:某|^)(?:[\u4e00-\u9fa5A-Za-z]|\d(?=[A-Z])){{2,12}}?(?:{_TRADER_ROLES}|团长|农户|店主)$", who
        )
        # (一位深圳卖家: a trader named by the city they trade from is someone in particular too)
        and ("某" in who or works or re.fullmatch(rf"[\u4e00-\u9fa5]{{2,6}}(?:{_TRADER_ROLES})", who))
    )
    if spokesman:
        who = spokesman.group(1)  # the company's own figures
    elif head:
        who = who[: head.start("head")]  # 快递网点负责人: the shop or the outlet speaks
        who = who if "某" in who else "该" + who
    elif named:
        role = named.group("role")
        # (骑手老周: a worker's nickname keeps the work, else 老周日收入 reads as 周日)
        keeps_role = len(role) >= 3 or (named.group("name")[0] in "老小阿" and _WORKER.search(role))
        who = who if keeps_role else named.group("name")
    elif worker and assistant:
        # 铜锣湾一间化妆品店嘅店员话: a shop's assistant speaks of the shop's customers and takings
        who = who[: assistant.start()]
        who = who if "某" in who else "该" + who
    elif worker or trader:
        if who.endswith("运营"):
            who = who[:-2] + "店铺"  # 杭州一位直播电商运营: the shop they run speaks
        who = who if "某" in who else "该" + who
    else:
        return None  # 一位广西砂糖橘带货主播: no one in particular
    # (杭州某MCN机构: a firm, though its name ends as an agency's does)
    firm = head and re.search(r"(?:MCN|经纪|直播|电商)机构$", who)
    if (
        not 2 <= len(who) <= 16
        or not re.fullmatch(r"(?:[\u4e00-\u9fa5A-Za-z]|\d(?=[A-Z]))+", who)  # (3C配件: a trade's name)
        or (_AGENCY.search(who) and not firm)
    ):
        return None
    return (m.end() if m.re is not _SPEAKER_AFTER else 0), who


# someone unnamed who tells or reckons figures: 有博主算了一笔账：, 有网友晒出…称，
_HEARSAY = re.compile(
    # (有财经博主在短视频中称: a blogger of some kind)
    r"^\s*(?:据)?有(?:[\u4e00-\u9fa5]{1,4}?(?=博主|网友|媒体))?(?:博主|网友|人|业内人士|分析人士|自媒体|媒体)[^，。：:；]{0,10}?"
    r"(?:算了一?笔账|说|表示|透露|称|爆料)[：:，,]"
)
# 我们店, 他一个人, 光这一天: the speaker's own words for whose figures they are
_SPOKEN_OWNER = re.compile(
    # (我哋, 佢哋: we and they, in a Cantonese quote)
    # (双11那天我一个人: the rest of a day its period was cut from)
    # (我间铺: my shop, in a Cantonese quote; 其: theirs, as the writer reports what they said)
    r"^(?:光|就)?(?:这一?天|当天|那一?天|那几天)?(?:(?:我们|咱们|我哋|我一个人|我这(?:家)?(?:小)?店|我间铺|我间店|我|他一个人|她一个人|他们|佢哋|他|她|佢|其(?![中他它余实次])(?:店铺|网店)?在?)的?)?(?:这一?天|当天)?(?:店里|店内)?"
)


# 一天要发两千五百单, 一个月能挣一万二: a day's or a month's, as a speaker counts
_SPOKEN_PER = re.compile(r"(?P<day>一天|每天|一日|每日)|一个月(?:下来)?|每个?月")


def _spoken_of(subject: str | None, who: str, per: str = "") -> str | None:
    """A spoken figure's subject, of whoever speaks it: 我们店订单量 → 王女士店铺订单量; with
    ``per`` (日, 月) the measure is a day's or a month's: 陈女士日发货量."""
    if not subject:
        return subject
    said = subject.lstrip("「“")
    ours = re.match(r"(?:光|就)?(?:我们|咱们|我哋)的?(网点|站点|驿站|门店|店)", said)
    worker = _WORKER.search(who)
    if ours and worker:
        # a courier's 我们网点: the outlet they work at speaks (该义乌中通快递小哥 → 该义乌中通网点)
        who = re.sub(r"快递$", "", who[: worker.start()]) + ours.group(1)
        said = said[ours.end() :]
    told = _SPOKEN_OWNER.sub("", said)
    told = re.sub(r"^(?:下来|先至|先)(?=[\u4e00-\u9fa5]{2})", "", told)  # 一个月下来能挣, 一个月先至赚到
    told = re.sub(r"^(?:可以|能够)(?=[\u4e00-\u9fa5]{2})", "", told)  # 一天可以卖到两百多斤: 销量
    # 一天下来大概三千块: what a day brings in, as spoken
    told = re.sub(r"^下来$", "收入", told)
    # 其店铺在美国站月均销售额: the speaker's own shop, told in the third person (美国站月均销售额)
    told = re.sub(r"^其(?:店铺|网店|门店|店)?在?(?=[\u4e00-\u9fa5A-Za-z]{2})", "", told)
    # (深圳一家跨境卖家负责人称，公司在TikTok Shop美区的月销售额: the speaker's own company)
    if re.search(r"(?:卖家|商家|企业|工厂)$", who):
        told = re.sub(r"^公司(?:在|的)?(?=[\u4e00-\u9fa5A-Za-z]{2})", "", told)
    # 我每日要派成二百件, 一天跑下来四十几单: the count of what a courier or a rider does
    told = re.sub(
        r"^((?:一天|每天|一日|每日)?)(?:要|能|可以|得)?(派|送|跑|接)(?:下来|成|了|咗|得)?量?$",
        lambda m: m.group(1) + {"派": "派件量", "送": "送单量", "跑": "接单量", "接": "接单量"}[m.group(2)],
        told,
    )
    if len(os.path.commonprefix([told, who])) >= 3:
        return subject  # (两三倍 after 十来万单: the subject it takes is already the speaker's)
    if len(who) >= 3 and re.search(r"占" + re.escape(who), told):
        return subject  # 德国占SHEIN欧洲市场GMV的比重: the share of the speaker's whole
    if re.match(r"一晚(?:开|卖|要|销售额)", told):
        told = "每晚房价"  # 民宿老板：「一晚开到五、六千块」, 一晚卖到八百八: a night's room rate
    # (苏州某老字号糕点店 and 我们店: the shop is named once)
    told = re.sub(r"^店(?![铺面员主])", "" if who.endswith(("店", "铺")) else "店铺", told)
    # 我们店线上线下加起来卖了…: the sum is the shop's takings, named as such
    told = re.sub(r"^(?:线上线下|线上和线下)?(?:加起来|加埋|合共|一共|总共)", "", told)
    # 生意比平时多咗三四成: a shop's business, spoken, is its takings (旺角某药房营业额)
    # (a stall-keeper's own 生意, 陈老板, is left as said)
    if not _NAMED.search(who):
        told = re.sub(r"(?<![做谈])生意$", "营业额", told)
    # 该快递网点 and 我们网点一天派件: the place is named once
    said = next((k for k in range(min(len(who), len(told) - 2), 1, -1) if told.startswith(who[-k:])), 0)
    told = told[said:]
    if (_NAMED.search(who) or _WORKER.search(who)) and told.endswith("利润"):
        told = told[:-2] + "收入"  # what a person makes is income, not profit
    if len(told) < 2 or told.startswith(who):
        return subject if len(told) < 2 else told
    # 一单平均得五六百蚊, 平均每单得三四百蚊: what an order comes to is the shop's 客单价
    told = re.sub(r"^(?:平均)?(?:一|每)单(?:平均)?$", "客单价", told)
    # 一件得三蚊: what a courier earns for each parcel
    if per == "" and re.fullmatch(r"(?:一|每)(件|单|票)", told):
        told = "每" + told[1:] + "收入"
    # 每人使得少咗，平均得两三千蚊: what each customer spends (使, Cantonese for 花)
    told = re.sub(
        r"^(?:每人|每个人|每位客人?|人均)(?:净系|净係|净是|只|就)?(?:使|花|消费|买)(?:得|了|咗)?$",
        "人均消费",
        told,
    )
    # 以前一日做五六万: what a shop "does" in a day is its takings
    # (一日淨係做到三四千蚊: only so much, in a Cantonese quote)
    told = re.sub(
        r"^((?:一天|每天|一日|每日|一个月|每个?月)?)(?:净是|只|就|都)?做(?:到)?$",
        lambda m: m.group(1) + "营业额",
        told,
    )
    if per:
        # (我们网点一天派件, 欧洲订单一天: the day is told once, by 日)
        told = _SPOKEN_PER.sub("", told).replace("大概", "")
        if per == "日" and (best := re.match(r"(?:最多|最高|最好)的?", told)):
            told = "单日最高" + told[best.end() :]  # 最多的一天卖了十万多块钱: the best day's takings
        if len(told) >= 2 and not re.match(r"[日月每]|单日|当日", told):
            told = per + told
    return who + told


_MONEY_MEASURE = re.compile(
    # 流水 and 月入 are how a shop's takings and a worker's pay are spoken of
    # (人均消费也就两千五, 人均花费八千五左右, 前后省下两千五左右, 一个月能落袋七八千: spent,
    # saved or kept, as spoken)
    r"(?:营收|收入|利润|净利|销售额|营业额|成交额|交易额|GMV|零售额|总额|金额|货值|亏损|补贴|投入|资金|支出|流水|月入|租金|房租"
    # (月薪大约5万出头, 工资也就六七千: pay)
    r"|月薪|年薪|底薪|工资|薪水|薪资"
    # (最终到手价两千五: what is paid)
    r"|消费|消费额|花费|开销|成本|售价|报价|客单价|省下|省了|落袋|人工|到手价)$"
)
# 交易客户数1.12亿, 抖音月活快10亿: a bare 亿 after people counts people
_PEOPLE = re.compile(
    r"(?:用户|网民|人口|人数|从业人员|会员|粉丝|买家|消费者|客户|[日月]活)(?:数|规模|数量)?$"
)
# (橙子)一斤 (一杯, 一件) 比去年贵了…: one of what is sold, whose price moved
_ONE_ITEM = re.compile(r"(.*?)一([斤件杯瓶盒份箱])")
_PRICE_MOVED = re.compile(r"(?:贵|便宜|涨|降)了?$")
# the spoken verbs of money, and what a report calls the amount
_MONEY_VERB = re.compile(
    r"(?:被|还能|还|只能|能|才|也就|就|共|一共|总共)?(?<!外)(净赚|卖出|卖|罚没|罚|赚|挣|亏|花|烧|砸|拿到手|拿到|拿)[了个]?$"
)
# more earned than before, as spoken: 一天比平时多挣 (the span or the unit it is counted in)
_EARNED_MORE = re.compile(
    r"(?P<per>一天|每天|一日|每日|一个月|每个月|每月|一斤|每斤|一单|每单|一件|每件)?[^，。；：“”「」]{0,10}?多(?:挣|赚|拿)了?小?$"
)
_PER_SPOKEN = {
    "一天": "日",
    "每天": "日",
    "一日": "日",
    "每日": "日",
    "一个月": "月",
    "每个月": "月",
    "每月": "月",
    "一斤": "每斤",
    "每斤": "每斤",
    "一单": "单均",
    "每单": "单均",
    "一件": "每件",
    "每件": "每件",
}
# what is left of a clause that only says more is possible (周末可以到四五千)
_MODAL_LEFT = re.compile(r"(?:某[\u4e00-\u9fa5]{0,10})?(?:可以|能|可|会|还能|最多能?)")
# the money measure a list of firms was ranked by (销售额TOP20品牌)
_SUMMED_MEASURE = re.compile(r"(销售额|成交额|交易额|GMV|营收|收入)")
# a platform's site or a market, named alone after one told with its measure (欧洲站, 日本市场)
_SITE_AFTER = re.compile(r"[\u4e00-\u9fa5]{1,4}(站|市场)")
# what a worker is paid on top, named before the verb that tells it (冲单奖励…多拿两三百)
_BONUS_WORDS = r"奖励|补贴|提成|佣金|奖金"
_BONUS = re.compile(_BONUS_WORDS)
_EARNINGS_NAMED = re.compile(rf"(?:{_BONUS_WORDS}|工资|月薪)$")
_MONEY_VERB_MEASURE = {
    "卖": "销售额",
    "卖出": "销售额",
    "罚没": "罚没金额",
    "罚": "罚款",
    "赚": "利润",
    "挣": "收入",  # 头部主播一个月能挣三五万
    "净赚": "净利润",
    "亏": "亏损",
    "花": "支出",
    "烧": "亏损",
    "砸": "支出",  # 补贴就砸了一百多个亿
    # 一个月下来能拿到一万二左右: what a worker takes home
    "拿到手": "收入",
    "拿到": "收入",
    "拿": "收入",
}


# 出口, 进口额: a part of trade named alone; 我国货物贸易进出口总值, 出口总值: a whole it is of
_TRADE_PART = re.compile(r"^(进出口|出口|进口)额?$")
_TRADE_WHOLE = re.compile(r"^(.*?)(?:进出口|出口|进口)(总值|总额|金额|额|值)?$")


def _trade_part(part: str, whole: str | None) -> str | None:
    """The part of trade a clause names alone, named as the trade told before it: 出口 after
    我国货物贸易进出口总值 is 我国货物贸易出口总值; after 义乌市进出口总额 it is 义乌市出口额
    (总额 sums the parts, each of which is an 额)."""
    # (我国跨境电商进出口额占外贸进出口的比重…；其中出口: the trade whose share was told)
    told = _TRADE_WHOLE.match((whole or "").split("占")[0])
    if not told:
        return None
    # (11月出口金額…；累計1至11月出口…: the 金额 again)
    level = told.group(2) if told.group(2) in ("总值", "值", "金额") else "额"
    return told.group(1) + _TRADE_PART.match(part).group(1) + level


# a level's move told after its comparison (比前年多了近八百亿元, 较年初增加8600亿元)
_LEVEL_MOVED = re.compile(
    r"(多了|增加了?|新增|净增|减少了?|少了|净减)\s*(?:近|约|超过|超|逾|将近|接近|大约)?\s*$"
)
_LEVEL_CHANGED_NAMED = re.compile(r"增加|减少|新增|净增|净减|增量|增长额|变动|变化|多赚|少赚")
# a list of goals: 主要预期目标是：…, 目标为：…
_GOALS = re.compile(r"(?:预期)?目标(?:分别)?(?:是|为)?[：:]")
# a government work report telling its goals without the word: 政府工作报告提出，…
_REPORT_SETS = re.compile(r"政府工作报告(?:中)?(?:提出|明确|确定|要求)[，,：:]")
# a figure told as the goal it is (增长5%左右的预期目标), and who set it (政府工作报告提出)
_GOAL_AFTER = re.compile(r"\s*(?:左右|以上|以内|以下)?的(?:预期|调控|增长|发展)?目标")
_SET_BY = re.compile(r"^[^，,]{0,12}?(?:提出|设定|确定|定下)(?:的)?")
_FALLS_SHORT_OF_SET = re.compile(
    r"(?:低于|高于|超过|不及|接近)[^，,。；]{0,14}?(?:设定|提出|确定|定下)的\s*$"
)
_FORECASTER = re.compile(r"^[^，,]{2,10}?(?:预计|预测)的")


def _as_goal(f: Figure, goal: re.Match) -> Figure:
    """国内生产总值 → 国内生产总值增长预期目标: a figure in a list of goals is aimed at, not achieved."""
    if not f.subject or f.subject.endswith("目标"):
        return f
    grows = f.kind == "change" and not _RATE_TAIL.search(f.subject) and not f.subject.endswith(("率", "涨幅"))
    return replace(
        f, subject=f.subject + ("增长" if grows else "") + ("预期目标" if "预期" in goal.group(0) else "目标")
    )


_DEFINED = re.compile(r"([\u4e00-\u9fa5]{3,12})[（(]([A-Z]{2,6})[）)]")


def _spelled_out(subject: str, defined: list[tuple[str, str]]) -> str:
    """核心CPI → 核心消费者物价指数, where the sentence spelled CPI out (its full name is the
    longest run of words before the bracket that the subject does not already hold)."""
    for full, short in defined:
        if short in subject and full not in subject:
            # (11月消费者物价指数（CPI）: the run of words begins after the month's digits)
            subject = subject.replace(short, _LEFT_OVER.sub("", _SOURCE_HEAD.sub("", full)) or full)
    return subject


def _complete_subject(
    name: str | None,
    member: _Found,
    base: str | None,
    history: list[tuple[int, str | None]],
    s: str,
    previous: str | None = None,
) -> str | None:
    """A subject the clause only hints at, completed from the figures before it, the
    clause before it or the words after it; never empty when any gives one."""
    before = next((x for _, x in reversed(history) if x), None)
    subject = name
    if previous and subject in _SHARE_WORDS:
        # 其次是日用品类，占比约为15%: the share of what the clause before names
        subject = previous if previous.endswith(_SHARE_WORDS) else previous + subject
    elif previous and subject is None and before is None and not _counted(s, member.end):
        subject = previous
    if subject and _ANAPHORA.match(subject):
        subject = before  # 预计2026年这一比例将上升至60%: the share told before
    if subject and _TRADE_PART.match(subject):
        subject = _trade_part(subject, before) or subject
    if subject == "占比" and before:
        # 其中农村实物商品网络零售额2.29万亿元，占比达89.5%: of the whole told before 其中
        whole = _whole_before(s, member.start, history)
        subject = _share(before, whole) if whole and whole != before else before + subject
    elif subject and subject.startswith("占") and before:
        of = subject[1:]
        if of in ("总数", "总量", "全部") and (whole := _whole_before(s, member.start, history)):
            of = whole  # 其中內地旅客約243萬人次，佔總數75%: the total told before 其中
        subject = _share(_RATE_TAIL.sub("", before) or before, of)  # …占网民整体的87.9%
    elif (
        subject
        and "占" in subject[1:]
        and not subject.endswith("占比")
        and "占有率" not in subject
        and not re.search(
            r"应占(?:溢利|利润|亏损|净利|盈利|收益)", subject
        )  # 持有人应占溢利: attributable profit
    ):
        left, _, right = subject.rpartition("占")
        subject = _share(left, right)  # 投诉量占全部网购投诉量的约27%
    elif subject in _RATE_WORDS or (subject is None and member.unit == "个百分点" and base):
        if before and (
            any(w in before for w in (*_SHARE_WORDS, "比例", "率", "占", "份额")) or before.endswith("指数")
        ):
            subject = before  # a share (or an index) up so many points is still that share
        elif before:
            # 增速比…高3.0个百分点; 增幅 is the same growth rate
            rate = (subject or "增速").replace("增幅", "增速")
            subject = _RATE_TAIL.sub("", before) + (
                rate if rate.endswith(("速", "率", "幅")) else rate + "增速"
            )
    elif (
        subject
        and before
        and member.unit == "%"
        and (part := re.fullmatch(r"(.{2,10}?)贡献了?(?:其中)?", subject))
    ):
        # …单场GMV约46亿元，…，美妆品类贡献了其中四成左右: the part's share of what was told
        after = _CONTRIBUTED.match(s, member.end)
        if after:
            # 年轻用户贡献了超过七成订单: the orders they placed, a share of all
            subject = part.group(1) + "贡献的" + after.group(1) + "占比"
        else:
            told_whole = next((x for _, x in reversed(history) if x and "占" not in x), before)
            subject = _share(part.group(1), _RATE_TAIL.sub("", told_whole))
    elif (
        subject
        and before
        and re.fullmatch(r"贡献了?([\u4e00-\u9fa5A-Za-z]{2,10})", subject)
        and member.unit == "%"
    ):
        # 超级VIP活跃用户数同比增长11%，贡献了线上消费的51%
        subject = _COUNT_TAIL.sub("", before) + "贡献的" + subject.lstrip("贡献了") + "占比"
    elif subject in _LEVEL_WORDS and before is None and previous and (verb := _ISSUING_IN.search(previous)):
        # 杭州市在五一前夕发放第二期数字消费券，总额1.5亿元: the total of what was issued
        who = _ISSUED_FROM.sub("", previous[: verb.start()])
        subject = who + previous[verb.end() :] + subject  # (杭州市第二期数字消费券总额)
    elif subject in _LEVEL_WORDS and before and before.endswith("数量"):
        subject = before.removesuffix("数量").removeprefix("的") + subject  # 回购…股数量，总金额约6.5亿美元
    elif subject in _LEVEL_WORDS and before:
        # …年均增速…，到2030年规模; 每股普通股年度现金股息0.45美元，总额约13亿美元: the total
        # of the dividend, not of a share's
        before = re.sub(r"每股(?:普通股|美国存托股份?|ADS|A股|H股)?", "", _RATE_TAIL.sub("", before))
        subject = before.removesuffix(subject) + subject
    elif subject and _COVERING.match(subject):
        # 淘宝村数量达到7780个，覆盖全国28个省: what it covers, counted
        what = re.match(r"([\u4e00-\u9fa5]{1,6}(?:（[^）]*）)?)", s[member.end :])
        if what:
            # 海外仓面积突破300万平方米，覆盖近40个国家: the warehouses cover them, not their area
            owner = re.sub(r"(?:面积|规模)$", "", _COUNT_TAIL.sub("", before)) if before else ""
            subject = owner + _COVERING.match(subject).group(1) + what.group(1) + "数量"
    if subject and before and "类" in subject and "类" in before:
        # …分别增长12.4%和8.7%，金银珠宝类下降6.3%: the next category, of the same measure
        # (商品零售额) and the same scope (限额以上单位) as the categories before it
        told = re.search(r"类别?([\u4e00-\u9fa5]+?)(?:增速|增幅|升幅|降幅|跌幅)?$", before)
        if subject.endswith("类") and told:
            subject += told.group(1)
        scope = _LIST_SCOPE.match(before)
        if scope and not _LIST_SCOPE.match(subject):
            subject = scope.group(0) + subject
    acts_on = False
    if (
        subject
        and member.kind == "count"
        and s[: member.start].rstrip(" 约近超逾").endswith("的")
        and not _MEASURE_END.search(subject)
        and (counted := _counted(s, member.end))
    ):
        subject = subject.removesuffix("的") + counted.group(1)  # 重点监测的78个步行街（商圈）
    elif (
        subject
        and re.search(r"有\s*(?:超过|超|近|约|逾)?\s*$", s[: member.start])
        and _counted(s, member.end)
    ):
        subject = None  # 天猫有589个品牌成交额破亿元: what 天猫 has is counted
    elif (
        subject
        and member.kind == "count"
        and (hired := _HIRES.search(subject))
        and (counted := _counted(s, member.end))
    ):
        subject = hired.group(0) + counted.group(1)  # 高峰期需增派约2000名人手: 增派人手 (its firm's)
    elif (
        subject
        and member.kind == "count"
        and re.search(r"(?:增加|加|多招|多请)了?\s*$", s[: member.start])
        and (counted := _counted(s, member.end))
        and _PEOPLE_NOUN.search(counted.group(1))
    ):
        subject += "增加" + counted.group(1)  # 站点临时增加了5名兼职人员: the extra hands
    elif (
        subject
        and member.kind == "amount"
        and (gets := _GETS.search(subject))
        and (paid := _PAID_AS.match(s, member.end))
    ):
        subject = subject[: gets.start()] + paid.group(1)  # 骑手每天可获15至25元高温补贴: the allowance
    elif (
        member.kind == "count"
        and re.search(r"针对\s*$", s[: member.start])
        and (counted := _counted(s, member.end))
    ):
        subject = counted.group(1)  # 一项针对2000名受访者的调查: those asked
    elif subject and member.kind == "count" and _ACTS_ON.search(subject) and _counted(s, member.end):
        subject, acts_on = None, True  # 从…等方面提出15条措施, 培育100家…机构: the 措施, the 机构
    if member.kind == "count" and "来自" in s and _CAME_FROM.search(s, 0, member.start):
        if origin := _ORIGINS.match(s, member.end):
            subject = origin.group(1) + "数量"  # 来自152个国家和地区的…展商: the places they came from
        elif (counted := _counted(s, member.end)) and s[: member.start].rstrip(" 约近超逾多余").endswith(
            "的"
        ):
            subject = counted.group(1)  # …国家和地区的3718家展商: the exhibitors, from wherever
    if subject is None and member.unit == "人次" and (came := _VISITED.match(s, member.end)):
        subject = came.group(1) + came.group(3) + came.group(2)  # 132万人次内地旅客访港: 内地访港旅客
    if (subject is None or _SCOPE_ONLY.match(subject)) and member.kind != "change":
        # 超六成受访者表示…, 全国已有超过40万家外卖商家接入…: what is counted follows
        after = _counted(s, member.end)
        # 全国已有超过40万家外卖商家…, …，逾600个品牌成交额…, 带动超过100万农户增收: a count
        # opening its clause or after a verb
        counted_after = re.search(
            r"(?:有|带动|吸引|惠及|服务|帮助|培训|^|[，,；;：:])\s*(?:其中)?\s*(?:超过|超|近|约|不到|不足|逾)?\s*$",
            s[: member.start],
        )
        if after and (subject is not None or before is None or counted_after or acts_on):
            noun = after.group(1)
            # 超5.8亿人次用户下单, 超2.1亿用户在京东下单: those who ordered
            acted = re.match(
                r"(?:在[\u4e00-\u9fa5A-Za-z]{1,6})?(下单|购物|购买|参与|观看)", s[after.end(1) :]
            )
            if acted and noun.endswith(("用户", "消费者", "顾客", "买家")):
                noun = acted.group(1) + noun
            if member.unit == "%":
                subject = noun + "比例"  # 七成消费者: the share of consumers
            elif member.unit in _ENTITY_COUNTERS and (which := _COUNTED_SUCH.match(s, after.end(1))):
                # 超3.6万个品牌成交额同比翻番, 78个直播间成交额破亿元: a count of those whose
                # measure did so (成交额同比翻番的品牌), not of every brand
                subject = which.group(1) + "的" + noun
            else:
                subject = noun
    if subject is None or _SCOPE_ONLY.match(subject):
        subject = before
        if before and member.kind in ("amount", "count"):
            # …年均增长超过30%，2024年达到1200亿元; …占GDP的比重约为6%，到2035年有望达到30万亿元
            subject = _RATE_TAIL.sub("", before.split("占")[0]) or before
        elif before and member.unit == "%" and not member.annual:
            subject = (
                re.sub(r"(?<!年均)(?:增速|增幅)$", "", before) or before
            )  # 增速比上月加快…；1—11月增长9.0%
    return subject


def _finish(subject: str | None, member: _Found, unit: str, source: str | None) -> str | None:
    """The name of what is measured, as an editor writes it: 跨境电商进出口额, 海外仓数量,
    从业人员数量, 吸引消费者人次, 网上零售额年均增速; 平台 named after the report's source."""
    if subject:
        subject = subject.strip("、，,；;：: ")
        # 预计其2028年、2029年和2030年经调整净利润: the list of years cut out leaves its 、和 behind
        subject = re.sub(r"(?:、|和|及|与){2,}", "", subject)
        if subject.count("“") != subject.count("”"):
            subject = subject.strip("“”")
        if subject.count("「") != subject.count("」"):
            subject = subject.strip("「」")
        # 啲 (some), 嗰 (that): the particles of a Cantonese quote are no part of a measure's
        # name (咗 and 嘅 are read as 了 and 的 before: _CANTONESE_READ)
        subject = _CANTONESE_PARTICLES.sub("", subject)
        subject = _TRAILING_PARTICLES.sub("", subject)
        subject = _LEADING_LINKS.sub("", subject)
        subject = _LIST_MARKER.sub("", subject)
        subject = re.sub(r"(?<=[A-Za-z])\s+(?=[\u4e00-\u9fa5])", "", subject)  # HKTVmall 总订单量
        if member.kind == "amount":
            # 每人平均淨係使五六百蚊: 使 is "spend" in a Cantonese quote; 一張單平均一千幾蚊: per
            # order; 平時一晚淨係得六七百蚊: a night's takings, "only" so much (一晚八百八 is a
            # room's price)
            subject = re.sub(r"(?<=平均|人均)(?:净[是系]|只是)?使$", "消费", subject)
            subject = re.sub(r"一张单(?:平均)?$", "每单平均消费", subject)
            subject = re.sub(r"(?<=[\u4e00-\u9fa5]{2})成交$", "成交额", subject)  # 日均成交五百八十多亿元
            subject = re.sub(
                r"(?:(?<=[\u4e00-\u9fa5]{2})|^)一(晚|日|天)(?:净[是系]?|只是)得?$", r"每\1收入", subject
            )
        # 淨係, "only", as a Cantonese quote says it before the amount (read 净系 or 净是)
        subject = re.sub(r"(?<=[\u4e00-\u9fa5]{2})净[是系]$", "", subject)
        # 收入有成千五蚊: 有 (and Cantonese 成, "a full") before the amount is no part of its name
        subject = re.sub(r"(?<=[\u4e00-\u9fa5]{2})(?<![拥持所占享具没])有成?$", "", subject)
        subject = re.sub(
            r"(?:(?<=[\u4e00-\u9fa5A-Za-z]{2})|^)董事会并?(?:批准|宣布|决议|建议|通过)?", "", subject
        )  # 京东集团董事会批准派发…
        # 主播“阿朵”: a host's name, quoted only to set it apart
        subject = re.sub(r"(主播|博主|达人|网红)[“「]([^”」]{1,8})[”」]", r"\1\2", subject)
        # 重点监测的78个步行街（商圈）客流量: the count of the streets is a figure of its own
        subject = re.sub(r"的\d{1,5}\s*(?:个|家|座|条|所)(?![月年天])(?=[\u4e00-\u9fa5])", "", subject)
    if not subject or len(_WORD_CHAR.findall(subject)) < 2:
        return None
    if subject.endswith("月入"):
        subject = subject[:-1] + "收入"  # 月入过万: spoken for 月收入
    # 高温津贴标准为每人每月300元, 运价升至每40英尺集装箱4200美元: what each one is paid or
    # priced, named as a table heads it (户外作业人员每人每月高温津贴标准)
    if per := _PER_AFTER_VERB.fullmatch(subject):
        measured = _PRICED_NOUN.search(per.group(1))
        subject = (
            per.group(1)[: measured.start()] + per.group(2) + measured.group(0)
            if measured
            else per.group(1) + per.group(2)
        )
    # 实物商品在网络零售额中的占比, …中所占比重: the share as 实物商品占网络零售额的比重
    inside = _SHARE_INSIDE.fullmatch(subject)
    if inside:
        subject = _share(inside.group(1), inside.group(2))
    if source and _PROCESSED.match(subject):
        subject = source + subject  # 据网联平台数据，…处理网络支付交易…: the platform processed them
    elif source and re.match(r"^(?:该)?平台(?!上)", subject):
        subject = source + re.sub(r"^(?:该)?平台", "", subject)  # 美团闪购数据显示，…平台3C数码品类销售额
    elif source and re.match(r"^平台上(?![线市涨调升])", subject):
        subject = source + "平台" + subject[3:]  # 抖音电商数据显示，…平台上农特产品销量
    elif source and "该平台" in subject:
        subject = re.sub(r"在?该平台(?:上)?", source, subject)  # 据乐天市场数据，中国卖家在该平台销售额
    if member.annual and "年均" not in subject and not subject.endswith(("增速", "增长率", "增幅")):
        return subject + "年均增速"
    goods = _GOODS_TRADED.match(subject) if "口" in subject else None
    if goods and not _MEASURE_END.search(goods.group(3)):
        subject = goods.group(1) + goods.group(3) + goods.group(2)  # 我国出口机电产品: 我国机电产品出口
    if _TRADE_END.search(subject):
        # trade in money is 出口额; in vehicles, tonnes or parcels 出口量
        counted = member.kind == "count" and unit not in ("", "元")
        return subject + ("量" if counted else "额")
    if "发送" in subject:
        subject = _SENT.sub(r"\1发送量", subject)  # 全国铁路发送旅客9.6亿人次: 旅客发送量
    if unit == "人次":
        return subject if re.search(r"(?:人次|人数|客流|量)$", subject) else subject + "人次"
    if unit == "架次":
        return subject if re.search(r"(?:架次|量)$", subject) else subject + "架次"  # 保障航班574架次
    if unit == "辆次":
        # 出入境车辆5.6万辆次: the vehicles, counted in crossings (车辆 is name enough)
        return subject if re.search(r"(?:辆次|量|车辆|车)$", subject) else subject + "辆次"
    if _MEMBERS_END.search(subject) and unit in ("人", "户"):
        return subject + "数"  # 5G移动电话用户达11.84亿户: 用户数, whatever the counter
    if unit == "人" and not _MEASURE_END.search(subject):
        if subject.startswith("参与"):
            return subject + "人数"  # 共有42.6万人参与抢券: 参与抢券人数
        if re.search(r"(?:就业|工作|创业|务工)$", subject):
            return subject + "人数"
        if _PEOPLE_NOUN.search(subject):
            return subject + "数量"
    if unit in ("分钟", "小时", "秒", "天") and (gone := _SOLD_OUT.fullmatch(subject)):
        return gone.group(1) + "用时"  # 上线仅17分钟即被抢光: how long they lasted
    if subject.endswith("核销") and len(subject) > 2:
        # 数字消费券已核销1620万元, 汽车消费券共核销1.2万张: the worth redeemed, or how many
        return subject + ("金额" if member.kind == "amount" else "量")
    if _MADE_OR_SOLD.search(subject):
        return subject + "量"  # 新能源汽车产销分别完成…: 新能源汽车产量, 新能源汽车销量
    if subject.endswith("销售") and member.kind == "count":
        return subject[:-2] + "销量"  # 带动家电产品销售超6300万台: 家电产品销量
    if subject.endswith("销售") and member.kind == "amount":
        return subject + "额"  # 带动新车销售超4800亿元: 新车销售额
    if unit in _ENTITY_COUNTERS and member.kind == "count" and not _MEASURE_END.search(subject):
        return subject + "数量"
    if unit == "场" and re.search(r"(?:开播|直播|举办|举行|开展)$", subject):
        return re.sub(r"(?:共|累计)?(开播|直播|举办|举行|开展)$", r"\1场次", subject)  # 共开播9场: 开播场次
    if unit == "列" and not _MEASURE_END.search(subject):
        return subject + "列数"  # 中欧班列累计开行约6300列: 中欧班列开行列数
    if unit in ("班", "班次") and not _MEASURE_END.search(subject):
        return subject + ("量" if subject.endswith("航班") else "班次")  # 日均保障航班量
    return subject


_PER_AFTER_VERB = re.compile(
    r"([\u4e00-\u9fa5A-Za-z]{2,}?)(?:为|升至|降至|涨至|提高至|提高到|上调至|下调至|达到?|约为?|在)"
    r"((?:每\s*[\u4e00-\u9fa5\dA-Za-z]{1,8}?)+)"
)
# the price or pay at the end of a heading, before which the per-unit goes
_PRICED_NOUN = re.compile(
    r"(?:高温)?(?:津贴|补贴|运价|运费|价格|售价|票价|房价|租金|工资|薪资|费用|收费)(?:标准|报价)?$"
)
_SOLD_OUT = re.compile(r"(?:即|就|便)?(?:被)?(?:一)?(抢光|售罄|抢空|卖光|售空|领完|抢完|卖完)(?:了)?")
_PROCESSED = re.compile(r"(?:处理|受理)(?=[\u4e00-\u9fa5]{2})")
# the steps of _finish, compiled once (it runs for every figure)
_CANTONESE_PARTICLES = re.compile(r"[啲嗰]")


# (人均消费仲系比前年少咗一成: 仲系, Cantonese for 还是, is no part of the measure)
# a cross-border marketplace a sentence opens with, as teller or as where its sale is held
_MARKETPLACE_OPENS = re.compile(r"^(?:据)?(亚马逊|Temu|TikTok Shop|速卖通|SHEIN|eBay|Shopee|虾皮|Lazada)")
# sellers on a marketplace, named without it: 中国卖家, 全球独立第三方卖家
_SELLERS_ON = re.compile(r"(?:中国|全球|独立|第三方|跨境|头部)*卖家")


def _table_heading(f: Figure, s: str) -> str:
    """The figure's subject as the table heads it, in sentence ``s``: reworded (_reworded),
    the sellers of the marketplace the sentence opens with, a growth of a share's part, a
    growth named with how it is counted (_growth_basis)."""
    subject = _reworded(f.subject or "")
    if (market := _MARKETPLACE_OPENS.match(s)) and _SELLERS_ON.match(subject):
        subject = market.group(1) + subject  # 亚马逊全球开店数据显示，…中国卖家复工率达92%
    if f.unit != "%" or f.kind != "change":
        return subject
    if f.base and "占" in subject:
        # …占零售业比重9.2%，年增率達11.8%: a growth after a share is the part's, not the share's
        # (a share grows in 个百分点)
        subject = subject.split("占", 1)[0]
    at = s.find(f.text)
    return _growth_basis(subject, s, at, at + len(f.text), f.base) if at >= 0 else subject


def _reworded(subject: str) -> str:
    """A subject as a table heads it, once its owner is named: the price of one of a thing
    (桃花一枝賣兩三百蚊, 一束玫瑰賣緊四五百蚊: 桃花单价), an estimate of the firm named
    before (富邦媒…，法人預估其今年每股盈餘: 法人预估富邦媒每股盈余)."""
    if sold_at := _ONE_SOLD_AT.fullmatch(subject):
        who = sold_at.group("who") if sold_at.group("who") is not None else sold_at.group("who2")
        return who + (sold_at.group("thing") or "") + (sold_at.group("after2") or "") + "单价"
    if estimated := _ESTIMATED_OF_IT.fullmatch(subject):
        return (
            estimated.group("by")
            + estimated.group("verb")
            + estimated.group("owner")
            + estimated.group("rest")
        )
    return subject


# one of a thing and the verb it sells by: 桃花一枝销售额 (卖, read as 销售额), 一束玫瑰卖紧 (Cantonese)
_ONE_SOLD_AT = re.compile(
    r"(?P<who>.*?)(?P<thing>[\u4e00-\u9fa5]{2,6}?)一(?:枝|支|束|杯|盒)(?P<after>)(?:卖紧|卖)?销售额"
    r"|(?P<who2>.*?)(?P<thing2>)一(?:枝|支|束|杯|盒)(?P<after2>[\u4e00-\u9fa5]{2,6}?)(?:卖紧|卖)(?:销售额)?"
)
# an estimate of the firm named before: 富邦媒法人预估其每股盈余
_ESTIMATED_OF_IT = re.compile(
    r"(?P<owner>[\u4e00-\u9fa5A-Za-z]{2,10}?)(?P<by>法人|分析师|机构|券商|市场)(?P<verb>预估|预计|估计|预测)其(?P<rest>.+)"
)
# (客单价大多在…, 拍卖价一公斤才60到80元: how much or how often, spoken before the amount)
_TRAILING_PARTICLES = re.compile(
    r"(?:的|在|和|与|及|为|是|介乎|介于|才能在|才能|仲系|仲係|大多|大都|大概|基本上?|(?<![人刚方])才)+$"
)
# a clause's link words, and a speaker's plan, before what is measured: 可是拍卖价…, 打算把日本站销售额…
_LEADING_LINKS = re.compile(
    r"^(?:可是|但是|不过(?!夜)|只是|而且|并且|(?:打算|准备|计划|想)把"
    # 相当于日均成交…: what the figure amounts to; 将在2034年3月底前回购…: the plan's time, cut out
    r"|相当于|将(?:在|于)?(?:前|后))(?=[\u4e00-\u9fa5A-Za-z]{2})"
)
# a self-media post's list markers before what is measured: 1️⃣ GDP超68万亿, ① 社零…, ▶ 网上零售额…
_LIST_MARKER = re.compile(r"^(?:\d\ufe0f?\u20e3|[\u2460-\u2473\u2776-\u277f]|[•·▶►▪◆●★☆✅👉📌🔹🔸]|\s)+")
_WORD_CHAR = re.compile(r"[\u4e00-\u9fa5A-Za-z0-9]")
_SHARE_INSIDE = re.compile(r"(.+?)在(.+?)中(?:所占)?的?(?:占比|比重|份额)")
_TRADE_END = re.compile(r"(?:进出口|出口|进口)$")
_MEMBERS_END = re.compile(r"(?:用户|会员|粉丝)$")
# (核销, 报销, 促销: no making or selling; 核销 is read below)
_MADE_OR_SOLD = re.compile(r"(?<=[\u4e00-\u9fa5]{2})(?<![核报撤注促营推经])[产销]$")
_SENT = re.compile(r"发送(旅客|货物)量?$")
# trade told verb first, as customs reports do: 我国出口机电产品6.32万亿元
_GOODS_TRADED = re.compile(
    r"^((?:全国|我国|中国)?)(出口|进口)(?!额|总|值|量|增|规模|退税|国|地|市场|企业)([\u4e00-\u9fa5A-Za-z]{2,10})$"
)


def _share(numerator: str, rest: str) -> str:
    """X占Y的比重 (或比例, for people): 网络购物用户占网民整体的比例."""
    m = re.match(r"^(.*?)(?:的)?(比重|比例|份额)", rest) or re.match(r"^(.*?)(?:的)?()$", rest)
    assert m is not None
    whole = re.sub(r"^(?:同期|全部|我国)+", "", m.group(1)).removesuffix("的")
    numerator = _without_verb_tail(numerator) or numerator
    if numerator.endswith("人次") and whole.endswith("人次"):
        numerator, whole = numerator[:-2], whole[:-2]  # 内地旅客占访港旅客的比重
    people = bool(_PEOPLE.search(numerator) or re.search(r"网民|人口|用户|居民", whole))
    word = m.group(2) or ("比例" if people else "比重")
    if word == "比例":
        numerator = re.sub(r"(?<=用户|网民)(?:规模|数量|数)$", "", numerator)
    return f"{numerator}占{whole}的{word}"


# what money is issued as, told after its amount: 2亿元汽车、家电消费券, 3000亿元超长期特别国债资金
_ISSUED = re.compile(
    r"([\u4e00-\u9fa5、“”]{0,14}?(?:消费券|优惠券|代金券|购物券|红包|补贴资金|补贴|专项资金|资金|专项债))"
    # (该市发放的2000万元数字消费券已核销…: what is done with them next follows)
    r"(?=[，。；,;（(]|$|已|共|累计|全部)"
)
_ISSUING = re.compile(r"(?P<verb>发放|派发|投放|发行|下达|拨付|投入)了?$")
_ISSUING_IN = re.compile(r"(?<=[\u4e00-\u9fa5]{2})(?P<verb>发放|派发|投放|发行)了?(?=[\u4e00-\u9fa5“]{2,})")
# when it is issued from, no part of who issues it: 5月1日起, 即日起
_ISSUED_FROM = re.compile(
    r"(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日\s*(?:起|开始)?|(?:即日|今日|今天|明日|明天)起|近日|日前"
    r"|在[^，。在]{1,8}?(?:前夕|期间|之际|前后)|(?:将|拟|再|已|累计|共|起)$"
)
_EXPECTED = re.compile(
    r"(?:高于|低于|好于|优于|不及|超出|超过|逊于)\s*((?:市场|分析师)?(?:一致)?(?:预期|预测|预估))的\s*(?:约|近|超过|超|逾)?\s*$"
)
_AT_PACE = re.compile(r"以\s*(年均|平均)?\s*$")
_PACE_AFTER = re.compile(r"\s*(?:以上|左右)?\s*的?\s*(?:速度|增速|速率)")
_COMPARED_VALUE = re.compile(
    # 较上年同期的249.8亿元增长17%; 与去年同期的455亿元相比增长2%
    r"(?P<base>(?:比|较|与|跟)\s*(?P<when>[^，。；：、比较与跟的]{1,10}))的\s*(?:约|近|超过|超|逾|不足|不到)?\s*"
)
_FROM_PERIOD = re.compile(
    r"(?:从|由)\s*([^，。；：、的从由]{1,8}?(?:年|月|月份|季度|同期))的\s*(?:约|近|超过|超|逾|不足|不到)?\s*$"
)
_AGAINST = re.compile(r"(?:与|跟)([^，。；与跟]{1,12}?)(?:相比|比较)[，,]")
# what one gets, paid as an allowance or a bonus told after the sum: 每天可获15至25元高温补贴
_GETS = re.compile(r"(?:可获得?|可领取?|获得|领取|能拿到?|拿到)$")
_PAID_AS = re.compile(r"([\u4e00-\u9fa5]{0,4}(?:补贴|奖励|津贴|红包|补助|奖金|提成))")
_HIRES = re.compile(r"(?:增派|加派|招聘|招募|雇用|增聘)(?=了?$)")
_ACTS_ON = re.compile(
    r"(?:提出|印发|发布|推出|出台|公布|包括|涉及|新增|上线|联合|评选出|认定|曝光了?|约谈了?|查处了?|处罚了?|下架了?"
    r"|开设了?|建成了?|培育|设立|新建|打造|引进|等|和|及|与"
    # 一项针对2000名受访者的调查: those asked are counted
    r"|针对"
    # 共接获2.3万宗投诉: the complaints received are counted
    r"|接获|接到|收到"
    # 高峰期需增派约2000名人手: the hands taken on
    r"|增派|加派|招聘了?|招募了?|雇用了?|派出"
    # 移民管理机构共保障1320万人次中外人员出入境: who crossed is counted, not the guards
    r"|保障|查验)$"
)
_FRAME = re.compile(r"(?:在)?([^，。；]{2,20}?)(?:中|里|之中)")
_YEAR_ON_YEAR = re.compile(r"同比|按年|年增|年减|比上年|较上年|比去年|较去年")
# a group framed before a clause, and what some of them did: 在受访的1200家企业中，近六成表示…
_AMONG = re.compile(r"(?:^|[，,；;：:])\s*(?:在)?([^，。；,;]{2,30}?)(?:中|之中)[，,]\s*$")
_DID = re.compile(
    r"\s*(?:左右|以上)?(?:的)?((?:实现|表示|认为|计划|出现|选择|愿意|已经?|曾经?|遭遇|获得|保持|取得|预计|希望|打算)"
    r"[^，。；,;]{1,16})"
)
_GROUP_HEAD = re.compile(r"(?:企业|商家|商户|门店|店铺|卖家|用户|消费者|受访者|网民|居民|家庭|农户)$")
_PEOPLE_HEADS = frozenset({"用户", "消费者", "受访者", "网民", "居民", "家庭"})
_COUNT_IN_GROUP = re.compile(
    r"(?:超过|超|近|约|逾)?(?:[\d,.]+|[一二两三四五六七八九十百千万]+)(?:万|亿)?(?:余|多)?(?:家|个|名|位|户|人)"
)
# a frame of firms, whose kinds a clause's figures are of (重点监测零售企业中，便利店…)
_FIRMS_FRAME = re.compile(r"(?:企业|单位)$")
# the measure a frame's whole is counted in, and the categories counted in it
_FRAME_MEASURE = re.compile(r"(网上零售额|网络零售额|零售额|销售额|成交额|交易额|出口额|进口额)$")
_CATEGORY_NAME = re.compile(r"(?:类|商品|品类|类目|产品)$")
# …入境旅客约323万人次，日均逾10.7万人次: a day's share, hedged
# (平均每日約20萬人次: a day's average, as Hong Kong papers write it)
_DAILY_WORDS = ("日均", "平均每日", "平均每天", "每日平均", "每天平均")
_DAILY_HEDGED = re.compile(
    r"(?:日均|平均每日|平均每天|每日平均|每天平均)(?:约|近|超过|超|逾|达到|达|为|约为)?"
)
_DAILY = re.compile(r"日均([\u4e00-\u9fa5]{2})(?:量|人次)?")
# the verb of what a day's share is of: 揽收 of 邮政快递业揽收包裹量
_DAILY_VERB = re.compile(
    r"(?<=[\u4e00-\u9fa5]{2})(?:累计)?(?P<verb>揽收|处理|发送|接待|投递|派送|保障|运输|受理)"
)


def _daily_of(s: str, position: int, periods: list, verb: str) -> str | None:
    """The clause before the figure at ``position``, with 日均 before its ``verb``:
    全国铁路累计发送旅客 → 全国铁路日均发送旅客量; None when it has no such verb."""
    told = _strip_subject(s[_clause_start(s, position) : position], None, periods)
    told = _without_verb_tail(_LEFT_OVER.sub("", _ASIDE.sub("", told))).strip()
    if verb not in told:
        return None
    # (累计揽收快递包裹…，日均揽收…: a day's share is no running total)
    # (HKTVmall总订单量…，日均订单…: the total's 总 goes, and its 量 is not said twice)
    daily = re.sub(f"(?:累计|总)?{verb}", "日均" + verb, told, count=1)
    return daily if daily.endswith(("量", "人次", "数")) else daily + "量"


_ACTING_WORDS = ("完成", "实现")
_ACTING = re.compile(r"(?:完成|实现)(?![率的])")


def _opening_agent(opening: tuple[str, str]) -> str | None:
    """Who the first figure of a sentence is of: ``opening`` is the sentence and the text
    of that figure."""
    sentence, first = opening
    return _agent(_CLAUSE_START.split(sentence[: sentence.find(first)])[-1])


def _agent(clause: str) -> str | None:
    """Who a clause's figure is of, told before its verb or its period: 全国港口 of
    全国港口完成集装箱吞吐量, 圆通速递 of 圆通速递8月快递产品收入; None for an agency."""
    clause = _SOURCE_HEAD.sub("", clause.strip())
    opening = _PERIOD.match(clause)  # 端午节假期北京市累计接待游客
    if opening:
        clause = clause[opening.end() :]
    ends = [m.start() for m in (_ACTING.search(clause), _PERIOD.search(clause)) if m]
    agent = clause[: min(ends)] if ends else ""
    if (
        not 2 <= len(agent) <= 8
        or _AGENCY.search(agent)
        or not re.fullmatch(r"[\u4e00-\u9fa5A-Za-z]+", agent)
    ):
        return None
    return agent


_RANKED = re.compile(r"(?:最高|最大|最多|最低|最少|最快|居首|居前|领先|位居第一|排名第一|排在首位)$")


# how a release breaks its figures down, in a clause of its own: 分季度看, 分城乡看, 按经营单位所在地分
_BREAKDOWN_FRAME = re.compile(
    r"(?:分|按)[\u4e00-\u9fa5]{1,10}?(?:来看|看|分)|从[\u4e00-\u9fa5]{1,6}?上?(?:来看|看)"
)


def _previous_subject(clause: str, periods: list, kind: str, unit: str) -> str | None:
    """What a clause without figures names, for the figure of the clause after it."""
    if re.search(
        r"(?:显示|表示|介绍|调查|统计|预测|认为|指出|称|测算|监测|获悉|了解到?|公布|发布|披露|宣布)$", clause
    ) or _BREAKDOWN_FRAME.fullmatch(clause.strip()):
        return None
    clause = re.sub(r"^(?:其次是|其次为|其次|然后是|再次是)", "", _RANKED.sub("", clause.strip()))
    return _subject(clause, None, periods, kind, unit)


def _whole_before(
    s: str, position: int, history: list[tuple[int, str | None]], scoped: bool = False, per_head: bool = False
) -> str | None:
    """The subject told before a 其中 that comes before ``position``, without its scope (or
    with it, ``scoped``); an average per head too, for a part that is one (``per_head``)."""
    at = s.rfind("其中", 0, position)
    if at < 0:
        return None
    # (a part is of a total, not of a day's average: …入境旅客约72.5万人次，日均约14.5万人次，其中…)
    whole = next(
        (
            x
            for start, x in reversed(history)
            if x
            and start < at
            and not (
                scoped
                and _AVERAGED.search(x)
                and not (per_head and "人均" in x)
                # (…重点零售和餐饮企业日均销售额…，其中金银珠宝类销售额: the firms still hold)
                and not _FIRMS_HEAD.match(re.sub(r"^(?:全国|我国)", "", x))
            )
            # (…销售额同比增长5.3%，增速较6月份回落0.6个百分点，其中家电…: a rate is no whole)
            and not (
                _RATE_TAIL.search(x) and any(y and y.startswith(_RATE_TAIL.sub("", x)) for _, y in history)
            )
        ),
        None,
    )
    if whole and not scoped:
        whole = re.sub(r"^(?:全国|我国|全球|全市|全省)", "", whole)
    elif whole and _AVERAGED.search(whole) and not per_head:
        whole = _AVERAGED.sub("", whole)  # (the firms' categories, named without the day's average)
    return whole


_AVERAGED = re.compile(r"[日人单户件票店笔]均")
_SHARE_OF_PART = re.compile(r"占了?\s*(?:约|近|超过|超|逾|将近|接近|差不多)?\s*$")
_COMPANY_END = re.compile(r"(?:集团|公司|控股|股份)$")
# the firms that open a subject: 重点商贸企业 of 重点商贸企业家电类商品销售额
_FIRMS_HEAD = re.compile(
    r"^[\u4e00-\u9fa5A-Za-z0-9]{2,10}?(?:企业|平台|机构|商超|商户|门店)(?=[\u4e00-\u9fa5]{2})"
)
# those that come from somewhere, counted where they arrive: 内地旅客 of 澳门入境旅客人次
_ARRIVING = re.compile(r"^(?:内地|大陆|境外|外国|海外|港澳台|国际|入境)(?:旅客|游客)")
# the measures a whole and its parts are counted in (the longest first)
_PART_MEASURE = re.compile(
    r"(?:网络零售额|网上零售额|零售额|销售额|营业额|成交额|交易额|交易金额|进出口额|进出口|出口额|进口额|营业收入|收入|营收"
    r"|GMV|订单量|业务量|包裹量|预订量|销量|旅客人次|游客人次|人次|客流量)$"
)
_PER_HEAD_OF = re.compile(r"(.{2,12}?(?:居民|城镇居民|农村居民|家庭|游客|旅客|用户))人均")
# words that end a whole's scope but are no part of a part's: 极兔速递全球包裹量, 携程集团净营业收入
_WHOLE_ONLY = re.compile(r"(?<=[\u4e00-\u9fa5A-Za-z]{2})(?:全球|国内|境内|海外|累计|合计|总|净)$")
# those a share of a whole is told for: people, or what the whole counts them in; or a volume
# (not a price, nor a sum of money some of whose earners are counted)
_PEOPLE_WHOLE = re.compile(r"(?:人次|人数|旅客|游客|用户数|用户规模|用户|会员数|会员|量|总额|规模)$")


# a store format or a trade, one of a list whose measure was named with the one before
_SIBLING_ITEM = re.compile(
    r"(?:百货店|便利店|超市|专业店|专卖店|品牌专卖店|仓储会员店|折扣店|购物中心|百货|(?<=[\u4e00-\u9fa5]{2})业)$"
)
_SIBLING_MEASURED = re.compile(
    _SIBLING_ITEM.pattern[:-1] + r"(?P<measure>销售额|零售额|营业额|收入|营收|客流量|利润|增加值)$"
)
_CATEGORY_END = re.compile(r"(?:类目|品类|类)$")
# a region of the country's four, named alone after the one before was named with its measure
_REGION_ALONE = re.compile(r"(?:东部|中部|西部|东北)(?:地区)?")
# a category of goods, and what is measured of it: 吃类商品 | 网上零售额
# (抖音渠道GMV…，天猫渠道同比增长18%: a channel is a category of sales too)
_CATEGORY_ITEM = re.compile(r"([\u4e00-\u9fa5]{1,8}?(?:类商品|类产品|类目|品类|类别|类|渠道))(.*)")


# (not one of a list, 京东物流、顺丰控股和中通快递, nor a business of the group's, 京东物流)
_PLATFORM_OPENS = re.compile(
    r"(?:淘宝天猫|淘天|京东|天猫|淘宝|拼多多|抖音电商|快手电商|美团|饿了么|唯品会|苏宁易购|小红书|得物|盒马)"
    r"(?!平台|物流|集团|控股|健康|科技|[\u4e00-\u9fa5A-Za-z]{0,4}[、和与及])"
)
_CONTRIBUTED = re.compile(
    r"\s*(?:的)?((?:[\u4e00-\u9fa5A-Za-z]{0,4})(?:订单|销售额|成交额|GMV|收入|营收|销量|利润|净利润|交易额))"
)
_GOODS_MEASURE = re.compile(r"(?:成交额|销售额|零售额|交易额|销量)$")


def _part_of(part: str, whole: str | None) -> str:
    """A 其中 item named with the scope of the whole it is part of: 数码产品销售额 of
    全国重点监测电商平台累计销售额 → 全国重点监测电商平台数码产品销售额; 内地旅客人次 of
    澳门入境旅客人次 → 澳门入境内地旅客人次; 重点餐饮企业销售额, firms of their own, take only the
    whole's place (全国重点餐饮企业销售额); 内地旅客占比 → 内地旅客占访港旅客的比重."""
    if not whole or "占" in whole or _RATE_TAIL.search(whole):
        return part
    counted_in = _GOODS_MEASURE.search(whole)
    if (
        counted_in
        and not _MEASURE_END.search(part)
        and not part.endswith(("占比", "类", "渠道", "市场"))
        and not _CATEGORY_END.search(part)
        and len(part) <= 6
    ):
        # 京东年货类商品成交额…，其中坚果炒货、滋补品和酒水分别增长…: each good's 成交额, on
        # the platform the whole is of
        platform = _PLATFORM_OPENS.match(whole)
        return (platform.group(0) if platform else "") + part + counted_in.group(0)
    if part.endswith("占比") and len(part) > 2 and "占" not in part[:-2]:
        # (a share of people, or of a measure both name: 泛货架场域GMV of 快手电商GMV; 苹果机型成交
        # of an average price is none)
        told = _PART_MEASURE.search(part[:-2]) or _LIST_MEASURE.search(part[:-2])
        # (直播电商销售额占比 of 全网交易额: money of money, whichever word each counts it in)
        if told and (
            whole.endswith(told.group(0)) or (told.group(0).endswith("额") and whole.endswith("额"))
        ):
            return _share(part[:-2], whole)
        if not told and (_CATEGORY_END.search(part[:-2]) or re.search(r"(?:购买|下单)$", part[:-2])):
            return _share(part[:-2], whole)  # 美妆个护品类占比约27%: the category's share of the whole told
        if not told and not _MEASURE_END.search(part[:-2]) and _PEOPLE_WHOLE.search(whole):
            return _share(part[:-2], re.sub(r"(?<=[\u4e00-\u9fa5]{2})(?:人次|人数)$", "", whole))
        return part
    if part in ("城市", "农村", "城镇", "乡村") and whole.startswith("全国") and len(whole) > 4:
        return part + whole[2:]  # 全国居民消费价格…；其中，城市上涨0.5%: 城市居民消费价格
    per_head = _PER_HEAD_OF.match(whole)
    if per_head and part.startswith("人均") and not _OWNED.search(part):
        # 全国居民人均消费支出…，其中人均服务性消费支出: the same residents' (全国居民人均服务性消费支出)
        return per_head.group(1) + part
    # 汽车以旧换新补贴申请量…，其中报废更新42.7万份: a kind of trade-in, counted as the whole is
    # (汽车报废更新补贴申请量)
    traded_in = re.fullmatch(r"(.*?)以旧换新(.+)", whole)
    if traded_in and re.fullmatch(r"[\u4e00-\u9fa5]{2}更新", part):
        return traded_in.group(1) + part + traded_in.group(2)
    issued = re.match(r"(.+?(券|红包))总额$", whole)
    if issued and part.endswith(issued.group(2)):
        return issued.group(1) + "中" + part + "金额"  # 其中文旅券5000万元: of the vouchers issued
    measure, counted = _PART_MEASURE.search(part), _PART_MEASURE.search(whole)
    if counted and not measure and _CATEGORY_END.search(part) and counted.start() >= 2:
        # 中国卖家在亚马逊美国站的销售额…，其中家居园艺类目增幅超过40%: the category's share of
        # the same measure, of the same sellers
        return whole[: counted.start()].removesuffix("的") + part + counted.group(0)
    if (
        not measure
        or not counted
        or measure.start() == 0
        or not (measure.group(0).endswith(counted.group(0)) or counted.group(0).endswith(measure.group(0)))
    ):
        return part  # (销售额 and 零售额: no measure both are counted in)
    # (京东集团营业收入 and 京东零售收入: the whole's own measure is no part of its scope)
    head = _WHOLE_ONLY.sub("", whole[: counted.start()])
    own = part[: measure.start()]
    place = _LEAD_PLACE.match(head)
    rest = head[place.end() :] if place else head
    core = re.sub(r"(?<=[\u4e00-\u9fa5A-Za-z]{2})(?:集团|控股|股份|公司|平台)$", "", head)
    if len(head) < 2 or core in part:
        return part  # (京东零售分部收入 of 京东集团净收入: the part names the company itself)
    if _PLACE_SCOPE.fullmatch(head):
        # 全国网上零售额 → 全国实物商品网上零售额 (农村实物商品网络零售额 names its own)
        return part if _OWNED.search(part) else place.group(0) + part
    if (
        own
        and rest
        and (rest in own or rest[-1] == own[-1] or (own[-2:] in rest and not _COMPANY_END.search(rest)))
    ):
        # 限额以上单位餐饮 of 全国餐饮, 快递 of 邮政行业寄递, 重点餐饮企业 of 全国重点零售和餐饮企业,
        # 外国人出入境 of 边检机关保障出入境人员: the part names its own kind, in the whole's place
        # (国际零售商业 of 阿里国际数字商业集团: a company's name holds words of its parts)
        return place.group(0) + part if place and not _LEAD_PLACE.match(part) else part
    if _OWNED.search(own) and not _ARRIVING.match(part):
        # 民营企业 of 四川省外贸: firms, or a place, of its own (a visitor's origin is none: 内地旅客)
        return place.group(0) + part if place and not _LEAD_PLACE.match(own) else part
    return head + part


# who speaks for others' figures, not its own: 国家统计局, 商务部, 艾媒咨询, 第三方机构
# (唯品会: a company whose name ends as a council's does)
_AGENCY = re.compile(r"(?:部|局|署|委|院|(?<!唯品)会|中心|研究|机构|咨询|统计|监测|调查|报告|数据)$")


# the sale a teller's figures are named after, between its name and its telling: 京东618数据显示,
# 抖音电商发布的双11数据显示
# (天猫双11收官数据显示: the sale's closing tally)
_SALE_NAMED = (
    # (京东618开门红4小时战报显示: the sale's opening hours too)
    r"(?:[“「]?(?:618|双\s*(?:11|12|十一|十二)|七夕|年货节|开学季|情人节|女王节|黑五)[”」]?(?:收官|开门红(?:\d{1,2}\s*小时|首日)?)?)?"
)
_QUOTED_COMPANY = re.compile(
    # (闲鱼方面披露: 方面 is no part of the name; 富邦媒（momo）公布: nor its English name;
    # 转转集团发布报告称: a report it published speaks for it)
    # (即时零售平台快送到家数据显示: the kind of business before the name is no part of it)
    r"^(?:[\u4e00-\u9fa5]{2,6}(?:平台|品牌|超市|公司))?"
    # (美团闪购发布年终报告显示, 某汽车电商平台年报显示: 发布 and the report are no part of it)
    # (抖音电商618数据显示: the sale is no part of its name)
    # (国产美妆品牌“花西里”表示: a brand's name in quotation marks)
    r"(?!发布|年报)[“「]?([\u4e00-\u9fa5A-Za-z0-9]{2,8}?)[”」]?"
    rf"{_SALE_NAMED}"
    rf"(?:（[^）]{{1,12}}）|\([^)]{{1,12}}\))?(?:方面)?(?:发布的|的)?{_SALE_NAMED}"
    # (SHEIN相关人士透露: one who speaks for it, unnamed)
    r"(?:相关人士|相关负责人)?(?:数据显示|财报显示|发布数据|披露|公布|公告|介绍|表示|透露"
    r"|(?:发布的?)?(?:年度|季度|月度|年终|全年)?(?:报告|年报)(?:称|显示))[，,：:]"
    # 据网联平台数据，…: the data of a platform, quoted
    # (据日本乐天市场数据: a marketplace's, whose 该平台 the sentence says next)
    r"|^据([\u4e00-\u9fa5A-Za-z0-9]{2,8}?(?:平台|(?<!国内)(?<!全国)(?<!海外)市场))的?数据[，,：:]"
)


_REPORT_SPAN = re.compile(r"(?:年度|季度|月度|年终|全年)$")


# 抖音电商日前发布的数据显示: when it told them is not part of its name
_WHEN_AFTER_NAME = re.compile(
    # (财政部近日下达: and what it then did)
    r"(?<=[\u4e00-\u9fa5A-Za-z]{2})(?:日前|近日|今日|今天|昨日|昨天|近期|此前|早前|当天|当日|同日|同时)"
    r"(?:下达|发布|公布|宣布|印发|出台|推出|披露)?$"
)


def _opening_company(s: str, source: str | None) -> str | None:
    """The company whose period opens a sentence (抖音电商年货节首周，…), when it is the source."""
    if not source or _PERIOD.match(s) or not s.startswith(source) or _QUOTED_COMPANY.match(s):
        return None  # (截至3月末，…: a period opens it, and no company)
    return source


def _source(s: str) -> str | None:
    """A company a sentence quotes (美团闪购数据显示, 小红书披露), which its 平台 means."""
    m = _QUOTED_COMPANY.match(s)
    name = m and (m.group(1) or m.group(2))
    if name:
        name = _REPORT_SPAN.sub("", name) or name  # 拼多多年度报告显示: 拼多多's report of the year
    else:
        # 抖音电商年货节首周，平台客单价…: the company whose period opens the sentence
        name = next(
            (
                s[:n]
                for n in range(2, 9)
                if (p := _PERIOD.match(s, n)) and s[p.end() : p.end() + 1] in ("，", ",")
            ),
            None,
        )
        if name and (not re.fullmatch(r"[\u4e00-\u9fa5A-Za-z0-9]+", name) or _PERIOD.match(name)):
            name = None
    if name:
        name = _WHEN_AFTER_NAME.sub("", name)
        # 莎莎国际公布截至…第三季度，…: the company, not its telling
        name = re.sub(r"(?<=[\u4e00-\u9fa5A-Za-z]{2})(?:公布|发布|披露|宣布|公告)$", "", name)
    if not name or _AGENCY.search(name):
        return None
    return name


# ---- whose figures a sentence gives: its owner ----------------------------------------
# A subject an editor can read alone names whose measure it is (台湾电子支付交易金额, not
# 交易金额). The owner is who the sentence's figures belong to: the company, platform, brand,
# place or body that tells them of itself (X表示, X数据显示, X公布), the place whose agency
# counts them (澳门统计暨普查局 → 澳门), or who the first figure is of (广东省社会消费品零售总额…，
# 其中汽车类零售额…: 广东省's). A subject that names no owner of its own takes it.

# the day told before a teller: 5月20日，京东发布数据显示
_TOLD_DAY = r"\d{1,2}\s*月\s*\d{1,2}\s*日\s*[，,]\s*"
# the span a report covers, no part of its teller's name: 比亚迪2026年度利润分配预案显示
_REPORT_SPAN_TOLD = (
    r"(?:\d{4}\s*年度?|\d{1,2}\s*月份?|第?[一二三四]季度|上半年|下半年|前三季度|全年|年度|季度|中期"
    # (莎莎国际公布截至2030年6月30日止第一季度营运数据: the quarter, told by its closing day)
    r"|截至\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*止?\s*的?)"
)
# what a company publishes its own figures in
_REPORTS = r"财报|业绩预告|业绩快报|业绩|经营简报|经营数据|营运数据|运营数据|分红预案|利润分配预案|半年报|中报|年报|季报|公告|战报"
# who tells the figures, at the head of the sentence: 美团数据显示, 据携程预测, 香港特区政府统计处公布
# (when it told them comes between the name and its telling: 顺丰控股5月18日晚间公告, 拼多多5月
# 下旬发布的财报显示)
_TELLER = re.compile(
    # (京东618数据显示: the sale its figures are of, between the name and its telling)
    # (国产美妆品牌“花西里”表示: a name in quotation marks)
    rf"^(?:{_TOLD_DAY})?(?:据|根据)?(?P<who>(?:[^，。：；“”「」、\d]|[“「][^，。：“”「」]{{1,8}}[”」]){{2,20}}?){_SALE_NAMED}"
    rf"(?:{_TOLD_WHEN})?(?:方面)?(?:发布的|的)?{_SALE_NAMED}"
    rf"(?:公告|公布|发布)?(?:的)?{_REPORT_SPAN_TOLD}{{0,2}}"
    rf"(?:(?:年度|季度|月度|年终)报告|中期业绩|报告|资料|数据|统计数据|监测数据|大数据监测|{_REPORTS})?"
    # (据政府统计处数字，: the figures the body counted, told as its own)
    r"(?:显示|指出|表示|公布|称|披露|宣布|预计|预测|测算|统计|通报|公告|介绍|透露|发布数据|发布|发现|(?<=[处局])数字(?:显示)?|(?<=[局委厅部])消息|"
    # (據經濟部統計處，: a statistics office named alone tells its own figures; 据美团数据，: data)
    r"(?<=统计处)|(?<=统计局)|(?<=主计总处)|(?<=据[^，,]{2}数据)|(?<=据[^，,]{3}数据)|(?<=据[^，,]{4}数据)|"
    r"(?:发布的?)?报告(?:称|显示)"
    # (携程发布的暑期出境游报告显示: the report named for what it covers; 据抖音电商发布的数据，)
    r"|(?<=发布的)[\u4e00-\u9fa5]{2,8}?报告(?:称|显示)|(?<=发布的数据))[，,：:]"
    # 京东集团5月13日发布财报，…, 顺丰控股发布4月经营简报，…: the report it published ends the telling
    rf"|^(?:{_TOLD_DAY})?(?P<issuer>[^，。：；“”、\d]{{2,20}}?)(?:{_TOLD_WHEN})?(?:公布|发布|披露)了?{_REPORT_SPAN_TOLD}{{0,2}}"
    rf"(?:{_REPORTS})[，,：:]"
    r"|^(?P<head>[^，。：；“”、\d]{2,12})[：:](?=[^“”]*\d)"
    # 京东发布开学季消费数据，…: the data it published, named for what they cover
    # (天猫公布双11预售战报: the sale named with its digits)
    rf"|^(?:{_TOLD_DAY})?(?P<publisher>[^，。：；“”、\d]{{2,12}}?)(?:{_TOLD_WHEN})?(?:发布|公布)了?[\u4e00-\u9fa5\dA-Za-z.]{{0,10}}?(?:数据|战报)(?:显示)?[，,：:]"
)
# who tells figures of others, not its own: research firms, brokers, associations, the press
_NOT_OWNER = re.compile(
    r"咨询|研究|分析|智库|证券|券商|研报|机构|报告|协会|联合会|联会|联席会|商会|媒体(?!集团|公司)|专家|业内|人士|第三方|多家|^[一二两三四五六七八九十\d]+家|"
    r"数据中心|信息中心|指数|贝恩|麦肯锡|德勤|普华永道|毕马威|安永|Canalys|IDC|Counterpoint|CNNIC|QuestMobile|网经社|电诉宝|尼尔森|易观|艾媒|星图|"
    # (飞瓜数据统计: the data firms that count a platform's sales)
    r"飞瓜|蝉妈妈|蝉魔方|久谦|魔镜|青木|灰豚|新抖|欧睿|艾瑞|凯度|沙利文|"
    r"^(?:有关|相关|据|调查|统计|测算|监测|记者)"
    # 据跨境电商平台统计: a platform, no one in particular (据京东平台统计 names one)
    r"|^(?:跨境电商|电商|跨境|购物|第三方|主流|头部|各大|部分|多个)平台$"
)
# an agency: it counts for the place it serves
_AGENCY_TAIL = re.compile(
    r"(?:统计局|统计处|统计暨普查局|统计部门|关务部门|关务署|海关|商务局|商务厅|商务委|旅游局|旅游发展局|旅游厅|文旅局|"
    r"文旅厅|文化和旅游厅|文化和旅游局|邮政管理局|发展和改革委员会|发改委|政府|人民政府|特区政府|工信厅|交通运输厅|"
    r"农业农村厅|财政厅|财政部|经济部|金管会|主计总处|内政部|观光署|央行|人民银行|商务委员会|部|局|厅|署|处|办|委|(?<!公)司)$"
)
# a body that tells its own work: 香港消费者委员会接获的投诉, 某省消费者权益保护委员会受理的投诉
_BODY_TAIL = re.compile(r"(?:(?<!商务)(?<!改革)委员会|消委会|消保委|消协)$")
_PLACE_HEAD = re.compile(
    r"^(?:香港|澳门|台湾|内地|大陆|(?:北京|上海|天津|重庆)市?|[\u4e00-\u9fa5]{2,3}?(?:省|自治区)"
    r"|[\u4e00-\u9fa5]{1,3}?(?<![超城门股上夜集街闹菜早都黑])市(?![场值民])|[\u4e00-\u9fa5]{1,3}?县)"
    r"(?:特区政府|特别行政区政府|特区|政府)?"
)
# the nation's agencies: their figures, where the subject names no place, are the country's
_NATIONAL = re.compile(
    r"^(?:国家[\u4e00-\u9fa5]{2,10}|海关总署|海关|商务部|工信部|工业和信息化部|(?:中国)?人民银行|央行|文化和旅游部|"
    r"文旅部|交通运输部|农业农村部|财政部|市场监管总局|国务院[\u4e00-\u9fa5]{0,8}|国铁集团|中国国家铁路集团|民航局|中国民航局)$"
)
_TAIWAN_NATIONAL = re.compile(
    r"^(?:金管会|经济部[\u4e00-\u9fa5]{0,4}|财政部[\u4e00-\u9fa5]{0,4}|主计总处|内政部|交通部[\u4e00-\u9fa5]{0,4}|关务署|台湾[\u4e00-\u9fa5]{2,8})$"
)
# what a company is before its name: 连锁便利店品牌邻里购, 二手交易平台闲转网, 港股上市公司华晋控股
_KIND_BEFORE_NAME = re.compile(
    r"^(?:(?:港股|A股|美股)?上市公司|[\u4e00-\u9fa5]{2,6}(?:平台|品牌)|区域连锁超市|连锁超市|连锁便利店|头部主播|主播)"
    r"(?=[\u4e00-\u9fa5A-Za-z“]{2})"
)
_FORM_AFTER_NAME = re.compile(r"(?<=[\u4e00-\u9fa5A-Za-z]{2})(?:股份有限公司|有限公司|公司)$")
# a subject that names an owner already: a place, an unnamed or anaphoric one (某平台, 该公司,
# 其), a kind of firm or body (电商平台, 支付机构, 银行), a region
_OWNED = re.compile(
    r"全国|我国|中国|全球|国内|国外|境内|境外|海外|内地|大陆|香港|港股|访港|全港|澳门|访澳|台湾|全台|来台|访台|全省|全市|全县|全区|"
    # (核心本地商业, 本地生活服务: a company's line of business, not a place)
    r"本地(?!商业|生活|服务)|本市|本省|各地|城镇|农村|乡村|东部|中部|西部|东北|华东|华南|华北|华中|西南|西北|地区|欧盟|东盟|美国|日本|"
    r"^(?:该|其|某|公司|集团|本)|某|"
    r"[\u4e00-\u9fa5]{2,3}?(?:省|自治区)|(?:北京|上海|天津|重庆)|[\u4e00-\u9fa5]{2}(?<![超城门股上夜集街闹菜早都黑])市(?![场值民])"
    r"|[\u4e00-\u9fa5]{1,3}县|"
    r"(?<=[\u4e00-\u9fa5A-Za-z0-9]{2})(?:平台|企业|机构|公司|集团|商超|景区|港口|机场)|"
    r"银行|铁路|民航|邮政|^[A-Za-z][A-Za-z0-9]+"
)


def _clean_name(who: str) -> str:
    """连锁便利店品牌邻里购 → 邻里购, 台湾高铁公司 → 台湾高铁, 头部主播“小鹿” → 主播小鹿."""
    who = who.strip()
    kind = _KIND_BEFORE_NAME.match(who)
    if kind and "主播" in kind.group(0):
        who = "主播" + who[kind.end() :]
    elif kind and kind.group(0).endswith("平台"):
        who = who[kind.end() :] + "平台"  # 二手交易平台闲转网: 闲转网平台, as its figures are named
    elif kind:
        who = who[kind.end() :]
    who = re.sub(r"[（(][^）)]*[）)]|[“”\"「」]", "", who)
    return _FORM_AFTER_NAME.sub("", who)


def _teller_owner(who: str, s: str) -> str | None:
    """The owner of the figures a teller tells: the teller itself (a company, a platform, a
    body telling its own work), the place of an agency, 全国 for a national one."""
    who = who.strip()
    period = _PERIOD.search(who)
    if period and period.start() >= 2:
        who = who[: period.start()]  # 中通快递三季度财报显示: 中通快递
    who = re.sub(r"(?:年度|全年)$", "", who)
    who = _WHEN_AFTER_NAME.sub("", who)
    # HKTVmall母公司香港科技探索公布: the business the report is known by, not its parent
    # (香港電商平台HKTVmall母公司公布: the platform, named with what it is)
    who = re.sub(
        r"^(?:[\u4e00-\u9fa5]{2,8}?平台)?([A-Za-z][A-Za-z0-9]{1,11}|[\u4e00-\u9fa5]{2,6})母公司.*$",
        r"\1",
        who,
    )
    # 港交所上市的京东物流公布: where its shares are listed is no part of its name
    who = re.sub(r"^(?:在)?(?:港交所|联交所|香港|港股|美股|纳斯达克|纽交所|A股|科创板|创业板)上市的", "", who)
    who = re.sub(r"(?<=[\u4e00-\u9fa5]{2})(?:初步|最新)$", "", who)  # 澳门旅游局初步统计: 澳门旅游局
    who = re.sub(r"(?<=[\u4e00-\u9fa5A-Za-z]{2})董事会$", "", who)  # 唯品会董事会宣布: the company's
    who = re.sub(r"(?<=[\u4e00-\u9fa5A-Za-z]{2})" + _ROLE_END.pattern, "", who)  # 盒马CEO表示: 盒马
    # 希音（SHEIN）相关负责人介绍, 商务厅有关负责人表示: one who speaks for it, unnamed (and its
    # English name)
    who = re.sub(r"(?<=[\u4e00-\u9fa5A-Za-z）)]{2})(?:的)?(?:相关|有关)(?:人士)?$", "", who)
    who = re.sub(r"(?<=[\u4e00-\u9fa5]{2})(?:（[A-Za-z][^）]{0,15}）|\([A-Za-z][^)]{0,15}\))$", "", who)
    who = re.sub(r"(?<=[\u4e00-\u9fa5A-Za-z]{2})(?:则|也|亦|还)$", "", who)  # 天猫则表示: 天猫
    if who == "商务":
        return None  # 商务大数据监测显示: the ministry's monitoring, the country's figures
    if len(who) < 2 or re.search(r"[、和与及]", who) or _NOT_OWNER.search(who):
        return None
    if _BODY_TAIL.search(who):
        return who
    place = _PLACE_HEAD.match(who)
    if _AGENCY_TAIL.search(who) or _NATIONAL.match(who) or (place and place.end() == len(who)):
        if place:
            return re.sub(r"(?:特区政府|特别行政区政府|特区|政府)$", "", place.group(0))
        if _TAIWAN_NATIONAL.match(who) and re.search(r"台湾|全台|新台币", s):
            return "台湾"
        if re.match(r"^(?:经济部统计处|金管会|主计总处|关务署|交通部观光署|观光署)", who):
            return "台湾"
        if re.search(r"政府统计处$", who) and re.search(r"香港|港元", s):
            return "香港"
        if re.fullmatch(r"(?:香港)?入境(?:事务)?处", who):
            return "香港"  # 入境處數字顯示: Hong Kong's immigration counts Hong Kong's crossings
        # (a national agency's figures are the country's, but the house names most of them
        # without 全国 — 社会消费品零售总额, 银行业金融机构网上支付业务金额 — so none is added)
        return None
    # (Uber Eats台灣表示, TikTok Shop表示: a name of two Latin words keeps its space)
    if not re.fullmatch(r"(?:[\u4e00-\u9fa5A-Za-z0-9“”（）()]|(?<=[A-Za-z]) (?=[A-Za-z]))+", who):
        return None
    name = _clean_name(who)
    return name if 2 <= len(name) <= 12 and not _NOT_A_NAME.search(name.removesuffix("平台")) else None


# who a sentence's first figure is of, told before its period (区域连锁超市鲜丰汇四季度以来…,
# 北京市重点监测商超12月1日至20日销售额…) or a place opening its subject (广东省社会消费品零售总额)
_LEAD_PLACE = re.compile(
    r"^(?:全国|我国|国内|全省|全市|全县|香港(?!电视|电讯|科技|航空|铁路|地铁|交易所|置地|宽频|中华|快运)|澳门|台湾|全台|内地|大陆|(?:北京|上海|天津|重庆)市?"
    r"|[\u4e00-\u9fa5]{2,3}?(?:省|自治区)|[\u4e00-\u9fa5]{1,3}?(?<![超城门股上夜集街闹菜早都黑])市(?![场值民]))"
)
# a place, with the kind of area it counts (全国农村): the owner's to name, as a place alone is
_PLACE_SCOPE = re.compile(_LEAD_PLACE.pattern + r"(?:农村|城镇|乡村|城市|县域)?$")
# words no name of an owner holds: a verb, a comparison, a measure, a report
_NOT_A_NAME = re.compile(
    # (比亚迪, 比特币, 比利时: names, not a comparison)
    r"[、和与及的较我跟]|比(?!亚迪|特币|利时)|^(?:平台|该|其|公司|集团|本|我|他|她|这|那|全|上调|下调|维持|调整|给予|预期)|预计|预测|听说|据|公告|公布|发布|披露|"
    r"业绩|财报|报告|数据|调查|统计|累计|合计|共计|调研|股价|价格|增长|同比|环比|销售|销量|交易|成交|收入|营收|利润|数量|规模|总额|业务|"
    r"订单|金额|额$|量$|率$|数$"
)
_TELLER_MID = re.compile(
    r"[，,](?P<who>[^，。：；“”、\d]{2,12}?)(?:数据|统计数据|监测数据|大数据)(?:显示|表示|披露|指出)[，,：:]"
)
_ONE_FIRM = re.compile(
    r"(?P<place>[\u4e00-\u9fa5]{2,3})?一家(?P<firm>[\u4e00-\u9fa5A-Za-z0-9]{2,10}?(?:服务商|企业|公司|平台|业者|商家|电商|品牌))"
    r"(?=透露|表示|指出|称|介绍|数据显示)"
)
_UNNAMED = re.compile(
    r"^某[\u4e00-\u9fa5A-Za-z]{1,10}?(?:平台|企业|品牌|公司|集团|超市|超商|门店|机构|券商|媒体集团)"
)


def _lead_owner(s: str, first: int) -> str | None:
    clause = s[_clause_start(s, first) : first]
    clause = _SOURCE_HEAD.sub("", clause.strip())
    for _ in range(3):
        opening = _PERIOD.match(clause)
        if not opening or opening.end() == 0:
            break
        clause = clause[opening.end() :].lstrip("，, 的")
    clause = re.sub(r"^(?:在|今年|其中)", "", clause)
    unnamed = _UNNAMED.match(clause)
    if unnamed:
        return unnamed.group(0)
    period = _PERIOD.search(clause)
    if period and 2 <= period.start() <= 14:
        who = re.sub(r"(?<=.{2})在$", "", clause[: period.start()])  # 某头部主播直播间在“818”大促当晚
        who = re.sub(r"[（(][^）)]*[）)]", "", who)  # 香港电视（HKTVmall）上半年: the name without its alias
        who = _WHEN_AFTER_NAME.sub("", who)  # 财政部近日下达2032年…: who, not when they acted
        quoted = re.match(r"[“「]([^”」]{1,8})[”」]", clause[period.start() :])
        if quoted and re.search(r"(?:主播|博主|达人|网红|品牌|店铺)$", who):
            who += quoted.group(1)  # 主播“阿朵”双11期间: the host named, not a period of hers
        if re.fullmatch(r"[\u4e00-\u9fa5A-Za-z0-9“”]+", who) and not _NOT_A_NAME.search(who):
            return _clean_name(who)
    platform = _PLATFORM_OPENS.match(clause)
    if platform and len(clause) > platform.end() + 2:
        return platform.group(0)  # 淘宝天猫学生用品成交额…: the platform the figures are of
    place = _LEAD_PLACE.match(clause)
    # (台湾站订单量: a platform's Taiwan site is the platform's, not Taiwan's)
    if place and len(clause) > place.end() + 1 and clause[place.end()] != "站":
        return place.group(0)
    return None


# 在江西信丰县，2月前三周脐橙电商发货量…: the place a sentence opens in is where its figures are
_OPENS_IN = re.compile(
    r"^在((?:[\u4e00-\u9fa5]{2,3}(?:省|自治区))?[\u4e00-\u9fa5]{2,4}?(?:省|市|县|区|镇|乡|村))[，,]"
)


def _sentence_owner(s: str, first: int) -> str | None:
    """Whose the sentence's figures are (None where it names several, or only a teller of
    others' figures, as a research firm)."""
    lead = _lead_owner(s, first)
    # 携程数据显示，元旦假期国内酒店预订量…: the platform's bookings at home (全国 and a named
    # place stay the scope: 商务部…全国累计建设…)
    if lead in ("国内", "境内") and (told := _told_by(s)) and not _LEAD_PLACE.match(told):
        return told
    if lead:
        return lead
    opens_in = _OPENS_IN.match(s)
    if opens_in:
        return opens_in.group(1)
    # 随着中秋临近，月饼预售进入高峰，天猫数据显示，…: a teller after the scene is set
    told_later = _TELLER_MID.search(s, 0, first)
    if told_later and not _TELLER.match(s):
        who = _teller_owner(told_later.group("who"), s)
        if who:
            return who
    # 一家跨境物流服务商透露, 台湾一家直播电商业者指出: a firm unnamed that tells its own figures
    one_firm = _ONE_FIRM.match(s.lstrip())
    if one_firm and one_firm.end() < first:
        return "该" + (one_firm.group("place") or "") + one_firm.group("firm")
    # 某国产美妆品牌在快手的年货节直播中，单场成交额…: the firm the sentence opens with, unnamed
    unnamed = _UNNAMED.match(s.lstrip())
    if unnamed and unnamed.end() < first and not _NOT_OWNER.search(unnamed.group(0)):
        return unnamed.group(0)
    return _told_by(s)


def _told_by(s: str) -> str | None:
    """The owner of the figures the teller heading ``s`` tells, if any (_teller_owner)."""
    told = _TELLER.match(s)
    if not told:
        return None
    return _teller_owner(
        told.group("who") or told.group("issuer") or told.group("head") or told.group("publisher"), s
    )


def _owned(subject: str, owner: str) -> bool:
    """Whether a subject names an owner of its own (the sentence's, or any place or firm)."""
    core = re.sub(r"^(?:中国|全国)(?=[\u4e00-\u9fa5]{2})|(?:集团|控股|股份|平台)$", "", owner)
    core = re.sub(r"(?<=[\u4e00-\u9fa5A-Za-z]{2})旗下.+$", "", core)  # 拼多多旗下Temu: 拼多多's
    # 对美国出口额, 台湾站订单量: a place the trade goes to, or a platform's site, is no owner
    # (台湾财政部's exports to the US, 虾皮购物's Taiwan site)
    subject = _NOT_OWNING_PLACE.sub("", subject)
    subject = re.sub(r"[“”「」]", "", subject)  # (主播“阿朵”共开播 names 主播阿朵)
    # (快手电商…，快手平均日活跃用户数: the platform named as it is)
    platform = _PLATFORM_OPENS.match(owner)
    return bool(
        core in subject
        or _OWNED.search(subject)
        or (platform and subject.startswith(platform.group(0)[:2]))
        # (…，抖音电商则在3%—4%之间: another platform names itself; not 天猫渠道, a brand's channel)
        or (_PLATFORM_OPENS.match(subject) and not re.search(r"渠道|旗舰店|店铺|直播间", subject))
    )


# a listed company's line of business, told after its name: 美团核心本地商业, 阿里巴巴云智能
_LINE_OF_BUSINESS = re.compile(
    r"(?<=[\u4e00-\u9fa5A-Za-z]{2})(?:核心本地商业|本地商业|新业务|云智能集团|云智能|国际数字商业|淘天集团|零售业务|物流业务)$"
)
_NOT_OWNING_PLACE = re.compile(
    r"(?:对|向|赴|往|销往|发往|寄往|运往|来自|自|由|从)(?:(?:中国大陆|中国|美国|日本|欧盟|东盟|香港|澳门|台湾|内地|大陆|海外|境外)(?:及|和|与|、)?)+"
    r"|(?:对|向|赴|往|销往|发往|来自)[\u4e00-\u9fa5]{2}(?=出口|进口)"
    r"|(?:美国|日本|香港|澳门|台湾|海外|全球)(?=站)"
    # (海外仓: a kind of warehouse, not a place)
    r"|(?:海外|境外)(?=仓)"
)


def _of_owner(subject: str, owner: str) -> str:
    """The subject named with its owner: 零售业销售额 → 澳门零售业销售额."""
    if owner.endswith("平台") and subject.startswith("平台"):
        subject = subject[2:]
    # (将股份回购计划规模提高至15亿美元: the plan's size, not a verb's)
    subject = re.sub(r"^将(?=[\u4e00-\u9fa5]{2,10}(?:规模|上限|额度|总额|计划)$)", "", subject)
    subject = re.sub(r"^在(?![线职校售])(?=[\u4e00-\u9fa5]{2})", "", subject)  # (在线: a word)
    # 华泰证券预计的 + 经调整EBITA, of 阿里巴巴: the broker heads the whole subject, owner and
    # measure (华泰证券预计的阿里巴巴经调整EBITA)
    given_by = re.fullmatch(
        r"(?P<by>[\u4e00-\u9fa5A-Za-z]{2,8}?(?:证券|券商|投顾))给予(?P<what>(?:美股|港股|A股|H股)?[原新]?目标价)",
        subject,
    )
    if given_by:
        # 华泰证券研报预计，快手…，给予目标价78港元 (named so by _brokered): the broker's price for
        # the company, not a forecast
        return given_by.group("by") + "给予" + owner + given_by.group("what")
    head = _BROKER_HEAD.match(subject)
    if head:
        return head.group(0) + _of_owner(subject[head.end() :], owner)
    # 义乌市 and 义乌快递业务量, 海南省 and 海南离岛免税购物金额: the subject names the place
    # already, as the sentence does (not 义乌市义乌快递业务量)
    place = re.fullmatch(r"([\u4e00-\u9fa5]{2,})[省市县区]", owner)
    if place and subject.startswith(place.group(1)):
        return subject
    return owner + subject


def _clause_start(s: str, position: int) -> int:
    best = 0
    for m in _CLAUSE_START.finditer(s, 0, position):
        best = m.end()
    return best


_CAUSE_CLAUSE = re.compile(r"受[^，,；;。]{2,20}?(?:带动|影响|拉动|推动|提振|刺激)[，,]")


def _periods(s: str) -> list[tuple[int, int, str]]:
    """Periods of the sentence, without the comparison bases (比上年, 较一季度, 是2019年的)."""
    return list(_periods_of(s))


@lru_cache(maxsize=2048)
def _periods_of(s: str) -> tuple[tuple[int, int, str], ...]:
    # (a sentence's periods are read for its figures and again for what follows it: once)
    return tuple(_read_periods(s))


def _read_periods(s: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _PERIOD.finditer(s):
        text = m.group(0).strip()
        if not text:
            continue
        before = s[max(0, m.start() - 2) : m.start()]
        if re.search(r"(?:比|较|与|跟|是|为|于|过)\s*$", before) and not text.startswith(
            ("到", "至", "截至")
        ):
            continue  # 比上年, 跟去年差不多, 是2019年的 (but 目标是到2030年 is a period)
        # 受暑期出行需求带动，飞机票价格…: the season named in a cause is no figure's period
        cause = s.rfind("受", 0, m.start())
        if cause >= 0 and _CAUSE_CLAUSE.match(s, cause) and not _CLAUSE_MARK.search(s, cause, m.start()):
            continue
        if re.match(r"\s*的?(?:例行|定期)?(?:新闻)?(?:发布会|记者会|吹风会)", s[m.end() :]):
            continue  # 在9月例行发布会上表示: when it was told, not what the figures are of
        if re.match(r"\s*(?:同期|相比)", s[m.end() :]):
            # 去年同期为6.2%: the period of the figure that follows; 比去年同期 is a base
            # (去年同期，全网销售额为8556亿元: the period of the clause it opens)
            told = re.match(
                r"\s*同期(?=[^，。；]{0,4}?(?:为|是|达到|达|仅为|约为|还|则|也|只|仅|在(?!线))|\s*[，,])",
                s[m.end() :],
            )
            if not told or not re.search(r"(?:^|[，,；;。：:])\s*(?:而|但)?\s*$", s[: m.start()]):
                continue
            text += told.group(0).strip()
            m_end = m.end() + told.end()
            out.append((m.start(), m_end, text))
            continue
        # 是2019年的2倍 is a base; 从2019年的5亿元增长到2024年的40亿元 gives each its year
        # (快手2025年上半年的电商GMV为…: followed by what is measured, it is the period)
        if (
            s[m.end() : m.end() + 1] == "的"
            and not (re.search(r"(?:从|由|到|至)\s*$", before) or text.startswith(("到", "至")))
            and not (
                re.match(r"的[\u4e00-\u9fa5A-Za-z]{2}", s[m.end() :]) and not _A_NUMBER.match(s, m.end() + 1)
            )
        ):
            continue
        # 计划在未来一年加大投入: the period of a plan, not of a figure
        if text.startswith(("未来", "今后")) and before.endswith("在"):
            continue
        # 2024年“双11”期间（10月21日至11月11日）: the brackets explain the period before
        if before.endswith(("（", "(")) and out and re.match(r"\s*[（(]", s[out[-1][1] : m.start()]):
            # (2027年春节档（正月初一至初八）: lunar days are part of the period they explain)
            close = re.match(r"\s*[）)]", s[m.end() :])
            if close and text.startswith(("正月", "初", "腊月")):
                a, _, told = out[-1]
                out[-1] = (a, m.end() + close.end(), told + s[out[-1][1] : m.end() + close.end()].strip())
            continue
        # 上年 alone is a period only where a clause begins (平台上年销售额 is no period)
        if text == "上年" and not re.search(r"(?:^|[，,；;。：:])\s*$", s[: m.start()]):
            continue
        # 现在 and 目前 are a period where they open a quotation or follow another period
        # (本周…召回12.7万台，目前已完成…); 以前 where 现在 answers it (以前一天…，现在…)
        if text in ("现在", "目前", "而家") and not (out or s[m.start() - 1 : m.start()] in ("“", "「")):
            continue
        if text == "以前" and not re.search(r"现在|如今|而家", s):
            continue
        # 平安夜那晚最忙，一晚上跑了…: the night told before is the period, 一晚上 its length
        if re.fullmatch(r"一个?晚上", text) and out and re.search(r"[晚夜]$", out[-1][2]):
            continue
        # 主播“阿朵”双11期间: the quoted name before the event is no part of it; “双11那几天: nor the quote
        quoted = re.match(r"[“「][^”」]{1,10}[”」](?=\S)", text)
        # (「五一」黄金周期间: a festival quoted is the period's own)
        if (
            quoted
            and _PERIOD.fullmatch(text[quoted.end() :])
            and not re.fullmatch(_EVENT, text[1 : quoted.end() - 1])
        ):
            text = text[quoted.end() :]
        if text[:1] in "“「" and not re.search(r"[”」]", text):
            text = text[1:]  # (「双11」期间 keeps its marks)
        # 2025年全年 is 2025年; 2月14日单日 is 2月14日
        text = re.sub(r"(?<=年)\s*全年$", "", text)
        text = re.sub(r"(?<=\d日)\s*单日$", "", text)
        joined = re.fullmatch(r"\s*(及|和|与)\s*", s[out[-1][1] : m.start()]) if out else None
        if (
            joined
            and _MONTH_ALONE.fullmatch(text)
            and _MONTH_ALONE.fullmatch(out[-1][2])
            and "分别" not in re.split(r"[。；;！？]", s[m.end() :], maxsplit=1)[0]
        ):
            # 7月及8月訪港旅客合共約1020萬人次: the two months together (7月和8月…分别 gives one each)
            out[-1] = (out[-1][0], m.end(), out[-1][2] + joined.group(1) + text)
            continue
        out.append((m.start(), m.end(), text))
    # 8月9日发送旅客1982.6万人次: the day a clause opens with, doing what is counted (a date
    # alone is seldom a figure's period: 8月26日，拼多多发布… is the day of the report)
    for day in _DAY_DOING.finditer(s):
        if not any(a <= day.start(1) < b for a, b, _ in out):
            out.append((day.start(1), day.end(1), day.group(1)))
    return sorted(out)


_MONTH_ALONE = re.compile(r"\d{1,2}月份?")
_DAY_ALONE = re.compile(r"\d{1,2}月\d{1,2}日")


def _day_of_told(subject: str, told: list[str | None]) -> str | None:
    """The measure told before, with its scope, that a day's bare count is of (全国铁路旅客发送量
    for 旅客发送量 or 全国旅客发送量 on 8月9日)."""
    bare = subject.removeprefix("全国")
    # (not a day's average told before: 日均发送旅客…，其中5月1日…)
    return next(
        (x for x in reversed(told) if x and x != subject and x.endswith(bare) and not re.search(r"占|均", x)),
        None,
    )


_DAY_DOING = re.compile(
    r"(?:^|(?<=[，,；;。：:])|(?<=其中))\s*(\d{1,2}月\d{1,2}日)"
    r"(?=(?:当天|当日)?(?:发送|揽收|投递|处理|完成|实现|成交|售出|接待|迎来|出入境|入境|出境)[\u4e00-\u9fa5]{0,8}?\d"
    # 8月8日平台即时零售单日订单量突破1.2亿单: the one day the clause counts, named again as 单日
    r"|[^，,；;。\d]{0,15}?(?:单日|当日|当天)[\u4e00-\u9fa5]{0,8}?(?:量|额|数|人次)[^，,；;。]{0,6}?\d)"
)


_SPAN = re.compile(
    r"\d\s*年?\s*(?:至|到|—|–|-|～)\s*\d{4}|^(?:过去|未来|今后|近)|^(?:到|至)\s*\d{4}|以来|年间|年来|十四五|期间|时期"
)


def _from_year(s: str, periods: list[tuple[int, int, str]], start: int) -> str | None:
    """从2019年的5亿元增长到2024年的40亿元，翻了三番: the change is measured against 2019年."""
    for a, b, text in periods:
        if a < start and re.search(r"(?:从|由)\s*$", s[:a]) and s[b : b + 1] == "的":
            if any(a < c < start and re.search(r"(?:到|至)\s*$", s[:c] + t[:1]) for c, _, t in periods):
                return text
    return None


def _period_for(s: str, periods: list[tuple[int, int, str]], start: int, annual: bool = False) -> str | None:
    """The nearest period before the figure in its sentence, else the first after. A yearly
    average (年均增长) needs a span (2013—2023年, 未来三年): a single date is none of its."""
    best = until = None
    best_at = 0
    for a, b, text in periods:
        if a >= start:
            break
        if text.endswith("同期") and _CLAUSE_START.search(s, b, start) and not _CLAUSE_START.match(s, b):
            # 上年同期为226亿元；活跃用户数为4170万: last year's figure's own clause (but
            # 去年同期，全网销售额为8556亿元 opens the clauses it is the period of)
            continue
        if until and (
            _BARE_YEAR.match(text)
            or text.endswith("雪季")  # (截至1月10日，2027—2028雪季…累计: the season so far)
            or (text.endswith("档") and _PRESOLD.search(s, b, start))
        ):
            # 截至5月28日，今年我国快递业务量…: the year the count runs in, not its period
            # (截至12月20日，元旦档新片预售总票房…: the film season is what is sold for; but
            # 截至1月3日24时，2027年元旦档电影总票房…: the season told, its takings are its own)
            continue
        if _SURVEYED_BETWEEN.search(s, b, start):
            # 1月首周便利店日均客流…，受访的126家便利店企业中，超六成…: the respondents and their
            # answers are not of the week told before (nor 约45%的消费者过去一个月…，受访者人均…)
            continue
        if re.search(r"(?:从|由)\s*$", s[:a]) and s[b : b + 1] == "的":
            continue  # 由11月的4.6元降至3.1元: the period of the value it fell from alone
        if re.fullmatch(r"一个?晚上", text) and _CLAUSE_START.search(s, b, start):
            continue  # 一晚上就走了两万多斤: the length of one clause's count
        if _DAY_ALONE.fullmatch(text) and re.search(r"[；;。]", s[b:start]):
            continue  # 其中2月10日发送旅客1815万人次…；民航累计运输旅客…: that day's count alone
        if text.endswith("以来") and re.search(r"[，,；;]\s*(?:并|並|还|另)", s[b:start]):
            continue  # 今年以来累计斥资…回购股份，并宣派特别股息…: a new act, not the running total
        if (
            _FORECAST_BEFORE.search(s, 0, a)
            and _CLAUSE_START.search(s, b, start)
            and not _CLAUSE_START.match(s, b)
            # (预计2026年度实现净利润…，同比增长62%到87%: the change of the forecast figure)
            and not _CHANGE_OPENS.match(s, _clause_start(s, start))
        ):
            continue  # …预计明年销售额增长5%到10%，仅一成左右…: the forecast's year, not the next clause's
        best, best_at = text, a
        until = text if text.startswith(("截至", "截止")) and "年" not in text else None
    if best is not None and best_at < _clause_start(s, start) and _paid_by_month_or_piece(s, start, best):
        return None
    if best is None:
        # a period told after the figure, in its own clause: 约63%的受访消费者在过去半年内…
        for a, _, text in periods:
            if a >= start:
                # (约45%预计明年销售额增长…: the year of what they expect, not of the share)
                if not _CLAUSE_START.search(s, start, a) and not _FORECAST_WORD.search(s, start, a):
                    best = text
                break
    if annual and best is not None and not _SPAN.search(best):
        return None
    if best is not None and _THIS_PERIOD.match(best):
        # 公布2025年第三季度业绩，当季净收入…: 当季 is the quarter told before it
        told = [text for a, _, text in periods if a < start and _this_period_told(text)]
        if told:
            best = told[-1]
    if best is not None and _WITHIN_A_YEAR.match(best):
        # 2025年10月份，…；1—10月份，…: the year told with the first period holds for the next
        years = [y.group(1) for a, _, text in periods if a < start and (y := _STATED_YEAR.match(text))]
        if years:
            best = years[-1] + "年" + best
    return best


_FORECAST_BEFORE = re.compile(r"(?:预计|预期|计划|打算)\s*$")


def _paid_by_month_or_piece(s: str, start: int, period: str) -> bool:
    """开学季那几天…，每件提成一块二，一个月能多挣两千五: a speaker's pay by the piece or the
    month is no figure of the days the scene was set in (but 年底这阵子…一个月能挣一万二)."""
    return bool(
        _SPOKEN_MONTH_OR_PIECE.match(s, _clause_start(s, start))
        and not _SEASON_LONG.search(period)
        and _speaker(s)
    )


# a clause counted by the month or by the piece (一个月下来能挣, 一件派费, 头部主播一个月能挣)
_SPOKEN_MONTH_OR_PIECE = re.compile(
    r"\s*[“「]?[^，,；;。\d]{0,6}?(?:一个月|一個月|每个?月|每個?月|一件|每件)"
)
# a season a month's pay can be of (年底这阵子, 旺季, 夏天)
_SEASON_LONG = re.compile(r"阵子|陣子|旺季|淡季|[春夏秋冬]天|[春夏秋冬]季|年底|年末|月份?$")
_CHANGE_OPENS = re.compile(r"\s*(?:同比|环比|按年|按月|年增|年减|比上年|较上年)")
_PRESOLD = re.compile(r"预售")
_SURVEYED_BETWEEN = re.compile(r"[，,；;。][^，,；;。]*?受访")
_FORECAST_WORD = re.compile(r"预计|预期|打算|计划")
_BARE_YEAR = re.compile(r"^(?:\d{4}\s*年|今年|本年)$")
# periods inside one year, told without it; and a year that begins a period
_WITHIN_A_YEAR = re.compile(
    r"(?:前|第|首)?[一二三四1-4]\s*季度|(?:上|下)半年|前\s*[0-9一二三四五六七八九十]{1,2}\s*个?月|\d{1,2}\s*[-—至到]\s*\d{1,2}\s*月|\d{1,2}\s*月(?:份|末|底)?$|全年$"
)
_STATED_YEAR = re.compile(r"(?:截至|到|至)?\s*(\d{4})\s*年(?![底末]|以来|度)")


_BASE_LEAD = re.compile(
    r"(?:比|较|与|是|为|相当于|达到|达|恢复至|恢复到|炒至|炒到|涨至|涨到|高于|低于|快于|慢于|高出|低出)$"
)


def _unless_inside_a_word(m: re.Match) -> str:
    # 平台上年销售额: 上年 inside words is no period to cut out
    return m.group(0) if m.group(0).strip() == "上年" and m.start() > 0 else ""


_COLUMN_LABEL = re.compile(r"^\s*【[^】]{1,12}】")


def _strip_subject(clause: str, base: str | None, periods: list) -> str:
    # first, so that its 比 is not read as a comparison: 按可比口径同比增长16.1%
    clause = _COMPARABLE.sub("", clause)
    # a column's label heading the sentence (【商务简报】上半年农村网络零售额…) names no measure
    clause = _COLUMN_LABEL.sub("", clause)
    at = clause.find(base) if base else -1
    if at >= 0:
        # the comparison and what follows it: …比上年|增长
        lead = _BASE_LEAD.search(clause, 0, at)
        clause = clause[: lead.start() if lead else at]
    clause = _BASE_BEFORE.sub("", clause)
    # a comparison cut short by its figure: 高于整体|增速6.1个百分点
    clause = _CUT_COMPARISON.sub("", clause)
    # the longest first: 前5月 before the 5月 inside it
    for text in sorted((text for _, _, text in periods), key=len, reverse=True):
        # (第十三届进博会意向成交金额: the fair's edition is its period, the fair still whose)
        fair = _FAIR_EDITION.fullmatch(text)
        clause = clause.replace("在" + text, "").replace(
            text, fair.group(1) if fair else ""
        )  # 美团闪购在“618”期间订单量
    clause = _PERIOD.sub(_unless_inside_a_word, clause)
    clause = _SOURCE_HEAD.sub("", clause.strip())
    clause = _ANYWHERE.sub("", clause)
    clause = _ALONE.sub(r"\1", clause)
    return clause


_THIS_FIRM = re.compile(r"该(?:品牌|公司|企业|集团)(?=[\u4e00-\u9fa5A-Za-z]{2})")
_IN_REPORT = re.compile(r"在(?:最新|近日|日前)?(?:发布)?的?(?:研报|报告|研究报告|点评)(?:中|里)")
_FAIR_EDITION = re.compile(r"第[一二三四五六七八九十\d]{1,3}届(进博会|广交会|服贸会|消博会|数贸会)")
_CUT_COMPARISON = re.compile(
    # (提升至不低于10亿美元: a floor, no comparison)
    r"(?:(?<!不)高于|(?<!不)低于|快于|慢于|高出|低出|(?<![占对])(?:比|较)(?!重|例|率|亚迪|特币|利时))[^，。；]*$"
)
# 台积电公布10月营收; 統一超商公告11月合併營收 (a Taiwan company's monthly filing): who
# reported it and what, without the reporting
_REPORTING_VERB = re.compile(
    r"(?<=[\u4e00-\u9fa5A-Za-z]{2})(?:公布|发布|披露|宣布|公告|表示|称(?=已|回购|累计|共|将))了?(?=[\u4e00-\u9fa5A-Za-z]{2})"
)
# 光直播电商就卖了2800多亿, 光外卖补贴就砸了…: "X alone" is still X (光伏, 就业 are words)
# (光今年秋天就卖了…: nothing left between 光 and 就 once the period is cut out)
# (光线上就卖了…: 光 alone on its own sales online, not 光线 the light)
_ALONE = re.compile(
    # (光是电钻就卖了…: after 光是, 电 is no 光电)
    r"光(?:是|(?![伏纤谷缆刻学电明源速照盘]|线(?![上下])))([\u4e00-\u9fa5A-Za-z0-9]{0,12}?)就(?!业)"
)
# 一天卖了四五千单, 光今年秋天就卖了三十来万斤: a count sold, told as spoken, is a 销量
# (空调多卖了七八千台: so many more sold, still a 销量; 一晚上走了三千来单: 走 is spoken for sold)
# (我们店出了三千来单: orders that went out, an 订单量 too)
_SOLD_COUNT = re.compile(
    r"(?:也就|就|都|能|共|一共|总共)?[多少]?(?:卖出去|卖出|卖掉|卖|售出|走|(?<![输进支外杰突演产付提推])出)[了个]?$"
)
_IN_ONE_GO = re.compile(r"一次过(?:买|购入|购买|消费|花|使)了?$")
# 一天能发五六百件: parcels sent out, spoken, are a 发货量
_SENT_OUT = re.compile(r"(?:就|都|能|要|得|共|一共|总共)?(?:发出|寄出|发)了?$")
# 每日要派三百多件货, 一天跑两百多单: parcels handed out and orders run, as couriers and riders
# say them
_DELIVERED = re.compile(r"(?:就|都|能|要|得|共|一共|总共)?(派送|派|送|跑)了?$")
_APPLIED = re.compile(r"(受理|办理|审核)([\u4e00-\u9fa5、]{2,20}申请)$")
_FUNDING_VERB = re.compile(
    # (财政部近日下达: when it was told is no part of the funds' name)
    r"(?:近日|日前|近期|今日)?(?:将|拟|计划|还将|已)?(?:再|新|追加|继续|另)?(?:投入|安排|下达|拨付|发放|筹集)"
    r"(?=[\u4e00-\u9fa5]{0,10}(?:资金|补贴|经费|款项|专项债)$)"
)
_COMPARABLE = re.compile(r"(?:按可比价格计算|按可比口径计算|按可比口径|按可比价格)(?:后)?")
# the steps of _subject, compiled once (it runs for every figure)
_FROM_CUT = re.compile(r"(?:从(?![业事])|由)[^，。从由]{0,6}$")
_HEADLINE_GAP = re.compile(r"(?<=[\u4e00-\u9fa5]{2})\s+(?=[\u4e00-\u9fa5]{2})")
_HEADLINE_FIGURE = re.compile(rf"{_NUMBER}\s*{_MAGNITUDE}?\s*(?:{_CURRENCY}|{_COUNTER}|[%％])\s+")
_FROM_TO = re.compile(r"(?:从|由)(?=[^，。从由]{0,6}[0-9零〇一二两三四五六七八九十])")
_A_NUMBER = re.compile(_NUMBER)
_LEFT_OVER = re.compile(
    r"^(?:同期(?=[\u4e00-\u9fa5]{2})|旗下(?=[\u4e00-\u9fa5A-Za-z]{2})|年(?![均度复货初中内轻菜夜])|月(?![均度入饼票子嫂活收薪])|日(?![均用常本化报韩料百活])|季度(?![均末底])|底|末|起|以来|假期期间|假期内|期间|以内|之内|以上|以下|内(?![地需容部销蒙])|的|[，,、（(])+"
)
# Temu在全球的月活跃用户数, 理想汽车在全国(已有)零售中心: where, told as a place
# an aside in brackets is no part of the name: 网络购物交易额（含跨境）; a gloss of a
# character or two is: 循环快递箱（盒）; brackets a period was cut from are empty:
# 暑期（7月1日至8月31日）全国铁路…
_ASIDE = re.compile(r"[（(](?:[^）)]{3,}|含[^）)]*|\s*)[）)]|[（(][^）)]*$")
_AT_WHERE = re.compile(
    r"^([^在的]{2,8})在(?![校职线售岗建读营])([\u4e00-\u9fa5]{1,4}的|(?:全国|全球|国内|海外|境内|境外)(?=[\u4e00-\u9fa5]{2})(?!.*中(?:所占|的)?(?:占比|比重|份额))"
    # 小米17系列在京东平台销售额: the platform it sold on
    r"|[\u4e00-\u9fa5A-Za-z]{2,4}平台(?=[\u4e00-\u9fa5A-Za-z]{2}))"
)


def _subject(clause: str, base: str | None, periods: list, kind: str = "", unit: str = "") -> str | None:
    whole_clause = clause
    clause = _strip_subject(clause, base, periods)
    clause = _ASIDE.sub("", clause)
    # 已从过去的|20天: the start of a 从…到… cut by its figure
    clause = _FROM_CUT.sub("", clause)
    # a headline: what follows its last gap (数字经济蓝图出炉 核心产业…)
    clause = _HEADLINE_GAP.split(clause)[-1]
    # a headline runs two figures together: "规模超 45 万亿元 占 GDP 比重"
    clause = _HEADLINE_FIGURE.split(clause)[-1]
    # 规模从 11 万亿元增长到 45 万亿元: the subject is what precedes 从/由
    clause = _FROM_TO.split(clause)[0].strip()
    # the last item of a list that is not a 分别 list: 、 separates figures' clauses
    if "分别" not in clause and "、" in clause:
        clause = clause.split("、")[-1] if _A_NUMBER.search(clause.split("、")[0]) else clause
    for _ in range(4):
        trimmed = _SUBJECT_HEAD.sub("", _without_verb_tail(clause).strip()).strip()
        if trimmed == clause:
            break
        clause = trimmed
    clause = _LEFT_OVER.sub("", clause).strip()
    clause = _REPORTING_VERB.sub("", clause)
    # 市民共兑换新钞: 共 (in all) is no part of what was done
    clause = _IN_ALL.sub("", clause)
    # 中金公司在最新研报中将…目标价: where the broker said it is no part of what it said
    clause = _IN_REPORT.sub("", clause)
    # 公司同时宣布将股份回购计划上限提高至…: 同时 (at the same time) is no part of it (同时在线 is)
    clause = re.sub(r"(?<=公司|集团)同时(?!在线|段|期)", "", clause)
    # 该省将再投入以旧换新补贴资金12亿元: the money is the 资金, not the putting in of it
    if kind == "amount":
        clause = _FUNDING_VERB.sub("", clause)
    # 市占率达15.7%: the market share, as an editor writes it in full (and no X占Y share)
    clause = clause.replace("市占率", "市场占有率")
    # 全国网上零售额日均超过400亿元 (均 was taken for 均 = all): 全国日均网上零售额
    if clause.endswith("日") and re.search(r"日均\s*(?:超过|超|约|近|达到|达|为)?\s*$", whole_clause):
        clause = re.sub(r"^(全国|我国|全省|全市)?(.+?)日$", r"\1日均\2", clause)
    # Temu在全球的月活跃用户数 → Temu全球月活跃用户数
    clause = _AT_WHERE.sub(lambda m: m.group(1) + m.group(2).removesuffix("的"), clause)
    # 每日平均訂單 (Hong Kong's wording) is a 日均 count
    clause = clause.replace("每日平均", "日均")
    if kind == "amount" and (once := _IN_ONE_GO.search(clause)):
        # 内地客一次过买五六千蚊: what one shopper spends at a time (Cantonese 一次过, in one go)
        clause = clause[: once.start()] + "单次消费金额"
    if kind == "count" and unit and (sold := _SOLD_COUNT.search(clause)):
        # (orders that went out are an 订单量: 走了三千来单)
        clause = clause[: sold.start()] + (
            "订单量" if unit == "单" and re.search("[走出]", sold.group(0)) else "销量"
        )
    elif kind == "count" and unit in ("件", "单") and (run := _DELIVERED.search(clause)):
        clause = clause[: run.start()] + ("派件量" if run.group(1).startswith("派") else "送单量")
    elif kind == "count" and unit in _GOODS_COUNTERS and (sent := _SENT_OUT.search(clause)):
        clause = clause[: sent.start()] + "发货量"
    elif kind == "count" and (applied := _APPLIED.search(clause)):
        # 共受理…以旧换新补贴申请43.2万份: the applications, as many as were taken in
        clause = clause[: applied.start()] + applied.group(2) + applied.group(1) + "量"
    elif kind == "count":
        counted = _COUNTING_VERB.match(clause)
        if counted and len(clause) - counted.end() >= 2:
            verb = counted.group("verb")
            if verb in ("售出", "卖出", "交付") and clause.startswith("的", counted.end()):
                # 某头部主播卖出的金饰超过2吨: who sold them names the measure too (某头部主播金饰销量)
                clause = clause[: counted.start("verb")] + clause[counted.end() + 1 :]
            else:
                clause = clause[counted.end() :]
            if verb in ("售出", "卖出"):
                clause += "销量"  # 共售出农特产品95亿单: 农特产品销量
            elif verb == "交付":
                clause += "交付量"  # 蔚来交付新车87071台: 新车交付量
            elif unit in ("场次", "场") and not _MEASURE_END.search(clause):
                clause += "场次"  # 累计开展电商人才培训1200余场次: 电商人才培训场次
        elif (
            unit in _GOODS_COUNTERS
            and clause  # (日均近34亿笔: nothing is named, and the day's share is read by _describe)
            and not _MEASURE_END.search(clause)
            and not _ANAPHORA.match(clause)
        ):
            # 受理网购投诉举报约402万件: 投诉举报量; 处理网络支付业务3246.1亿笔: 业务笔数
            clause += "笔数" if unit == "笔" else "量"
    if len(clause) < 2 or len(clause) > 30:
        return None
    return clause


def _enumerated(clause: str, base: str | None, periods: list, n: int) -> list[str] | None:
    """吃类、穿类、用类商品 → 吃类商品, 穿类商品, 用类商品; 城镇、农村居民人均可支配收入 →
    城镇居民…, 农村居民…; None when the clause does not name ``n`` subjects."""
    head = _strip_subject(clause, base, periods).split("分别")[0]
    for _ in range(3):
        head = _without_verb_tail(head).strip()
        head = _SUBJECT_HEAD.sub("", head).strip()
    items = [i.strip() for i in re.split(r"、|以及|和|及|与", head) if i.strip()]
    if len(items) != n:
        # 通讯器材类、家用电器和音像器材类商品零售额: a 和 inside one item's name
        items = [i.strip() for i in head.split("、") if i.strip()]
        if len(items) != n:
            return None
    # 其中对东盟、欧盟出口分别增长…: the trade with each partner (对 is said once for all)
    if items[0].startswith("对") and len(items[0]) > 1:
        items = [i if i.startswith("对") else "对" + i for i in items]
    # 东、中、西部和东北地区: a one-character item shares the ending of the next longer one
    for j in range(len(items) - 2, -1, -1):
        if len(items[j]) == 1 and len(items[j + 1]) > 1:
            items[j] += items[j + 1][1:] if len(items[j + 1]) <= 3 else ""
    if len(items) > 1 and re.search(r"(?:部|东北)地区", items[-1]):
        items = [i + "地区" if i.endswith("部") else i for i in items[:-1]] + [items[-1]]
        # 东部、中部、西部和东北地区实物商品网上零售额: each region's is the whole measure
        told = re.match(r"(?:东北|[东中西]部)地区(.{2,})$", items[-1])
        if told and all(i.endswith("地区") for i in items[:-1]):
            return [i + told.group(1) for i in items[:-1]] + [items[-1]]
    # 京东、天猫、抖音三大平台销售额, 北京、上海、广州三地重点商圈客流量: the apposition is no
    # part of each name (三地, 两市, 四城, 五省: places counted)
    items[-1] = re.sub(
        r"[两二三四五六七八九十]+(?:大|家|个|地|市|省|城|区|县)"
        r"(?:平台|企业|公司|城市|地区|省份|省市|行业|品类|电商|巨头)?(?=\S)",
        "",
        items[-1],
    )
    # 直播电商、即时零售、跨境电商三种新业态交易额
    items[-1] = re.sub(
        r"[两二三四五六七八九十]+(?:大|家|个|种|类|项)[\u4e00-\u9fa5]{0,4}?(?=" + _LIST_MEASURE.pattern + ")",
        "",
        items[-1],
    )
    # 巴西、墨西哥等新兴市场订单量: each market named, the 等 and the kind's adjective left out
    # (巴西市场订单量, 墨西哥市场订单量)
    others = re.fullmatch(
        r"(.+?)等[\u4e00-\u9fa5]{0,2}?(市场|地区|国家|城市|省份|品类|类目|平台)(.+)", items[-1]
    )
    if others:
        tail = others.group(2) + others.group(3)
        return [i + tail for i in items[:-1]] + [others.group(1) + tail]
    first, last = items[:-1], items[-1]
    width = len(first[0])
    # 限额以上单位通讯器材类、家用电器和音像器材类商品零售额: the scope the first item opens
    # with holds for every item
    scope = _LIST_SCOPE.match(first[0])
    if scope and len(scope.group(0)) < len(first[0]):
        items = [first[0]] + [i if i.startswith(scope.group(0)) else scope.group(0) + i for i in items[1:]]
        first, last = items[:-1], items[-1]
    told_kind = re.search(r"类([\u4e00-\u9fa5]+)$", last)
    if told_kind and all(i.endswith("类") for i in first):
        return [i + told_kind.group(1) for i in first] + [last]
    # 数码家电、户外运动类商品 → 数码家电类商品; 智能眼镜、AI学习机销售额 → 智能眼镜销售额
    kind = re.search(r"类[\u4e00-\u9fa5]*$", last) if not any("类" in i for i in first) else None
    measure = _LIST_MEASURE.search(last)
    if all(_MEASURE_END.search(i) for i in first):
        pass  # 农村网络零售额和农产品网络零售额: each item is whole
    elif kind and len(kind.group(0)) < len(last):
        items = [i + kind.group(0) for i in first] + [last]
    elif "的" in last[1:] and not any("的" in i for i in first):
        # 淘宝、京东、拼多多的市场份额 → 淘宝的市场份额
        of = last[last.index("的", 1) :]
        items = [i + of for i in first] + [last]
    elif (
        all(_LISTED_COMPANY.fullmatch(i) for i in first)
        and (named := _LISTED_COMPANY.match(last))
        and len(last) > named.end() + 1
    ):
        # 圆通速递、韵达股份和申通快递快递产品收入: what follows the last company is each one's
        items = [i + last[named.end() :] for i in first] + [last]
    elif (
        measure
        and len(measure.group(0)) < len(last)
        and (width > 2 or len(last) - len(measure.group(0)) == width + 1)
    ):
        # (冰饮、啤酒、小龙虾订单量: a last name one character longer than the others is a name
        # of its own, 小龙虾, and what they share is the measure, not 虾订单量)
        items = [i + measure.group(0) for i in first] + [last]
    elif width <= 3 and all(len(i) == width for i in first) and len(last) >= width + 2:
        # (德国和意大利: a longer name is no shared ending)
        # 城镇、农村居民人均可支配收入: items of one width share what follows the last
        items = [i + last[width:] for i in first] + [last]
    return items


_LIST_SCOPE = re.compile(r"(?:全国)?限额以上(?:单位|企业)?")
_LISTED_COMPANY = re.compile(r"[\u4e00-\u9fa5A-Za-z]{2,6}?(?:速递|股份|快递|集团|控股|物流|公司)")


# one word for two measures: 产销量 is 产量 and 销量, 进出口额 is 进口额 and 出口额
_PAIRS = (
    ("产销", "产", "销"),
    ("进出口", "进口", "出口"),
    ("收支", "收入", "支出"),
    ("存贷款", "存款", "贷款"),
)


def _pair_of(subject: str) -> list[str] | None:
    for both, first, second in _PAIRS:
        at = subject.find(both)
        if at >= 0:
            head, tail = subject[:at], subject[at + len(both) :]
            return [head + first + tail, head + second + tail]
    return None


def _named_before(before: str, n: int) -> list[str] | None:
    """网络零售额排名前三的省份分别为广东、浙江和江苏，分别达到…: the names listed in the
    clause before, each with the measure that clause speaks of."""
    m = re.search(
        r"(?:^|[，,；;：:])([^，,；;：:。]*?)(?:分别为|分别是|依次为|依次是)([^，,；;。]+)[，,]$", before
    )
    if not m or _ANY_NUMBER.search(m.group(2)):
        return None  # …分别为15.52万亿元和13.08万亿元: figures, not names
    items = [i.strip() for i in re.split(r"、|以及|和|及|与", m.group(2)) if i.strip()]
    measure = _ANY_MEASURE.search(m.group(1))
    if len(items) != n or not measure:
        return None
    return [i + measure.group(0) for i in items]


_ANY_MEASURE = re.compile(
    r"网络零售额|网上零售额|零售额|销售额|交易额|成交额|出口额|进口额|进出口额|收入|营收|利润|业务量|订单量|销量|用户规模|用户数|市场份额"
)
_LIST_MEASURE = re.compile(
    r"(?:网络零售额|网上零售额|零售额|销售额|交易额|成交额|营业额|出口额|进口额|进出口额|收入|营收|利润|业务量|预售订单量|预售额|订单量|销量|用户规模|用户数"
    # 飞机票、旅游和宾馆住宿价格环比分别上涨…: each item's price
    r"|价格|客流量|出口|进口)$"
)


def figure_density(text: str, figures: list[Figure]) -> float:
    """Figures per 100 characters: what makes a report a 数据观察 item."""
    length = max(len(text), 1)
    return 100.0 * len(figures) / length
