"""Server-rendered SVG bar charts: per intent or tactic, the share of verdicts that were accepted,
edited and rejected, one stacked bar each (no JavaScript, no chart library)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from bot.store.records import OutcomeCounts

WIDTH = 620
LABEL_WIDTH = 170
BAR_WIDTH = 300
ROW_HEIGHT = 26
TOP = 30
SEGMENTS = (
    ("accepted", "采用", "#2e7d32"),
    ("edited", "编辑后发送", "#f2a900"),
    ("rejected", "拒绝", "#c62828"),
)
NO_FEEDBACK = "#d5d8dc"


def _legend() -> list[str]:
    parts, x = [], LABEL_WIDTH
    for _, name, colour in SEGMENTS:
        parts.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="16" class="legend">{name}</text>')
        x += 30 + 14 * len(name)
    return parts


def _bar(counts: OutcomeCounts, y: int) -> list[str]:
    if not counts.with_feedback:
        title = "尚无客服反馈"
        return [
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{BAR_WIDTH}" height="16" fill="{NO_FEEDBACK}">'
            f"<title>{title}</title></rect>"
        ]
    parts, x = [], float(LABEL_WIDTH)
    for field, name, colour in SEGMENTS:
        count = getattr(counts, field)
        width = BAR_WIDTH * count / counts.with_feedback
        if count:
            share = f"{name} {count}/{counts.with_feedback}"
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="16" fill="{colour}">'
                f"<title>{escape(share)}</title></rect>"
            )
        x += width
    return parts


def _summary(counts: OutcomeCounts) -> str:
    if not counts.with_feedback:
        return f"无反馈 · 共 {counts.suggestions}"
    accepted = counts.rate(counts.accepted) or 0.0
    return f"采用 {accepted * 100:.0f}% · {counts.with_feedback}/{counts.suggestions}"


def outcome_chart(
    rows: Sequence[OutcomeCounts], label: Callable[[str], str], caption: str
) -> Markup:
    height = TOP + ROW_HEIGHT * max(1, len(rows)) + 6
    parts = [
        f'<svg class="chart" role="img" width="{WIDTH}" height="{height}"'
        f' viewBox="0 0 {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(caption)}</title>",
        *_legend(),
    ]
    if not rows:
        empty = "这段时间没有建议"
        parts.append(f'<text x="{LABEL_WIDTH}" y="{TOP + 14}" class="empty">{empty}</text>')
    for index, counts in enumerate(rows):
        y = TOP + index * ROW_HEIGHT
        name = f"{label(counts.key)} ({counts.key})"
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 13}" class="label" text-anchor="end">'
            f"{escape(name)}</text>"
        )
        parts.extend(_bar(counts, y))
        parts.append(
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 8}" y="{y + 13}" class="value">'
            f"{escape(_summary(counts))}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
