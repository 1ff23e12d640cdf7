"""Two shops no model or test has seen, written by the tests into a temporary folder: a
cosmetics shop using every optional section of the shop format (split shifts, a holiday, a late
one-off day, ended / future / one-product promotions, coupons above the agent's authority, an
expired coupon, low and zero stock, a restock date already past) and a furniture shop using none
of them, in another timezone, with no compensation authority."""

from __future__ import annotations

from pathlib import Path

GLOW_SHOP = """\
id: glow
name: 清颜美妆小铺
platform: tmall
low_stock_threshold: 4
catalogue:
  - id: serum
    name: 玻尿酸保湿精华液
    aliases: [精华液, 精华, 玻尿酸精华]
    category: skincare
    price: 169
    original_price: 219
    description: 三重玻尿酸，30毫升，适合干皮和混合皮
    warranty: 未开封保质期三年，开封后12个月内用完
    usage: 洁面爽肤后取2-3滴在掌心，轻拍全脸至吸收，早晚各一次
    skus:
      - {id: serum-30, size: 30ml, stock: 3}
      - {id: serum-50, size: 50ml, stock: 0, restock_date: 2026-11-20}
  - id: lipstick
    name: 丝绒哑光口红
    aliases: [口红, 唇膏]
    category: makeup
    price: 129
    description: 丝绒哑光质地，持久不掉色
    gift_eligible: false
    skus:
      - {id: lip-red, color: 正红色, stock: 200}
      - {id: lip-coral, color: 珊瑚色, stock: 0, restock_date: 2026-12-20}
      - {id: lip-nude, color: 豆沙色, stock: 0}
  - id: sunscreen
    name: 清透防晒乳
    aliases: [防晒霜, 防晒]
    category: skincare
    price: 99
    original_price: 139
    description: SPF50+ PA++++，清爽不油腻，50毫升
    skus:
      - {id: sun-50, size: 50ml, stock: 80}
promotions:
  - id: double11
    title: 双11狂欢
    min_spend: 200
    discount: 40
    starts_at: 2026-11-01T00:00:00+08:00
    ends_at: 2026-11-12T00:00:00+08:00
  - id: new-year
    title: 元旦焕新
    product: lipstick
    price: 99
    starts_at: 2026-12-28T00:00:00+08:00
    ends_at: 2027-01-03T23:59:00+08:00
  - id: serum-week
    title: 精华周
    product: serum
    price: 149
    limit: 200
    remaining: 15
    starts_at: 2026-11-28T00:00:00+08:00
    ends_at: 2026-12-03T23:59:00+08:00
coupons:
  - {id: G10, value: 10, min_spend: 0, usable: this_order}
  - {id: G50, value: 50, min_spend: 300, usable: this_order}
  - {id: G15-SUN, value: 15, min_spend: 99, usable: this_order, products: [sunscreen]}
  - {id: G20-NEXT, value: 20, min_spend: 150, usable: next_order}
  - {id: G30-OLD, value: 30, min_spend: 100, usable: this_order,
     ends_at: 2026-11-30T23:59:00+08:00}
gift_tiers:
  - {min_order_value: 150, gift: 旅行装卸妆水, value: 19, swaps: [化妆棉]}
  - {min_order_value: 400, gift: 化妆包, value: 49}
shipping:
  fulfilment: third_party
  cutoffs:
    - {before: "15:00", ships: afternoon}
  last_pickup: "17:00"
  ship_days: [mon, tue, wed, thu, fri]
  carriers: [顺丰, 圆通]
  default_delivery_days: 2-5
  delivery:
    - {region: 广东, places: [广东, 广州, 深圳], days: 1-2}
service:
  rating: 4.8
  no_reason_return_days: 7
  free_return_shipping: true
  warranty: 过敏可退
  after_sales: 售后问题24小时内回复
  refund_days: 1-3个工作日
  authenticity: 品牌官方授权，每件可查批次
  installation: 护肤品无需安装
  price_protection_days: 15
invoice:
  types: [电子普通发票]
  company_title: true
  issued_within: 确认收货后2个工作日内
payment:
  methods: [支付宝, 花呗]
  cash_on_delivery: false
  instalments: [花呗分期]
  company_transfer_hours: 48
hours:
  timezone: Asia/Shanghai
  weekly:
    mon: ["09:00-12:00", "13:30-22:00"]
    tue: ["09:00-12:00", "13:30-22:00"]
    wed: ["09:00-12:00", "13:30-22:00"]
    thu: ["09:00-12:00", "13:30-22:00"]
    fri: ["09:00-12:00", "13:30-22:00"]
    sat: ["10:00-18:00"]
  holidays: [2027-01-01]
  dates:
    2026-12-12: ["09:00-26:00"]
authority:
  coupon_max: 20
  compensation_max: 15
unattended:
  confidence_threshold: 0.7
  allowed_intents:
    [shipping_time, stock_availability, invoice_request, thanks, greet, ask_product_info]
  coupon_max: 10
templates:
  greeting.hello:
    - 您好，这里是{shop}，有什么可以帮您～
reminders:
  batches: ["10:00"]
  night: ["22:00", "08:00"]
  im_after_minutes: 15
  phone_min_value: 800
  sms_max_value: 100
  promotion_days: [2026-11-11]
  follow_days: 2
"""

SOFA_SHOP = """\
id: sofa
name: 木里家居
platform: jd
low_stock_threshold: 2
catalogue:
  - id: sofa3
    name: 布艺三人沙发
    category: furniture
    price: 3299
    description: 科技布面料，实木框架，宽2.1米
    skus:
      - {id: sofa3-grey, color: 浅灰, stock: 6}
      - {id: sofa3-green, color: 墨绿, stock: 1}
  - id: fridge
    name: 对开门冰箱
    category: appliance
    price: 4599
    description: 500升，一级能效，风冷无霜
    skus:
      - {id: fridge-500, stock: 0}
shipping:
  fulfilment: third_party
  cutoffs:
    - {before: "12:00", ships: afternoon}
  ship_days: [mon, tue, wed, thu, fri]
  carriers: [德邦物流]
  default_delivery_days: 7-15
service:
  rating: 4.6
  no_reason_return_days: 0
  free_return_shipping: false
  warranty: 三年质保
  after_sales: 售后48小时内上门
  refund_days: 3-7个工作日
payment:
  methods: [京东支付]
  cash_on_delivery: false
  company_transfer_hours: 72
hours:
  timezone: Asia/Urumqi
  weekly:
    mon: ["10:00-19:00"]
    tue: ["10:00-19:00"]
    wed: ["10:00-19:00"]
    thu: ["10:00-19:00"]
    fri: ["10:00-19:00"]
authority:
  coupon_max: 0
  compensation_max: 0
unattended:
  confidence_threshold: 0.95
  allowed_intents: []
  coupon_max: 0
"""


def write_shop(directory: Path, shop_id: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{shop_id}.yml"
    path.write_text(text, encoding="utf-8")
    return path
