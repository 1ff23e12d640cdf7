"""`python -m bot agents create|list|password`: console login accounts. The password is typed at
a prompt that does not echo it, or piped with --password-stdin; it is never an argument, so it
stays out of the shell history and the process list."""

from __future__ import annotations

import argparse
import getpass
import sys

from bot.accounts import Accounts
from bot.cli_options import opened_store, require_known_shop
from bot.errors import HuashuError
from bot.store.keys import AGENT_ROLE, TRAINER_ROLE


def add_account_commands(commands: argparse._SubParsersAction) -> None:
    agents = commands.add_parser("agents", help="console accounts for agents and trainers")
    actions = agents.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="create an agent (--shop) or trainer account")
    who = create.add_mutually_exclusive_group(required=True)
    who.add_argument("--shop", help="the agent's shop id, as in data/shops/<shop>.yml")
    who.add_argument("--trainer", action="store_true", help="a trainer account (all shops)")
    create.add_argument("--name", required=True, help="the login name")
    _password_option(create)
    create.set_defaults(run=_create)
    actions.add_parser("list", help="list accounts (never passwords)").set_defaults(run=_list)
    password = actions.add_parser("password", help="set a new password; ends open sessions")
    password.add_argument("--name", required=True)
    _password_option(password)
    password.set_defaults(run=_password)


def _password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input instead of a prompt",
    )


def read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise HuashuError("No terminal to ask for the password on: pass --password-stdin.")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat the password: ") != first:
        raise HuashuError("The two passwords differ; nothing was changed.")
    return first


def _create(args: argparse.Namespace) -> int:
    if not args.trainer:
        require_known_shop(args)
    password = read_password(args)
    with opened_store(args) as store:
        role = TRAINER_ROLE if args.trainer else AGENT_ROLE
        account = Accounts(store, args.clock).create(
            args.name, password, role=role, shop_id=args.shop
        )
    where = "trainer" if args.trainer else f"agent of shop {account.shop_id!r}"
    print(f"Created account {account.name!r} ({where}); log in at /console.", file=args.out)
    return 0


def _list(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        listed = Accounts(store, args.clock).list()
    print(f"{'NAME':<24}{'ROLE':<9}{'SHOP':<16}CREATED (UTC)", file=args.out)
    for account in listed:
        created = f"{account.created_at:%Y-%m-%d %H:%M:%S}"
        line = f"{account.name:<24}{account.role:<9}{account.shop_id or '-':<16}{created}"
        print(line, file=args.out)
    return 0


def _password(args: argparse.Namespace) -> int:
    password = read_password(args)
    with opened_store(args) as store:
        Accounts(store, args.clock).set_password(args.name, password)
    print(f"New password set for {args.name!r}; its open sessions are closed.", file=args.out)
    return 0
