"""Charts drawn on the server as SVG: no script, every label escaped."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

PALETTE = ["#2f6db5", "#d9822b", "#3c9a5f", "#b5443c", "#7d5ba6", "#8c6d31", "#c2549d", "#5f7a8a"]


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(label)}">' + "".join(body) + "</svg>"
    )


def outlet_day_chart(outlets: list[str], per: dict[str, dict], first: dt.date, last: dt.date) -> Markup:
    """One row of daily bars per outlet (small multiples share the scale)."""
    if not outlets:
        return Markup('<p class="empty">No articles in this window.</p>')
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    peak = max((n for counts in per.values() for n in counts.values()), default=1) or 1
    left, row, bar_area = 150, 46, 36
    width = max(left + len(days) * 8 + 20, 1100)
    step = (width - left - 20) / max(len(days), 1)
    body = []
    for i, outlet in enumerate(outlets):
        y0 = 10 + i * row
        color = PALETTE[i % len(PALETTE)]
        total = sum(per.get(outlet, {}).values())
        body.append(
            f'<text x="0" y="{y0 + bar_area - 8}" font-size="13" fill="#222">{escape(outlet[:12])}</text>'
            f'<text x="0" y="{y0 + bar_area + 6}" font-size="10" fill="#777">{total} article{"s" if total != 1 else ""}</text>'
            f'<line x1="{left}" x2="{width - 20}" y1="{y0 + bar_area}" y2="{y0 + bar_area}" stroke="#ccc"/>'
        )
        for n, day in enumerate(days):
            count = per.get(outlet, {}).get(day.isoformat(), 0)
            if not count:
                continue
            h = max(1.0, bar_area * count / peak)
            x = left + n * step
            body.append(
                f'<rect x="{x:.1f}" y="{y0 + bar_area - h:.1f}" width="{max(step - 1, 1):.1f}" '
                f'height="{h:.1f}" fill="{color}"><title>{escape(outlet)} {day}: {count}</title></rect>'
            )
    y = 10 + len(outlets) * row + 14
    body.append(f'<text x="{left}" y="{y}" font-size="11" fill="#555">{first}</text>')
    body.append(f'<text x="{width - 20}" y="{y}" font-size="11" fill="#555" text-anchor="end">{last}</text>')
    return _svg(width, y + 8, body, "articles per day per outlet")


def column_mix_chart(mix: list[tuple[int, str, dict[str, int]]]) -> Markup:
    """A stacked bar per issue: how many items each column holds."""
    if not mix:
        return Markup('<p class="empty">No issues yet.</p>')
    columns: list[str] = []
    for _, _, counts in mix:
        for c in counts:
            if c not in columns:
                columns.append(c)
    colors = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(columns)}
    peak = max(sum(counts.values()) for _, _, counts in mix) or 1
    left, width, row = 170, 1100, 26
    body = []
    for i, (_, label, counts) in enumerate(mix):
        y = 10 + i * row
        body.append(f'<text x="0" y="{y + 15}" font-size="12" fill="#222">{escape(label[:16])}</text>')
        x = float(left)
        for c in columns:
            n = counts.get(c, 0)
            if not n:
                continue
            w = (width - left - 40) * n / peak
            body.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row - 6}" fill="{colors[c]}">'
                f"<title>{escape(label)} · {escape(c)}: {n}</title></rect>"
            )
            if w > 18:
                body.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + 14}" font-size="11" fill="#fff" '
                    f'text-anchor="middle">{n}</text>'
                )
            x += w
        body.append(
            f'<text x="{x + 4:.1f}" y="{y + 15}" font-size="11" fill="#555">{sum(counts.values())}</text>'
        )
    y = 10 + len(mix) * row + 10
    x = float(left)
    for c in columns:
        body.append(
            f'<rect x="{x:.1f}" y="{y}" width="12" height="12" fill="{colors[c]}"/>'
            f'<text x="{x + 16:.1f}" y="{y + 11}" font-size="12" fill="#222">{escape(c)}</text>'
        )
        x += 24 + 13 * len(c)
    return _svg(width, y + 22, body, "column mix per issue")
