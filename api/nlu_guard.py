"""The served model behind a parse that cannot fail a request.

A text the pipeline cannot featurise (only "/" or punctuation that normalisation removes) must
still get an answer: it is understood as the fallback, like any text the model is unsure of, and
the error is logged once with its traceback for the NLU maintainers."""

from __future__ import annotations

import logging
from typing import Any

from bot.nlu.understanding import FALLBACK_INTENT
from bot.service import Nlu

logger = logging.getLogger("huashu.api.nlu")


def fallback_parse(text: str) -> dict[str, Any]:
    return {
        "text": text,
        "intent": {"name": FALLBACK_INTENT, "confidence": 0.0},
        "intent_ranking": [],
        "entities": [],
    }


class GuardedNlu:
    def __init__(self, model: Nlu) -> None:
        self.model = model
        self.version = model.version

    def parse(self, text: str) -> dict[str, Any]:
        try:
            return self.model.parse(text)
        except Exception:  # any model failure on one text is that text's fallback, not a 500
            logger.warning("the model could not parse a text; answered as fallback", exc_info=True)
            return fallback_parse(text)


def guarded(model: Nlu) -> Nlu:
    return model if isinstance(model, GuardedNlu) else GuardedNlu(model)
