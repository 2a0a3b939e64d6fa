"""The one normalised form used to recognise the same words across outlets and files.

Two functions on one fold (case, Unicode compatibility forms, quote and dash typography), which
differ on purpose: `normalize_for_match` keeps the punctuation inside the text (a line repeats the
headline only when it reads the same, "U.S. aid" is not "US aid"); `match_key` keeps only the
words (a sentence or quotation re-punctuated by another outlet has the same key; near-duplicate
shingles and finding handles are built on it, so it must not change lightly).
"""

from __future__ import annotations

import re
import unicodedata

# One kind of apostrophe, quotation mark and dash, whatever the outlet's typography.
MATCH_TABLE = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
    }
)
EDGE_PUNCTUATION = " \t\n\"'.,;:!?()[]{}-…*"


def fold(text: str) -> str:
    """Compatibility forms folded (NFKC), lowercase, one kind of quote, apostrophe and dash."""
    return unicodedata.normalize("NFKC", text).translate(MATCH_TABLE).lower()


def normalize_for_match(text: str) -> str:
    """Text reduced for comparing lines: folded, single spaces, no punctuation at either end."""
    return " ".join(fold(text).split()).strip(EDGE_PUNCTUATION)


def match_key(text: str) -> str:
    """The folded text's words, apostrophes kept (a quotation's own opening ' too: keys compare
    as substrings in corroborate and disagree), other punctuation dropped: a sentence or
    quotation repeated by another outlet has the same key."""
    return " ".join(re.sub(r"[^\w\s']", " ", fold(text)).split())
