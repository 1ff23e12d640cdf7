"""Word lists the NLU pipeline uses: colours and domain words (jieba user dictionary), and the
product names and aliases of every shop catalogue, so `product` entities are catalogue names."""

from __future__ import annotations

import logging
from pathlib import Path

from bot.shop import ShopProfileError, load_shop

PROJECT_DIR = Path(__file__).resolve().parents[2]
JIEBA_DICTIONARY_DIR = PROJECT_DIR / "data" / "lexicon" / "jieba"
SHOPS_DIR = PROJECT_DIR / "data" / "shops"

logger = logging.getLogger(__name__)


def dictionary_words(filename: str, directory: Path = JIEBA_DICTIONARY_DIR) -> list[str]:
    """The first column of a jieba user-dictionary file (word, optional frequency, optional tag)."""
    lines = (directory / filename).read_text(encoding="utf-8").splitlines()
    return [line.split()[0] for line in lines if line.strip()]


def catalogue_terms(shops_dir: Path = SHOPS_DIR) -> list[str]:
    """Names and aliases of all catalogue products. A shop file that does not load is skipped
    with a warning: the model still serves the other shops, and loading that shop itself reports
    the file, the field and the fix."""
    terms: set[str] = set()
    for path in sorted(Path(shops_dir).glob("*.yml")):
        try:
            shop = load_shop(path)
        except ShopProfileError as error:
            logger.warning("product names of %s are not used: %s", path, error)
            continue
        terms.update(name for product in shop.products for name in product.names)
    return sorted(terms)
