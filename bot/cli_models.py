"""`python -m bot train` and `python -m bot evaluate`: the model commands of the CLI.

Rasa is imported inside the commands, so `python -m bot keys ...` starts in a fraction of a second.
"""

from __future__ import annotations

import argparse
import functools
import tempfile
from datetime import datetime
from pathlib import Path

from bot.cli_options import opened_store
from bot.errors import USAGE_ERROR, HuashuError
from bot.evaluation import evaluate, overlapping_texts, read_labelled_tsv, stratified_split
from bot.evaluation_report import markdown_report, summary_line, write_confusion_png
from bot.nlu.archives import latest_model_path
from bot.nlu.data import REAL_STYLE_FILES, read_nlu_examples, write_nlu_examples
from bot.nlu.errors import rasa_errors_as_sentences
from bot.nlu.normalize import bubbles
from bot.nlu.understanding import first_request_intent, understanding_from_parse
from bot.quiet import library_output, quiet_libraries

PROJECT_DIR = Path(__file__).resolve().parents[1]
DEV_SET = PROJECT_DIR.parent / "shared" / "eval" / "dev.tsv"


def add_model_commands(commands: argparse._SubParsersAction) -> None:
    train = commands.add_parser("train", help="train a model (NLU pipeline + rules) into models/")
    _add_training_paths(train)
    train.add_argument(
        "--models", type=Path, default=PROJECT_DIR / "models", help="folder for the new model"
    )
    train.add_argument(
        "--gated",
        action="store_true",
        help="train a candidate, compare it with the served model on the held-out split and "
        "register it; promoted only if it passes the gate (as POST /v1/training/runs)",
    )
    train.set_defaults(run=_train)
    check = commands.add_parser("evaluate", help="measure the intent model on held-out data")
    _add_training_paths(check)
    check.add_argument("--dev", type=Path, default=DEV_SET, help="labelled TSV never trained on")
    check.add_argument(
        "--held-out", type=float, default=0.2, help="share of the real-style examples held out"
    )
    check.add_argument("--reports", type=Path, default=PROJECT_DIR / "reports")
    check.set_defaults(run=_evaluate)


def _add_training_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=PROJECT_DIR / "config.yml")
    parser.add_argument("--domain", type=Path, default=PROJECT_DIR / "domain.yml")
    parser.add_argument("--data", type=Path, default=PROJECT_DIR / "data", help="Rasa data folder")
    parser.add_argument(
        "--verbose", action="store_true", help="show Rasa's and TensorFlow's own output"
    )


def _train(args: argparse.Namespace) -> int:
    quiet_libraries(verbose=args.verbose)
    if args.gated:
        return _gated_train(args)
    from bot.nlu.prefetch import prefetching

    name = f"huashu-{args.clock():%Y%m%d-%H%M%S}"
    print(f"training {name} from {args.data} with {args.config} ...", file=args.err)
    # the encoder starts on the examples while Rasa is still being imported (~8 s)
    with prefetching(args.config, args.data):
        from bot.nlu.model import train_model

        with rasa_errors_as_sentences(), library_output(verbose=args.verbose):
            archive = train_model(args.config, args.data, args.domain, args.models, name)
    print(archive, file=args.out)
    return 0


def _gated_train(args: argparse.Namespace) -> int:
    """The API's gated run in this process, step by step; exit 1 when the gate rejects."""
    from bot.nlu.model import NluModel
    from bot.training.runs import TrainingRunner, rasa_candidate
    from bot.training.serving import ModelServing, served_archive

    with opened_store(args) as store:
        served_path = served_archive(store) or latest_model_path(args.models)
        if served_path is None:
            raise HuashuError(
                f"no model in {args.models} to compare with: run `python -m bot train` first"
            )
        served = [NluModel.load(served_path)]
        serving = ModelServing(
            store, lambda: served[0], lambda model: served.__setitem__(0, model),
            NluModel.load, args.clock,
        )  # fmt: skip
        serving.register_started(served_path)
        candidate = rasa_candidate(args.config, args.domain, args.data / "rules")
        runner = TrainingRunner(
            store, serving, args.data / "nlu", args.models, candidate, args.clock
        )
        with library_output(verbose=args.verbose):
            run = runner.run_now(
                lambda step, progress: print(f"[{progress:4.0%}] {step}", file=args.err)
            )
        gate = store.training.model(run.version).gate if run.version else None
    return _report_run(run, gate, args)


