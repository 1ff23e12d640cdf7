"""Invoice types, company titles and when the invoice is issued, as the shop offers them."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft

COMPANY_WORDS = ("抬头", "公司", "税号", "专票")


def propose(ctx: Context) -> list[Draft]:
    invoice = ctx.shop.invoice
    if invoice is None:
        return [
            ctx.draft(
                "invoice",
                "invoice.unavailable",
                {"invoice": False},
                needs_approval=False,
                auto_send_safe=True,
            )
        ]
    facts = {"types": invoice.types, "issued_within": invoice.issued_within}
    if ctx.mentions(*COMPANY_WORDS) and invoice.company_title:
        return [
            ctx.draft(
                "invoice",
                "invoice.company",
                facts | {"company_title": True},
                needs_approval=False,
                auto_send_safe=True,
            )
        ]
    return [ctx.draft("invoice", "invoice.types", facts, needs_approval=False, auto_send_safe=True)]
