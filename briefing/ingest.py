"""Files -> Article models: clean body text in paragraphs plus metadata. No LLM here.

One driver, `load_folder`, calls small stages in order (the shape of trafilatura's
`bare_extraction`): find files -> read bytes -> decode -> normalise Unicode -> per-format
extraction -> line cleaning -> metadata -> repairs -> near-duplicates -> ids.

Cleaning is conservative and reviewable: every source line that is not kept in `Article.text`
(other than the title) is kept in `Article.removed`, and every word changed by a repair is listed
in `Article.repairs`. `describe` renders all of it for `briefing inspect DIR`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import charset_normalizer

from .dates import MONTHS, WEEKDAYS, safe_date
from .errors import BriefingError
from .models import Article, Duplicate, IngestResult, Problem

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
SUPPORTED = "supported: .txt .md .html .json .jsonl"
MAX_BYTES = 5_000_000

# Near-duplicates: Jaccard similarity of 5-word shingles of the normalised text. At or above
# EXCLUDE the later file is a copy (syndication, re-post) and is left out, its outlet credited on
# the kept article; at or above REPORT it is kept but listed, so a reviewer can see the overlap.
SHINGLE_WORDS = 5
SKETCH_BINS = 32
BAND_ROWS = 2  # 16 bands: pairs at 0.5 similarity meet with probability 0.99
DUPLICATE_EXCLUDE = 0.9
DUPLICATE_REPORT = 0.5


class InputFolderError(BriefingError):
    """The input folder does not exist or is not a folder."""


class UnusableFile(BriefingError):
    """One file (or one record of a JSON file) cannot be used; `load_folder` makes it a Problem."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.problem = Problem(path=str(path), reason=reason)


# --- entry points -------------------------------------------------------------------------------


def load_folder(
    folder: Path,
    *,
    today: dt.date,
    max_bytes: int = MAX_BYTES,
    follow_symlinks: bool = False,
) -> IngestResult:
    """Read every article file under `folder`; unusable files become Problems, never exceptions.

    Raises InputFolderError only when `folder` itself is missing or not a folder.
    """
    folder = Path(folder)
    if not folder.exists():
        raise InputFolderError(f"input folder not found: {folder}; check the path")
    if not folder.is_dir():
        raise InputFolderError(f"input is not a folder: {folder}; pass the folder of articles")
    paths, problems = find_article_files(folder, follow_symlinks=follow_symlinks)
    loaded: list[Article] = []
    for path in paths:
        try:
            loaded += load_file(
                path, today=today, max_bytes=max_bytes, number=len(loaded) + 1, problems=problems
            )
        except UnusableFile as err:
            problems.append(err.problem)
    articles, duplicates = drop_duplicates(loaded)
    if not articles:
        problems.append(Problem(path=str(folder), reason=no_articles_reason(paths)))
    return IngestResult(articles=articles, problems=problems, duplicates=duplicates)


def load_file(
    path: Path,
    *,
    today: dt.date,
    max_bytes: int = MAX_BYTES,
    number: int = 1,
    problems: list[Problem] | None = None,
) -> list[Article]:
    """Read one file into articles with ids a{number}, a{number+1}, ...

    Raises UnusableFile when the file as a whole cannot be used. A bad record inside a JSON or
    JSONL file is appended to `problems` when a list is given, and raised otherwise.
    """
    path = Path(path)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UnusableFile(path, f"not an article file ({SUPPORTED}); remove or rename it")
    text, encoding = decode(read_bytes(path, max_bytes), path)
    text = normalize_unicode(text)
    if not text.strip():
        raise UnusableFile(path, "empty file (only whitespace); add the article text or remove it")
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl"):
        drafts = []
        for item in json_records(path, text):
            if isinstance(item, Problem):
                if problems is None:
                    raise UnusableFile(item.path, item.reason)
                problems.append(item)
                continue
            record, metadata = item
            drafts.append(clean_record(path, record, metadata, today))
        if not drafts and problems is None:
            raise UnusableFile(path, "no usable records; each needs at least a text field")
    elif suffix in (".html", ".htm"):
        drafts = [clean_html(path, text, today)]
    elif suffix == ".md":
        drafts = [clean_markdown(path, text, today)]
    else:
        drafts = [require_text(path, clean_article(text, today=today))]
    return [
        article_from_draft(draft, path=path, number=number + i, encoding=encoding)
        for i, draft in enumerate(drafts)
    ]


# --- finding and reading files ------------------------------------------------------------------


