"""The 19 buyer intents of /work/shared/spec/intents.md, in the spec's order."""

INTENTS = (
    "price_objection",
    "compare_shops",
    "shipping_time",
    "size_worry",
    "refund_intent",
    "greet",
    "thanks",
    "ask_product_info",
    "hesitation",
    "stock_availability",
    "quality_worry",
    "payment_issue",
    "invoice_request",
    "address_change",
    "logistics_tracking",
    "refund_progress",
    "defect_complaint",
    "request_human",
    "out_of_scope",
)
