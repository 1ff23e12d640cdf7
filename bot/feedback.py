"""An agent's verdict on a suggestion, checked against its drafts before it is stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.errors import InvalidRequestError, NotFoundError
from bot.store.records import FeedbackRecord, StoredDraft, StoredSuggestion


@dataclass(frozen=True)
class Verdict:
    """accepted/edited name a draft; rejected without a draft rejects the whole suggestion."""

    action: str
    agent_id: str
    draft_id: str | None = None
    final_text: str | None = None


def _draft(suggestion: StoredSuggestion, draft_id: str | None) -> StoredDraft | None:
    if draft_id is None:
        return None
    for draft in suggestion.drafts:
        if draft.draft_id == draft_id:
            return draft
    raise NotFoundError(
        f"Suggestion {suggestion.suggestion_id!r} has no draft with the id {draft_id!r}.",
        code="draft_not_found",
    )


def _final_text(verdict: Verdict, draft: StoredDraft | None) -> str | None:
    if verdict.action in ("accepted", "edited") and draft is None:
        raise InvalidRequestError(f"draft_id is required when action is {verdict.action!r}.")
    if verdict.action == "edited" and not verdict.final_text:
        raise InvalidRequestError("final_text is required when action is 'edited'.")
    if verdict.action == "accepted":
        if verdict.final_text not in (None, draft.text):
            raise InvalidRequestError(
                "final_text differs from the draft; send action 'edited' to keep both texts."
            )
        return draft.text
    return verdict.final_text


def feedback_record(
    suggestion: StoredSuggestion, verdict: Verdict, now: datetime
) -> FeedbackRecord:
    draft = _draft(suggestion, verdict.draft_id)
    return FeedbackRecord(
        suggestion_id=suggestion.suggestion_id,
        draft_id=verdict.draft_id,
        action=verdict.action,
        draft_text=draft.text if draft else None,
        final_text=_final_text(verdict, draft),
        agent_id=verdict.agent_id,
        created_at=now,
    )