def _report_run(run, gate, args: argparse.Namespace) -> int:
    reasons = "; ".join((gate or {}).get("reasons", ())) or run.error or ""
    print(f"run {run.run_id}: {run.status} {run.version or ''} {reasons}".rstrip(), file=args.out)
    return {"promoted": 0, "rejected": 1}.get(run.status, USAGE_ERROR)


def _evaluate(args: argparse.Namespace) -> int:
    if not args.dev.is_file():
        raise HuashuError(f"no development set at {args.dev}: pass --dev PATH (text<TAB>intent)")
    quiet_libraries(verbose=args.verbose)
    examples = read_nlu_examples(args.data / "nlu")
    dev = read_labelled_tsv(args.dev)
    _refuse_dev_messages_in_training_data(examples, dev, args.dev)
    held_out_title, train_split, held_out = _held_out_split(args, examples)
    args.reports.mkdir(parents=True, exist_ok=True)
    sections = [f"# NLU evaluation, {datetime.now():%Y-%m-%d %H:%M}\n"]
    # One model for both measures (training is the slow part): it never sees the held-out
    # split nor the dev set.
    print(f"training on {len(train_split)} examples ...", file=args.err)
    parse = _trained_parser(args, train_split)
    runs = [(held_out_title, held_out, "heldout"), (f"dev set {args.dev.name}", dev, "dev")]
    for title, test_examples, slug in runs:
        report = evaluate(lambda text: understanding_from_parse(parse(text)).intent, test_examples)
        print(summary_line(title, report), file=args.out)
        write_confusion_png(report, args.reports / f"confusion_{slug}.png", title)
        sections += [markdown_report(title, report), _bubble_rules(title, parse, test_examples)]
    (args.reports / "evaluation.md").write_text("\n".join(sections), encoding="utf-8")
    print(f"report: {args.reports / 'evaluation.md'}", file=args.out)
    return 0


def _bubble_rules(title: str, parse, test_examples) -> str:
    """Messages of several bubbles labelled by the whole message (what the model answers) and
    by the first bubble that asks for something (per-bubble scoring)."""
    several = [(text, intent) for text, intent in test_examples if len(bubbles(text)) > 1]
    if not several:
        return ""
    whole = evaluate(lambda text: understanding_from_parse(parse(text)).intent, several)
    first = evaluate(lambda text: first_request_intent(parse(text)), several)
    return (
        f"Several bubbles ({title}, {len(several)} messages): whole message accuracy "
        f"{whole.accuracy:.1%}, first bubble with a request {first.accuracy:.1%}.\n"
    )


def _refuse_dev_messages_in_training_data(examples, dev, dev_path: Path) -> None:
    """The dev set measures what the model never saw: a dev message in data/nlu makes every
    figure of the report optimistic, so the evaluation stops instead."""
    overlap = overlapping_texts(examples, dev)
    if overlap:
        shown = "; ".join(overlap[:5])
        raise HuashuError(
            f"{len(overlap)} message(s) of {dev_path} are in the training data ({shown}): "
            "remove them from data/nlu, the dev set is never trained on"
        )


def _held_out_split(args: argparse.Namespace, examples):
    """A share of the real-style examples (data/nlu/real_*.yml) is held out: they look like
    real traffic. Without such files, the same share of every file is held out."""
    real = read_nlu_examples(args.data / "nlu", REAL_STYLE_FILES)
    if not real:
        train_split, held_out = stratified_split(examples, args.held_out)
        return "held-out split of data/nlu", train_split, held_out
    _, held_out = stratified_split(real, args.held_out)
    held = set(held_out)
    train_split = [example for example in examples if example not in held]
    return "held-out split of the real-style examples", train_split, held_out


def _trained_parser(args: argparse.Namespace, train_examples):
    """A model trained on `train_examples`; its parses are remembered (each rule reads them)."""
    from bot.nlu.model import NluModel, train_nlu_model

    with (
        tempfile.TemporaryDirectory() as workdir,
        rasa_errors_as_sentences(),
        library_output(verbose=args.verbose),
    ):
        data = write_nlu_examples(train_examples, Path(workdir) / "nlu.yml")
        archive = train_nlu_model(args.config, data, args.domain, workdir, "evaluation")
        model = NluModel.load(archive)
    return functools.lru_cache(maxsize=None)(model.parse)