def find_article_files(folder: Path, *, follow_symlinks: bool) -> tuple[list[Path], list[Problem]]:
    """Article files under `folder` in sorted-path order, and Problems for entries refused.

    Hidden entries (dotfiles) are skipped silently. Sub-folders are searched too.
    """
    root = folder.resolve()
    found: list[Path] = []
    problems: list[Problem] = []
    seen_dirs = {root}
    pending = [folder]
    while pending:
        directory = pending.pop()
        try:
            entries = sorted(directory.iterdir())
        except OSError as err:
            problems.append(Problem(path=str(directory), reason=f"cannot list folder: {err}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            problem = refused_link(entry, root, follow_symlinks)
            if problem:
                problems.append(problem)
            elif entry.is_dir() and entry.suffix.lower() not in SUPPORTED_SUFFIXES:
                target = entry.resolve()
                if target not in seen_dirs:
                    seen_dirs.add(target)
                    pending.append(entry)
            elif entry.suffix.lower() not in SUPPORTED_SUFFIXES:
                reason = f"not an article file ({SUPPORTED}); remove or rename it"
                problems.append(Problem(path=str(entry), reason=reason))
            else:
                found.append(entry)
    return sorted(found, key=lambda p: p.relative_to(folder).parts), problems


def refused_link(entry: Path, root: Path, follow_symlinks: bool) -> Problem | None:
    if not entry.is_symlink():
        return None
    target = Path(os.path.realpath(entry))
    if not entry.exists():
        reason = f"broken symbolic link (target {target} does not exist); fix or remove the link"
        return Problem(path=str(entry), reason=reason)
    if not follow_symlinks and not target.is_relative_to(root):
        reason = (
            f"symbolic link to {target}, outside the input folder; copy the file in "
            "or allow links (follow_symlinks)"
        )
        return Problem(path=str(entry), reason=reason)
    return None


def no_articles_reason(paths: list[Path]) -> str:
    if not paths:
        return f"no article files found ({SUPPORTED}); add articles to the folder"
    return f"none of the {len(paths)} article files could be used; see the problems listed"


def read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise UnusableFile(path, "is a folder, not a file; rename it or move its contents out")
        size = path.stat().st_size
        if size > max_bytes:
            raise UnusableFile(
                path,
                f"file is {megabytes(size)}, over the {megabytes(max_bytes)} limit "
                "(max_bytes); split it or raise the limit",
            )
        raw = path.read_bytes()
    except FileNotFoundError as err:
        raise UnusableFile(path, "file not found (broken link?); fix or remove it") from err
    except PermissionError as err:
        raise UnusableFile(path, "permission denied; make the file readable") from err
    except OSError as err:
        raise UnusableFile(path, f"cannot read file ({err.strerror or err}); check it") from err
    if not raw.strip():
        raise UnusableFile(path, "empty file; add the article text or remove the file")
    return raw


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


# --- decoding -----------------------------------------------------------------------------------

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


# --- dates --------------------------------------------------------------------------------------

MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
DATE_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/](?P<mnum>\d\d?)[-/](?P<day>\d\d?)\b"),
    re.compile(rf"\b(?P<day>\d\d?)(?:st|nd|rd|th)?\s+{MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b{MONTH}\s+(?P<day>\d\d?)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
)
YEAR = re.compile(r"(?:19|20)\d\d")
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
UNIT_DAYS = {"second": 0, "minute": 0, "hour": 0, "day": 1, "week": 7, "month": 30, "year": 365}
AGO = (
    r"(?P<n>\d+|an?|one|two|three|four|five|six)\s+"
    r"(?P<unit>second|minute|hour|day|week|month|year)s?\s+ago"
)
RELATIVE_DATE_LINE = re.compile(
    rf"^(?:(?:last\s+)?updated?|published|posted|date)?\s*:?\s*(?:{AGO}|(?P<word>yesterday|today))"
    r"\.?$",
    re.I,
)
# What may surround a date on a line that is only a date: weekday, time, zone, a label.
DATE_LINE_FILLER = re.compile(
    r"\b(?:" + "|".join(WEEKDAYS) + r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|published|updated?|last|posted|date|dated|modified|on|at|[AP]\.?M\.?|[A-Z]{2,4}T|UTC|GMT)\b"
    r"|\d\d?:\d\d(?::\d\d)?",
    re.I,
)
WEEKDAY_CUE = re.compile(r"\b(yesterday|" + "|".join(WEEKDAYS) + r")\b", re.I)


