"""`python -m bot report`: the supervisor's report of a period, Markdown with PNG charts."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from bot.cli_options import opened_store, require_known_shop
from bot.errors import HuashuError
from bot.figures import figures_of_days
from bot.report import write_report


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-11-30, got {text!r}") from None


def add_report_command(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser(
        "report", help="a shop's service figures of a period, as Markdown with PNG charts"
    )
    report.add_argument("--shop", default="demo", help="shop id (default: %(default)s)")
    report.add_argument("--since", type=_day, required=True, help="first day, in the shop's time")
    report.add_argument("--until", type=_day, required=True, help="last day, included")
    report.add_argument(
        "--out", dest="report_dir", type=Path, default=Path("reports"), help="report folder"
    )
    report.set_defaults(run=_report)


def _report(args: argparse.Namespace) -> int:
    if args.since > args.until:
        raise HuashuError(f"--since {args.since} is after --until {args.until}.")
    shop = require_known_shop(args)
    with opened_store(args) as store:
        figures = figures_of_days(store, shop, args.since, args.until)
    path = write_report(shop.name, figures, str(args.since), str(args.until), args.report_dir)
    print(f"report: {path}", file=args.out)
    return 0
