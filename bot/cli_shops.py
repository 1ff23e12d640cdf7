"""`python -m bot shops check [DIR]`: validate every shop file before serving it."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.errors import USAGE_ERROR
from bot.shop.loader import check_shops, shop_files


def add_shop_commands(commands: argparse._SubParsersAction) -> None:
    shops = commands.add_parser("shops", help="shop files")
    actions = shops.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = actions.add_parser(
        "check", help="validate every shop file; one line per problem, exit code 2 on any"
    )
    check.add_argument(
        "directory",
        nargs="?",
        type=Path,
        help="folder of shop files (default: --shops, i.e. $HUASHU_SHOPS_DIR or data/shops)",
    )
    check.set_defaults(run=_check)


def _check(args: argparse.Namespace) -> int:
    directory = args.directory or args.shops
    problems = check_shops(directory)
    for problem in problems:
        print(problem, file=args.out)
    if problems:
        files = len({problem.file for problem in problems})
        print(f"{len(problems)} problem(s) in {files} file(s) of {directory}", file=args.err)
        return USAGE_ERROR
    names = ", ".join(path.name for path in shop_files(directory))
    print(
        f"{directory}: {len(shop_files(directory))} shop file(s), all valid ({names})",
        file=args.out,
    )
    return 0
