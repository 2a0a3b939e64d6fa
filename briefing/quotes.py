"""Key quotes, found deterministically: quoted words are cut from the source, never generated.

A regular expression is more reliable than a 135M-parameter model at finding quotation marks and
the "X said" next to them, and it cannot misquote.
"""

from __future__ import annotations

import re

from . import settings
from .ground import evidence
from .models import Article, Quote, Sentence
from .parties import PARTY_OF_ALIAS
from .text.match import match_key
from .text.names import SPEAKER_NAME, is_title
from .text.sentences import paragraphs

# A short quotation that is a sentence of its own: "This is an insult."
WHOLE_SENTENCE = re.compile(r"^[A-Z][^.!?]*(?:\s+\S+){2,}[.!?]$")
QUOTED = re.compile(r"[“\"]([^“”\"]{12,}?)[”\"]")
SPEECH = (
    r"(?:said|says|told|added|stressed|warned|noted|declared|wrote|asked|called|described"
    r"|emphasi[sz]ed|acknowledged|confirmed|insisted)"
)
# Words after a quotation that say who said it, named or not: "…,” the Minister said."
SAYS = re.compile(rf"[^“\"]{{0,60}}?\b{SPEECH}\b")
AFTER_NAMED = re.compile(rf"^[,.]?\s*({SPEAKER_NAME})\s+{SPEECH}\b")
AFTER_SAID_NAMED = re.compile(rf"^[,.]?\s*{SPEECH}\s+({SPEAKER_NAME})\b")
# "…,” said the spokeswoman, Hua Chunying", "…,” said the Norwegian Refugee Council": the role
# words between are titles (checked in speaker_near), so "said the ministry in Moscow" is no one.
AFTER_SAID_ROLE = re.compile(
    rf"^[,.]?\s*{SPEECH}\s+(?:the|a|an)\s+((?:[a-z][\w-]*,?\s+){{0,4}})({SPEAKER_NAME})\b"
)
# "…,” said UBS chairman Colm Kelleher": an organisation, its title words (checked in
# speaker_near), then the person.
AFTER_SAID_TITLED = re.compile(
    rf"^[,.]?\s*{SPEECH}\s+(?:the\s+)?(?:(?:[A-Z]\.)+\s+|[A-Z][\w&’'-]*\s+){{1,3}}"
    rf"((?:[a-z][\w-]*\s+){{1,3}})"
    rf"({SPEAKER_NAME})\b"
)
# "Nigeria's envoy Nkiruka Maduekwe put it even more bluntly: “This is an insult.”": the subject
# of the clause that a colon hands to the quotation, whatever its verb.
BEFORE_COLON = re.compile(r"([^“\"”.!?]{0,100}):\s*$")
# The clause opens with its subject: "Nigeria's envoy Nkiruka Maduekwe put it", "Trump wrote";
# not "A police vehicle ... was reported by the BBC correspondent as broadcasting the message".
SUBJECT = re.compile(rf"^(?:[A-Z][\w-]*[’']s\s+)?((?:[a-z]+\s+){{0,3}})({SPEAKER_NAME})\s+[a-z]")
# "…,” Secretary of State for Security Rosa Icela told reporters": a title of several words
# (checked in speaker_near) before the name.
AFTER_LONG_TITLE = re.compile(
    rf"^[,.]?\s*((?:[A-Z][\w’'-]*|of|for|and|the)(?:\s+(?:[A-Z][\w’'-]*|of|for|and|the)){{1,9}})"
    rf"\s+{SPEECH}\b"
)
STALE = 3  # sentences after which "he" no longer points to the last speaker quoted, if ...
# ... someone else was named or titled since: "the prime minister insisted ..."
SOMEONE_TITLED = re.compile(
    r"\b(?:the|[A-Z]\w+['’]s)\s+(?:[a-z-]+\s+){0,2}(?:prime minister|minister|president|"
    r"spokesman|spokeswoman|spokesperson|chancellor|premier|governor|mayor|ambassador|leader|"
    r"secretary|official|chief)\b"
)
TO_SAY = re.compile(
    r"\b(?:led|asked|urged|prompted|forced|caused|pushed|invited|allowed|got)\s+\S.{0,60}?\bto\s+"
    rf"(?:announce|say|declare|state|tell|write|add|{SPEECH})\s*$"
)
AFTER_PRONOUN = re.compile(rf"^[,.]?\s*(?:he|she|the official|the aide|they)\s+{SPEECH}\b", re.I)
BEFORE_NAMED = re.compile(rf"({SPEAKER_NAME})\s+{SPEECH}\b[^“\"]{{0,60}}$")
BEFORE_PRONOUN = re.compile(rf"\b(?:he|she)\s+{SPEECH}\b[^“\"]{{0,40}}$", re.I)
# Capitalised words before "said" that are no person or organisation.
NOT_SPEAKERS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "january", "february", "march", "april", "june", "july", "august",
    "september", "october", "november", "december", "he", "she", "they", "it", "we", "i", "you",
    "this", "that", "there", "officials", "sources", "when", "if", "once", "after", "before",
    "while", "asked",
    # who is counted, not named: "Some shouted: “Arrest Yoon Suk Yeol.”"
    "some", "many", "others", "several", "most", "all", "both", "few", "one", "another", "each",
    "someone", "somebody", "everyone", "everybody", "anyone", "nobody", "people",
    # a clause's opening word, not a name: "In a statement the company said: “...”"
    "in", "on", "at", "for", "with", "from", "by", "of", "to", "as", "the", "a", "an",
}  # fmt: skip
# A conjunction run into the name before "said" ("But Kelleher said", "Or so the agency said"),
# or a word that opens a clause before a name and is never part of it ("As African and
# international organisations condemned ..." names nobody "As African").
LEADING_CONJUNCTION = {
    "or", "and", "but", "so", "yet", "then", "as", "when", "while", "after", "before", "if",
    "since", "although", "though", "because", "once", "until", "unless", "whereas",
}  # fmt: skip


