import io
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

from bot.cli import main
from tests.training_data import small_data

PROJECT_DIR = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_evaluate_without_a_dev_set_says_what_to_pass(tmp_path):
    missing = tmp_path / "dev.tsv"
    code, out, err = run("evaluate", "--dev", str(missing))
    assert (code, out) == (2, "")
    assert err == f"error: no development set at {missing}: pass --dev PATH (text<TAB>intent)\n"


def test_train_with_a_missing_config_fails_in_a_sentence(tmp_path):
    config = tmp_path / "nope.yml"
    code, out, err = run("train", "--config", str(config), "--models", str(tmp_path / "models"))
    assert (code, out) == (2, "")
    assert err.endswith(
        f"error: training failed: Failed to read file, '{config}' does not exist.\n"
    )


def test_train_with_a_setting_a_step_refuses_fails_in_a_sentence(tmp_path):
    config = (PROJECT_DIR / "config.yml").read_text(encoding="utf-8")
    bad = tmp_path / "config.yml"
    bad.write_text(
        config.replace("training_examples_per_intent: 300", "training_examples_per_intent: 0")
    )
    data = small_data(tmp_path / "data", 3, rules=True)
    argv = ["train", "--config", str(bad), "--data", str(data), "--models", str(tmp_path / "m")]
    code, out, err = run(*argv)
    assert (code, out) == (2, "")
    assert err.endswith(
        "error: training failed: Error initializing graph component for node "
        "run_bot.nlu.components.SentenceEmbeddingFeaturizer3. training_examples_per_intent must "
        "be a whole number of 1 or more (or null for every example), got 0\n"
    )


def test_gated_train_promotes_the_first_candidate_and_says_why(tmp_path, trained_model_path):
    # ten examples per intent: the gate's steps, not the model's quality, are under test
    data, models = small_data(tmp_path / "data", 10, rules=True), tmp_path / "models"
    models.mkdir()
    shutil.copy(trained_model_path, models / trained_model_path.name)
    out, err = io.StringIO(), io.StringIO()
    argv = ["--db", str(tmp_path / "h.db"), "train", "--gated", "--data", str(data)]
    code = main([*argv, "--models", str(models)], clock=lambda: NOW, out=out, err=err)
    assert (code, out.getvalue()) == (
        0,
        "run 1: promoted huashu-20261123-090000-run1 no baseline: the served model "
        "test-session was never measured by the gate\n",
    )
    # a fifth of the data is held out, however large the data grows
    assert re.search(
        r"^\[ 80%\] comparing with the served model on \d+ held-out examples$",
        err.getvalue(),
        flags=re.MULTILINE,
    )
    assert (models / "huashu-20261123-090000-run1.tar.gz").is_file()


def test_evaluate_refuses_a_dev_set_that_overlaps_the_training_data(tmp_path):
    dev = tmp_path / "dev.tsv"
    dev.write_text("text\tintent\n还有货吗\tstock_availability\n能开发票吗\tinvoice_request\n")
    nlu = tmp_path / "data" / "nlu"
    nlu.mkdir(parents=True)
    (nlu / "stock.yml").write_text(
        'version: "3.1"\nnlu:\n- intent: stock_availability\n  examples: |\n    - 還有貨嗎\n',
        encoding="utf-8",
    )
    code, out, err = run("evaluate", "--dev", str(dev), "--data", str(tmp_path / "data"))
    assert (code, out) == (2, "")
    assert err == (
        f"error: 1 message(s) of {dev} are in the training data (还有货吗): remove them from "
        "data/nlu, the dev set is never trained on\n"
    )