def find_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Explicit calendar dates in `text` as (start, end, date), in order of appearance."""
    found: list[tuple[int, int, dt.date]] = []
    if not YEAR.search(text):  # cheap test first: most lines have no date
        return found
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else MONTHS[parts["month"].lower()]
            date = safe_date(int(parts["year"]), month, int(parts["day"]))
            if date is not None:
                found.append((match.start(), match.end(), date))
    return sorted(found)


def is_date_line(line: str) -> bool:
    """True for a short line that only states a date (plus weekday, time, a label or a few
    words of site chrome, e.g. ' date 2025-12-05 WATCH TV LIVE')."""
    if len(line) > 100:
        return False
    dates = find_dates(line)
    if not dates:
        return False
    rest = line
    for start, end, _ in reversed(dates):
        rest = rest[:start] + " " + rest[end:]
    rest = re.findall(r"\w+", DATE_LINE_FILLER.sub(" ", rest))
    # A few capitalised words of chrome may share the line; lowercase words mean a sentence
    # ("launched its war on Feb. 24, 2022.").
    return len(rest) <= 3 and not any(word[0].islower() for word in rest)


def resolve_relative(line: str, today: dt.date) -> dt.date | None:
    match = RELATIVE_DATE_LINE.match(line)
    if not match:
        return None
    if match["word"]:
        return today - dt.timedelta(days=1 if match["word"].lower() == "yesterday" else 0)
    count = NUMBER_WORDS.get(match["n"].lower()) or int(match["n"])
    unit = match["unit"].lower()
    days = count * UNIT_DAYS[unit] if unit not in ("second", "minute", "hour") else 0
    if unit == "hour":
        days = count // 24
    return today - dt.timedelta(days=days)


def infer_date(body: str, context: str, today: dt.date) -> dt.date | None:
    """Publication date from the story itself when the file states none.

    Ledes put the news day first, so the first day cue in the body ("yesterday", a weekday) is
    resolved against the latest explicit date anywhere in the file (captions included): the
    weekday on or after it (within a week), or the day after it for "yesterday". No cue or no
    explicit date: None. Always approximate.
    """
    anchors = [date for _, _, date in find_dates(context) if date <= today]
    if not anchors:
        return None
    anchor = max(anchors)
    cue = WEEKDAY_CUE.search(strip_dates(body))
    if not cue:
        return None
    word = cue.group(1).lower()
    if word == "yesterday":
        return anchor + dt.timedelta(days=1)
    return anchor + dt.timedelta(days=(WEEKDAYS.index(word) - anchor.weekday()) % 7)


WEEKDAY_BEFORE = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r"),?\s*$", re.I)


def strip_dates(text: str) -> str:
    """`text` without explicit dates and the weekday written with them ("Tuesday, Dec. 2, 2025")."""
    for start, end, _ in reversed(find_dates(text)):
        weekday = WEEKDAY_BEFORE.search(text, 0, start)
        text = text[: weekday.start() if weekday else start] + " " + text[end:]
    return text


def parse_date_value(value: Any, today: dt.date) -> tuple[dt.date | None, bool]:
    """A date from metadata (ISO string, datetime string, '5 December 2025', '2 days ago')."""
    if not isinstance(value, str) or not value.strip():
        return None, False
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]), False
    except ValueError:
        pass
    dates = find_dates(value)
    if dates:
        return dates[0][2], False
    relative = resolve_relative(value, today)
    return (relative, True) if relative else (None, False)


# --- outlets and bylines ------------------------------------------------------------------------

OUTLETS = {
    "Reuters": ("reuters", "thomson reuters", "thomson/reuters"),
    "Associated Press": ("associated press", "the associated press", "ap"),
    "AFP": ("afp", "agence france-presse", "agence france presse"),
    "Bloomberg": ("bloomberg", "bloomberg news"),
    "dpa": ("dpa", "deutsche presse-agentur"),
    "UPI": ("upi", "united press international"),
    "TASS": ("tass",),
    "Interfax": ("interfax",),
    "Xinhua": ("xinhua",),
    "Kyodo": ("kyodo", "kyodo news"),
    "BBC": ("bbc", "bbc news"),
    "CNN": ("cnn",),
    "Al Jazeera": ("al jazeera",),
}
OUTLET_ALIASES = {alias: name for name, aliases in OUTLETS.items() for alias in aliases}
OUTLET_IN_TEXT = re.compile(
    r"\b(" + "|".join(re.escape(a) for a in sorted(OUTLET_ALIASES, key=len, reverse=True)) + r")\b",
    re.I,
)
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", re.I)
COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:copyright\s*)?(?:(?:19|20)\d\d\s*)?(?P<holder>[^.©|]+)", re.I
)
# "MOSCOW (Reuters) -" at the start of the first paragraph.
DATELINE = re.compile(r"^[A-Z][A-Za-z .,'’/-]{0,60}\((?P<agency>Reuters|AP|AFP|dpa|UPI)\)\s*[-—–]")
BYLINE = re.compile(
    r"^(?i:by|author|written by|words by|reporting by|reported by)\s*:?\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+(?:(?:and|de|van|von|der|al|bin)\s+)?[A-Z][\w.'’-]*){0,5})"
    r"\s*(?:[|,;—–-]\s*(?P<rest>.*))?$"
)
PHOTO_CREDIT_LINE = re.compile(
    r"^(?:photos?|images?|pictures?|credit|source|photograph)\s*(?:credit)?\s*:"
    r"|^(?:reuters|ap|afp|epa|getty images)\s*/|\bgetty images$|^ap photo\b",
    re.I,
)


def outlet_from_copyright(line: str) -> str | None:
    known = OUTLET_IN_TEXT.search(line)
    if known:
        return OUTLET_ALIASES[known.group(1).lower()]
    holder = COPYRIGHT_HOLDER.search(line)
    if not holder:
        return None
    name = re.sub(r"\ball rights reserved\b", "", holder["holder"], flags=re.I)
    name = re.sub(r",?\s*\b(?:inc|ltd|llc|plc|gmbh)\b\.?", "", name, flags=re.I).strip(" ,.-")
    return name if 0 < len(name.split()) <= 5 else None


def outlet_from_credit(line: str) -> str | None:
    """The outlet named by a line that is only an agency name ('Reuters', '(AP)')."""
    return OUTLET_ALIASES.get(line.strip(" ()[]-—–").lower())


# --- line classification ------------------------------------------------------------------------

BULLET = re.compile(r"^[-*•·▪►]\s+")
ENDS_SENTENCE = re.compile(r"""[.!?…]["'”’»)\]]*$""")
ENDS_CLAUSE = re.compile(r"""[.!?…:;,—–-]["'”’»)\]]*$""")
# Site chrome, compared after lowercasing and stripping bullets and edge punctuation.
CHROME_EXACT = {
    "watch tv live", "watch live", "live tv", "newsfront", "share", "share this",
    "share this article", "share on facebook", "share on twitter", "share on x", "tweet",
    "email", "print", "comments",
    "advertisement", "sponsored", "skip to content", "skip to main content", "menu", "search",
    "subscribe", "sign in", "log in", "sign up", "newsletter", "read more", "related",
    "related articles", "related stories", "more stories", "more from this section",
    "recommended", "most read", "most popular", "trending", "you may also like", "follow us",
    "back to top", "tags", "topics", "home", "copy link", "listen", "listen to this article",
    "save", "close", "continue reading", "story continues below", "accept", "accept all",
}  # fmt: skip
END_MARKERS = {
    "share", "share this", "share this article", "read more", "related", "related articles",
    "related stories", "more stories", "recommended", "most read", "most popular", "trending",
    "you may also like", "tags", "topics",
}  # fmt: skip
CHROME_PATTERNS = (
    re.compile(r"^(?:tags?|topics?|categories|filed under)\s*[:=|]", re.I),
    re.compile(r"^\d+\s*min(?:ute)?s?\s+read$", re.I),
    re.compile(r"^[\d,.]+\s*[km]?\s+(?:views?|comments?|shares?|reads?)$", re.I),
    re.compile(r"^\[[^\]]*\b(?:column|continued|advertisement|top of)\b[^\]]*\]$", re.I),
    re.compile(r"^[\W_]+$"),
    re.compile(r"^[A-Z]{2,15}(?:\s+[A-Z]{2,15})?$"),  # section label: WORLD, US NEWS
    re.compile(r"^\d+\s+(?:second|minute|hour|day|week)s?\s+ago\b.*\bread\b", re.I),
    re.compile(r"^!\[[^\]]*\]\([^)]*\)$"),  # markdown image
    re.compile(r"\bcookies?\b.*\b(?:accept|consent|privacy|policy)\b", re.I),
)
PHOTO_CREDIT = re.compile(
    r"\([^()]*\b(?:photo|photograph|image|getty images|pool|via (?:ap|reuters|afp|getty))\b"
    r"[^()]*\)\s*$",
    re.I,
)
CAPTION_START = re.compile(r"^(?:photo|image|caption|photograph|file photo|file)\s*[:\-–—]", re.I)


