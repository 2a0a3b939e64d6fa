"""Bytes -> text: byte-order marks, binary refusal, encoding guesses, Unicode clean-up; and the
reduced form of text used to compare lines and sentences."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import charset_normalizer

from .files import UnusableFile

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx)"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (e.g. .doc)"),
)
# Western single-byte code pages that decode the same bytes identically for news text; when
# charset-normalizer ranks one of them as good as its best guess we take cp1252, the usual
# Windows encoding of English and Western European text (it otherwise guesses e.g. cp1250 for
# short French text and turns "naïve" into "naďve").
WESTERN = ("cp1252", "latin_1", "iso8859_15")
# Unicode category Cc, except the ones that are fine in text: tab, newlines, form feed.
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """Bytes -> (text, encoding name). Raises UnusableFile for binary or undecodable input."""
    for bom, codec in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec.removesuffix("-sig")
            except UnicodeDecodeError as err:
                raise UnusableFile(
                    path,
                    f"starts with a {codec} byte-order mark but is not valid {codec} "
                    f"(byte {err.start}); re-save it as UTF-8",
                ) from err
    for magic, what in MAGIC:
        if raw.startswith(magic):
            raise UnusableFile(path, f"binary file ({what}), not text; remove it")
    if b"\x00" in raw:
        raise UnusableFile(path, "binary file (contains NUL bytes), not text; remove it")
    try:
        text, encoding = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = guess_encoding(raw, path)
    controls = len(CONTROL.findall(text))
    if controls > max(2, len(text) // 200):
        raise UnusableFile(path, "binary file (many control characters), not text; remove it")
    return text, encoding


def guess_encoding(raw: bytes, path: Path) -> tuple[str, str]:
    matches = charset_normalizer.from_bytes(raw)
    best = matches.best()
    if best is None:
        raise UnusableFile(
            path,
            "undecodable bytes: not UTF-8 and no other text encoding fits "
            "(corrupt or mixed encodings?); re-save the file as UTF-8",
        )
    for match in matches:
        if match.encoding in WESTERN and match.chaos <= best.chaos + 0.01:
            if can_cp1252(raw):
                return raw.decode("cp1252"), "cp1252"
            return str(match), match.encoding
    return str(best), best.encoding


def can_cp1252(raw: bytes) -> bool:
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


# Spaces that look like spaces become spaces; invisible characters go. Quote characters are left
# alone on purpose: quotations must stay verbatim.
SPACE_LIKE = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
SPACE_LIKE += "\u202f\u205f\u3000\t\x0b"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
LINE_BREAKS = "\u2028\u2029\x85\x0c"
UNICODE_TABLE = {
    **dict.fromkeys(map(ord, SPACE_LIKE), " "),
    **dict.fromkeys(map(ord, INVISIBLE), None),
    **dict.fromkeys(map(ord, LINE_BREAKS), "\n"),
}


def normalize_unicode(text: str) -> str:
    """NFC, Unix newlines, no-break and odd spaces as plain spaces, zero-width characters gone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(UNICODE_TABLE)
    text = CONTROL.sub("", text.replace("\t", " "))
    return unicodedata.normalize("NFC", text)


# --- matching text ------------------------------------------------------------------------------

MATCH_TABLE = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
    }
)
EDGE_PUNCTUATION = " \t\n\"'.,;:!?()[]{}-…*"


def normalize_for_match(text: str) -> str:
    """Text reduced for comparing sentences: lowercase, one kind of quote/apostrophe/dash,
    single spaces, no punctuation at either end."""
    text = unicodedata.normalize("NFKC", text).translate(MATCH_TABLE).lower()
    return " ".join(text.split()).strip(EDGE_PUNCTUATION)
