from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.evaluation import is_traditional
from bot.nlu.data import read_nlu_examples

PROJECT_DIR = Path(__file__).resolve().parents[2]
# Issue 9: enough examples per intent for real-style variety, more for the catch-all class.
MIN_EXAMPLES_PER_INTENT = 200
MIN_OUT_OF_SCOPE_EXAMPLES = 500
MIN_EXAMPLES = 5000


def domain() -> dict:
    return yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))


def spec_intents() -> list[str]:
    """domain.yml is the repository's copy of the intent list of the spec."""
    return sorted(domain()["intents"])


@pytest.fixture(scope="module")
def examples():
    return read_nlu_examples(PROJECT_DIR / "data" / "nlu")


def test_the_domain_lists_the_19_intents_of_the_spec():
    assert spec_intents() == sorted(
        ["price_objection", "compare_shops", "shipping_time", "size_worry", "refund_intent",
         "greet", "thanks", "ask_product_info", "hesitation", "stock_availability",
         "quality_worry", "payment_issue", "invoice_request", "address_change",
         "logistics_tracking", "refund_progress", "defect_complaint", "request_human",
         "out_of_scope"]
    )  # fmt: skip


def test_domain_lists_every_spec_entity():
    assert sorted(domain()["entities"]) == sorted(
        ["amount", "competitor_price", "size", "height_cm", "weight_kg", "age", "quantity",
         "date_time", "order_id", "product", "color"]
    )  # fmt: skip


@pytest.mark.parametrize("intent", spec_intents())
def test_every_intent_has_enough_examples(examples, intent):
    minimum = MIN_OUT_OF_SCOPE_EXAMPLES if intent == "out_of_scope" else MIN_EXAMPLES_PER_INTENT
    assert sum(label == intent for _, label in examples) >= minimum


def test_there_are_enough_examples_in_all(examples):
    assert len(examples) >= MIN_EXAMPLES


def test_training_data_has_only_spec_intents(examples):
    assert {label for _, label in examples} == set(spec_intents())


def test_no_example_is_written_twice(examples):
    counts = Counter(text for text, _ in examples)
    assert [text for text, count in counts.items() if count > 1] == []


@pytest.mark.parametrize("intent", spec_intents())
def test_every_intent_has_traditional_chinese_examples(examples, intent):
    texts = [text for text, label in examples if label == intent]
    assert sum(map(is_traditional, texts)) / len(texts) >= 0.10
