"""`python -m bot train` and `python -m bot evaluate`: the model commands of the CLI.

Rasa is imported inside the commands, so `python -m bot keys ...` starts in a fraction of a second.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from bot.errors import HuashuError
from bot.evaluation import evaluate, read_labelled_tsv, stratified_split
from bot.evaluation_report import markdown_report, summary_line, write_confusion_png
from bot.nlu.data import read_nlu_examples, write_nlu_examples
from bot.nlu.understanding import understanding_from_parse

PROJECT_DIR = Path(__file__).resolve().parents[1]
DEV_SET = PROJECT_DIR.parent / "shared" / "eval" / "dev.tsv"


def add_model_commands(commands: argparse._SubParsersAction) -> None:
    train = commands.add_parser("train", help="train a model (NLU pipeline + rules) into models/")
    _add_training_paths(train)
    train.add_argument(
        "--models", type=Path, default=PROJECT_DIR / "models", help="folder for the new model"
    )
    train.set_defaults(run=_train)
    check = commands.add_parser("evaluate", help="measure the intent model on held-out data")
    _add_training_paths(check)
    check.add_argument("--dev", type=Path, default=DEV_SET, help="labelled TSV never trained on")
    check.add_argument("--held-out", type=float, default=0.2, help="share of data/nlu held out")
    check.add_argument("--reports", type=Path, default=PROJECT_DIR / "reports")
    check.set_defaults(run=_evaluate)


def _add_training_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=PROJECT_DIR / "config.yml")
    parser.add_argument("--domain", type=Path, default=PROJECT_DIR / "domain.yml")
    parser.add_argument("--data", type=Path, default=PROJECT_DIR / "data", help="Rasa data folder")


def _train(args: argparse.Namespace) -> int:
    from bot.nlu.model import train_model

    name = f"huashu-{args.clock():%Y%m%d-%H%M%S}"
    print(f"training {name} from {args.data} with {args.config} ...", file=args.err)
    with _rasa_errors_as_sentences():
        archive = train_model(args.config, args.data, args.domain, args.models, name)
    print(archive, file=args.out)
    return 0


@contextmanager
def _rasa_errors_as_sentences() -> Iterator[None]:
    """Rasa reports bad config or data with its own exceptions; the CLI says them in a sentence."""
    from rasa.shared.exceptions import RasaException

    try:
        yield
    except (RasaException, RuntimeError) as error:
        raise HuashuError(f"training failed: {error}") from error


def _evaluate(args: argparse.Namespace) -> int:
    if not args.dev.is_file():
        raise HuashuError(f"no development set at {args.dev}: pass --dev PATH (text<TAB>intent)")
    examples = read_nlu_examples(args.data / "nlu")
    train_split, held_out = stratified_split(examples, args.held_out)
    args.reports.mkdir(parents=True, exist_ok=True)
    sections = [f"# NLU evaluation, {datetime.now():%Y-%m-%d %H:%M}\n"]
    runs = [
        ("held-out split of data/nlu", train_split, held_out, "heldout"),
        (f"dev set {args.dev.name}", examples, read_labelled_tsv(args.dev), "dev"),
    ]
    for title, train_examples, test_examples, slug in runs:
        print(f"[{slug}] training on {len(train_examples)} examples ...", file=args.err)
        report = _train_and_measure(args, train_examples, test_examples)
        print(summary_line(title, report), file=args.out)
        write_confusion_png(report, args.reports / f"confusion_{slug}.png", title)
        sections.append(markdown_report(title, report))
    (args.reports / "evaluation.md").write_text("\n".join(sections), encoding="utf-8")
    print(f"report: {args.reports / 'evaluation.md'}", file=args.out)
    return 0


def _train_and_measure(args: argparse.Namespace, train_examples, test_examples):
    from bot.nlu.model import NluModel, train_nlu_model

    with tempfile.TemporaryDirectory() as workdir, _rasa_errors_as_sentences():
        data = write_nlu_examples(train_examples, Path(workdir) / "nlu.yml")
        archive = train_nlu_model(args.config, data, args.domain, workdir, "evaluation")
        model = NluModel.load(archive)
    return evaluate(lambda text: understanding_from_parse(model.parse(text)).intent, test_examples)
