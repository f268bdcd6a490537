"""Plain records shared by the archive, the editorial stages and rendering."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Attribution:
    """What an attribution line says: 来源 (outlet), 编选 (office), date.

    ``outlet_mark`` keeps the quotes the outlet was printed in: ``《》`` for a newspaper or
    magazine, ``“”`` for a website or agency. ``office_compiled`` is the 编辑部整理 variant,
    where the office wrote the item itself from several reports and there is no outlet.
    """

    outlet: str | None = None
    outlet_mark: str | None = None
    office_compiled: bool = False
    editorial_office: str | None = None
    date: dt.date | None = None


@dataclass
class Item:
    column: str
    title: str
    body: str  # paragraphs separated by "\n"
    attribution: Attribution | None = None
    source_url: str | None = None  # the original report, for items newsdesk composed
    # 1-based line numbers in the source text, for error messages and reports
    first_line: int | None = None
    last_line: int | None = None

    def as_public_dict(self) -> dict:
        """The stable JSON shape of ``newsdesk parse-issue --json``."""
        a = self.attribution or Attribution()
        return {
            "column": self.column,
            "title": self.title,
            "body": self.body,
            "outlet": a.outlet,
            "office_compiled": a.office_compiled,
            "editorial_office": a.editorial_office,
            "date": a.date.isoformat() if a.date else None,
        }


@dataclass(frozen=True)
class UnplacedText:
    """Text the parser could not place in an item: reported, never dropped in silence."""

    first_line: int
    last_line: int
    text: str
    reason: str


@dataclass
class Publication:
    name: str | None = None  # journal name without 《》
    office: str | None = None  # e.g. 《电子商务动态》编辑部
    columns: list[str] = field(default_factory=list)
    # The look of published output; set in newsdesk.toml, not learned from the archive.
    sponsor: str | None = None  # 主办, e.g. 中国国际电子商务中心
    logo: str | None = None  # path of an image printed in the masthead

    @property
    def display_name(self) -> str:
        return f"《{self.name}》" if self.name else "（未命名刊物）"


@dataclass
class Issue:
    items: list[Item]
    publication: Publication = field(default_factory=Publication)
    label: str | None = None
    issue_date: dt.date | None = None
    unplaced: list[UnplacedText] = field(default_factory=list)
    # Set for issues stored in the archive. ``serial`` is 总第N期; ``revision`` counts the
    # corrections of a published issue (1 = as first published), all sharing one label;
    # ``published_at`` is None for issues imported from files.
    id: int | None = None
    serial: int | None = None
    revision: int = 1
    published_at: dt.datetime | None = None

    def columns_in_order(self) -> list[str]:
        """Columns present, in the publication's order; unknown ones after, as first seen."""
        seen = list(dict.fromkeys(item.column for item in self.items))
        order = {name: i for i, name in enumerate(self.publication.columns)}
        first_seen = {name: i for i, name in enumerate(seen)}
        return sorted(seen, key=lambda c: (order.get(c, len(order)), first_seen[c]))

    def items_by_column(self) -> list[tuple[str, list[Item]]]:
        by_column: dict[str, list[Item]] = {}
        for item in self.items:
            by_column.setdefault(item.column, []).append(item)
        return [(c, by_column[c]) for c in self.columns_in_order()]

    def newest_item_date(self) -> dt.date | None:
        dates = [i.attribution.date for i in self.items if i.attribution and i.attribution.date]
        return max(dates) if dates else None
