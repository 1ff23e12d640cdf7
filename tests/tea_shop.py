"""A shop the NLU model has never seen (a tea shop), written by the tests into a temporary folder:
catalogue matching, gifts, invoices, coupons and dates are tested on it with real dates."""

from __future__ import annotations

from pathlib import Path

TEA_SHOP = """\
id: tea
name: 茗香茶舍
platform: tmall
low_stock_threshold: 3
catalogue:
  - id: xishi
    name: 紫砂壶 西施
    aliases: [西施壶]
    category: teaware
    price: 268
    original_price: 328
    description: 宜兴原矿朱泥，容量220毫升
    skus:
      - {id: xishi-red, color: 朱泥红, stock: 2}
      - {id: xishi-purple, color: 紫泥, stock: 0, restock_date: 2026-03-20}
  - id: longjing
    name: 明前龙井
    aliases: [龙井茶]
    category: tea
    price: 198
    description: 西湖产区明前头采，250克罐装
    skus:
      - {id: lj-250, size: 250g, stock: 40}
      - {id: lj-500, size: 500g, stock: 0, restock_date: 2026-04-10}
  - id: white-cup
    name: 白瓷品茗杯
    category: teaware
    price: 39
    description: 德化白瓷，单只装
    gift_eligible: false
    skus:
      - {id: white-cup-1, stock: 100}
  - id: celadon-cup
    name: 青瓷品茗杯
    category: teaware
    price: 49
    description: 龙泉青瓷，单只装
    skus:
      - {id: celadon-cup-1, stock: 80}
promotions:
  - id: spring
    title: 满500减50
    min_spend: 500
    discount: 50
    starts_at: 2026-03-01T00:00:00+08:00
    ends_at: 2026-03-31T23:59:00+08:00
coupons:
  - {id: T20, value: 20, min_spend: 0, usable: this_order}
  - {id: T30, value: 30, min_spend: 300, usable: this_order}
gift_tiers:
  - {min_order_value: 300, gift: 茶巾, value: 15, swaps: [茶夹]}
  - {min_order_value: 800, gift: 建盏, value: 88}
shipping:
  fulfilment: third_party
  cutoffs:
    - {before: "16:00", ships: afternoon}
  ship_days: [mon, tue, wed, thu, fri]
  carriers: [顺丰]
  default_delivery_days: 2-3
service:
  rating: 4.8
  no_reason_return_days: 7
  free_return_shipping: false
  warranty: 破损包赔
  after_sales: 收货破损拍照即补发
  refund_days: 1-3个工作日
invoice:
  types: [电子普通发票]
  company_title: true
  issued_within: 发货后2个工作日内
payment:
  methods: [支付宝, 花呗, 银行卡]
  cash_on_delivery: false
  instalments: [花呗分期]
  company_transfer_hours: 24
hours:
  timezone: Asia/Shanghai
  weekly:
    mon: ["09:00-21:00"]
    tue: ["09:00-21:00"]
    wed: ["09:00-21:00"]
    thu: ["09:00-21:00"]
    fri: ["09:00-21:00"]
authority:
  coupon_max: 30
  compensation_max: 10
unattended:
  confidence_threshold: 0.8
  allowed_intents: [stock_availability, invoice_request, payment_issue]
  coupon_max: 0
"""


def write_tea_shop(directory: Path, text: str = TEA_SHOP) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "tea.yml"
    path.write_text(text, encoding="utf-8")
    return path