def find_quotes(articles: list[Article]) -> list[Quote]:
    """Every quotation of at least `quote_min_words` words (settings.py), or a shorter whole
    sentence a named speaker says ("This is an insult."), merged across articles by wording."""
    merged: dict[str, Quote] = {}
    for article in articles:
        for quote in quotes_in(article):
            key = match_key(quote.text)
            if key in merged:
                old = merged[key]
                merged[key] = old.model_copy(
                    update={
                        "evidence": [*old.evidence, *quote.evidence],
                        "speaker": old.speaker or quote.speaker,
                    }
                )
            else:
                merged[key] = quote
    return list(merged.values())


# Someone named speaking outside a quotation: "Peña Nieto said", "said President Peña Nieto".
NAMED_SPEAKING = re.compile(rf"({SPEAKER_NAME})\s+{SPEECH}\b|\b{SPEECH}\s+({SPEAKER_NAME})")


def named_speakers(paragraph: str) -> list[tuple[int, str]]:
    """(position, name) of the people a paragraph names speaking, outside its quotations."""
    bare = QUOTED.sub(lambda m: " " * len(m.group(0)), paragraph)
    found = []
    for match in NAMED_SPEAKING.finditer(bare):
        # before the verb, the name is what follows a sentence's end ("to Conway, Pennsylvania.
        # Drabick said" is Drabick); after it, what comes up to one
        name = clean_name(
            from_sentence_start(match.group(1))
            if match.group(1)
            else up_to_sentence_end(match.group(2))
        )
        if name:
            found.append((match.start(), name))
    return found


def subject_of(sentence: Sentence | None) -> str | None:
    """The person a sentence opens on ("Dr Kamal Hossain dubbed the result ...", "The previous
    day US Defence Secretary Jim Mattis told ..."): whom its next sentence's "he" is."""
    if sentence is None:
        return None
    opening = " ".join(sentence.text.split()[:8])
    for match in re.finditer(SPEAKER_NAME, opening):
        name = clean_name(match.group(0))
        if name and len(name.split()) >= 2:
            return name
    return None


