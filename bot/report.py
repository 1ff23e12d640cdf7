"""The supervisor's report: the service figures of a period as Markdown with three PNG charts
(the inquiry funnel, response times against the norms, payment reminders by channel)."""

from __future__ import annotations

from pathlib import Path

from bot.figures import AVERAGE_RESPONSE_NORM_S, FIRST_RESPONSE_NORM_S, SalesFigures

CHARTS = ("funnel.png", "response_times.png", "reminders.png")


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} s"


def _verdict(value: float | None, norm: float) -> str:
    if value is None:
        return "no answered messages"
    return "within the norm" if value <= norm else "over the norm"


def markdown(shop_name: str, figures: SalesFigures, first_day: str, last_day: str) -> str:
    lines = [
        f"# {shop_name}: service report {first_day} – {last_day}",
        "",
        "## Inquiries (询单转化率)",
        f"- conversations with a buyer message: {figures.inquiries}",
        f"- with an order: {figures.ordered} ({_percent(figures.order_rate)})",
        f"- paid: {figures.paid} (询单转化率 {_percent(figures.inquiry_conversion)})",
        "",
        "![inquiry funnel](funnel.png)",
        "",
        "## Response times (buyer message → agent's accepted or edited draft)",
        f"- answered messages: {figures.answered_messages}",
        f"- first reply: {_seconds(figures.first_response_s)}, norm ≤ "
        f"{FIRST_RESPONSE_NORM_S:g} s: {_verdict(figures.first_response_s, FIRST_RESPONSE_NORM_S)}",
        f"- average reply: {_seconds(figures.average_response_s)}, norm ≤ "
        f"{AVERAGE_RESPONSE_NORM_S:g} s: "
        f"{_verdict(figures.average_response_s, AVERAGE_RESPONSE_NORM_S)}",
        "",
        "![response times](response_times.png)",
        "",
        "## Refunds",
        f"- refund requests: {figures.refund_requests} of {figures.messages} messages "
        f"({_percent(figures.refund_share)})",
        f"- refunds resolved: {figures.refunds_resolved}, average "
        + ("-" if figures.refund_hours is None else f"{figures.refund_hours:.1f} h")
        + " from the first request",
        "",
        "## Payment reminders (催付)",
        "| channel | followed | converted | rate | won |",
        "|---|---|---|---|---|",
    ]
    for channel, row in figures.reminders_by_channel.items():
        lines.append(
            f"| {channel} | {row.followed} | {row.converted} | {_percent(row.rate)} "
            f"| {row.amount_won:g} |"
        )
    if not figures.reminders_by_channel:
        lines.append("| (no outcomes recorded) | 0 | 0 | - | 0 |")
    lines += ["", "![reminders by channel](reminders.png)", ""]
    return "\n".join(lines)


def write_report(
    shop_name: str, figures: SalesFigures, first_day: str, last_day: str, out_dir: Path
) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    _charts(figures, out_dir)
    path = out_dir / "report.md"
    path.write_text(markdown(shop_name, figures, first_day, last_day), encoding="utf-8")
    return path


def _charts(figures: SalesFigures, out_dir: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    funnel, axes = pyplot.subplots(figsize=(5, 3))
    axes.bar(["inquiries", "ordered", "paid"], [figures.inquiries, figures.ordered, figures.paid])
    axes.set_title("Inquiry funnel")
    _save(pyplot, funnel, out_dir / "funnel.png")

    times, axes = pyplot.subplots(figsize=(5, 3))
    values = [figures.first_response_s or 0, figures.average_response_s or 0]
    axes.bar(["first reply", "average reply"], values, color=["tab:blue", "tab:cyan"])
    axes.scatter(["first reply", "average reply"], [FIRST_RESPONSE_NORM_S, AVERAGE_RESPONSE_NORM_S],
                 marker="_", s=2000, color="tab:red", label="norm")  # fmt: skip
    axes.set_ylabel("seconds")
    axes.set_ylim(0, max(*values, AVERAGE_RESPONSE_NORM_S) * 1.3)
    axes.legend(loc="upper left")
    axes.set_title("Response times")
    _save(pyplot, times, out_dir / "response_times.png")

    reminders, axes = pyplot.subplots(figsize=(5, 3))
    channels = list(figures.reminders_by_channel) or ["none"]
    rows = [figures.reminders_by_channel.get(channel) for channel in channels]
    axes.bar(channels, [row.followed if row else 0 for row in rows], label="followed")
    axes.bar(channels, [row.converted if row else 0 for row in rows], label="converted")
    axes.legend()
    axes.set_title("Payment reminders by channel")
    _save(pyplot, reminders, out_dir / "reminders.png")


def _save(pyplot, figure, path: Path) -> None:
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    pyplot.close(figure)
