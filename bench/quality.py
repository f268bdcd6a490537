"""Quality of the editorial stage on labelled data we wrote ourselves.

* same-story clustering — pairwise precision / recall / F1 over every pair of the evaluation
  stories (tests/fixtures/editorial/stories*.jsonl): first the same-story decision alone on
  every pair, then end to end (candidate generation by LSH, anchors and the rewrite scan,
  then the decision, then union–find), as ``newsdesk process`` runs it. Hard negatives
  (same company or topic, another event) are counted apart.
* columns — accuracy and confusion matrix, cross-validated (5 folds) on the archive (the
  bundled sample issues, or a database's ``items`` with --database), on the evaluation
  stories (folds keep a story's versions together), and trained on the archive and tested
  on the stories.
* condensation — which sentences are kept, against those an editor kept.
* figures — per field (subject, value, unit, period, comparison base), precision and recall
  of the extractor against sentences labelled blind to it (``figures_labelled.jsonl``, by
  rounds), the subject also as characters in common; where a second annotator labelled a
  round's sentences too (``figures_second_annotator.jsonl``), how far the two people agree,
  scored the same way.

``stories.jsonl`` was used while tuning the same-story thresholds (a development set).
``stories_holdout.jsonl`` to ``stories_holdout17.jsonl`` were each written blind to the
rules and measured once when written (end-to-end F1 of sets 3–17: 0.769, 0.471, 0.923,
0.925, 0.963, 0.984, 0.872, 0.936, 0.921, 0.622, 0.833, 0.418, 0.743, 0.828, 0.785; sets 1–2
had only the pair decision: 0.889, 0.711); their misses then led to new rules, and they are
now the examples the learned decision is fitted on (``bench/train_pair_model.py``), so
they are development data. A commentary piece is its own story: the issue's same story is
"articles that report the same event". Sets 2–4 had put their writers' 专家视点 pieces in
the event's story; those were relabelled to a story of their own (id + "c").
``stories_holdout18.jsonl`` and ``stories_holdout19.jsonl`` were written blind afterwards,
by writers told only the labelling rule and the beat, and nothing has been fitted or tuned
on them. Likewise ``condense_holdout.jsonl`` and ``condense_holdout2.jsonl`` (each measured
once, then looked at) and ``condense_holdout3.jsonl`` (never tuned on).
``condense_house.jsonl`` pairs original reports with the editor's item (company news, data
releases, government documents, commentary, merged reports), written by a writer who had
not read the condenser: its dev part was tuned on, its blind part was measured once when
the code was finished (sentence F1 0.778, length within ±30% of the editor's 11/16,
编辑部整理 right 2/2) and not tuned on.

    .venv/bin/python bench/quality.py [--database sqlite:///newsdesk-data/newsdesk.db]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from newsdesk.cluster.clusterer import ClusterInput, StoryClusterer
from newsdesk.cluster.samestory import decide, story_features
from newsdesk.editorial.boilerplate import strip_boilerplate
from newsdesk.editorial.columns import ColumnClassifier, ColumnModel, LabelledText, cross_validate
from newsdesk.editorial.condense import condense
from newsdesk.text.script import to_simplified

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "editorial"
SAMPLE_ISSUES = ROOT / "src" / "newsdesk" / "samples" / "issues"


# Each labelled file grows by rounds: a round is written blind and measured once, then its
# errors are read (and it becomes development data), and the next round is written blind.
READ = "(measured once, its errors read since)"
SPLIT_NAMES = {
    "dev": "dev (tuned on)",
    "blind": f"blind round 1 {READ}",
    **{f"blind{k}": f"blind round {k} {READ}" for k in range(2, 40)},
}


def splits_in(name: str) -> list[str]:
    """The splits of a labelled file in the order of SPLIT_NAMES (a row without one is blind)."""
    found = {r.get("split", "blind") for r in load_stories(name)}
    return [s for s in SPLIT_NAMES if s in found] + sorted(found - SPLIT_NAMES.keys())


def load_stories(name: str) -> list[dict]:
    path = FIXTURES / name
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def article_date(row: dict) -> dt.datetime | None:
    return dt.datetime.fromisoformat(row["date"]).replace(tzinfo=dt.UTC) if row.get("date") else None


def clustering(rows: list[dict], label: str, apart: str | None = None) -> tuple[int, int, int]:
    """Pairwise P/R/F1 of the pair decision and of the process stage's clustering; with
    ``apart="undated"`` the pairs with an undated article are also counted on their own."""
    when = [article_date(r) for r in rows]
    # as ``pipeline.analyse`` prepares an article: Simplified, boilerplate out
    titles = [to_simplified(r["title"]) for r in rows]
    clean = [strip_boilerplate(to_simplified(r["body"])).text for r in rows]
    features = [story_features(t, c, w) for t, c, w in zip(titles, clean, when, strict=True)]
    pairs = list(itertools.combinations(range(len(rows)), 2))
    gold = {(i, j): rows[i]["story"] == rows[j]["story"] for i, j in pairs}
    hard = {(i, j) for i, j in pairs if not gold[(i, j)] and rows[i].get("group") == rows[j].get("group")}
    undated = {(i, j) for i, j in pairs if when[i] is None or when[j] is None}

    def report(name: str, predicted: dict, among: list | None = None) -> tuple[int, int, int]:
        among = pairs if among is None else among
        tp = sum(1 for k in among if gold[k] and predicted[k])
        fp = sum(1 for k in among if not gold[k] and predicted[k])
        fn = sum(1 for k in among if gold[k] and not predicted[k])
        p, r, f = prf(tp, fp, fn)
        hard_fp = sum(1 for k in hard if predicted[k] and k in among)
        print(
            f"  {name:<28} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}   "
            f"(pairs {len(among)}, same-story {tp + fn}, hard negatives {len(hard & set(among))}, "
            f"wrongly joined {hard_fp})"
        )
        if among is pairs:
            for k in among:
                if gold[k] != predicted[k]:
                    kind = "missed" if gold[k] else "joined"
                    print(f"      {kind}: {rows[k[0]]['title'][:26]} | {rows[k[1]]['title'][:26]}")
        return tp, fp, fn

    print(
        f"\nsame-story clustering — {label}: {len(rows)} articles, {len({r['story'] for r in rows})} stories"
    )
    report("pair decision alone", {(i, j): decide(features[i], features[j]).same for i, j in pairs})
    clusterer = StoryClusterer(use_anchors=True)  # as the process stage runs it
    order = sorted(range(len(rows)), key=lambda i: (when[i] or dt.datetime.min.replace(tzinfo=dt.UTC), i))
    assigned = clusterer.add([ClusterInput(i + 1, titles[i], clean[i], when[i]) for i in order])
    predicted = {(i, j): assigned[i + 1] == assigned[j + 1] for i, j in pairs}
    counts = report("end to end (process)", predicted)
    if apart == "undated" and undated and len(undated) < len(pairs):
        report("  pairs with an undated one", predicted, sorted(undated))
    return counts


# The real-looking same-story rounds written blind, each measured once before anything
# changed because of it; once its errors are read it joins the pair model's examples.
REAL_BLIND_ROUNDS = [
    ("real_stories_blind.jsonl", f"blind round 1 {READ}"),
    *((f"real_stories_blind{k}.jsonl", f"blind round {k} {READ}") for k in range(2, 43)),
]


def real_stories() -> None:
    """The real-looking set: reprints and rewrites across outlets and scripts (Traditional
    reposts, pinyin glosses, undated copies), confusable stories in one group. The dev part
    is tuned on and among the pair model's examples; the blind part is measured as it is,
    then with every date removed (repost sites often carry none)."""
    for name, label in (
        ("real_stories_dev.jsonl", "real-looking reports, dev part (tuned on, among the examples)"),
        *((name, f"real-looking reports, {round_name}") for name, round_name in REAL_BLIND_ROUNDS),
    ):
        rows = load_stories(name)
        if not rows:
            print(f"\n{name}: not found")
            continue
        clustering(rows, label, apart="undated")
        clustering([{**r, "date": None} for r in rows], label + ", every date removed")


def print_confusion(result: dict) -> None:
    columns = result["columns"]
    width = 9
    print(
        "      "
        + " " * width
        + "".join(f"{c:>{width}}" for c in columns)
        + "   (rows: right column, columns: suggested)"
    )
    for c, row in zip(columns, result["confusion"], strict=True):
        print(f"      {c:>{width}}" + "".join(f"{n:>{width + 3}}" for n in row))


def archive_examples(database: str | None) -> list[LabelledText]:
    if database:
        from newsdesk.store.db import open_database
        from newsdesk.store.editorial import archive_examples as stored

        return [LabelledText(t, b, c) for t, b, c in stored(open_database(database))]
    from newsdesk.archive.importer import parse_issue_file

    examples = []
    for path in sorted(SAMPLE_ISSUES.glob("*.txt")):
        issue, _ = parse_issue_file(path)
        examples += [LabelledText(i.title, i.body, i.column) for i in issue.items]
    return examples


def columns(database: str | None, stories: list[dict]) -> None:
    archive = archive_examples(database)
    labelled = [LabelledText(r["title"], r["body"], r["column"], r["story"]) for r in stories]
    print(
        f"\ncolumns — archive: {len(archive)} items{' from ' + database if database else ' (bundled sample issues)'}"
    )
    for name, data in (("archive", archive), ("evaluation stories", labelled)):
        if len({e.column for e in data}) < 2:
            print(f"  {name}: not enough labelled items")
            continue
        t0 = time.perf_counter()
        model_only = cross_validate(data, folds=5, use_rules=False)
        combined = cross_validate(data, folds=5, use_rules=True)
        print(
            f"  {name}, 5-fold cross-validation: model alone {model_only['accuracy']:.3f}, "
            f"model + rules {combined['accuracy']:.3f}  ({len(data)} items, {time.perf_counter() - t0:.1f} s)"
        )
        print_confusion(combined)
    if archive and labelled:
        classifier = ColumnClassifier(ColumnModel().fit(archive))
        suggested = classifier.suggest_many([(e.title, e.body) for e in labelled])
        right = sum(s.column == e.column for s, e in zip(suggested, labelled, strict=True))
        print(
            f"  trained on the archive, tested on the evaluation stories: accuracy {right / len(labelled):.3f}"
        )
        for s, e in zip(suggested, labelled, strict=True):
            if s.column != e.column:
                print(f"      {e.column} → {s.column}: {e.title[:30]}  [{'; '.join(s.reasons[:2])}]")


def condensation(name: str, label: str) -> None:
    rows = load_stories(name)
    if not rows:
        return
    tp = fp = fn = 0
    in_range = 0
    for r in rows:
        result = condense(r["title"], r["text"], r["min"], r["max"])
        kept = {sentence_key(s.text) for s in result.kept}
        wanted = {sentence_key(s) for s in r["keep"]}
        tp += len(kept & wanted)
        fp += len(kept - wanted)
        fn += len(wanted - kept)
        in_range += r["min"] <= result.length <= r["max"]
    p, rec, f = prf(tp, fp, fn)
    print(
        f"\ncondensation — {label}, {len(rows)} articles: sentences kept precision {p:.3f}  "
        f"recall {rec:.3f}  F1 {f:.3f}; length within the target {in_range}/{len(rows)}"
    )


def sentence_key(sentence: str) -> str:
    """A kept sentence as compared: without its dateline or byline (a digest item carries
    neither, so the condenser drops them where the editor, copying whole sentences, kept
    them) and without the closing mark (a paragraph's last kept ； becomes 。)."""
    return strip_boilerplate(sentence).text.rstrip("。；;，,")


# --- condensation in the house's manner: original reports → the editor's item ------------------

HOUSE_SET = "condense_house.jsonl"


def _grams2(text: str) -> set[str]:
    t = re.sub(r"[\s，。！？；：、“”‘’（）《》【】,.!?;:()\"'|]", "", text)
    return {t[i : i + 2] for i in range(len(t) - 1)}


def _covered(sentence: str, text_grams: set[str]) -> bool:
    """A sentence of the original counts as kept when most of its character pairs are in
    the text (the editor, and the condenser, trim datelines and rewrite 今日)."""
    grams = _grams2(sentence)
    return bool(grams) and len(grams & text_grams) / len(grams) >= 0.6


def _original_sentences(originals: list[dict]) -> list[str]:
    """Whole sentences (to 。！？ and a closing quote; a ；-list is one) of the originals: the
    unit compared."""
    from newsdesk.editorial.condense import units_of
    from newsdesk.text.sentences import split_sentences

    out = []
    for o in originals:
        units = units_of(split_sentences(strip_boilerplate(o["body"]).text))
        out += [u.text for u in units if len(_grams2(u.text)) >= 4]
    return out


def house_item(row: dict):
    """One labelled item through what ``newsdesk process`` does with a cluster."""
    from newsdesk.cluster.lead import LeadCandidate, choose_lead
    from newsdesk.editorial.condense import condense_item
    from newsdesk.editorial.house import suggest_title
    from newsdesk.editorial.merge import Report, merge_cluster

    reports = []
    for o in row["originals"]:
        title = to_simplified(o["title"])
        text = strip_boilerplate(to_simplified(o["body"])).text
        date = dt.date.fromisoformat(o["date"]) if o.get("date") else None
        reports.append(Report(title, text, o.get("outlet"), date))
    lead_no = 0
    if len(reports) > 1:
        candidates = [
            LeadCandidate(
                i,
                r.outlet,
                dt.datetime.combine(r.date, dt.time(), dt.UTC) if r.date else None,
                len(r.text),
                len(_FIGURE_TEXT.findall(r.text)),
            )
            for i, r in enumerate(reports)
        ]
        lead_no = choose_lead(candidates).article_id
    lead = reports[lead_no]
    condensed = condense_item(lead.title, lead.text, lead.date)
    merged = merge_cluster(lead, [r for i, r in enumerate(reports) if i != lead_no], condensed)
    return (
        condensed.kind,
        merged.body,
        merged.merged,
        suggest_title(lead.title, condensed.body, condensed.kind),
    )


_FIGURE_TEXT = re.compile(r"\d+(?:\.\d+)?(?:%|万|亿|个|件|元)")


def house_condensation(split: str, show_errors: bool = True) -> dict:
    """Sentence P/R/F1 against the editor's kept sentences, length within ±30% of the
    editor's, titles in the house form, 编辑部整理 right on merged items."""
    from newsdesk.editorial.house import is_house_title

    rows = [r for r in load_stories(HOUSE_SET) if r.get("split") == split]
    if not rows:
        print(f"\ncondensation, house manner ({split}): {HOUSE_SET} not found")
        return {}
    tp = fp = fn = 0
    in_length = house_titles = editor_house = 0
    merged_right = merged_items = single_right = single_items = 0
    kind_right = 0
    errors: list[str] = []
    for r in rows:
        kind, body, merged, title = house_item(r)
        units = _original_sentences(r["originals"])
        gold_grams = _grams2("".join(k[0] for k in r["kept"]))
        body_grams = _grams2(body)
        gold = {u for u in units if _covered(u, gold_grams)}
        got = {u for u in units if _covered(u, body_grams)}
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
        editor_length = len(r["editor"]["body"].replace("\n", ""))
        length = len(body.replace("\n", ""))
        ok_length = abs(length - editor_length) <= 0.3 * editor_length
        in_length += ok_length
        house_titles += is_house_title(title)
        editor_house += is_house_title(r["editor"]["title"])
        want_merged = "编辑部整理" in r["editor"]["attribution"]
        kind_right += kind == r["kind"] or (r["kind"] == "merged")
        if want_merged:
            merged_items += 1
            merged_right += merged
        else:
            single_items += 1
            single_right += not merged
        head = f"[{r['kind']}→{kind}] {r['originals'][0]['title'][:24]}"
        if not ok_length:
            errors.append(f"{head}: length {length} vs the editor's {editor_length}")
        for u in sorted(gold - got, key=units.index):
            errors.append(f"{head}: missed  {u[:60]}")
        for u in sorted(got - gold, key=units.index):
            errors.append(f"{head}: extra   {u[:60]}")
        if merged != want_merged:
            errors.append(
                f"{head}: {'merged' if merged else 'credited to the lead'}, the editor "
                f"{'merged' if want_merged else 'credited the lead'}"
            )
        if not is_house_title(title):
            errors.append(f"{head}: title not in house form: {title}")
    p, rec, f = prf(tp, fp, fn)
    print(
        f"\ncondensation, house manner — {SPLIT_NAMES.get(split, split)}: {len(rows)} items; sentences P {p:.3f}  R {rec:.3f}  "
        f"F1 {f:.3f}; length within ±30% of the editor's {in_length}/{len(rows)}; "
        f"titles in house form {house_titles}/{len(rows)} (the editor's {editor_house}); "
        f"编辑部整理 right {merged_right}/{merged_items} merged, {single_right}/{single_items} single; "
        f"kind right {kind_right}/{len(rows)}"
    )
    if show_errors:
        print(f"  errors ({len(errors)}):")
        for e in errors:
            print(f"      {e}")
    return {"f1": f, "length": in_length / len(rows), "merged": merged_right / max(1, merged_items)}


def house_reprints(names: list[str]) -> None:
    """How many multi-report stories of the same-story sets become 编辑部整理. Their writers
    told each event in reprints, rewrites and briefs, so few should: a merged item is one
    whose other reports tell mostly what the lead does not."""
    from newsdesk.editorial.merge import Report, merge_cluster

    merged = stories = 0
    examples = []
    for name in names:
        by_story: dict[str, list[dict]] = {}
        for r in load_stories(name):
            by_story.setdefault(r["story"], []).append(r)
        for rows in by_story.values():
            if len(rows) < 2:
                continue
            reports = sorted(
                (
                    Report(
                        to_simplified(r["title"]),
                        strip_boilerplate(to_simplified(r["body"])).text,
                        r["outlet"],
                    )
                    for r in rows
                ),
                key=lambda rep: -len(rep.text),
            )
            item = merge_cluster(reports[0], reports[1:])
            stories += 1
            merged += item.merged
            if item.merged:
                examples.append(f"{reports[0].title[:30]} + {item.added[0][:40]}")
    print(
        f"  same-story sets: {merged}/{stories} multi-report stories made 编辑部整理 (reprints and rewrites)"
    )
    for e in examples:
        print(f"      {e}")


# --- figures -----------------------------------------------------------------------------------

FIGURE_FIELDS = ("subject", "value", "unit", "period", "base")
SECOND_ANNOTATOR = "figures_second_annotator.jsonl"
# A reader's verdicts on subjects the extractor and the second annotator gave (whether each
# names the same quantity as the writer's label, an editor's reading of the table), made
# blind to which gave it; a subject spelt as the label's is acceptable without a verdict.
SUBJECT_VERDICTS = "figures_subject_verdicts.jsonl"


def subject_verdicts(split: str) -> dict[tuple[str, str, str], bool]:
    rows = [r for r in load_stories(SUBJECT_VERDICTS) if r.get("split") == split]
    return {(r["sentence"], r["text"], _norm(r["subject"])): r["acceptable"] for r in rows}


_FOLD_SPACES = re.compile(r"[\s“”\"'‘’「」『』]")


def _norm(text: str | None) -> str:
    # the extractor reads a Traditional reprint in Simplified (the house prints Simplified):
    # 全國網上零售額 and 全国网上零售额 name the same thing, so script is folded here
    return to_simplified(_FOLD_SPACES.sub("", (text or "").translate(_FULL_WIDTH)).replace("的", ""))


# 京东集团净收入 and 京东净收入, 韵达股份 and 韵达: one company, named with or without its form
_CORPORATE_FORM = re.compile(r"(?:股份)?有限公司|集团|股份|控股")
_FULL_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_PERIOD_NOISE = re.compile(
    r"^(?:今年|本年|到|至)|第(?=[一二三四1-4]季度)|份$|(?<=年)全年$|(?<=月)当月$|(?<=[季度月年周天])(?:之)?内$|(?<=日)(?:当天|当日|单日)$"
)
_YEAR_HEAD = re.compile(r"^\d{4}年(?=.)")
_BASE_PREFIX = re.compile(
    r"^(?:与|跟|同)?(?:比|较|相比|对比|高于|低于)|^(?:与|跟)(?=.+(?:相比|比较)$)|(?:相比|比较)$"
)


# 统一超商合并营收 and 统一超商合并营收增速 for 年增6.2%: a percentage of growth names the
# measure that grew, with or without the word for its rate (the writers label it both ways)
_RATE_OF_GROWTH = re.compile(r"(?:同比|环比|按年|按月)?(?:增速|增幅|降幅|增长率|变化幅度|变化)$")


def figure_field_matches(field: str, got, want, unit: str | None = None) -> bool:
    """What counts as a match, field by field (printed with the results):

    * every field is compared in Simplified script (the extractor reports a Traditional
      reprint's subjects in the house script);
    * subject — equal after white space, quotation marks, 的 and a company's form (集团,
      股份, 控股, 有限公司) are removed, or one contained
      in the other (the labelled 拼多多归属于普通股股东的净利润 and the extracted
      归属于普通股股东的净利润; the other way, a longer extracted subject); for a
      percentage, a final 增速/增幅/降幅/增长率/变化 (with 同比/环比/按年 before it) is
      removed too: 合并营收增速 and 合并营收 name the same growth of 6.2%;
    * value — the same magnitude within one part in a million (a fall is stored negative);
      a range also needs its upper end;
    * unit — equal, 百分点 = 个百分点, 新台币 = 新台币元, 名 = 人;
    * period — equal after white space, a leading 今年/本年/到/至, the 第 of 第三季度, a final 份
      and the 全年 of 2026年全年, 当月 of 12月当月, 当天 of 10月1日当天 or 内 of 截至9月30日的季度内 are removed (two
      spellings of one period, which the writers label both ways), or equal but for the year
      one of them opens with (2027年12月份 and 12月份, 2029年全年 and 全年: the year the sentence
      told before);
      none labelled matches none extracted;
    * base — equal after a leading 比/较/与…相比/高于/低于 is removed; none matches none.
    """
    if field == "subject":
        a, b = _CORPORATE_FORM.sub("", _norm(got)), _CORPORATE_FORM.sub("", _norm(want))
        if unit == "%":
            a, b = _RATE_OF_GROWTH.sub("", a) or a, _RATE_OF_GROWTH.sub("", b) or b
        return bool(a and b) and (a == b or a in b or b in a)
    if field == "value":
        if got is None or want is None:
            return got is None and want is None
        return math.isclose(abs(got), abs(want), rel_tol=1e-6)
    if field == "unit":
        return _unit_key(got) == _unit_key(want)
    if field == "period":
        a, b = _PERIOD_NOISE.sub("", _norm(got)), _PERIOD_NOISE.sub("", _norm(want))
        # (2027年12月份 for 12月份 where the sentence's year opens it: one period, its year told;
        # 2029年全年 for 全年 after 2029年第四季度)
        bare_a, bare_b = (_PERIOD_NOISE.sub("", _YEAR_HEAD.sub("", _norm(x))) for x in (got, want))
        return (
            a == b
            or _YEAR_HEAD.sub("", a) == b
            or a == _YEAR_HEAD.sub("", b)
            or (bool(bare_a) and bare_a == bare_b)
        )
    if field == "base":
        return _BASE_PREFIX.sub("", _norm(got)) == _BASE_PREFIX.sub("", _norm(want))
    raise ValueError(field)


def _unit_key(unit: str | None) -> str:
    """百分点 = 个百分点; 新台币 = 新台币元 (writers label the Taiwan dollar both ways); 名 = 人."""
    unit = (unit or "").replace("个百分点", "百分点")
    # (名 counts people as 人 does: 5200萬名會員, labelled 名 or 人)
    return {"新台币元": "新台币", "名": "人"}.get(unit, unit)


def _align(extracted: list, labelled: list[dict]) -> list[tuple[object, dict]]:
    """Pairs an extracted figure with a labelled one: the same number and unit, else the
    labelled wording containing the extracted number."""
    pairs, free = [], list(extracted)
    for want in labelled:
        best = None
        for f in free:
            if figure_field_matches("value", f.value, want.get("value")) and figure_field_matches(
                "unit", f.unit, want.get("unit")
            ):
                best = f
                break
        if best is None:
            for f in free:
                if f.text and (
                    _norm(f.text) in _norm(want.get("text")) or _norm(want.get("text")) in _norm(f.text)
                ):
                    best = f
                    break
        if best is not None:
            free.remove(best)
            pairs.append((best, want))
    return pairs


def subject_overlap(got: str | None, want: str | None, unit: str | None = None) -> float:
    """The characters two subjects have in common, as an F1 (the way SQuAD-style scores
    credit a Chinese span character by character), after the folds of the strict match:
    全国邮政快递业揽收快递包裹量 beside 全国邮政快递业快递包裹揽收量 scores 1.0, 消费者数量
    beside 家电以旧换新惠及消费者人数 0.5. It gives a shorter subject part of the credit the
    strict match gives it whole, and two namings of one measure most of it."""

    def characters(text: str | None) -> Counter:
        folded = _CORPORATE_FORM.sub("", _norm(text))
        if unit == "%":
            folded = _RATE_OF_GROWTH.sub("", folded) or folded
        return Counter(folded)

    a, b = characters(got), characters(want)
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


@dataclass
class FigureScore:
    """Figures found for labelled sentences, scored field by field against the labels."""

    sentences: int = 0
    labelled: int = 0
    found: int = 0
    correct: dict = field(default_factory=lambda: dict.fromkeys(FIGURE_FIELDS, 0))
    subject_overlap: float = 0.0
    errors: list = field(default_factory=list)
    # a reader's verdicts on subjects: (sentence, figure as labelled, subject) → acceptable
    verdicts: dict = field(default_factory=dict)
    judged: int = 0
    accepted: int = 0

    def add(self, sentence: str, found: list, labelled: list[dict]) -> None:
        self.sentences += 1
        self.found += len(found)
        self.labelled += len(labelled)
        pairs = _align(found, labelled)
        for got, want in pairs:
            wrong = []
            for name in FIGURE_FIELDS:
                mine = getattr(got, name)
                ok = figure_field_matches(name, mine, want.get(name), want.get("unit"))
                if name == "value" and ok and want.get("upper") is not None:
                    ok = figure_field_matches("value", got.upper, want["upper"])
                self.correct[name] += ok
                if not ok:
                    wrong.append(f"{name} {mine!r} ≠ {want.get(name)!r}")
            self.subject_overlap += subject_overlap(got.subject, want.get("subject"), want.get("unit"))
            named = _norm(got.subject)
            verdict = self.verdicts.get((sentence, want["text"], named))
            if verdict is None and self.verdicts and named == _norm(want.get("subject")):
                verdict = True
            if verdict is not None:
                self.judged += 1
                self.accepted += verdict
            if wrong:
                self.errors.append(
                    f"{want['text']} ({got.value}): " + "; ".join(wrong) + f"  ⟨{sentence[:50]}⟩"
                )
        matched = {id(g) for g, _ in pairs}
        for f in found:
            if id(f) not in matched:
                self.errors.append(f"extra: {f.text} ({f.subject})  ⟨{sentence[:50]}⟩")
        for want in labelled:
            if not any(w is want for _, w in pairs):
                self.errors.append(f"missed: {want['text']} ({want.get('subject')})  ⟨{sentence[:50]}⟩")

    def fields(self) -> dict[str, tuple[float, float]]:
        return {
            name: (
                self.correct[name] / self.found if self.found else 1.0,
                self.correct[name] / self.labelled if self.labelled else 1.0,
            )
            for name in FIGURE_FIELDS
        }

    def print(self, show_errors: bool) -> None:
        for name, (p, r) in self.fields().items():
            print(f"  {name:<8} precision {p:.3f}  recall {r:.3f}")
        if self.found and self.labelled:
            p, r = self.subject_overlap / self.found, self.subject_overlap / self.labelled
            print(f"  subject, characters in common (F1 per figure): precision {p:.3f}  recall {r:.3f}")
        if self.judged:
            p, r = self.accepted / self.found, self.accepted / self.labelled
            print(
                f"  subject as a reader judged it: precision {p:.3f}  recall {r:.3f}"
                f"  ({self.judged} of {self.found} subjects judged; one not judged counts as wrong)"
            )
        if show_errors:
            print(f"  errors ({len(self.errors)}):")
            for e in self.errors:
                print(f"      {e}")


def figures_quality(split: str, show_errors: bool = True) -> dict[str, tuple[float, float]]:
    rows = [r for r in load_stories("figures_labelled.jsonl") if r.get("split") == split]
    if not rows:
        print(f"\nfigures ({split}): figures_labelled.jsonl not found")
        return {}
    from newsdesk.text.figures import extract_figures

    verdicts = subject_verdicts(split)
    score = FigureScore(verdicts=verdicts)
    for r in rows:
        score.add(r["sentence"], extract_figures(r["sentence"]), r["figures"])
    print(
        f"\nfigures — {SPLIT_NAMES.get(split, split)}: {score.sentences} sentences, "
        f"{score.labelled} labelled figures, {score.found} extracted"
    )
    score.print(show_errors)
    second_annotator(split, rows, verdicts)
    return score.fields()


def second_annotator(split: str, rows: list[dict], verdicts: dict) -> None:
    """How far two people labelling the same sentences agree, scored as the extractor is:
    the ceiling a field's figure can be read against. A second annotator labelled some
    splits' sentences blind (neither the first labels nor the extractor seen), following
    the same written conventions."""
    second = {r["sentence"]: r["figures"] for r in load_stories(SECOND_ANNOTATOR) if r.get("split") == split}
    if not second:
        return
    score = FigureScore(verdicts=verdicts)
    for r in rows:
        if r["sentence"] in second:
            found = [
                SimpleNamespace(**{**dict.fromkeys((*FIGURE_FIELDS, "upper")), **f})
                for f in second[r["sentence"]]
            ]
            score.add(r["sentence"], found, r["figures"])
    print(
        f"  a second annotator on the same {score.sentences} sentences "
        f"({score.found} figures), scored against the first the same way:"
    )
    score.print(show_errors=False)


def columns_blind(split: str = "blind", show_errors: bool = True) -> None:
    """Columns on items written blind to the rules (``columns_blind.jsonl``), with the model
    as a new user gets it: fitted on the shipped examples (a fresh install), and on them
    with the sample issues imported (after ``make demo``); beside the rules alone."""
    from newsdesk.editorial.columns import with_bundled

    rows = [r for r in load_stories("columns_blind.jsonl") if r.get("split", "blind") == split]
    if not rows:
        print("\ncolumns_blind.jsonl: not found")
        return
    texts = [(r["title"], r["body"]) for r in rows]
    truth = [r["column"] for r in rows]
    fresh = ColumnModel().fit(with_bundled([]))
    demo = ColumnModel().fit(with_bundled(archive_examples(None)))
    print(f"\ncolumns — {SPLIT_NAMES.get(split, split)} (columns_blind.jsonl): {len(rows)} items")
    runs = (
        ("rules only (no model)", ColumnClassifier(None)),
        ("model alone, fresh install", None),
        ("model + rules, fresh install", ColumnClassifier(fresh)),
        ("model + rules, after make demo", ColumnClassifier(demo)),
    )
    shown = None
    for name, classifier in runs:
        if classifier is None:
            probs = fresh.probabilities(texts)
            predicted = [fresh.columns[j] for j in probs.argmax(axis=1)]
            reasons = [[] for _ in rows]
        else:
            suggestions = classifier.suggest_many(texts)
            predicted = [s.column for s in suggestions]
            reasons = [s.reasons for s in suggestions]
        right = sum(p == t for p, t in zip(predicted, truth, strict=True))
        print(f"  {name:<32} accuracy {right / len(rows):.3f}  ({right}/{len(rows)})")
        if name == "model + rules, fresh install":
            shown = (predicted, reasons)
    if show_errors and shown:
        predicted, reasons = shown
        print("  errors of model + rules, fresh install (right → suggested: title [reasons]):")
        for r, p, why in zip(rows, predicted, reasons, strict=True):
            if p != r["column"]:
                print(f"      {r['column']} → {p}: {r['title'][:30]}  [{'; '.join(why[:2])}]")


DEVELOPMENT_SETS = [
    "stories.jsonl",
    "stories_holdout.jsonl",
    "stories_holdout2.jsonl",
    "stories_holdout3.jsonl",
    "stories_holdout4.jsonl",
    "stories_holdout5.jsonl",
    "stories_holdout6.jsonl",
    "stories_holdout7.jsonl",
    "stories_holdout8.jsonl",
    "stories_holdout9.jsonl",
    "stories_holdout10.jsonl",
    "stories_holdout11.jsonl",
    "stories_holdout12.jsonl",
    "stories_holdout13.jsonl",
    "stories_holdout14.jsonl",
    "stories_holdout15.jsonl",
    "stories_holdout16.jsonl",
    "stories_holdout17.jsonl",
]
HELD_OUT_SETS = ["stories_holdout18.jsonl", "stories_holdout19.jsonl"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", help="SQLAlchemy URL of an archive to cross-validate the columns on")
    parser.add_argument(
        "--only",
        help="comma-separated sections: stories, columns, condensation, real, figures, columns-blind",
    )
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else None

    def wanted(section: str) -> bool:
        return only is None or section in only

    if wanted("real"):
        real_stories()
    if wanted("figures"):
        for split in splits_in("figures_labelled.jsonl"):
            figures_quality(split)
    if wanted("columns-blind"):
        for split in splits_in("columns_blind.jsonl"):
            columns_blind(split)
    if only is not None and not only & {"stories", "columns", "condensation"}:
        return
    # Each set is its own small news day: sets written apart may tell the same real event
    # under different story ids, so they are not pooled into one clustering run; their
    # pair counts are summed.
    everything: list[dict] = []
    for role, names in (("development", DEVELOPMENT_SETS), ("held out, never tuned on", HELD_OUT_SETS)):
        total = [0, 0, 0]
        for name in names:
            rows = load_stories(name)
            if rows:
                counts = clustering(rows, f"{role} ({name})")
                total = [t + c for t, c in zip(total, counts, strict=True)]
                everything += rows
        p, r, f = prf(*total)
        print(f"\n  == {role}, all sets, end to end: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    columns(args.database, everything)
    condensation("condense.jsonl", "development set")
    condensation("condense_holdout.jsonl", "development set (condense_holdout.jsonl)")
    condensation("condense_holdout2.jsonl", "development set (condense_holdout2.jsonl)")
    condensation("condense_holdout3.jsonl", "held out, never tuned on (condense_holdout3.jsonl)")
    for split in splits_in(HOUSE_SET):
        house_condensation(split)
    house_reprints([*DEVELOPMENT_SETS, *HELD_OUT_SETS, "real_stories_dev.jsonl", "real_stories_blind.jsonl"])


if __name__ == "__main__":
    main()
