"""What the top-level `--db` and `--shops` options name, for every command group: the database to
open (and close when the command is done) and the shops a `--shop` id must be one of."""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from bot.errors import HuashuError
from bot.shop import Shop, load_shops
from bot.store import Store


@contextmanager
def opened_store(args: argparse.Namespace) -> Iterator[Store]:
    try:
        store = Store.open(args.db, args.clock())
    except (sqlite3.Error, OSError) as error:
        raise HuashuError(f"Cannot open the database {args.db}: {error}.") from None
    try:
        yield store
    finally:
        store.close()


def require_known_shop(args: argparse.Namespace) -> Shop:
    """The shop `--shop` names, from the shop files in `--shops`."""
    shops = load_shops(args.shops)
    if args.shop not in shops:
        known = ", ".join(sorted(shops))
        raise HuashuError(f"Unknown shop {args.shop!r}: {args.shops} has no such shop ({known}).")
    return shops[args.shop]
