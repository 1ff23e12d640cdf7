"""Size from the product's chart and the buyer's foot length, height, weight or age (in that order
of trust), always with the measures the buyer gave. Seeds 002: between two sizes, kids' swimwear
is not sized up (it gapes); 1-3 year-olds have round tummies, which the product's fit notes
address. A measure the chart does not have, or a value outside it, is said plainly: no size is
guessed from it."""

from __future__ import annotations

import re

from bot.shop.model import Product, SizeRow
from bot.tactics.context import Context
from bot.tactics.restock import restock_dates
from bot.types import Draft

MEASURES = (
    ("foot_cm", "脚长{}cm"),
    ("height_cm", "身高{}cm"),
    ("weight_kg", "体重{}kg"),
    ("age", "{}岁"),
)
LABELS = dict(MEASURES)
MEASURE_NAMES = {"foot_cm": "脚长", "height_cm": "身高", "weight_kg": "体重", "age": "年龄"}
# Measures of the body that must all fit the size; age only decides between two sizes.
BODY = ("foot_cm", "height_cm", "weight_kg")
# "脚长24.5", "腳長16.5cm", "脚长245mm": the NLU reads no foot length (it takes "14cm" for a height)
FOOT = re.compile(r"[脚腳][长長](?:是|有|大概|大约|约)?\s*(\d{2,3}(?:\.\d)?)\s*(mm|毫米)?")
SHOE_WORDS = ("鞋", "靴")
# "165 110斤": a bare number a height chart would hold, next to a weight the NLU did read
BARE_HEIGHT = re.compile(
    r"(?<![\d.])(1[4-9]\d)(?![\d.])(?!\s*(?:斤|kg|KG|公斤|千克|元|块|码|号|g|克|ml|毫升|cm|厘米|mm))"
)


def propose(ctx: Context) -> list[Draft]:
    given = buyer_measures(ctx)
    product = _charted_product(ctx)
    if product is None:
        return _no_chart(ctx, given)
    charted = {
        entity: value
        for entity, value in given.items()
        if any(getattr(row, entity) for row in product.size_chart)
    }
    usual = _usual_size(ctx, product)
    if not charted and usual is not None:
        return [_usual(ctx, product, usual)]
    guessed = ctx.product is None
    if not charted or (guessed and "foot_cm" in given and "foot_cm" not in charted):
        # a foot length says shoes: the only chart (for clothes) is no answer, whatever else
        # the buyer gave ("宝宝18个月 脚长12")
        return [_ask(ctx, product, given, guessed=guessed)]
    off = next((e for e in charted if not _rows(product, e, charted[e])), None)
    if off is not None:
        facts = {"product": product.name, "measure": _label(off, charted[off])}
        # "170cm 140斤 穿L会不会紧" off the only chart the shop has: which product is it?
        key = "size_advice.which" if guessed else "size_advice.off_chart"
        return [_draft(ctx, key, facts, auto_send_safe=True)]
    first = next(iter(charted))
    rows = _narrowed(charted, first, _rows(product, first, charted[first]))
    row = rows[-1] if product.size_up else rows[0]
    differ = _differing(product, row, charted)
    if differ is not None:
        return [_measures_differ(ctx, product, row, first, differ, charted)]
    agreeing = [e for e in charted if e in BODY and _contains(getattr(row, e), charted[e])]
    measure = "、".join(_label(e, charted[e]) for e in (agreeing or [first]))
    facts = {"product": product.name, "measure": measure, "between_sizes": len(rows) > 1}
    return [_recommend(ctx, product, row, facts)]


def buyer_measures(ctx: Context) -> dict[str, float]:
    """The measures the buyer gave, in order of trust: a foot length in the text, then the NLU's
    height (unless it is that foot length, read as a height), weight and age."""
    measures: dict[str, float] = {}
    foot = foot_length(ctx.understanding.text)
    if foot is not None:
        measures["foot_cm"] = foot
    height = ctx.number("height_cm")
    if height is None and ctx.number("weight_kg") is not None:
        height = _bare_height(ctx.understanding.text)
    if height is not None and height != foot:
        measures["height_cm"] = height
    for entity in ("weight_kg", "age"):
        value = ctx.number(entity)
        if value is not None:
            measures[entity] = value
    return measures


def foot_length(text: str) -> float | None:
    """The foot length in cm the buyer wrote ("脚长24.5", "脚长245mm"), if any."""
    match = FOOT.search(text)
    if match is None:
        return None
    value = float(match.group(1))
    return value / 10 if match.group(2) or value >= 100 else value


def _bare_height(text: str) -> float | None:
    match = BARE_HEIGHT.search(text)
    return float(match.group(1)) if match else None


def _rows(product: Product, entity: str, value: float) -> list[SizeRow]:
    return [row for row in product.size_chart if _contains(getattr(row, entity), value)]


