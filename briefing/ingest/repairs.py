"""Repairs of text damaged on the way (lost apostrophes, leftover markup); each change is listed."""

from __future__ import annotations

import re

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
# The possessive "'s" is English: in other languages "Las opciones" and "Estados" are words, not
# lost possessives. A text is English when its common English function words clearly outnumber
# those of the other languages news arrives in (Spanish, French, German, Italian, Portuguese).
ENGLISH_WORDS = {
    "the", "and", "of", "to", "in", "is", "was", "that", "for", "on", "with", "said", "he",
    "she", "it", "his", "her", "by", "at", "from", "has", "have", "were", "are", "will", "not",
    "this", "but", "they", "an", "be", "which", "who", "would",
}  # fmt: skip
OTHER_WORDS = {
    "el", "la", "los", "las", "del", "que", "y", "en", "un", "una", "por", "para", "con", "es",
    "se", "le", "les", "des", "et", "est", "du", "une", "dans", "pour", "sur", "der", "die",
    "das", "und", "ist", "nicht", "mit", "von", "zu", "den", "il", "di", "che", "per", "do",
    "da", "em", "não", "os", "com", "uma",
}  # fmt: skip


def is_english(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text.lower())
    english = sum(word in ENGLISH_WORDS for word in words)
    other = sum(word in OTHER_WORDS for word in words)
    return english >= 2 and english >= 3 * other


def restore_apostrophes(
    paragraphs: list[str], title: str | None, repairs: list[str]
) -> tuple[list[str], str | None]:
    """Repair possessives of names that lost their apostrophe ("Putins adviser").

    Conservative on purpose: only in a text with no "'s" at all (the symptom of a stripped
    apostrophe), only for a capitalised word whose base appears on its own mid-sentence elsewhere
    in the text, not after "the" or another capitalised word ("United States"), and only before
    a lowercase word that is not a function word or verb. "Putin 's" (a stray space) is closed
    up in any text. Only English text is repaired, and only names of three letters or more
    ("La" + "s" is a Spanish article). Each change is listed in `repairs`.
    """
    text = "\n\n".join(paragraphs)
    if not is_english(text):
        return paragraphs, title
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
                or len(base) < 3
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
    repairs.extend(counted(change, n) for change, n in counts.items())
    return text.split("\n\n") if text else [], title


# Markup left in plain text by the tool that saved the page: link tags ('<a href=...>', '</a>',
# one cut off where a saved excerpt ends) and Markdown images; the words they wrap are kept.
# Other tags are left as they are: they are shown escaped, and the screen reads them.
INLINE_TAG = re.compile(r"</?a\b[^<>]*>|<a\s[^<>]*$", re.I)
INLINE_IMAGE = re.compile(r"!\[[^\]]*\]\([^)\s]*\)")
# A call to follow the site run into a paragraph: "... CNN reported. Click here to connect with
# us on WhatsApp In addition to Whelan ...".
INLINE_CALL = re.compile(
    r"\b(?:Click|Tap) here to (?:connect|follow|join|chat) (?:with )?us on (?:WhatsApp|Telegram|"
    r"Facebook|Twitter|X|Instagram|LinkedIn|YouTube|Google News)\b[.!]?\s*"
)

# A link to another article of the site run into a paragraph: "... where George Floyd died.
# (RELATED: MSNBC Analyst Is Absolutely Outraged ...)".
INLINE_RELATED = re.compile(
    r"\s*\((?:RELATED|Related|READ MORE|Read more|SEE ALSO|See also|ALSO READ|Also read)\s*:"
    r"[^()]{1,160}\)"
)


def strip_markup(lines: list[str], repairs: list[str]) -> list[str]:
    """Lines without link tags, Markdown images, calls to follow the site and links to other
    articles run into a paragraph; each kind removed is listed."""
    counts: dict[str, int] = {}

    def drop(match: re.Match[str], name: str | None = None) -> str:
        name = name or f"removed markup {markup_name(match[0])}"
        counts[name] = counts.get(name, 0) + 1
        return ""

    def drop_call(match: re.Match[str]) -> str:
        return drop(match, "removed a call to follow the site")

    def drop_link(match: re.Match[str]) -> str:
        return drop(match, "removed a link to another article")

    cleaned = []
    for line in lines:
        new = INLINE_TAG.sub(drop, line) if "<" in line else line
        if "![" in new and not new.startswith("!["):  # an image line of its own is chrome
            new = INLINE_IMAGE.sub(drop, new)
        if " here to " in new and not INLINE_CALL.match(new):  # a line of its own is chrome
            new = INLINE_CALL.sub(drop_call, new)
        if ":" in new:
            new = INLINE_RELATED.sub(drop_link, new)
        cleaned.append(" ".join(new.split()) if new != line else line)
    repairs.extend(counted(change, n) for change, n in counts.items())
    return cleaned


# A list marker before the words of a body paragraph ("- FINMA says ...", "2. A UN official
# said ..."): layout, not text. A number is a marker only before a capital or a quotation.
LIST_MARKER = re.compile(r"^(?:(?:--|[-*•·▪►])\s+(?=[\w“\"‘(])|\d{1,2}[.)]\s+(?=[A-Z“\"‘]))")


def without_list_markers(paragraphs: list[str], repairs: list[str]) -> list[str]:
    """Body paragraphs without a leading list marker, the removals counted in `repairs`: kept,
    the marker opened a finding ("- Additional Tier 1 debt ...") and read as broken Markdown."""
    cleaned = [LIST_MARKER.sub("", p) for p in paragraphs]
    removed = sum(a != b for a, b in zip(paragraphs, cleaned, strict=True))
    if removed:
        repairs.append(counted("removed markup list marker", removed))
    return cleaned


# A straight double quotation mark that opens: at the start, or after a space, a bracket or a
# dash after a space (" —\"We"); any other closes ("we are not going to—\" Trump said").
OPENING_STRAIGHT = re.compile(r'(^|[\s(\[{:]|\s[—–-])"')


def curl_quotes(
    paragraphs: list[str], title: str | None, repairs: list[str]
) -> tuple[list[str], str | None]:
    """Straight double quotation marks as the curly pair they stand for ("painful" ->
    “painful”), counted in `repairs`: a reader, and any tool that pairs marks, then tells where
    a quotation opens and closes."""

    def curl(text: str) -> str:
        return OPENING_STRAIGHT.sub(r"\1“", text).replace('"', "”")

    curled = [curl(p) for p in paragraphs]
    new_title = curl(title) if title else title
    times = sum(p.count('"') for p in paragraphs) + (title or "").count('"')
    if times:
        repairs.append(counted("curled straight quotation mark", times))
    return curled, new_title


def counted(change: str, times: int) -> str:
    """A repair as `briefing inspect` lists it: "removed markup <a> (3x)"."""
    return f"{change} ({times}x)" if times > 1 else change


def markup_name(markup: str) -> str:
    if markup.startswith("!["):
        return "![image](...)"
    name = re.match(r"</?\s*(\w+)", markup)
    return f"<{name[1].lower()}>" if name else markup
