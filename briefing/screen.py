"""Numbered sentences -> the ones that read as instructions to a machine, held back from the model.

Articles come from the open web, and anyone can write text that tries to steer the model or
break the report: "ignore previous instructions", a fake ``</article>`` tag, a ``SYSTEM:`` line,
a JSON answer, a link to plant. Such a sentence is not news; it is flagged here by fixed
patterns (no model: an attacker cannot talk a regular expression round), is never sent to the
model, never becomes a finding or a quote, and is listed for review in the briefing.

The patterns look for the *shape* of an instruction to a model (addressing the AI, imperatives
to ignore/output/reveal, chat-format markup, answer-shaped JSON, hidden characters, links), not
for topics, so that a politician saying "we are ready to continue" is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import get_args

from .models import Article, Chunk, Flag, Kind, Quote, Segmented, Suspicion
from .text.sentences import paragraphs

# Names for a model that a news sentence does not use as a form of address. Broad words such as
# "assistant" or "agent" only count with a qualifier ("AI assistant"): news is full of assistant
# secretaries and federal agents.
AI = (
    r"(?:AIs?|A\.I\.|artificial intelligence|(?:large )?language models?|LLMs?|chat ?bots?|"
    r"ChatGPT|GPT-?\d\S*|Claude|Gemini|Llama|Copilot|"
    r"(?:AI|virtual|digital|language|automated|smart) (?:assistants?|models?|agents?|systems?|"
    r"tools?|summari[sz]ers?|readers?)|summari[sz](?:er|ation (?:tool|system|model))s?)"
)
PROMPT_WORDS = r"(?:instructions?|prompts?|rules|directions|guidelines|context)"
OUTPUT_WORDS = r"(?:summary|briefing|answer|response|reply|output|report|analysis|digest|labels?)"

# (reason, pattern). Searched in each sentence; the first match names the reason.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        (
            "tells the model to ignore its instructions",
            rf"\b(?:ignore|disregard|forget|override|bypass|skip)\b[^.!?]{{0,40}}?"
            rf"\b(?:previous|prior|above|earlier|preceding|original|former|system|your|all)\s+"
            rf"(?:\w+\s+)?{PROMPT_WORDS}",
        ),
        (
            "tells the model to ignore its instructions",
            r"\b(?:ignore|disregard|forget)\s+(?:everything|all)\s+"
            r"(?:(?:you (?:were|have been) told)|above|before|else)",
        ),
        (
            "addresses the AI reading the article",
            rf"\b(?:dear|attention|note to|hey|hello|hi|message (?:to|for)|"
            rf"instructions? (?:to|for)|to (?:any|all|every))\s*,?\s+(?:the\s+)?{AI}\b",
        ),
        (
            "addresses the AI reading the article",
            rf"\b(?:if|when|since|as) you(?:'re| are) (?:an?|the)\s+(?:\w+\s+){{0,2}}{AI}\b",
        ),
        (
            "addresses the AI reading the article",
            rf"\b{AI}\s+(?:reading|processing|summari[sz]ing|parsing|analy[sz]ing|ingesting)"
            r"\s+(?:this|these|the following)\b",
        ),
        (
            "addresses the AI reading the article",
            rf"\b{AI}\s+(?:must|should|shall|will|need to|are (?:instructed|required|asked|told) "
            r"to)\s+(?:now\s+|always\s+|only\s+)?(?:write|say|state|report|include|add|output|"
            r"ignore|mention|conclude|describe|summari[sz]e|label|treat|print|reveal)\b",
        ),
        (
            "addresses the AI reading the article",
            r"\b(?:whoever|anyone|anything|any (?:system|tool|program|software|bot)) "
            r"(?:that |who )?(?:summari[sz]|process|read|pars|analy[sz]|ingest)\w*"
            r" (?:this|these)\b",
        ),
        (
            "tells the model what to write",
            r",\s*(?:please\s+)?write\s+(?:\w+\s+){0,3}?that\b",
        ),
        (
            "gives the model a new role",
            r"\b(?:you are now|from now on,? you|pretend (?:to be|you are|that you)|"
            r"role-?play(?:ing)? as|developer mode|jailbr[eo]a?k|"
            r"\bDAN mode|new (?:system )?(?:instructions|prompt|persona) ?:)",
        ),
        (
            "asks for the model's instructions",
            r"\b(?:output|print|reveal|repeat|show|display|leak|disclose|tell (?:me|us)|share|"
            r"write out|recite|dump)\b[^.!?]{0,30}?\b(?:your|the)\s+(?:(?:full|entire|original|"
            r"hidden|secret|initial)\s+)*(?:system (?:prompt|message|instructions)|"
            r"(?:prompt|instructions)\b)",
        ),
        (
            "tells the model what to write",
            rf"\b(?:in|into|to|at the (?:top|start|end) of) your {OUTPUT_WORDS}\b",
        ),
        (
            "tells the model what to write",
            r"(?:[:;\"“]\s*(?:please\s+)?|^please\s+|^)(?:write|claim|conclude|declare|"
            r"make sure|ensure)\s+(?:\w+\s+){0,3}?that\b"
            r"|(?:[:;\"“]\s*(?:please\s+)?|^please\s+)(?:state|say|report)\s+(?:\w+\s+){0,3}?that\b"
            # a sentence opening on the word is an order unless a subject and its verb follow:
            # "State police said that ..." is news
            r"|^(?:state|say|report)\s+(?:(?!(?:said|says|told|tells|reported|added|noted|"
            r"claimed|believe[sd]?|think|thinks|thought)\b)\w+\s+){0,3}?that\b",
        ),
        (
            "tells the model what to write",
            r"(?:^|[:;\"“]\s*)(?:please\s+)?(?:output|print|respond|reply|answer|return)\s+"
            r"(?:only\s+)?(?:with|in|as|the following|this|nothing)\b",
        ),
        (
            "tells the model what to write",
            r"(?:^|[:;\"“]\s*)(?:please\s+)?(?:label|classify|mark|tag|rate|treat)\s+"
            r"(?:this|these|it|every|all|each|the)\b[^.!?]{0,40}?\bas\b",
        ),
        (
            "tells the model what to write",
            r"\b(?:add|include|insert|append|put|place|embed)\s+(?:the\s+|this\s+|a\s+)?"
            r"(?:following\s+)?(?:link|url|hyperlink|line|text|sentence|disclaimer|note)\b"
            r"[^.!?]{0,40}?\b(?:to|in|into|at)\b",
        ),
        (
            "imitates chat or prompt markup",
            r"(?-i:(?:^|[\s\"“(\[])(?:SYSTEM|ASSISTANT|DEVELOPER|USER|HUMAN|AI|System|Assistant|"
            r"Developer|User|Human)\s*:\s*\S)"
            r"|<\|[a-z_]+\|>|\[/?INST\]|<</?SYS>>|#{2,}\s*(?:instruction|system|response)\b",
        ),
        (
            "imitates the tags that mark article text",
            r"</?\s*(?:article|system|user|assistant|instructions?|findings|prompt|s|context|"
            r"document|data|input|output)\s*/?>",
        ),
        (
            "tells the model what to write",
            r"\b(?:click here|cite (?:it|this|them|these|the \w+) as (?:the|a|your)|"
            r"use (?:it|this) as (?:the|a|your) (?:\w+ )?source)\b",
        ),
        ("hides text in an HTML comment", r"<!--|-->"),
        (
            "imitates the model's JSON answer",
            # Quotation marks straight or curled (ingest curls straight ones).
            r"\{\s*\\?[\"'“”](?:items|ids|id|kind|party|role|content|instructions?|answer|"
            + "|".join(get_args(Kind))  # the label kinds the model answers with
            + r")\\?[\"'“”]\s*:",
        ),
        # "data:" only as a data URI ("data:text/html;base64,..."): "their own data: They want"
        # is prose.
        (
            "contains a link",
            r"\b(?:https?|ftp|javascript)\s*:\s*/*\S|\bdata:[\w.+-]+/[\w.+-]+[;,]"
            r"|\bwww\.\S+\.\w",
        ),
    )
)
# Invisible characters that models read but readers do not: Unicode tag characters ("ASCII
# smuggling"), bidirectional overrides, and other format characters ingest does not remove.
HIDDEN_REASON = "contains hidden characters"
# A sentence that imitates chat markup or our tags starts a block of forged prompt: the rest of
# its paragraph is held back with it, so a fake "SYSTEM: ..." line cannot split its payload into
# a harmless-looking next sentence.
FORGED_MARKUP = ("imitates chat or prompt markup", "imitates the tags that mark article text")


def flag_reason(text: str) -> str | None:
    """Why a sentence reads as an instruction to a model rather than news; None when it does not."""
    if any(unicodedata.category(c) == "Cf" for c in text):
        return HIDDEN_REASON
    for reason, pattern in PATTERNS:
        if pattern.search(text):
            return reason
    return None


def screen_article(article: Article) -> list[Flag]:
    """Flags for the sentences of one article, with the ids of the one numbering."""
    flags: list[Flag] = []
    for paragraph in paragraphs(article):
        forged = False
        for n, sentence in enumerate(paragraph.sentences):
            # The first sentence as the paragraph writes it: numbering cuts a dateline off it,
            # and a fake "SYSTEM: ..." must not lose its mark that way.
            written = paragraph.text[: paragraph.text.find(sentence.text) + len(sentence.text)]
            reason = flag_reason(written if n == 0 else sentence.text)
            if reason is None and forged:
                reason = "follows forged prompt markup in the same paragraph"
            if reason is None:
                continue
            forged = forged or reason in FORGED_MARKUP
            flags.append(
                Flag(sentence_id=sentence.id, article_id=article.id, reason=reason,
                     text=sentence.text)
            )  # fmt: skip
    return flags


def screen(articles: list[Article]) -> list[Suspicion]:
    """One Suspicion per article with flagged sentences, in article order."""
    suspicions = []
    for article in articles:
        flags = screen_article(article)
        if flags:
            suspicions.append(
                Suspicion(article_id=article.id, path=article.path, title=article.title,
                          flags=flags)
            )  # fmt: skip
    return suspicions


def flagged_ids(suspicions: list[Suspicion]) -> set[str]:
    return {flag.sentence_id for s in suspicions for flag in s.flags}


def withhold(segmented: Segmented, suspicions: list[Suspicion]) -> Segmented:
    """The same sentences, with flagged ones left out of the chunks sent to the model."""
    held = flagged_ids(suspicions)
    if not held:
        return segmented
    chunks: list[Chunk] = []
    for chunk in segmented.chunks:
        kept = [s for s in chunk.sentences if s.id not in held]
        if kept:
            chunks.append(chunk.model_copy(update={"sentences": kept}))
    # Repeats of a flagged sentence are flagged too (same text), so no copy credits it.
    duplicate_of = {k: v for k, v in segmented.duplicate_of.items() if v not in held}
    return segmented.model_copy(update={"chunks": chunks, "duplicate_of": duplicate_of})


def warnings(suspicions: list[Suspicion]) -> list[str]:
    """One line per suspicious article, for stderr."""
    by_article: dict[str, list[str]] = defaultdict(list)
    for suspicion in suspicions:
        by_article[suspicion.path] += [f.sentence_id for f in suspicion.flags]
    return [
        f"suspicious content in {path}: {len(ids)} instruction-like sentence(s) held back from "
        f"the model ({', '.join(ids)}); review them under 'Suspicious content' in the briefing"
        for path, ids in by_article.items()
    ]


def unflagged(quotes: list[Quote], suspicions: list[Suspicion]) -> list[Quote]:
    """Quotes none of whose sentences were flagged: an attack in quotation marks is no quote."""
    held = flagged_ids(suspicions)
    return [q for q in quotes if not any(e.sentence_id in held for e in q.evidence)]
