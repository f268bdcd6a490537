"""Relevance to the publication's beat.

Learned from the archive: every item the office ever published is a positive example of
the beat. A text is relevant in proportion to how close it comes to its nearest past
items (TF-IDF over jieba words, cosine), scaled by how close past items come to each
other, so 1.0 means "as close as a typical archive item is to its neighbours". Configured
include keywords add to that, exclude keywords take away. The top reasons are shown: the
nearest past item, the beat's words the text uses, the keywords that fired.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

NEIGHBOURS = 3
# frequent in any Chinese news text: no evidence of the beat
_GENERIC = set(
    "通过 继续 利用 表示 方面 进一步 目前 近日 日前 以及 我们 其中 同时 此外 显示 数据 多个 超过 其他 相关 进行 "
    "开展 推动 推进 加强 提升 发展 工作 已经 可以 需要 成为 今年 去年 全国 我国 中国 有关 负责人 介绍 记者 "
    "了解 据悉 活动 服务 企业 市场 增长 同比 亿元 万元 部分 不断 持续 有效 主要 重要 积极 进入 实现 提供 "
    "支持 加快 完善 建设 发布 表明 指出 认为 以来 期间 之后 之前 业内人士 近期 专家 问题 情况 影响 能力".split()
)
INCLUDE_BONUS = 0.15
EXCLUDE_PENALTY = 0.5


@dataclass
class Relevance:
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ArchiveText:
    title: str
    body: str


class RelevanceModel:
    def __init__(self, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> None:
        self.include = [k for k in include if k]
        self.exclude = [k for k in exclude if k]
        self.vectorizer = None
        self.matrix = None
        self.titles: list[str] = []
        self.typical = 1.0
        self.beat_weights: dict[str, float] = {}

    def fit(self, archive: Sequence[ArchiveText]) -> RelevanceModel:
        from sklearn.feature_extraction.text import TfidfVectorizer

        from newsdesk.text.tokens import analyzer

        if len(archive) < 2:
            return self
        self.vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, min_df=1)
        self.matrix = self.vectorizer.fit_transform([f"{a.title}\n{a.body}" for a in archive])
        self.titles = [a.title for a in archive]
        sims = (self.matrix @ self.matrix.T).toarray()
        np.fill_diagonal(sims, 0.0)
        k = min(NEIGHBOURS, len(archive) - 1)
        top = -np.sort(-sims, axis=1)[:, :k].mean(axis=1)
        self.typical = float(np.median(top)) or 1.0
        # the beat's words: frequent across the archive (document frequency), not rare names
        df = np.asarray((self.matrix > 0).sum(axis=0)).ravel() / len(archive)
        names = self.vectorizer.get_feature_names_out()
        self.beat_weights = {
            names[i]: float(df[i])
            for i in np.argsort(-df)[:400]
            if len(names[i]) >= 2 and names[i] not in _GENERIC and not any(c.isdigit() for c in names[i])
        }
        return self

    def score(self, title: str, body: str) -> Relevance:
        return self.score_many([(title, body)])[0]

    def score_many(self, texts: Sequence[tuple[str, str]]) -> list[Relevance]:
        out: list[Relevance] = []
        sims = None
        if self.vectorizer is not None and texts:
            x = self.vectorizer.transform([f"{t}\n{b}" for t, b in texts])
            sims = (x @ self.matrix.T).toarray()
        for i, (title, body) in enumerate(texts):
            reasons: list[str] = []
            text = f"{title}\n{body}"
            if sims is not None:
                row = sims[i]
                k = min(NEIGHBOURS, len(row))
                nearest = np.argsort(-row)[:k]
                # 1.0 = as near as archive items are to each other; map to (0, 1) smoothly so
                # that very near stories still rank above merely near ones
                ratio = float(row[nearest].mean()) / self.typical
                base = ratio / (ratio + 0.5)
                reasons.append(f"like past item 《{self.titles[nearest[0]][:24]}》 ({row[nearest[0]]:.2f})")
                # the first four found (the beat's most frequent words come first, so the
                # search mostly stops early instead of trying all 400 on every text)
                beat = list(itertools.islice((w for w in self.beat_weights if w in text), 4))
                if beat:
                    reasons.append("beat words: " + "、".join(beat))
            else:
                base = 0.5
                reasons.append("no archive to learn the beat from")
            included = [k for k in self.include if k in text]
            excluded = [k for k in self.exclude if k in text]
            score = base + INCLUDE_BONUS * min(len(included), 2) - EXCLUDE_PENALTY * len(excluded)
            if included:
                reasons.insert(0, "include keywords: " + "、".join(included))
            if excluded:
                reasons.insert(0, "exclude keywords: " + "、".join(excluded))
            out.append(Relevance(float(min(max(score, 0.0), 1.0)), reasons[:3]))
        return out
