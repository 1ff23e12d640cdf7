"""Chinese names the console shows beside the intent and tactic codes (the codes stay visible:
trainers and the API use them)."""

from __future__ import annotations

INTENT_LABELS = {
    "price_objection": "嫌贵砍价",
    "compare_shops": "比价",
    "shipping_time": "发货时间",
    "size_worry": "尺码咨询",
    "refund_intent": "退换货",
    "greet": "打招呼",
    "thanks": "致谢",
    "ask_product_info": "商品咨询",
    "hesitation": "犹豫",
    "stock_availability": "库存咨询",
    "quality_worry": "质量顾虑",
    "payment_issue": "付款问题",
    "invoice_request": "发票",
    "address_change": "改地址",
    "logistics_tracking": "物流查询",
    "refund_progress": "退款进度",
    "defect_complaint": "商品问题",
    "request_human": "转人工",
    "out_of_scope": "其他",
    "nlu_fallback": "未识别",
}

TACTIC_LABELS = {
    "address_confirm": "核对地址",
    "alternative": "推荐替代款",
    "away": "离线留言",
    "clarify": "追问澄清",
    "coupon": "优惠券",
    "defect_help": "商品问题处理",
    "delivery_estimate": "配送时效",
    "gift": "赠品",
    "greeting": "问候",
    "handoff": "转人工",
    "hesitation": "耐心等待",
    "invoice": "发票说明",
    "logistics": "物流跟进",
    "payment_help": "付款帮助",
    "price_match": "申请价保",
    "product_info": "商品介绍",
    "promotion": "活动优惠",
    "quality_assurance": "品质保障",
    "refund_reason": "先问原因",
    "refund_remedy": "挽单方案",
    "refund_status": "退款进度",
    "restock": "补货时间",
    "return_policy": "退货政策",
    "service_value": "服务价值",
    "shipping_cutoff": "发货截单",
    "size_advice": "尺码建议",
    "stock_check": "库存确认",
    "stock_scarcity": "库存紧张",
    "thanks": "致谢结束",
}

REVIEW_REASONS = {
    "fallback": "低置信度",
    "low_margin": "前两名接近",
    "edited": "客服改过",
    "rejected": "客服拒绝过",
}

RUN_STATUS = {"running": "进行中", "promoted": "已上线", "rejected": "未通过", "failed": "失败"}

MODEL_STATUS = {"promoted": "已上线", "rejected": "闸门拒绝", "external": "外部训练"}

REJECT_REASONS = (
    ("wrong_intent", "意图识别错误"),
    ("wrong_facts", "信息不准确"),
    ("overpromise", "承诺了店铺没有的"),
    ("tone", "语气不合适"),
    ("not_helpful", "没有回答问题"),
    ("other", "其他"),
)


def intent_label(code: str | None) -> str:
    return INTENT_LABELS.get(code or "", code or "—")


def tactic_label(code: str | None) -> str:
    return TACTIC_LABELS.get(code or "", code or "—")
