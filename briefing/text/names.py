"""Names of people and parties in news text: capitalised runs, titles and possessives.

The patterns differ on purpose: a candidate party is a short run of capitalised words inside a
sentence; a speaker next to a quotation may carry initials ("J.D. Vance") and run to four words.
"""

from __future__ import annotations

import re

# A name the model may choose as a sentence's party: up to three capitalised words.
PARTY_NAME = re.compile(r"\b[A-Z][a-zA-Z’'-]+(?:\s+[A-Z][a-zA-Z’'-]+){0,2}")
# A speaker named next to a quotation: up to five capitalised words, initials allowed ("Swiss
# Finance Minister Karin Keller-Sutter", "Acme Chief Executive Jane Doe"), and the lowercase
# particles of Arabic, Dutch, German, Spanish or Portuguese names inside it ("Mayor Abdulmenam
# al-Ghaithi", "Ursula von der Leyen", "Mohammed bin Salman", "Luiz Inácio Lula da Silva").
NAME_PARTICLE = r"(?:al|el|bin|ibn|bint|von|van|der|den|de|da|di|du|dos|das|del|della|ter)"
SPEAKER_WORD = r"(?:[A-Z][\w’'.-]+|(?:al|el|ad|ash|as|at)-[A-Z][\w’'.-]+)"
SPEAKER_NAME = rf"[A-Z][\w’'.-]+(?:\s+(?:{NAME_PARTICLE}\s+){{0,2}}{SPEAKER_WORD}){{0,4}}"
# One capitalised word of a personal name ("Ushakov", "O'Brien", "Zelensky").
NAME_WORD = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ’'-]+$")

# The one list of title words: between an institution and a name ("U.S. Secretary of State Marco
# Rubio", parties.py) and before a quoted speaker's name ("Attorney General Merrick Garland").
TITLE_WORDS = {
    "president", "presidential", "prime", "minister", "secretary", "of", "state", "aide",
    "adviser", "advisor", "envoy", "envoys", "special", "spokesman", "spokeswoman",
    "spokesperson", "press", "foreign", "defence", "defense", "chancellor", "senior", "chief",
    "leader", "ambassador", "general", "commander", "representative", "official", "deputy",
    "national", "security", "policy", "the", "top", "negotiator", "army", "first", "lady",
    "vice", "senator", "diplomat", "economic", "finance", "for", "attorney", "chairman",
    "chairwoman", "chairperson", "chair", "executive", "ceo", "director", "governor", "mayor",
    "founder", "co-founder", "judge", "prosecutor", "commissioner", "dr", "dr.",
}  # fmt: skip
# Capitalised words that start sentences or name months, days and titles rather than actors:
# left out of the party names offered to the model (extract.py). Not TITLE_WORDS: that would
# change what is sent to the model, so it waits for a re-measured change of its own.
NOT_NAMES = {
    "The", "A", "An", "But", "And", "If", "In", "On", "At", "As", "After", "Before", "While",
    "Some", "Other", "Both", "It", "He", "She", "They", "We", "This", "That", "There", "Asked",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Just",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Dec", "President", "Prime", "Minister", "Secretary",
    "Crucially", "However", "Despite", "Following", "Speaking", "According", "With", "Earlier",
    "Nevertheless", "Subsequent", "Prior", "Hours", "More", "All", "So", "Not", "Such", "Long",
}  # fmt: skip


def is_title(word: str) -> bool:
    return word.lower() in TITLE_WORDS


def without_possessive(word: str) -> str:
    """Strip a possessive with either apostrophe news copy uses: Russia’s -> Russia."""
    return word.removesuffix("’s").removesuffix("'s")


def person_key(name: str) -> str:
    """Who a name stands for, however a story writes it: "Colm Kelleher", "Mr Kelleher" and
    "Kelleher’s" are one person (the last word, without possessive)."""
    words = name.split()
    return without_possessive(words[-1]).lower() if words else ""
