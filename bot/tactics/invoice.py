"""Invoice questions answered as asked: the kind of invoice the buyer wants (专票, 纸质, 电子) and a
company title, each with a clear "no" and what the shop issues instead when it does not."""

from __future__ import annotations

from bot.shop.model import Invoice
from bot.tactics.context import Context
from bot.types import Draft

COMPANY_WORDS = ("抬头", "公司", "税号", "单位")
# (what the buyer asks for, the words they use, a word every shop type of that kind contains)
KINDS = (
    ("增值税专用发票", ("专票", "专用发票", "增值税专用", "增票"), "专用"),
    ("纸质发票", ("纸质", "纸票", "纸的"), "纸质"),
    ("电子发票", ("电子",), "电子"),
    ("普通发票", ("普票", "普通发票"), "普通"),
)


def propose(ctx: Context) -> list[Draft]:
    invoice = ctx.shop.invoice
    if invoice is None:
        return [_draft(ctx, "invoice.unavailable", {"invoice": False})]
    facts = {"types": invoice.types, "issued_within": invoice.issued_within}
    kind = next((kind for kind in KINDS if ctx.mentions(*kind[1])), None)
    if kind is not None and not _issues(invoice, kind[2]):
        return [_draft(ctx, "invoice.not_issued", facts | {"asked": kind[0], "issued": False})]
    if kind is not None and kind[2] == "专用":
        special = next(kind_ for kind_ in invoice.types if "专用" in kind_)
        return [_draft(ctx, "invoice.special", facts | {"asked": special, "issued": True})]
    # "抬头个人": a personal title is no company question
    personal = ctx.mentions("个人") and not ctx.mentions("公司", "税号", "单位")
    if ctx.mentions(*COMPANY_WORDS) and not personal:
        key = "invoice.company" if invoice.company_title else "invoice.no_company"
        return [_draft(ctx, key, facts | {"company_title": invoice.company_title})]
    return [_draft(ctx, "invoice.types", facts)]


def _issues(invoice: Invoice, word: str) -> bool:
    return any(word in kind for kind in invoice.types)


def _draft(ctx: Context, key: str, facts: dict) -> Draft:
    return ctx.draft("invoice", key, facts, needs_approval=False, auto_send_safe=True)