def quotes_in(article: Article) -> list[Quote]:
    quotes: list[Quote] = []
    last_speaker: str | None = None
    last_named: str | None = None  # the last person named speaking, for "he told residents"
    last_at = named_at = -STALE - 1  # the sentences they were last seen in
    other_at = -1  # the last sentence that names or titles someone else
    previous: Sentence | None = None  # the sentence before the paragraph
    parts = paragraphs(article)
    genders = genders_in([s for p in parts for s in p.sentences])
    for paragraph in parts:
        named = named_speakers(paragraph.text)
        spans: list[tuple[int, int, Sentence]] = []  # start and end in the paragraph
        cursor = 0
        for sentence in paragraph.sentences:
            start = paragraph.text.find(sentence.text, cursor)
            spans.append((start, start + len(sentence.text), sentence))
            cursor = start + len(sentence.text)
        for match in QUOTED.finditer(paragraph.text):
            words = match.group(1).strip()
            before = [name for at, name in named if at < match.start()]
            # "he" is the one the sentence before opens on, else the last one named speaking
            opens = [s for start, _, s in spans if start <= match.start()]
            prior = ([previous, *paragraph.sentences][len(opens) - 1]) if opens else previous
            here = opens[-1].number if opens else (prior.number if prior else 0)
            # "he" a few paragraphs on is someone the text has named since, perhaps by title
            # only ("the prime minister insisted ..."): a speaker quoted long before is not him
            gone = here - last_at > STALE and other_at > last_at  # someone else came between
            recent = None if gone else last_speaker
            named_recently = last_named if here - named_at <= STALE else None
            earlier = recent or subject_of(prior) or (before[-1] if before else named_recently)
            speaker = speaker_near(paragraph.text, match.start(), match.end(), earlier, genders)
            # A quotation that opens a sentence right after someone's quotation, nobody else
            # named between, goes on in their voice: "“... in American history,” Damian
            # Williams said. “This kind of fraud ... We have no patience for it.”"
            if speaker is None and recent and here - last_at <= 1 and other_at <= last_at:
                opens_a_sentence = any(start == match.start() for start, _, _ in spans)
                told_after = SAYS.match(paragraph.text, match.end())  # "..., the minister said"
                speaker = recent if opens_a_sentence and not told_after else None
            said_by = pronoun_said(paragraph.text, match.start(), match.end())
            if speaker and speaker == earlier and said_by:
                genders.setdefault(last_name(speaker), said_by)
            cited = [s for start, end, s in spans if start < match.end() and end > match.start()]
            if speaker:
                last_speaker, last_at = speaker, max((s.number for s in cited), default=here)
            if len(words.split()) < settings.current().quote_min_words and not (
                speaker and WHOLE_SENTENCE.match(words)
            ):
                continue  # a phrase ("abysmally poor"), unless a named speaker says it whole
            quotes.append(Quote(text=words, speaker=speaker, evidence=[evidence(s) for s in cited]))
        if named and paragraph.sentences:
            last_named, named_at = named[-1][1], paragraph.sentences[-1].number
        for sentence in paragraph.sentences:
            subject = subject_of(sentence)
            if (subject and subject != last_speaker) or SOMEONE_TITLED.search(sentence.text):
                other_at = max(other_at, sentence.number)
        previous = paragraph.sentences[-1] if paragraph.sentences else previous
    return quotes


