"""Adding labelled examples: validation, the trainer file in Rasa format, CSV/TSV import, CLI."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from bot.cli import main as cli
from bot.errors import ConflictError, InvalidRequestError
from bot.nlu.data import read_nlu_examples
from bot.training.examples import ExampleBook

PROJECT_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def nlu_dir(tmp_path: Path) -> Path:
    """A copy of the real data: tests never write to data/nlu."""
    return Path(shutil.copytree(PROJECT_DIR / "data" / "nlu", tmp_path / "nlu"))


def test_added_example_round_trips_through_the_yaml_file(nlu_dir: Path):
    before = read_nlu_examples(nlu_dir)
    ExampleBook(nlu_dir).add("能不能再少二十", "price_objection")
    ExampleBook(nlu_dir).add("  发票抬头写错了  ", "invoice_request")
    assert (nlu_dir / "trainer.yml").read_text(encoding="utf-8") == (
        'version: "3.1"\nnlu:\n'
        "- intent: invoice_request\n  examples: |\n    - 发票抬头写错了\n"
        "- intent: price_objection\n  examples: |\n    - 能不能再少二十\n"
    )
    after = read_nlu_examples(nlu_dir)
    assert sorted(set(after) - set(before)) == [
        ("发票抬头写错了", "invoice_request"),
        ("能不能再少二十", "price_objection"),
    ]


def test_examples_stay_sorted_so_diffs_stay_small(nlu_dir: Path):
    book = ExampleBook(nlu_dir)
    for text in ["打个折", "少二十吧", "再少点"]:
        book.add(text, "price_objection")
    # code-point order, whatever order they were added in
    assert book.trainer_examples() == [
        ("再少点", "price_objection"),
        ("少二十吧", "price_objection"),
        ("打个折", "price_objection"),
    ]


@pytest.mark.parametrize(
    "text, intent, code, message",
    [
        ("还能便宜吗?", "haggle", "unknown_intent", "intent: unknown intent 'haggle'; use one of"),
        ("   ", "greet", "empty_text", "text: must not be empty or whitespace only."),
        ("好" * 201, "greet", "text_too_long", "text: must be at most 200 characters (got 201)."),
        ("第一行\n第二行", "greet", "multiline_text", "text: must be a single line."),
        ("第一行\u2028第二行", "greet", "multiline_text", "text: must be a single line."),
        ("[3800](amount)行吗", "price_objection", "entity_markup", "text: must not contain Rasa"),
    ],
)
def test_invalid_examples_are_refused_and_nothing_is_written(
    nlu_dir: Path, text, intent, code, message
):
    with pytest.raises(InvalidRequestError) as raised:
        ExampleBook(nlu_dir).add(text, intent)
    assert raised.value.code == code
    assert raised.value.message.startswith(message)
    assert not (nlu_dir / "trainer.yml").exists()


def test_an_exact_duplicate_is_a_conflict(nlu_dir: Path):
    text, intent = read_nlu_examples(nlu_dir)[0]
    with pytest.raises(ConflictError) as raised:
        ExampleBook(nlu_dir).add(text, intent)
    assert raised.value.code == "duplicate_example"
    assert raised.value.message == f"text: {text!r} is already an example of {intent}."


def test_same_normalised_text_with_another_intent_is_reported_not_overwritten(nlu_dir: Path):
    book = ExampleBook(nlu_dir)
    book.add("能便宜点不?", "price_objection")
    # traditional script, full-width question mark: the same text once normalised
    with pytest.raises(ConflictError) as raised:
        book.add("能便宜點不？", "hesitation")
    assert raised.value.code == "label_conflict"
    assert raised.value.message == (
        "text: '能便宜点不?' is already labelled price_objection, not hesitation; "
        "change it in data/nlu by hand if the old label is wrong."
    )
    assert book.trainer_examples() == [("能便宜点不?", "price_objection")]


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return cli(list(argv), out=out, err=err), out.getvalue(), err.getvalue()


def test_cli_adds_an_example(nlu_dir: Path):
    code, out, _ = run_cli(
        "examples", "--nlu", str(nlu_dir), "add", "--intent", "greet", "--text", "掌柜在不在呀"
    )
    assert (code, out) == (0, f"added '掌柜在不在呀' as greet to {nlu_dir / 'trainer.yml'}\n")


def test_cli_refuses_an_unknown_intent_with_exit_code_2(nlu_dir: Path):
    code, out, err = run_cli(
        "examples", "--nlu", str(nlu_dir), "add", "--intent", "x", "--text", "在吗"
    )
    assert (code, out) == (2, "")
    assert err.startswith("error: intent: unknown intent 'x'; use one of price_objection, ")


def test_import_reads_tsv_and_csv(nlu_dir: Path, tmp_path: Path):
    (tmp_path / "a.tsv").write_text(
        "text\tintent\n掌柜在不在呀\tgreet\n多谢掌柜\tthanks\n", "utf-8"
    )
    (tmp_path / "b.csv").write_text('"能开专票吗,急用",invoice_request\n', "utf-8")
    assert run_cli("examples", "--nlu", str(nlu_dir), "import", str(tmp_path / "a.tsv"))[0] == 0
    assert run_cli("examples", "--nlu", str(nlu_dir), "import", str(tmp_path / "b.csv"))[0] == 0
    assert ExampleBook(nlu_dir).trainer_examples() == [
        ("掌柜在不在呀", "greet"),
        ("能开专票吗,急用", "invoice_request"),
        ("多谢掌柜", "thanks"),
    ]


def test_import_is_all_or_nothing_and_names_each_bad_line(nlu_dir: Path, tmp_path: Path):
    table = tmp_path / "bad.csv"
    table.write_text("text,intent\n掌柜在不在呀,greet\n,greet\n掌柜在不在呀,thanks\n", "utf-8")
    code, _, err = run_cli("examples", "--nlu", str(nlu_dir), "import", str(table))
    assert code == 2
    assert err == (
        "error: 2 example(s) refused, nothing was added:\n"
        f"{table}:3: text: must not be empty or whitespace only.\n"
        f"{table}:4: text: '掌柜在不在呀' is already labelled greet, not thanks; "
        "change it in data/nlu by hand if the old label is wrong.\n"
    )
    assert not (nlu_dir / "trainer.yml").exists()


def test_import_refuses_a_quoted_line_break_and_names_lines_after_it(nlu_dir: Path, tmp_path: Path):
    table = tmp_path / "quoted.csv"
    table.write_text('text,intent\n"第一行\n第二行",greet\n掌柜在不在呀,nope\n', "utf-8")
    code, _, err = run_cli("examples", "--nlu", str(nlu_dir), "import", str(table))
    assert code == 2
    assert err.startswith(
        "error: 2 example(s) refused, nothing was added:\n"
        f"{table}:2: text: must be a single line.\n"
        f"{table}:4: intent: unknown intent 'nope'; use one of "
    )
    assert not (nlu_dir / "trainer.yml").exists()