def _narrowed(given: dict[str, float], used: str, rows: list[SizeRow]) -> list[SizeRow]:
    """Between two sizes by one measure, the buyer's other measures decide when they can (11kg
    is 80 or 90; 18 months says 90)."""
    for entity, value in given.items():
        if len(rows) < 2 or entity == used:
            continue
        fitting = [row for row in rows if _contains(getattr(row, entity), value)]
        rows = fitting or rows
    return rows


def _differing(product: Product, row: SizeRow, given: dict[str, float]) -> tuple | None:
    """A body measure that fits the next size up or down from the one chosen ("175cm 80kg": L
    by height, XL by weight): the first such measure and its size. Sizes further apart are
    likelier a typo ("105cm 18斤") than a build: the trusted measure decides alone."""
    chart = list(product.size_chart)
    for entity in BODY:
        value = given.get(entity)
        if value is None or getattr(row, entity) is None or _contains(getattr(row, entity), value):
            continue
        other = _rows(product, entity, value)
        other_row = other[-1] if product.size_up else other[0]
        if abs(chart.index(other_row) - chart.index(row)) == 1:
            return entity, other_row
    return None


def _measures_differ(
    ctx: Context, product: Product, row: SizeRow, first: str, differ: tuple, given: dict
) -> Draft:
    """Two measures, two sizes: both are said, and the shop's own rule for a buyer between two
    sizes (size_up) picks one."""
    entity, other = differ
    chart = list(product.size_chart)
    smaller, larger = sorted((row, other), key=chart.index)
    pick = larger if product.size_up else smaller
    facts = {
        "product": product.name,
        "measure": _label(first, given[first]),
        "size": row.size,
        "other_measure": _label(entity, given[entity]),
        "other_size": other.size,
        "pick": pick.size,
    }
    return _recommend(ctx, product, pick, facts, key="size_advice.measures_differ")


def _ask(ctx: Context, product: Product, given: dict[str, float], *, guessed: bool) -> Draft:
    """No measure the chart has: ask for the chart's measures, saying which one the buyer gave
    is not on it; a guessed product is not named (the buyer may mean something else)."""
    if given and guessed:
        entity = next(iter(given))
        facts = {"product": product.name, "measure": _label(entity, given[entity])}
        return _draft(ctx, "size_advice.which", facts, auto_send_safe=True)
    if given:
        entity = next(iter(given))
        facts = {
            "product": product.name,
            "measure": _label(entity, given[entity]),
            "given": MEASURE_NAMES[entity],
            "chart_measures": "、".join(_chart_measures(product)),
        }
        return _draft(ctx, "size_advice.not_on_chart", facts, auto_send_safe=True)
    if _chart_measures(product) == ["脚长"]:
        return _draft(ctx, "size_advice.ask_foot", {"product": product.name}, auto_send_safe=True)
    if guessed and ctx.mentions(*SHOE_WORDS):
        # "平时穿38的鞋 这款偏大吗" where the only chart is for clothes: not that chart
        return _draft(ctx, "size_advice.ask_shoe", {}, auto_send_safe=True)
    key = "size_advice.ask_any" if guessed else "size_advice.ask"
    return _draft(ctx, key, {"product": product.name}, auto_send_safe=True)


def _chart_measures(product: Product) -> list[str]:
    return [
        MEASURE_NAMES[entity]
        for entity, _ in MEASURES
        if any(getattr(row, entity) for row in product.size_chart)
    ]


def _no_chart(ctx: Context, given: dict[str, float]) -> list[Draft]:
    """A sized product without a chart ("跑鞋 脚长24.5穿几码"): the measure is read back and an
    agent checks; nothing is guessed."""
    product = ctx.product
    if product is None or not given or not any(sku.size for sku in product.skus):
        return []
    entity = next(iter(given))
    facts = {"product": product.name, "measure": _label(entity, given[entity])}
    return [_draft(ctx, "size_advice.no_chart", facts, auto_send_safe=False)]


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


def _recommend(
    ctx: Context, product: Product, row: SizeRow, facts: dict, key: str = "size_advice.recommend"
) -> Draft:
    age = ctx.number("age")
    notes = [note.text for note in product.fit_notes if note.applies_to(age)]
    facts = {"size": row.size, **facts, "notes": "".join(notes)}
    skus = [sku for sku in product.skus if sku.size == row.size]
    if sum(sku.stock for sku in skus) > 0:
        return _draft(ctx, key, facts, auto_send_safe=True)
    upcoming, passed = restock_dates(skus, ctx.now.date())
    facts |= {"stock": 0, "size": row.size}
    if "other_measure" in facts:
        # two measures chose this size between them: both are said with it
        facts |= {"measure": f"{facts['measure']}、{facts['other_measure']}"}
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


def _label(entity: str, value: float) -> str:
    return LABELS[entity].format(_plain(value))


def _plain(value: float) -> str:
    return f"{value:g}"