def speaker_near(
    paragraph: str,
    start: int,
    end: int,
    last_speaker: str | None,
    genders: dict[str, str] | None = None,
) -> str | None:
    """The speaker named right after or right before the quotation marks, if any; "he said" or
    "she said" is `last_speaker` unless the article calls that person the other (`genders`)."""
    genders = genders or {}
    after, before = around(paragraph, start, end)
    titled = AFTER_SAID_TITLED.search(after)
    if titled and all(is_title(w) for w in titled.group(1).split()):
        return clean_name(titled.group(2))
    colon = BEFORE_COLON.search(before)
    if appositive := named_before_role(colon.group(1) if colon else ""):
        return appositive
    for pattern, text in ((AFTER_NAMED, after), (AFTER_SAID_NAMED, after), (BEFORE_NAMED, before)):
        match = pattern.search(text)
        if match:
            name = match.group(1)
            if pattern is AFTER_SAID_NAMED:
                name = up_to_sentence_end(name)  # '…,” said Putin. Kremlin aide …' is Putin
            if cleaned := clean_name(name):
                return cleaned
            if pattern is not BEFORE_NAMED:
                return None
            # "When asked ..., he said, “...”": no one named; the pronoun below may say who
    long_title = AFTER_LONG_TITLE.search(after)
    if long_title:
        words = long_title.group(1).split()
        name = []
        for word in reversed(words):
            if not word[:1].isupper() or is_title(word):
                break
            name.insert(0, word)
        titles = words[: len(words) - len(name)]
        # the name right after a title word
        if (
            len(name) >= 2  # a person's names: not "the Minister of Foreign Affairs"
            and titles
            and is_title(titles[-1])
            and all(is_title(w) or w.islower() for w in titles)
        ):
            return clean_name(" ".join(name))
    role = AFTER_SAID_ROLE.search(after)
    if role and all(is_title(w.strip(",")) for w in role.group(1).split()):
        return clean_name(role.group(2))
    clause = re.split(r"[,;]", colon.group(1))[-1].strip() if colon else ""
    # "The Papers led ... the president of Argentina to announce:": the infinitive's speaker is
    # the object, not the clause's subject
    subject = None if TO_SAY.search(clause) else SUBJECT.match(clause)
    titled = subject and all(is_title(w) for w in subject.group(1).split())  # "envoy", not "told"
    named = clean_name(subject.group(2)) if titled else None
    if named:
        return named
    pronoun = saying_pronoun(after, before)
    said = pronoun_gender(pronoun.group()) if pronoun else None
    if said and last_speaker and genders.get(last_name(last_speaker), said) != said:
        return None  # "she said" is not the man quoted last: the victim, the ECB's president
    return last_speaker if pronoun else None


def around(paragraph: str, start: int, end: int) -> tuple[str, str]:
    """(after, before): the words after a quotation and before it, where its speaker is told."""
    return paragraph[end : end + 80], paragraph[max(0, start - 120) : start]


def saying_pronoun(after: str, before: str) -> re.Match[str] | None:
    """ "..., she said" or "he said: ...": a pronoun, not a name, says the quotation."""
    return AFTER_PRONOUN.search(after) or BEFORE_PRONOUN.search(before)


# "Christine Lagarde, President of the European Central Bank said:": the role, set off by commas
# after the name, speaks for it.
ROLE_SPEAKING = re.compile(
    rf"^((?:[A-Z][\w’'-]*|of|the|and|for)(?:\s+(?:[A-Z][\w’'-]*|of|the|and|for))*)\s+{SPEECH}$"
)


# A person's names alone, two or three, none a title or an opening word: "Christine Lagarde", not
# "Meanwhile", "In Zurich" or "Addressing Ermotti".
PERSON = re.compile(
    r"(?!(?:In|On|At|As|After|Before|For|From|With|By|To|Of|The)\b)(?![A-Z]\w*ing\b)"
    r"[A-Z][\w’'-]+(?: [A-Z]\.)?(?: [A-Z][\w’'-]+){1,2}"
)


def named_before_role(clause: str) -> str | None:
    """The name before a comma and a role that says the words: "Responding to the news, Christine
    Lagarde, President of the European Central Bank said"."""
    parts = [p.strip() for p in re.split(r"[,;]", clause)]
    if len(parts) < 2 or not (role := ROLE_SPEAKING.match(parts[-1])):
        return None
    if not is_title(role.group(1).split()[0]) or not PERSON.fullmatch(parts[-2]):
        return None
    return clean_name(parts[-2])


# What the article calls a person: "Mr Kelleher", "Ms. Lerner"; or "He"/"She" opening the
# sentence after one that opens on them ("Dr Kamal Hossain dubbed the result ... He said ..."). A
# "his"/"her" says nothing: "Judge Kaplan sentenced Caroline Ellison. Her lawyers ...". The words
# quoted also tell: "He says they look ..." resolved to Albers makes Albers "he" (quotes_in).
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w’'-]+\s+)*?([A-Z][\w’'-]+)\b")
OPENING_PRONOUN = re.compile(r"(He|She)\b")


