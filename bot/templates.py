"""Reply templates: several phrasings per key, one picked deterministically from a seed."""

from __future__ import annotations

import hashlib
import string
from collections.abc import Mapping
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import yaml

from bot.yamlnodes import Node, ShopProfileError, load_yaml

DEFAULT_TEMPLATES_PATH = (
    Path(__file__).resolve().parent.parent / "data" / "templates" / "default.yml"
)

Templates = Mapping[str, tuple[str, ...]]


def load_templates(path: Path = DEFAULT_TEMPLATES_PATH) -> dict[str, tuple[str, ...]]:
    root = Node(read_yaml(path), "", str(path))
    return {key: phrasings(node) for key, node in root.pairs()}


def read_yaml(path: Path) -> Any:
    try:
        return load_yaml(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ShopProfileError(str(path), "(file)", f"cannot read: {error.strerror}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "(syntax)"
        raise ShopProfileError(str(path), where, f"invalid YAML: {error}") from None


def phrasings(node: Node) -> tuple[str, ...]:
    texts = node.texts()
    if not texts:
        node.fail("expected at least one phrasing")
    for index, text in enumerate(texts):
        _check_syntax(Node(text, f"{node.path}[{index}]", node.file))
    return texts


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def check_override(node: Node, defaults: Templates) -> tuple[str, ...]:
    """A shop may rephrase a template but not reach for facts the tactic does not provide."""
    key = node.path.split(".", 1)[1]
    if key not in defaults:
        node.fail(f"unknown template; expected one of: {', '.join(sorted(defaults))}")
    known = set().union(*(placeholders(text) for text in defaults[key]))
    texts = phrasings(node)
    for index, text in enumerate(texts):
        unknown = sorted(placeholders(text) - known)
        if unknown:
            Node(text, f"{node.path}[{index}]", node.file).fail(
                f"unknown placeholder {{{unknown[0]}}}; use only: "
                + ", ".join(f"{{{name}}}" for name in sorted(known))
            )
    return texts


def render(templates: Templates, key: str, seed: str, values: Mapping[str, Any]) -> str:
    options = templates[key]
    index = int(hashlib.sha256(f"{seed}|{key}".encode()).hexdigest(), 16) % len(options)
    return options[index].format_map({name: display(value) for name, value in values.items()})


def display(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, datetime):
        return f"{value.month}月{value.day}日{value:%H:%M}"
    if isinstance(value, date):
        return f"{value.month}月{value.day}日"
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, (list, tuple)):
        return "、".join(display(item) for item in value)
    return str(value)


def _check_syntax(node: Node) -> None:
    try:
        placeholders(node.value)
    except ValueError as error:
        node.fail(f"broken placeholder ({error}); write placeholders like {{price}}")
