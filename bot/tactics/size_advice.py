"""Size from the product's chart and the buyer's height, weight or age (in that order of trust).
Seeds 002: between two sizes, kids' swimwear is not sized up (it gapes); 1-3 year-olds have round
tummies, which the product's fit notes address."""

from __future__ import annotations

from bot.shop.model import Product, SizeRow
from bot.tactics.context import Context
from bot.tactics.restock import restock_dates
from bot.types import Draft

MEASURES = (("height_cm", "身高{}cm"), ("weight_kg", "体重{}kg"), ("age", "{}岁"))


def propose(ctx: Context) -> list[Draft]:
    product = _charted_product(ctx)
    if product is None:
        return []
    measured = next(
        (
            (entity, label)
            for entity, label in MEASURES
            if ctx.number(entity) is not None
            and any(getattr(row, entity) for row in product.size_chart)
        ),
        None,
    )
    if measured is None and _usual_size(ctx, product) is not None:
        return [_usual(ctx, product, _usual_size(ctx, product))]
    guessed = ctx.product is None
    if measured is None:
        # a guessed product is not named: the buyer may be asking about something else
        return [
            ctx.draft(
                "size_advice",
                "size_advice.ask_any" if guessed else "size_advice.ask",
                {"product": product.name},
                needs_approval=False,
                auto_send_safe=True,
            )
        ]
    entity, label = measured
    value = ctx.number(entity)
    facts = {"product": product.name, "measure": label.format(_plain(value))}
    rows = [row for row in product.size_chart if _contains(getattr(row, entity), value)]
    if not rows and guessed:
        # "170cm 140斤 穿L会不会紧" off the only chart the shop has: which product is it?
        return [_draft(ctx, "size_advice.which", facts, auto_send_safe=True)]
    if not rows:
        return [
            ctx.draft(
                "size_advice",
                "size_advice.off_chart",
                facts,
                needs_approval=False,
                auto_send_safe=True,
            )
        ]
    rows = _narrowed(ctx, product, entity, rows)
    row = rows[-1] if product.size_up else rows[0]
    return [_recommend(ctx, product, row, facts | {"between_sizes": len(rows) > 1})]


def _narrowed(ctx: Context, product: Product, used: str, rows: list[SizeRow]) -> list[SizeRow]:
    """Between two sizes by one measure, the buyer's other measures decide when they can (11kg
    is 80 or 90; 18 months says 90)."""
    for entity, _ in MEASURES:
        value = ctx.number(entity)
        if len(rows) < 2 or entity == used or value is None:
            continue
        fitting = [row for row in rows if _contains(getattr(row, entity), value)]
        rows = fitting or rows
    return rows


def _usual_size(ctx: Context, product: Product) -> str | None:
    """The size the buyer usually wears ("平时穿L"), when the product's chart has it."""
    size = ctx.text_value("size")
    return size if size in {row.size for row in product.size_chart} else None


def _usual(ctx: Context, product: Product, size: str) -> Draft:
    notes = "".join(note.text for note in product.fit_notes if note.applies_to(ctx.number("age")))
    facts = {"product": product.name, "size": size, "notes": notes}
    return _draft(ctx, "size_advice.usual", facts, auto_send_safe=True)


def _charted_product(ctx: Context) -> Product | None:
    """The product in question, else the shop's only product with a size chart."""
    if ctx.product is not None:
        return ctx.product if ctx.product.size_chart else None
    charted = [product for product in ctx.shop.products if product.size_chart]
    return charted[0] if len(charted) == 1 else None


def _recommend(ctx: Context, product: Product, row: SizeRow, facts: dict) -> Draft:
    age = ctx.number("age")
    notes = [note.text for note in product.fit_notes if note.applies_to(age)]
    facts |= {"size": row.size, "notes": "".join(notes)}
    skus = [sku for sku in product.skus if sku.size == row.size]
    if sum(sku.stock for sku in skus) > 0:
        return _draft(ctx, "size_advice.recommend", facts, auto_send_safe=True)
    upcoming, passed = restock_dates(skus, ctx.now.date())
    facts |= {"stock": 0}
    if upcoming:
        facts |= {"restock_date": upcoming[0]}
        return _draft(ctx, "size_advice.restock", facts, auto_send_safe=True)
    if passed:
        facts |= {"restock_date_passed": passed[-1]}
    return _draft(ctx, "size_advice.sold_out", facts, auto_send_safe=not passed)


def _draft(ctx: Context, key: str, facts: dict, *, auto_send_safe: bool) -> Draft:
    return ctx.draft("size_advice", key, facts, needs_approval=False, auto_send_safe=auto_send_safe)


def _contains(span: tuple[float, float] | None, value: float) -> bool:
    return span is not None and span[0] <= value <= span[1]


def _plain(value: float) -> str:
    return f"{value:g}"