def genders_in(sentences: list[Sentence]) -> dict[str, str]:
    """Last name -> "he" or "she", where the article says so without contradicting itself."""
    seen: dict[str, set[str]] = {}
    for title, name in (m.groups() for s in sentences for m in HONORIFIC.finditer(s.text)):
        seen.setdefault(name, set()).add("he" if title == "Mr" else "she")
    for sentence, following in zip(sentences, sentences[1:], strict=False):
        pronoun = OPENING_PRONOUN.match(following.text)
        subject = subject_of(sentence)
        if pronoun and subject:
            seen.setdefault(last_name(subject), set()).add(pronoun_gender(pronoun.group()))
    return {name: next(iter(said)) for name, said in seen.items() if len(said) == 1}


def pronoun_said(paragraph: str, start: int, end: int) -> str | None:
    """ "he" or "she" when a pronoun says the quotation ("..., she said"), else None."""
    pronoun = saying_pronoun(*around(paragraph, start, end))
    return pronoun_gender(pronoun.group()) if pronoun else None


def pronoun_gender(pronoun: str) -> str | None:
    """ "he" or "she" for the pronoun a match opens on (", she said"), None for "they" or "the
    official"."""
    word = pronoun.strip(" ,.").split()[0].lower()
    return "she" if word in ("she", "her") else "he" if word in ("he", "his") else None


def last_name(name: str) -> str:
    return name.split()[-1]


def up_to_sentence_end(name: str) -> str:
    """The words of a name up to a full stop that ends a sentence (not an initial's: "J.D.")."""
    words = name.split()
    for n, word in enumerate(words):
        if word.endswith(".") and re.search(r"[a-z]{2}\.$", word):
            return " ".join([*words[:n], word.rstrip(".")])
    return name


def from_sentence_start(name: str) -> str:
    """The words of a name after the last full stop that ends a sentence in it."""
    words = name.split()
    for n in range(len(words) - 1, -1, -1):
        if words[n].endswith(".") and re.search(r"[a-z]{2}\.$", words[n]):
            return " ".join(words[n + 1 :])
    return name


def clean_name(name: str) -> str | None:
    """The speaker without titles and institutions ("Kremlin Aide Yuri Ushakov" is Yuri
    Ushakov); None when what stands before "said" is no person or organisation: a weekday, a
    month or a pronoun ("Friday. He said" is "he said")."""
    words = name.split()
    # A sentence ends inside the match: "Friday. He" -> only "He" stands before the verb.
    ends = [n for n, w in enumerate(words[:-1]) if w.endswith(".") and len(w.rstrip(".")) > 1]
    if ends:
        words = words[ends[-1] + 1 :]
    while words and words[0].lower() in LEADING_CONJUNCTION and len(words) > 1:
        words = words[1:]
    if words and words[0].lower() in LEADING_CONJUNCTION:
        return None  # "Or" alone
    if any(w.strip("’'.,").lower() in NOT_SPEAKERS for w in words):
        return None
    # The person after the titles: "Acme Chief Executive Jane Doe" is Jane Doe.
    titled = [n for n, w in enumerate(words[:-1]) if is_title(w)]
    if titled:
        words = words[titled[-1] + 1 :]
    if words and ORGANISATION_WORD.match(words[-1]):
        return " ".join(words)  # "Norwegian Refugee Council": the demonym is part of the name
    words = [w for w in words if not is_title(w) and w.lower() not in PARTY_OF_ALIAS]
    return " ".join(words) or None


# The last word of an organisation's name.
ORGANISATION_WORD = re.compile(
    r"(?:Council|Committee|Commission|Ministry|Agency|Organi[sz]ation|Office|Party|Union|"
    r"Crescent|Cross|Bank|Fund|Service|Institute|Association|Federation|Authority|Court|Army|"
    r"Police|Guard|Society)[’'.,]*$"
)
