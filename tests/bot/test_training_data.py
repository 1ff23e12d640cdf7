import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.evaluation import is_traditional
from bot.nlu.data import read_nlu_examples

PROJECT_DIR = Path(__file__).resolve().parents[2]
SPEC = PROJECT_DIR.parent / "shared" / "spec" / "intents.md"
MIN_EXAMPLES_PER_INTENT = 60


def spec_intents() -> list[str]:
    return re.findall(r"^\| `([a-z_]+)` \|", SPEC.read_text(encoding="utf-8"), flags=re.MULTILINE)


def domain() -> dict:
    return yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def examples():
    return read_nlu_examples(PROJECT_DIR / "data" / "nlu")


def test_the_spec_lists_19_intents():
    assert len(spec_intents()) == 19


def test_domain_intents_are_exactly_the_spec_intents():
    assert sorted(domain()["intents"]) == sorted(spec_intents())


def test_domain_lists_every_spec_entity():
    assert sorted(domain()["entities"]) == sorted(
        ["amount", "competitor_price", "size", "height_cm", "weight_kg", "age", "quantity",
         "date_time", "order_id", "product", "color"]
    )  # fmt: skip


@pytest.mark.parametrize("intent", spec_intents())
def test_every_intent_has_enough_examples(examples, intent):
    assert sum(label == intent for _, label in examples) >= MIN_EXAMPLES_PER_INTENT


def test_training_data_has_only_spec_intents(examples):
    assert {label for _, label in examples} == set(spec_intents())


def test_no_example_is_written_twice(examples):
    counts = Counter(text for text, _ in examples)
    assert [text for text, count in counts.items() if count > 1] == []


@pytest.mark.parametrize("intent", spec_intents())
def test_every_intent_has_traditional_chinese_examples(examples, intent):
    texts = [text for text, label in examples if label == intent]
    assert sum(map(is_traditional, texts)) / len(texts) >= 0.10


def test_no_dev_set_message_is_in_the_training_data(examples):
    dev = PROJECT_DIR.parent / "shared" / "eval" / "dev.tsv"
    dev_texts = {line.split("\t")[0] for line in dev.read_text(encoding="utf-8").splitlines()}
    assert dev_texts.isdisjoint(text for text, _ in examples)
