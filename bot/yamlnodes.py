"""Typed reading of a parsed YAML tree (shop files, templates); every failure names the file, the
field path and the fix."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, NoReturn

import yaml

# "09:00", also written "9:00" as many people do
_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
# libyaml's parser (bundled in PyYAML's wheels) builds the same documents ~10x faster than the
# pure-Python one: shop files and templates are read at every start, training examples by
# every training and each of its prefetching workers.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """`yaml.safe_load(text)`: the same safe subset of YAML, the same errors."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 (a safe loader)


class ShopProfileError(ValueError):
    """A shop file that cannot be used; the message says where and how to fix it."""

    def __init__(self, file: str, field: str, problem: str) -> None:
        super().__init__(f"{file}: {field}: {problem}")
        self.file = file
        self.field = field
        self.problem = problem
        self.problems: tuple[ShopProfileError, ...] = (self,)

    @classmethod
    def combine(cls, errors: list[ShopProfileError]) -> ShopProfileError:
        """One error for several problems: one `file: field: problem` line each."""
        first = errors[0]
        combined = cls(first.file, first.field, first.problem)
        combined.args = ("\n".join(str(error) for error in errors),)
        combined.problems = tuple(errors)
        return combined


@dataclass(frozen=True)
class Node:
    """One value of the YAML tree together with where it came from."""

    value: Any
    path: str
    file: str

    def fail(self, problem: str) -> NoReturn:
        raise ShopProfileError(self.file, self.path or "(top level)", problem)

    def _child(self, key: str | int, value: Any) -> Node:
        if isinstance(key, int):
            return Node(value, f"{self.path}[{key}]", self.file)
        return Node(value, f"{self.path}.{key}" if self.path else key, self.file)

    def mapping(self, allowed: tuple[str, ...]) -> Node:
        if not isinstance(self.value, dict):
            self.fail("expected a mapping of fields (key: value lines)")
        for key in self.value:
            if key not in allowed:
                self._child(str(key), None).fail(
                    f"unknown field; expected one of: {', '.join(allowed)}"
                )
        return self

    def field(self, key: str) -> Node:
        if self.value.get(key) is None:
            self._child(key, None).fail("required field is missing; add it")
        return self._child(key, self.value[key])

    def optional(self, key: str) -> Node | None:
        value = self.value.get(key)
        return None if value is None else self._child(key, value)

    def items(self, example: str | None = None) -> Iterator[Node]:
        """With an `example`, an empty list is refused (drafting needs at least one item)."""
        if not isinstance(self.value, list):
            self.fail("expected a list (lines starting with '- ')")
        if example is not None and not self.value:
            self.fail(f"expected at least one item, e.g. {example}; an empty list is not usable")
        return (self._child(index, item) for index, item in enumerate(self.value))

    def pairs(self) -> Iterator[tuple[str, Node]]:
        if not isinstance(self.value, dict):
            self.fail("expected a mapping of fields (key: value lines)")
        return ((str(key), self._child(str(key), value)) for key, value in self.value.items())

    def text(self) -> str:
        if isinstance(self.value, bool) or not isinstance(self.value, (str, int, float)):
            self.fail("expected text")
        text = str(self.value).strip()
        if not text:
            self.fail("expected non-empty text")
        return text

    def texts(self) -> tuple[str, ...]:
        return tuple(item.text() for item in self.items())

    def number(self, minimum: float = 0) -> float:
        if isinstance(self.value, bool) or not isinstance(self.value, (int, float)):
            self.fail("expected a number like 89 or 89.5")
        if self.value < minimum:
            self.fail(f"expected a number of at least {minimum:g}")
        return self.value

    def integer(self, minimum: int = 0) -> int:
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            self.fail("expected a whole number like 3")
        if self.value < minimum:
            self.fail(f"expected a whole number of at least {minimum}")
        return self.value

    def flag(self) -> bool:
        if not isinstance(self.value, bool):
            self.fail("expected true or false")
        return self.value

    def choice(self, options: tuple[str, ...]) -> str:
        if self.value not in options:
            self.fail(f"expected one of: {', '.join(options)}")
        return self.value

    def day(self) -> date:
        if isinstance(self.value, datetime) or not isinstance(self.value, date):
            self.fail("expected a date like 2026-11-20")
        return self.value

    def clock(self) -> time:
        match = _CLOCK.match(self.value.strip()) if isinstance(self.value, str) else None
        if match is None:
            self.fail('expected a quoted time like "10:00" (unquoted 10:00 is read as a number)')
        return time(int(match.group(1)), int(match.group(2)))

    def span(self) -> tuple[float, float]:
        low, high = (item.number() for item in self._pair())
        if low > high:
            self.fail(f"expected [low, high] with low <= high, got [{low:g}, {high:g}]")
        return (low, high)

    def _pair(self) -> tuple[Node, Node]:
        items = tuple(self.items())
        if len(items) != 2:
            self.fail("expected a range like [90, 100]")
        return items
