"""The one normalised form used to recognise the same words across outlets."""

from __future__ import annotations

import re

_QUOTES = str.maketrans("“”‘’`", "\"\"'''")


def match_key(text: str) -> str:
    """Lower case, curly quotes straightened, punctuation dropped, spaces collapsed: a sentence
    or quotation repeated by another outlet has the same key."""
    text = text.lower().translate(_QUOTES)
    return " ".join(re.sub(r"[^\w\s']", " ", text).split())