def line_kind(line: str) -> str | None:
    """The kind of a line that stands alone (never joined with its neighbours), or None for text."""
    if len(line) > 300:  # chrome, credits and date lines are short; a paragraph is text
        return None
    bare = BULLET.sub("", line).strip()
    low = bare.lower().strip(" .:|")
    if low in CHROME_EXACT or any(p.search(bare) for p in CHROME_PATTERNS):
        return "chrome"
    if len(bare) <= 200 and COPYRIGHT.search(bare):
        return "copyright"
    if BYLINE.match(bare) and len(bare.split()) <= 14:
        return "byline"
    if RELATIVE_DATE_LINE.match(bare):
        return "relative_date"
    if is_date_line(bare):
        return "date"
    if outlet_from_credit(bare) or PHOTO_CREDIT_LINE.search(bare):
        return "credit"
    return None


# --- lines -> units (paragraphs or single meta lines) -------------------------------------------


@dataclass
class Unit:
    """A paragraph of text or a standalone line, and the role cleaning gives it."""

    text: str
    role: str  # "body" or why it is not body text (a line kind, "title", "caption", ...)

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def is_prose(self) -> bool:
        return bool(ENDS_SENTENCE.search(self.text)) or self.words >= 20


def build_units(lines: list[str]) -> list[Unit]:
    """Join hard-wrapped lines into paragraphs; standalone lines (dates, chrome, ...) stay alone.

    A blank line always ends a paragraph. In a hard-wrapped file a line ending a sentence also
    ends its paragraph when the next line's first word would have fitted on it (a wrapping
    program would have put it there). A paragraph-final line that happens to be full cannot be
    told apart, so two paragraphs may be merged; no sentence is lost.
    """
    kinds = [line_kind(line) if line else None for line in lines]
    widths = local_widths(lines, kinds) if is_hard_wrapped(lines, kinds) else None
    units: list[Unit] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            units.append(Unit(join_lines(current), "body"))
            current.clear()

    for i, line in enumerate(lines):
        if not line:
            flush()
        elif kinds[i]:
            flush()
            units.append(Unit(line, kinds[i] or "body"))
        else:
            if current and not continues(current, line, widths[i] if widths else None):
                flush()
            current.append(line)
    flush()
    return units


def continues(current: list[str], line: str, width: int | None) -> bool:
    """Whether `line` continues the paragraph whose lines so far are `current`."""
    previous = current[-1]
    if width is None:  # not hard-wrapped: one line is one paragraph, unless cut mid-sentence
        return not ENDS_CLAUSE.search(previous) and line[:1].islower()
    if len(current) == 1 and len(previous) < 0.8 * width and not ENDS_CLAUSE.search(previous):
        return line[:1].islower()  # a short first line is a heading unless the text runs on
    if ENDS_SENTENCE.search(previous):
        return len(previous) + 1 + len(line.split()[0]) > width
    return True


