"""Rasa reports bad config or data with its own exceptions; the CLI says them in a sentence.

Here under bot/nlu because it names Rasa's exception type; Rasa is imported only when the
context is entered, so a command that never trains does not pay for the import."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from bot.errors import HuashuError


@contextmanager
def rasa_errors_as_sentences() -> Iterator[None]:
    from rasa.engine.exceptions import GraphComponentException
    from rasa.shared.exceptions import RasaException

    try:
        yield
    except (RasaException, RuntimeError) as error:
        raise HuashuError(f"training failed: {error}") from error
    except GraphComponentException as error:
        # a pipeline step refused its settings (`threads: 0`): its own sentence says which
        reason = error.__cause__ or error
        raise HuashuError(f"training failed: {error} {reason}") from error
