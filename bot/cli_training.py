"""`python -m bot examples|models` and `python -m bot keys create --trainer`: the trainer's
commands. They work on the files and the database directly; the served model is one row in the
database, so a rollback made here reaches every running server within a second or so, and
`models list`, `models served` and GET /v1/models always agree."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.cli_options import opened_store
from bot.errors import HuashuError
from bot.training.examples import ExampleBook, read_table
from bot.training.serving import served_archive

PROJECT_DIR = Path(__file__).resolve().parents[1]


def add_training_commands(commands: argparse._SubParsersAction) -> None:
    examples = commands.add_parser("examples", help="add labelled training examples")
    examples.add_argument(
        "--nlu", type=Path, default=PROJECT_DIR / "data" / "nlu", help="folder of NLU YAML files"
    )
    actions = examples.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add one example to data/nlu/trainer.yml")
    add.add_argument("--intent", required=True)
    add.add_argument("--text", required=True)
    add.set_defaults(run=_examples_add)
    imported = actions.add_parser("import", help="add every row of a CSV/TSV file (text,intent)")
    imported.add_argument("file", type=Path)
    imported.set_defaults(run=_examples_import)
    models = commands.add_parser("models", help="list model versions, roll back")
    actions = models.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="versions, metrics, gate verdicts").set_defaults(run=_list)
    served = actions.add_parser("served", help="the served version (with --path: its archive)")
    served.add_argument("--path", action="store_true", help="print the archive's path instead")
    served.set_defaults(run=_served)
    rollback = actions.add_parser("rollback", help="make VERSION the served model")
    rollback.add_argument("version")
    rollback.set_defaults(run=_rollback)


def _examples_add(args: argparse.Namespace) -> int:
    added = ExampleBook(args.nlu).add(args.text, args.intent)
    print(f"added {added.text!r} as {added.intent} to {added.path}", file=args.out)
    return 0


def _examples_import(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise HuashuError(f"No file at {args.file}.")
    rows = read_table(args.file)
    if not rows:
        raise HuashuError(f"{args.file} has no examples (expected rows of text,intent).")
    sources = [f"{args.file}:{number}" for number, _ in rows]
    added = ExampleBook(args.nlu).add_many([row for _, row in rows], sources)
    print(f"added {len(added)} example(s) to {added[0].path}", file=args.out)
    return 0


def _list(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        models, served = store.training.models(), store.training.served_model()
    header = f"{'VERSION':<34}{'STATUS':<10}{'MACRO-F1':<10}{'CREATED (UTC)':<21}SERVED"
    print(header, file=args.out)
    for model in models:
        f1 = f"{model.macro_f1:.3f}" if model.macro_f1 is not None else "-"
        mark = "*" if served and served.version == model.version else ""
        created = f"{model.created_at:%Y-%m-%d %H:%M:%S}"
        print(f"{model.version:<34}{model.status:<10}{f1:<10}{created:<21}{mark}", file=args.out)
    return 0


def _served(args: argparse.Namespace) -> int:
    """For scripts: `rasa shell -m $(python -m bot models served --path)` talks to the model the
    API serves."""
    with opened_store(args) as store:
        served, archive = store.training.served_model(), served_archive(store)
    if served is None:
        raise HuashuError(f"No model is served yet in {args.db}: start the API once (`make run`).")
    if args.path and archive is None:
        raise HuashuError(f"Model {served.version} has no archive on disk ({served.path}).")
    print(archive if args.path else served.version, file=args.out)
    return 0


def _rollback(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        record = store.training.model(args.version)
        if not record.path or not Path(record.path).is_file():
            raise HuashuError(f"Model {args.version} has no archive on disk ({record.path}).")
        store.training.mark_served(args.version, args.clock())
        chosen = served_archive(store)
    print(
        f"{args.version} is now the served model ({chosen}); running servers switch to it within "
        "a second or so.",
        file=args.out,
    )
    return 0
