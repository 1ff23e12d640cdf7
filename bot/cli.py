"""`python -m bot <command>`: maintenance commands. Each command group registers its own
subparser, so new groups (examples, train, evaluate, models) plug in beside `keys`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from bot import settings
from bot.cli_accounts import add_account_commands
from bot.cli_models import add_model_commands
from bot.cli_options import opened_store, require_known_shop
from bot.cli_report import add_report_command
from bot.cli_shops import add_shop_commands
from bot.cli_training import add_training_commands
from bot.errors import USAGE_ERROR, HuashuError
from bot.shop import ShopProfileError
from bot.store.keys import AGENT_ROLE, TRAINER_ROLE
from bot.store.records import ApiKeyInfo

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _keys_create(args: argparse.Namespace) -> int:
    if args.trainer:
        return _create_key(args, "", TRAINER_ROLE)
    if not args.shop:
        raise HuashuError("Pass --shop SHOP for an agent key, or --trainer for a trainer key.")
    require_known_shop(args)
    return _create_key(args, args.shop, AGENT_ROLE)


def _create_key(args: argparse.Namespace, shop_id: str, role: str) -> int:
    """The key alone on stdout, shown once (so `$(...)` captures it); the note on stderr."""
    with opened_store(args) as store:
        new = store.keys.create(shop_id, args.clock(), role=role)
    print(new.key, file=args.out)
    print(_new_key_note(new.info), file=args.err)
    return 0


def _new_key_note(info: ApiKeyInfo) -> str:
    once = "It is shown only this once; send it in the X-API-Key header"
    if info.role == TRAINER_ROLE:
        return f"Created trainer key {info.key_id}. {once} to /v1/training and /v1/models."
    return f"Created key {info.key_id} for shop {info.shop_id!r}. {once}."


def _keys_list(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        keys = store.keys.list(args.shop)
    print(f"{'KEY ID':<14}{'ROLE':<9}{'SHOP':<16}{'CREATED (UTC)':<22}STATUS", file=args.out)
    for info in keys:
        status = f"revoked {info.revoked_at:%Y-%m-%d %H:%M}" if info.revoked_at else "active"
        created = f"{info.created_at:%Y-%m-%d %H:%M:%S}"
        line = f"{info.key_id:<14}{info.role:<9}{info.shop_id or '-':<16}{created:<22}{status}"
        print(line, file=args.out)
    return 0


def _keys_revoke(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        info = store.keys.revoke(args.key_id, args.clock())
    print(f"Key {info.key_id} of shop {info.shop_id!r} is revoked.", file=args.out)
    return 0


def _add_keys(commands: argparse._SubParsersAction) -> None:
    keys = commands.add_parser("keys", help="create, list and revoke per-shop API keys")
    actions = keys.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="create a key for a shop and print it once")
    who = create.add_mutually_exclusive_group(required=True)
    who.add_argument("--shop", help="shop id, as in data/shops/<shop>.yml")
    who.add_argument("--trainer", action="store_true", help="a trainer key (training, models)")
    create.set_defaults(run=_keys_create)
    listing = actions.add_parser("list", help="list keys (ids and shops, never the secrets)")
    listing.add_argument("--shop", help="only this shop's keys")
    listing.set_defaults(run=_keys_list)
    revoke = actions.add_parser("revoke", help="revoke a key by its key id")
    revoke.add_argument("key_id")
    revoke.set_defaults(run=_keys_revoke)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.split(". ")[0] + ".")
    parser.add_argument(
        "--db",
        type=Path,
        default=settings.db_path(),
        help="SQLite file (default: $HUASHU_DB_PATH or %(default)s)",
    )
    parser.add_argument(
        "--shops",
        type=Path,
        default=settings.shops_dir(),
        help="directory of shop files (default: $HUASHU_SHOPS_DIR or %(default)s)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_keys(commands)
    add_model_commands(commands)
    add_training_commands(commands)
    add_report_command(commands)
    add_shop_commands(commands)
    add_account_commands(commands)
    return parser


def main(
    argv: Sequence[str] | None = None,
    clock: Clock = utc_now,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    args = build_parser().parse_args(argv)
    args.clock, args.out, args.err = clock, out, err
    try:
        return args.run(args)
    except (HuashuError, ShopProfileError) as error:
        print(f"error: {error}", file=err)
        return USAGE_ERROR
