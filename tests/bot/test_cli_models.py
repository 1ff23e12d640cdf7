import io

from bot.cli import main


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