def join_lines(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        # "four-" + "year": keep the hyphen, drop the break (wrappers break after hyphens).
        glue = "" if re.search(r"[A-Za-z]-$", text) and line[:1].islower() else " "
        text += glue + line
    return " ".join(text.split())


def is_hard_wrapped(lines: list[str], kinds: list[str | None]) -> bool:
    """Most text lines are near one width (under 100 characters) and many stop mid-sentence."""
    text_lines = [line for line, kind in zip(lines, kinds, strict=True) if line and not kind]
    if len(text_lines) < 5:
        return False
    lengths = sorted(len(line) for line in text_lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 30 <= width <= 100:
        return False
    near_full = sum(1 for n in lengths if n >= 0.7 * width) / len(lengths)
    open_ended = sum(1 for line in text_lines if not ENDS_SENTENCE.search(line)) / len(text_lines)
    return near_full >= 0.6 and open_ended >= 0.3


def local_widths(lines: list[str], kinds: list[str | None], reach: int = 5) -> list[int]:
    """Wrap width around each line: columns of one file can be wrapped at different widths."""
    lengths = [
        len(line) if line and not kind else 0 for line, kind in zip(lines, kinds, strict=True)
    ]
    return [max(lengths[max(0, i - reach) : i + reach + 1]) for i in range(len(lines))]


# --- units -> roles -----------------------------------------------------------------------------


def mark_title(units: list[Unit], title: str | None) -> str | None:
    """Find the headline (unless `title` is known) and mark it and repeats of it as not body."""
    body = [u for u in units if u.role == "body"]
    if title is None and body and is_headline(body[0]):
        title = body[0].text
        body[0].role = "title"
    if title:
        for unit in body:
            if unit.role == "body" and normalize_for_match(unit.text) == normalize_for_match(title):
                unit.role = "repeated title"
    return title


def is_headline(unit: Unit) -> bool:
    return 2 <= unit.words <= 30 and len(unit.text) <= 250 and not unit.text.endswith(".")


def mark_captions(units: list[Unit]) -> None:
    """Photo captions: a credit in brackets at the end, a 'Photo:' label, a date at the end of a
    line that is not a sentence, or an unfinished line just above a credit line."""
    for i, unit in enumerate(units):
        if unit.role != "body":
            continue
        followed_by_credit = i + 1 < len(units) and units[i + 1].role == "credit"
        unfinished = not ENDS_SENTENCE.search(unit.text) and unit.words >= 6
        ends_with_date = any(end >= len(unit.text) - 1 for _, end, _ in find_dates(unit.text))
        if (
            PHOTO_CREDIT.search(unit.text)
            or CAPTION_START.match(unit.text)
            or (unfinished and (ends_with_date or followed_by_credit))
        ):
            unit.role = "caption"


def mark_tail(units: list[Unit]) -> None:
    """After the story: once a copyright line closes it, everything after goes; after a share
    bar, 'related' heading or byline, only lines that are not sentences (headline lists) go."""
    words_total = sum(u.words for u in units if u.role == "body")
    words_seen = 0
    ended, closed = False, False
    for unit in units:
        if unit.role == "body":
            if closed or (ended and not ENDS_SENTENCE.search(unit.text)):
                unit.role = "after the story"
            else:
                words_seen += unit.words
            continue
        if words_seen == 0:
            continue
        marker = BULLET.sub("", unit.text).lower().strip(" .:|")
        if unit.role == "copyright" and words_seen >= words_total - words_seen:
            closed = True
        elif unit.role == "byline" or marker in END_MARKERS or marker.startswith("tags"):
            ended = True


def mark_headings(units: list[Unit]) -> None:
    """Sub-headings: short lines that are not sentences, followed by a paragraph of prose."""
    body = [u for u in units if u.role == "body"]
    for unit, following in zip(body, body[1:], strict=False):
        if unit.words <= 12 and not ENDS_CLAUSE.search(unit.text) and following.is_prose:
            unit.role = "heading"


# --- one article --------------------------------------------------------------------------------


@dataclass
class Draft:
    """A cleaned article before it gets an id."""

    title: str | None
    paragraphs: list[str]
    removed: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: dt.date | None = None
    date_approximate: bool = False
    byline: str | None = None
    url: str | None = None
    repairs: list[str] = field(default_factory=list)
    record: int | None = None


@dataclass
class Known:
    """Metadata a format states outright (HTML meta tags, JSON fields, Markdown front matter)."""

    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    byline: str | None = None
    url: str | None = None
    site: str | None = None  # the website; used only when the text names no outlet


def clean_article(text: str, *, today: dt.date, known: Known | None = None) -> Draft:
    """Plain article text -> paragraphs and metadata, every dropped line kept in `removed`."""
    known = known or Known()
    units = build_units([line.strip() for line in text.split("\n")])
    title = mark_title(units, known.title)
    mark_captions(units)
    mark_tail(units)
    mark_headings(units)
    body = [u.text for u in units if u.role == "body"]
    removed = [u.text for u in units if u.role not in ("body", "title")]
    repairs: list[str] = []
    body, title = restore_apostrophes(body, title, repairs)
    draft = Draft(
        title=title,
        paragraphs=body,
        removed=removed,
        byline=known.byline or first_byline(units),
        outlet=known.outlet or outlet_in(units) or known.site,
        url=known.url,
        repairs=repairs,
    )
    set_date(draft, units, known, today)
    return draft


def first_byline(units: list[Unit]) -> str | None:
    for unit in units:
        match = BYLINE.match(BULLET.sub("", unit.text)) if unit.role == "byline" else None
        if match:
            return match["name"]
    return None


def outlet_in(units: list[Unit]) -> str | None:
    """Outlet named by the text: a copyright line, a '(Reuters) -' dateline, an agency credit."""
    for unit in units:
        if unit.role == "copyright" and (outlet := outlet_from_copyright(unit.text)):
            return outlet
    body = [u for u in units if u.role == "body"]
    dateline = DATELINE.match(body[0].text) if body else None
    if dateline:
        return OUTLET_ALIASES[dateline["agency"].lower()]
    for unit in units:
        if unit.role in ("credit", "byline"):
            bare = BULLET.sub("", unit.text)
            byline = BYLINE.match(bare)
            credit = outlet_from_credit(byline["rest"] or "") if byline else None
            if outlet := credit or outlet_from_credit(bare):
                return outlet
    return None


def set_date(draft: Draft, units: list[Unit], known: Known, today: dt.date) -> None:
    """Stated date first (metadata, a date line), then a relative one ('2 days ago', resolved
    against `today`), then one inferred from the story; the last two are approximate."""
    date, approximate = parse_date_value(known.date, today)
    for unit in units:
        if date:
            break
        bare = BULLET.sub("", unit.text).strip()
        if unit.role in ("date", "byline") and (found := find_dates(bare)):
            date, approximate = found[0][2], False
    for unit in units:
        if date:
            break
        if unit.role == "relative_date":
            date, approximate = resolve_relative(BULLET.sub("", unit.text).strip(), today), True
    if not date:
        context = "\n".join(u.text for u in units)
        date = infer_date("\n".join(draft.paragraphs), context, today)
        approximate = date is not None
    draft.published, draft.date_approximate = date, approximate


# --- repairs ------------------------------------------------------------------------------------

SPACED_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+) (['’]s)\b")
APOSTROPHE_S = re.compile(r"\w['’]s\b")
LOST_POSSESSIVE = re.compile(r"(?<![\w'’])([A-Z][a-z]+)s\b(?=\s+([a-z]+)\b)")
NOT_A_NOUN = {
    "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "from", "with", "by", "as",
    "than", "that", "which", "who", "whom", "the", "a", "an", "is", "are", "was", "were", "be",
    "been", "have", "has", "had", "do", "does", "did", "will", "would", "can", "could", "should",
    "may", "might", "must", "said", "say", "says", "also", "themselves", "both", "all",
}  # fmt: skip
# Plurals of names are ordinary words ("Republicans control", "Ukrainians fled"): skip bases
# with these endings rather than risk "Republican's control".
PLURAL_ENDINGS = ("an", "ist", "ic", "at", "er", "ite", "ese", "i")


def restore_apostrophes(
    paragraphs: list[str], title: str | None, repairs: list[str]
) -> tuple[list[str], str | None]:
    """Repair possessives of names that lost their apostrophe ("Putins adviser").

    Conservative on purpose: only in a text with no "'s" at all (the symptom of a stripped
    apostrophe), only for a capitalised word whose base appears on its own mid-sentence elsewhere
    in the text, not after "the" or another capitalised word ("United States"), and only before
    a lowercase word that is not a function word or verb. "Putin 's" (a stray space) is closed
    up in any text. Each change is listed in `repairs`.
    """
    text = "\n\n".join(paragraphs)
    counts: dict[str, int] = {}

    def spaced(match: re.Match[str]) -> str:
        fixed = match[1] + match[2]
        counts[f"{match[0]} -> {fixed}"] = counts.get(f"{match[0]} -> {fixed}", 0) + 1
        return fixed

    text = SPACED_POSSESSIVE.sub(spaced, text)
    if not APOSTROPHE_S.search(text):
        names = set(re.findall(r"(?<=[\w,] )([A-Z][a-z]+)\b", text))

        def lost(match: re.Match[str]) -> str:
            base, next_word = match[1], match[2]
            before = text[max(0, match.start() - 40) : match.start()]
            if (
                base not in names
                or base.lower().endswith(PLURAL_ENDINGS)
                or next_word in NOT_A_NOUN
                or before.lower().endswith("the ")
                or re.search(r"[A-Z][\w.]* $", before)  # part of a longer name: "United States"
            ):
                return match[0]
            fixed = f"{base}'s"
            counts[f"{match[0]} -> {fixed}"] = counts.get(f"{match[0]} -> {fixed}", 0) + 1
            return fixed

        text = LOST_POSSESSIVE.sub(lost, text)
    repairs.extend(f"{change} ({n}x)" if n > 1 else change for change, n in counts.items())
    return text.split("\n\n") if text else [], title


# --- formats ------------------------------------------------------------------------------------


def require_text(path: Path | str, draft: Draft) -> Draft:
    if not draft.paragraphs:
        raise UnusableFile(
            path,
            "no article text left after removing page chrome; check that the file "
            "holds an article (see `briefing inspect`)",
        )
    return draft


def clean_html(path: Path, html: str, today: dt.date) -> Draft:
    """The story of an HTML page (trafilatura finds it), then the same cleaning as text."""
    import trafilatura  # a third of a second to import; only HTML input needs it

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params={"extensive_search": False, "max_date": today.isoformat()},
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text:
        raise UnusableFile(path, "no article text found in the HTML page; save the article page")
    known = Known(
        title=document.title or None,
        date=document.date or None,
        byline=document.author or None,
        url=document.url or None,
        site=document.sitename or None,
    )
    return require_text(path, clean_article(text, today=today, known=known))


FRONT_MATTER = re.compile(r"\A---\n(?P<fields>.*?)\n---\n", re.S)
MD_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\([^)]*\)")
MD_STRONG = re.compile(r"(\*\*|__)(.+?)\1")


def clean_markdown(path: Path, text: str, today: dt.date) -> Draft:
    """Markdown: front matter fields as metadata, '# Title' as title, link syntax removed."""
    fields: dict[str, str] = {}
    front = FRONT_MATTER.match(text)
    if front:
        for line in front["fields"].splitlines():
            key, sep, value = line.partition(":")
            if sep:
                fields[key.strip().lower()] = value.strip().strip("\"'")
        text = text[front.end() :]
    lines = []
    for line in text.split("\n"):
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*$", line)
        if heading and "title" not in fields and line.startswith("# "):
            fields["title"] = heading[1]
            continue
        line = heading[1] if heading else line
        lines.append(MD_STRONG.sub(r"\2", MD_LINK.sub(r"\1", line)))
    known = Known(
        title=fields.get("title"),
        date=fields.get("date") or fields.get("published"),
        outlet=fields.get("outlet") or fields.get("source"),
        byline=fields.get("author") or fields.get("byline"),
        url=fields.get("url"),
    )
    return require_text(path, clean_article("\n".join(lines), today=today, known=known))


TEXT_FIELDS = ("text", "body", "content")
OUTLET_FIELDS = ("outlet", "source", "publisher", "site", "sitename")


def json_records(path: Path, text: str) -> Iterator[tuple[dict[str, Any], int | None] | Problem]:
    """(record, number) for each article record: the line number in JSONL, the position in a
    JSON list. A bad JSONL line or record is a Problem naming it."""
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                reason = f"line {number} is not valid JSON ({err.msg}); fix or remove that line"
                yield Problem(path=str(path), reason=reason)
                continue
            yield checked_record(path, record, f"line {number}", number)
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise UnusableFile(
            path, f"not valid JSON (line {err.lineno}: {err.msg}); fix the file"
        ) from err
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        yield checked_record(path, data, "the record", None)
        return
    if not isinstance(data, list):
        raise UnusableFile(path, "expected a JSON object or a list of objects with a text field")
    for number, record in enumerate(data, start=1):
        yield checked_record(path, record, f"record {number}", number)


def checked_record(
    path: Path, record: Any, where: str, number: int | None
) -> tuple[dict[str, Any], int | None] | Problem:
    if not isinstance(record, dict):
        reason = f"{where} is not a JSON object; expected title, text, date and url fields"
        return Problem(path=str(path), reason=reason)
    if not any(isinstance(record.get(key), str) and record[key].strip() for key in TEXT_FIELDS):
        reason = f"{where} has no text; expected a non-empty 'text' field"
        return Problem(path=str(path), reason=reason)
    return record, number


def clean_record(path: Path, record: dict[str, Any], number: int | None, today: dt.date) -> Draft:
    text = next(record[key] for key in TEXT_FIELDS if isinstance(record.get(key), str))
    known = Known(
        title=as_text(record.get("title")),
        date=as_text(record.get("date") or record.get("published") or record.get("published_at")),
        outlet=next((name for key in OUTLET_FIELDS if (name := as_text(record.get(key)))), None),
        byline=as_text(record.get("author") or record.get("byline")),
        url=as_text(record.get("url")),
    )
    draft = clean_article(normalize_unicode(text), today=today, known=known)
    draft.record = number
    where = f"line {number}" if path.suffix.lower() == ".jsonl" else f"record {number}"
    return require_text(f"{path} ({where})" if number else path, draft)


def as_text(value: Any) -> str | None:
    """A metadata value as text: strings as they are, {'name': ...} objects, lists joined."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if isinstance(v, str))
    return " ".join(value.split()) or None if isinstance(value, str) else None


# --- articles -----------------------------------------------------------------------------------

TITLE_WORDS = 12


def make_article(number: int, path: Path, body: str) -> Article:
    """An article from text that is already clean; the title is its first paragraph."""
    return Article(
        id=f"a{number}",
        key=text_key(body),
        path=str(path),
        title=body.split("\n\n", 1)[0][:200],
        text=body,
    )


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def article_from_draft(draft: Draft, *, path: Path, number: int, encoding: str) -> Article:
    text = "\n\n".join(draft.paragraphs)
    title, guessed = draft.title, False
    if not title:
        words = text.split()
        title = " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
        guessed = True
    return Article(
        id=f"a{number}",
        key=text_key(text),
        path=str(path),
        record=draft.record,
        title=" ".join(title.split()),
        title_from_text=guessed,
        text=text,
        outlet=draft.outlet,
        published=draft.published,
        date_approximate=draft.date_approximate,
        byline=draft.byline,
        url=draft.url,
        removed=draft.removed,
        repairs=draft.repairs,
        encoding=encoding,
    )


# --- near-duplicates ----------------------------------------------------------------------------


def shingles(text: str) -> set[int]:
    """Hashes of the 5-word runs of the normalised text. Stable from run to run: words are hashed
    with crc32 and runs by hashing tuples of ints, neither of which depends on PYTHONHASHSEED."""
    words = [zlib.crc32(w.encode()) for w in re.findall(r"\w+", normalize_for_match(text))]
    if len(words) < SHINGLE_WORDS:
        return {hash(tuple(words))}
    return set(map(hash, zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)))


Sketch = list[int | None]


def sketch(shingle_set: set[int]) -> Sketch:
    """One-permutation MinHash: the smallest hash in each of SKETCH_BINS bins (None: empty)."""
    bins: Sketch = [None] * SKETCH_BINS
    for h in shingle_set:
        slot, value = h % SKETCH_BINS, h // SKETCH_BINS
        current = bins[slot]
        if current is None or value < current:
            bins[slot] = value
    return bins


def bands(bins: Sketch, shingle_set: set[int]) -> list[tuple[object, ...]]:
    """LSH keys: groups of BAND_ROWS bins (empty bins never match) plus the whole set, so that
    identical short texts with few filled bins still meet."""
    keys: list[tuple[object, ...]] = [("all", hash(frozenset(shingle_set)))]
    for start in range(0, SKETCH_BINS, BAND_ROWS):
        rows = bins[start : start + BAND_ROWS]
        if None not in rows:
            keys.append((start, *rows))
    return keys


def estimated_similarity(a: Sketch, b: Sketch) -> float:
    return sum(1 for x, y in zip(a, b, strict=True) if x is not None and x == y) / SKETCH_BINS


def drop_duplicates(articles: list[Article]) -> tuple[list[Article], list[Duplicate]]:
    """Leave out copies (similarity >= 0.9) of an earlier article, crediting their outlet on it;
    report near-duplicates (>= 0.5) but keep them. Renumbers the kept articles a1, a2, ...

    Candidates are pairs that agree on an LSH band of their MinHash sketches (near-linear work);
    the similarity reported is the exact Jaccard of their shingle sets.
    """
    sets = [shingles(a.text) for a in articles]
    sketches = [sketch(s) for s in sets]
    buckets: dict[tuple[object, ...], list[int]] = {}
    best: dict[int, tuple[float, int]] = {}
    for j, shingle_set in enumerate(sets):
        keys = bands(sketches[j], shingle_set)
        for i in sorted({i for key in keys for i in buckets.get(key, [])}):
            if estimated_similarity(sketches[i], sketches[j]) < DUPLICATE_REPORT - 0.25:
                continue
            similarity = len(shingle_set & sets[i]) / len(shingle_set | sets[i])
            if similarity >= DUPLICATE_REPORT and similarity > best.get(j, (0.0, 0))[0]:
                best[j] = (similarity, i)
        if best.get(j, (0.0, 0))[0] < DUPLICATE_EXCLUDE:  # copies do not become candidates
            for key in keys:
                buckets.setdefault(key, []).append(j)
    kept = [j for j in range(len(articles)) if best.get(j, (0.0, 0))[0] < DUPLICATE_EXCLUDE]
    new_id = {j: f"a{n}" for n, j in enumerate(kept, start=1)}
    carried: dict[int, list[str]] = {}
    duplicates = []
    for j, (similarity, i) in sorted(best.items()):
        copy = articles[j]
        if j not in new_id:
            credit = copy.outlet or copy.path
            if credit != articles[i].outlet and credit not in carried.get(i, []):
                carried.setdefault(i, []).append(credit)
        duplicates.append(
            Duplicate(
                path=copy.path,
                record=copy.record,
                article_id=new_id.get(j),
                duplicate_of=new_id[i],
                similarity=round(similarity, 3),
                excluded=j not in new_id,
            )
        )
    result = [
        articles[j].model_copy(update={"id": new_id[j], "also_carried_by": carried.get(j, [])})
        for j in kept
    ]
    return result, duplicates


# --- inspect ------------------------------------------------------------------------------------


def describe(result: IngestResult) -> str:
    """Human-readable account of an ingest run, for `briefing inspect DIR`."""
    blocks = [describe_article(article) for article in result.articles]
    if result.problems:
        blocks.append(
            f"Problems ({len(result.problems)}):\n"
            + "\n".join(f"- {p.path}: {p.reason}" for p in result.problems)
        )
    if result.duplicates:
        lines = [f"Duplicates ({len(result.duplicates)}):"]
        for d in result.duplicates:
            where = d.path + (f" #{d.record}" if d.record else "")
            what = "left out" if d.excluded else f"kept as {d.article_id}"
            lines.append(f"- {where} repeats {d.duplicate_of} (similarity {d.similarity}, {what})")
        blocks.append("\n".join(lines))
    if not result.articles:
        blocks.insert(0, "No articles.")
    return "\n\n".join(blocks) + "\n"


def describe_article(article: Article) -> str:
    paragraphs = article.text.split("\n\n")
    date = str(article.published) if article.published else "unknown"
    where = article.path + (f" #{article.record}" if article.record else "")
    head = [
        f"== {article.id}  {where}",
        f"title:     {article.title}" + ("  (from the text)" if article.title_from_text else ""),
        f"outlet:    {article.outlet or 'unknown'}",
        f"published: {date}" + ("  (approximate)" if article.date_approximate else ""),
        f"byline:    {article.byline or 'unknown'}",
        f"kept:      {len(paragraphs)} paragraphs, {len(article.text.split())} words",
    ]
    if article.url:
        head.append(f"url:       {article.url}")
    if article.encoding not in (None, "utf-8"):
        head.append(f"encoding:  {article.encoding}")
    if article.also_carried_by:
        head.append(f"also carried by: {', '.join(article.also_carried_by)}")
    head += [f"repaired:  {change}" for change in article.repairs]
    removed = [f"removed ({len(article.removed)}):"] + [f"- {line}" for line in article.removed]
    return "\n".join(head) + "\n\n" + article.text + "\n\n" + "\n".join(removed)
