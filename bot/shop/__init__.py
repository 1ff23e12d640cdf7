"""Shop profiles: catalogue, promotions, coupons, gifts, shipping, service, hours and limits."""

from bot.shop.loader import load_shop, load_shops
from bot.shop.model import Product, Shop
from bot.yamlnodes import ShopProfileError

__all__ = ["Product", "Shop", "ShopProfileError", "load_shop", "load_shops"]
