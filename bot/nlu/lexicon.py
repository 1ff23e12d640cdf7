"""Word lists the NLU pipeline uses: colours and domain words (jieba user dictionary). Shop
catalogues are not among them: products are matched per shop at request time (`bot.catalogue`)."""

from __future__ import annotations

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
JIEBA_DICTIONARY_DIR = PROJECT_DIR / "data" / "lexicon" / "jieba"


def dictionary_words(filename: str, directory: Path = JIEBA_DICTIONARY_DIR) -> list[str]:
    """The first column of a jieba user-dictionary file (word, optional frequency, optional tag)."""
    lines = (directory / filename).read_text(encoding="utf-8").splitlines()
    return [line.split()[0] for line in lines if line.strip()]
