"""Rendering an EvaluationReport: a markdown summary and the confusion matrix as a PNG."""

from __future__ import annotations

from pathlib import Path

from bot.evaluation import EvaluationReport


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def summary_line(name: str, report: EvaluationReport) -> str:
    return (
        f"{name}: {report.size} messages, accuracy {_percent(report.accuracy)}, "
        f"macro-F1 {report.macro_f1:.3f}, traditional {_percent(report.traditional_accuracy)}, "
        f"simplified {_percent(report.simplified_accuracy)}"
    )


def markdown_report(name: str, report: EvaluationReport) -> str:
    lines = [
        f"## {name}",
        "",
        summary_line(name, report),
        "",
        "| intent | precision | recall | F1 | support |",
        "|---|---|---|---|---|",
    ]
    for intent, scores in sorted(report.per_intent.items(), key=lambda item: item[1].f1):
        lines.append(
            f"| {intent} | {scores.precision:.2f} | {scores.recall:.2f} | {scores.f1:.2f} "
            f"| {scores.support} |"
        )
    lines += ["", "| style | messages | accuracy |", "|---|---|---|"]
    for style, score in report.by_style.items():
        lines.append(f"| {style} | {score.size} | {_percent(score.accuracy)} |")
    lines += ["", "Most confused (gold → predicted: count):", ""]
    lines += [f"- {gold} → {pred}: {count}" for gold, pred, count in report.most_confused()]
    return "\n".join(lines) + "\n"


def write_confusion_png(report: EvaluationReport, path: str | Path, title: str) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = sorted({label for pair in report.confusion for label in pair})
    matrix = [[report.confusion.get((gold, pred), 0) for pred in labels] for gold in labels]
    figure, axes = plt.subplots(figsize=(11, 10))
    axes.imshow(matrix, cmap="Blues")
    axes.set_xticks(range(len(labels)), labels, rotation=90)
    axes.set_yticks(range(len(labels)), labels)
    axes.set_xlabel("predicted")
    axes.set_ylabel("gold")
    axes.set_title(title)
    for row, counts in enumerate(matrix):
        for column, count in enumerate(counts):
            if count:
                axes.text(column, row, count, ha="center", va="center", fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=90)
    plt.close(figure)
    return Path(path)
