"""What a line that stands alone is: site chrome, copyright, byline, date, credit, or text."""

from __future__ import annotations

import re
import unicodedata

from .outlets import BYLINE, COPYRIGHT, DATELINE_CREDIT, PHOTO_CREDIT_LINE, outlet_from_credit
from .published import RELATIVE_DATE_LINE, find_dates, is_date_line

BULLET = re.compile(r"^[-*•·▪►]\s+")
ENDS_CLAUSE = re.compile(r"""[.!?…:;,—–-]["'”’»)\]]*$""")
# Site chrome, compared after lowercasing and stripping bullets and edge punctuation.
CHROME_EXACT = {
    "watch tv live", "watch live", "live tv", "newsfront", "share", "share this",
    "share this article", "share on facebook", "share on twitter", "share on x", "tweet",
    "email", "print", "comments",
    "advertisement", "sponsored", "sponsored content", "find out more", "learn more",
    "skip to content", "skip to main content", "menu", "search",
    "subscribe", "sign in", "log in", "sign up", "newsletter", "read more", "related",
    "related articles", "related stories", "more stories", "more from this section",
    "recommended", "most read", "most popular", "trending", "you may also like", "follow us",
    "back to top", "tags", "topics", "home", "copy link", "listen", "listen to this article",
    "save", "close", "continue reading", "story continues below", "accept", "accept all",
    "photo", "enlarge this image", "leave a reply", "leave a comment", "cancel reply",
    "post comment", "continue reading the main story", "logo", "image", "video", "loading",
    "advertisement continue reading the main story", "story highlights", "story",
    "in this article", "now reading", "you are here", "play live radio", "next up",
    "available on air stations", "pay wall", "paywall", "submitted by", "submited by",
    "posted by",
}  # fmt: skip
SOCIAL = "facebook|twitter|x|instagram|whatsapp|linkedin|pinterest|reddit|telegram|tiktok|youtube"
SOCIAL += "|messenger|threads|bluesky|flipboard"
END_MARKERS = {
    "share", "share this", "share this article", "read more", "related", "related articles",
    "related stories", "more stories", "recommended", "most read", "most popular", "trending",
    "you may also like", "tags", "topics", "sponsored content", "paid content",
    "partner content",
}  # fmt: skip
# A desk's name: "World News", "Politics", "Latin America" is a place and stays a label above
# a headline only (roles.is_label).
DESKS = (
    r"(?:World|US|U\.S\.|UK|Business|Politics|Sports?|Tech(?:nology)?|Science|Health|"
    r"Entertainment|Opinion|Breaking|National|International|Local|Latest|Top)"
)
SECTIONS = DESKS + r"(?: News)?"
# A list of other stories' headlines begins: "Next In Tech News", "Others Also Read", "More in
# World", "Read next" (roles.mark_tail: the lines after it that are no sentences go).
LIST_HEADER = re.compile(
    r"^(?:next in|more in|more from|latest in|others also read|also read|read next|up next|"
    r"what to read next|you might also like)\b.{0,30}$",
    re.I,
)
CHROME_PATTERNS = (
    re.compile(r"^(?:tags?|topics?|categories|filed under)\s*[:=|]", re.I),
    # a live page's post heading with its time: "Where did the shootings take place?published
    # at 13:34 Greenwich Mean Time 15 March 2019"
    re.compile(r"published at \d{1,2}:\d{2} (?:Greenwich Mean Time|British Summer Time)\b"),
    # a local paper's banner: "By allowing ads to appear on this site, you support the local
    # businesses who, in turn, support local journalism."
    re.compile(r"^By allowing ads to appear on this site\b", re.I),
    # a subscription offer: "Memorial Day Sale - $1 for 3 months - Expires 5/29"; not news of a
    # price ("subscribers will pay $5 per month, the company said")
    re.compile(
        r"^(?=.*\b(?:sale|expires|free trial|subscribe now|limited time)\b)"
        r".{0,60}[$£€]\d+(?:\.\d\d)? (?:for|per) (?:\d+ |one |a )?(?:weeks?|months?|year)\b"
        r".{0,40}$",
        re.I,
    ),
    re.compile(r"^\d+\s*min(?:ute)?s?\s+read$", re.I),
    re.compile(r"^[\d,.]+\s*[km]?\s+(?:views?|comments?|shares?|reads?)$", re.I),
    re.compile(r"^\[[^\]]*\b(?:column|continued|advertisement|top of)\b[^\]]*\]$", re.I),
    re.compile(r"^[\W_]+$"),
    re.compile(r"^[a-z]+(?:_[a-z]+)+$"),  # an icon's name where the icon font did not load
    re.compile(rf"^{SECTIONS}:?$"),  # "World News:" run into a lead, split off
    # A template's empty fields: "null: nullpx", "undefined".
    re.compile(r"^(?:null|undefined|NaN)(?:[\s:;,]+(?:null|undefined|NaN)\w*)*$"),
    re.compile(r"^[A-Z]{2,15}(?:\s+[A-Z]{2,15})?$"),  # section label: WORLD, US NEWS
    re.compile(r"^\d+\s+(?:second|minute|hour|day|week)s?\s+ago\b.*\bread\b", re.I),
    re.compile(r"\bcookies?\b.*\b(?:accept|consent|privacy|policy)\b", re.I),
    # Comment forms under the story.
    re.compile(r"^leave a (?:reply|comment)\b|\byour email address will not be published\b", re.I),
    re.compile(r"\brequired fields are marked\b|^save my name, email\b", re.I),
    # Calls to follow the site and share bars: "Follow us @", "Check us out on Facebook:",
    # "Like <page> on Facebook and ...", "Facebook Twitter WhatsApp Email".
    re.compile(r"^(?:follow|check|find|join|like)\s+us\b", re.I),
    re.compile(rf"^(?:follow|like|join)\b.{{0,60}}\bon\s+(?:{SOCIAL})\b", re.I),
    re.compile(
        rf"^(?:share(?:\s+(?:this|on|via))?:?\s+)?(?:(?:{SOCIAL}|email|print)\b[\s|,·•]*){{2,}}$",
        re.I,
    ),
    re.compile(rf"^(?:click to )?share (?:on|via) (?:{SOCIAL}|email)\b", re.I),
    re.compile(r"^share (?:this|the story|the article)\b.{0,40}$", re.I),
    # A wire's and a player's notes to the reader: "THIS IS A BREAKING NEWS UPDATE. AP's earlier
    # story follows below.", "Media playback is unsupported on your device", "More news: ...".
    re.compile(r"^this is a (?:breaking news|developing) (?:update|story)\b", re.I),
    re.compile(r"^media playback is unsupported\b|^more news\s*:", re.I),
    re.compile(
        r"^chat with us in facebook messenger\b|^find out what['’]s happening in the world\b",
        re.I,
    ),
    # A note on the page's own versions: "Editor’s note: This story was updated at 1 p.m. on
    # March 27 to reflect new information.", "This article has been updated with comment".
    re.compile(
        r"^(?:editor['’]s note\s*:\s*)?this (?:story|article) (?:has been|was|is being)"
        r" (?:updated|corrected|amended)\b",
        re.I,
    ),
    # An opinion piece's note on its author: "Frida Ghitis is a world affairs columnist for The
    # Miami Herald ... The opinions expressed in this commentary are hers.", "Robert Bridge is an
    # American writer and journalist. He is author of the book, ... robertvbridge@yahoo.com".
    re.compile(
        r"^(?:[A-Z][\w.'’-]+\s){1,3}is an? (?:[\w-]+\s){0,8}?(?:columnist|writer|journalist|"
        r"correspondent|author|contributor|commentator|analyst|editor|professor|fellow)\b"
        r"(?=.*(?:opinions? expressed|views expressed|\S@\w+\.\w|\bFollow (?:him|her)\b))"
    ),
    re.compile(r"^the (?:opinions|views) expressed in this (?:commentary|article|column)\b", re.I),
    # A related link or an editor's insert on a line of its own: "[Is China’s leader losing
    # his grip?]", "[Reporting by Ann Writer; Editing by Ed Itor]".
    re.compile(r"^\[(?![^\[\]]*\d{4}\]$)[^\[\]]{3,160}\]$"),  # not a date: "[December 03, 2025]"
    # A live page's note: "This post will be updated as new information is available."
    re.compile(
        r"^this (?:post|story|article|page|report) (?:will be|is being|may be) updated\b", re.I
    ),
    # USA Today's footer: "Read or Share this story: http://ftw.usatoday.com/2016/11/...".
    re.compile(r"^read or share this story\b", re.I),
    # A feed's footer on a syndicated copy: WordPress's "The post <headline> appeared first on
    # <site>.", "<headline> originally appeared on BGR.com on Mon, 1 Jan 2018 at 10:05:01 EDT.
    # Please see our terms for use of feeds."
    re.compile(  # a site's name, not a network's: "The post ... appeared first on Telegram."
        rf"^The post .{{3,300}} appeared first on (?!(?i:{SOCIAL})\b)[A-Z][\w.'’&-]*"
        r"(?: [A-Z][\w.'’&-]*){0,3}\.?$"
    ),
    re.compile(
        r"\boriginally appeared on [\w-]+(?:\.[\w-]+)*\.[a-z]{2,} on "
        r"(?:mon|tue|wed|thu|fri|sat|sun)\w*,? \d{1,2} \w+ \d{4}\b",
        re.I,
    ),
    re.compile(r"^please see our terms for use of feeds\b", re.I),
    # The wire's credits in parentheses: "(Reporting by Susan Heavey; Editing by Doina Chiacu)".
    re.compile(
        r"^\((?:additional )?(?:reporting|writing|editing|compiled) by\b[^()]{3,240}\)$", re.I
    ),
    # A site's registration in its footer: "Registration Number: 130349", "License for
    # publishing multimedia online 0108263".
    re.compile(r"^(?:registration number\s*:|licen[cs]e for publishing\b)", re.I),
    # A columnist's sign-off: "— Dan Jones, Mobile Editor, Light Reading".
    re.compile(
        r"^[—–]\s*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3},\s*[A-Z][\w ]{2,40}(?:,[\w ]{2,40})?$"
    ),
    # An advertiser's box: "About Sponsored Content This content was commissioned by ...".
    re.compile(
        r"^(?:about )?sponsored content\b"
        r"|^this content was (?:commissioned|paid for|produced) by\b",
        re.I,
    ),
    # An icon sprite's titles where the icons did not load: "ArrowArtboardCreated with
    # Sketch.Title ChevronTitle ChevronIcon FacebookIcon LinkedinIcon ...".
    re.compile(r"\bCreated with Sketch\b|(?:\b[A-Z][a-z]+Icon\b.*){3}"),
    re.compile(r"^clock menu more-arrow\b"),  # Vox Media's sprite: "clock menu more-arrow no yes"
    # A read-aloud player's consent line: "To activate the text-to-speech service, please first
    # agree to the privacy policy below."
    re.compile(r"\btext-to-speech service\b.{0,60}\bprivacy policy\b", re.I),
    re.compile(
        r"^(?:terms of (?:use|service)|privacy policy)(?: and (?:terms of (?:use|service)|"
        r"privacy policy|cookie policy))?$",
        re.I,
    ),
    # Links to more of the site and the ends of live pages: "Read more on foxbusiness.com",
    # "Read more: Fed predictions for 2024", "Our live coverage has ended", "LIVE COVERAGE IS
    # OVER20 updates".
    re.compile(r"^(?:Read more|READ MORE|Also Read|ALSO READ)\b.{0,120}$"),
    re.compile(r"^(?:More|MORE|Related|RELATED)\s*:.{0,120}$"),  # "More: WGA and studios will ..."
    # A subscription offer and its teasers: "Get 40% Off", "Unlock AI-picked Stocks", "👀 👁 🧿
    # All eyes on Biogen, up +4,56% after posting earnings."
    re.compile(
        r"^(?:get|save|enjoy) (?:up to )?\d+\s?% off\b"
        r"|^unlock (?:[\w-]+ ){0,2}(?:stocks?|picks?|offers?|access|premium|articles?|content)$",
        re.I,
    ),
    re.compile(r"^(?:[\U0001F300-\U0001FAFF]\s*){2,}"),  # a teaser's emoji run, not one bullet
    re.compile(
        r"^(?:our )?live coverage (?:has (?:now )?ended|is over)|^our live coverage\b", re.I
    ),
    # A video's teaser and running time: "Hear Chair Powell explain decision to slash interest
    # rates" (no full stop), "01:24 - Source: CNN".
    re.compile(r"^(?:Watch|Hear|Listen)\b[^.!?]{0,100}$"),
    re.compile(r"^\d{1,2}:\d{2}\s*[-–—]\s*source:", re.I),
    # CNN's video module and a programme's promotion: "JUST WATCHED The weapon ... Replay More
    # Videos ... MUST WATCH The weapon ... 01:12", "Watch the documentary on CNN and CNN
    # International: 10 p.m. ET, Friday September 15".
    re.compile(r"^(?:JUST WATCHED|MUST WATCH)\b|\bReplay More Videos\b"),
    re.compile(
        r"\bWatch (?:the )?(?:documentary|show|series|special|full interview)\b[^.]{0,40}\bon "
        r"[A-Z]"
    ),
    re.compile(r"^\d{1,2}:\d{2}(?:\s+\d{1,2}:\d{2})*$"),  # an audio player's clock: "0:00 0:00"
    # An embedded post's link and signature: "pic.twitter.com/ZAxApKpJIT", "— Keir Starmer
    # (@Keir_Starmer) November 26, 2024".
    re.compile(r"^pic\.twitter\.com/\S+$", re.I),
    re.compile(r"^[—–-]\s*[^()]{1,60}\(@\w{1,20}\)\s+\w+\s+\d{1,2},\s+\d{4}$"),
    # "Click here to upload yours.", "To read the original story by X, click here.": a short
    # line that tells the reader where to click is the page talking, not the story.
    re.compile(r"\b(?:click|tap) here\b", re.I),
    re.compile(r"\binvalid email address\b|^sign up for (?:our|the)\b.{0,60}\bnewsletter", re.I),
    # A broadcast transcript's stage directions: "(SOUNDBITE OF YOUTUBE VIDEO)", and a speaker's
    # turn that is one: "GERMANY THOMAS DE MAIZIERE: (Speaking German)."
    re.compile(
        r"^\((?:soundbite|sound bite|begin|end|laughter|applause|music|crosstalk|"
        r"inaudible|speaking)\b[^()]*\)$",
        re.I,
    ),
    re.compile(r"^[A-Z][A-Z .’'-]{1,40}:\s*\([^()]*\)\.?$"),
    # A transcript's courtesies: the host's sign-off ("MONTAGNE: That's NPR's Soraya Sarhaddi
    # Nelson speaking to us from Berlin. Thanks very much.") and the greetings and thanks around
    # an interview ("NELSON: You're welcome, Renee.", "Good morning, Renee.").
    re.compile(
        r"^[A-Z][A-Z .’'-]{1,40}:\s*that['’]s \w+['’]s [^.]{3,80}\b(?:speaking|reporting|talking)"
        r"\b[^.]*\.(?:\s*thanks?(?: you)?(?: very much| so much)?[^.]{0,20}\.)?$",
        re.I,
    ),
    re.compile(
        r"^(?:[A-Z][A-Z .,’'-]{1,40}:\s*)?(?:good (?:morning|afternoon|evening)|thanks?(?: you)?"
        r"(?: very much| so much)?|you['’]re welcome)(?:,\s*[A-Z]\w+)?[.!]?$",
        re.I,
    ),
    # An editor's note on what changed: "Updated, Dec. 29: Changed headline, added CEO's
    # apology.", "Update: Adds quotes from the minister." (not "Update: Corrected figures show
    # 52 people died").
    re.compile(
        r"^\(?(?:updated?|editor['’]s note)\b[^:]{0,40}:\s*(?:changed|changes|adds?|added|"
        r"updates?|updated|corrects?|corrected|recasts?|rewrites?)\b[^.]{0,40}\b(?:headline|"
        r"quotes?|details|comments?|photos?|video|byline|paragraphs?|spelling|throughout|"
        r"context|background|reaction|apology)\b.{0,60}$",
        re.I,
    ),
    # The reporters' credit at the foot of a story: "NPR's Sarah Knight contributed to this report."
    re.compile(
        r"\bcontributed (?:reporting|to this (?:report|story|article))"
        r"(?:\s+(?:from|in)\s+[^,.;]{1,40})?\.?$",
        re.I,
    ),
)
# Three capitalised words or more in a row ("MANDALAY BAY RESORT AND CASINO"), each of two
# letters or more, with no lower-case word between them.
CAPS_RUN = re.compile(r"(?<![\w'’])[A-Z][A-Z.'’&-]+(?:\s+[A-Z][A-Z.'’&-]+){2,}(?![\w'’])")
CAPS_WORD = re.compile(r"^[A-Z][A-Z.'’&-]+$")


def graphic_labels(line: str) -> bool:
    """A graphic's labels run into a line: "LAS VEGAS FREEWAY EXCALIBUR HOTEL ... BROKEN WINDOWS
    VISIBLE MAIN ENTRANCE": three runs of capitalised words, or two that make up much of it.
    Prose has a name ("ZANU PF MP") or a sign quoted ("RESPECT OUR VOTE") among its words."""
    words = line.split()
    capitals = sum(bool(CAPS_WORD.match(w)) for w in words)
    runs = len(CAPS_RUN.findall(line))
    return runs >= 3 or (runs == 2 and capitals >= GRAPHIC_SHARE * len(words))


GRAPHIC_SHARE = 0.3


def language_menu(line: str) -> bool:
    """A site's menu of editions or languages: "Europe Россия Внешние малые острова США Китай":
    names in Latin letters run together with three or more words in another script, and no
    sentence. A line wholly in another script is a page in that language, and stays."""
    words = line.split()
    other = sum(any(c.isalpha() and not latin_letter(c) for c in w) for w in words)
    latin = sum(all(latin_letter(c) for c in w if c.isalpha()) and any(c.isalpha() for c in w)
                for w in words)  # fmt: skip
    return other >= 3 and latin >= 1 and not ENDS_CLAUSE.search(line.strip())


def latin_letter(char: str) -> bool:
    """A letter of the Latin script, any accent ("ệ", "ʻ" in Hawaiʻi included)."""
    return unicodedata.name(char, "").startswith(("LATIN", "MODIFIER LETTER"))


# Chrome however long the line: a Markdown image line (its link can be long) and a newsletter
# box run into one line ("Newsletter Sign Up Continue reading the main story Please verify
# you're not a robot by clicking the box. Invalid email address. ...").
LONG_CHROME = (
    re.compile(r"^!\[[^\]]*\]\([^)]*\)$"),
    re.compile(r"^newsletter sign[ -]?up\b|\bverify you['’]re not a robot\b", re.I),
    # A box of other headlines run into one line: "MOST READ IN NEWS 'I'M MADDIE!' Student ...".
    re.compile(r"^(?:MOST (?:READ|POPULAR|VIEWED|SHARED)|YOU MAY ALSO LIKE)\b"),
    # A site's terms run on after its copyright line: "Copyright 1995 - . All rights reserved.
    # The content (including but not limited to text, photo, ...) shall not be republished".
    re.compile(r"^(?:copyright|©)\W.{0,60}\ball rights reserved\b.{100,}", re.I),
    # A graphic's numbered notes: "1Videos showed chaos ... 2People took cover ...".
    re.compile(r"(?:(?:^|\s)\d{1,2}[A-Z][a-z]+\b.*){2}"),
    # An embedded post's signature: "A post shared by Randy Kindred (@randy) on Oct 1, 2017".
    re.compile(r"\bA post shared by\b[^()]{1,60}\(@\w{1,40}\)"),
    # An embedded post the page could not show: "This Twitter post cannot be displayed in your
    # browser. Please enable Javascript ...", "This article contains content provided by Twitter."
    re.compile(
        r"^This (?:\w+ )?post cannot be displayed\b|^This article contains content provided by\b"
        r"|^Skip (?:\w+ )?(?:post|content|video)\b",
        re.I,
    ),
)
# A credit in brackets at the end of a caption, perhaps followed by the agency that carried it:
# "(Costa Rica's Civil Aviation press office via AP) (Associated Press)", "[Photo/Agencies]",
# "(Picture: PA)", "(AP Photo/Patrick Semansky)AP", "(AP Photo/Ann Photographer) Credit: AP/Press
# Association Images".
PHOTO_CREDIT = re.compile(
    r"(?:\([^()]*\b(?:photo|photograph|image|getty images|pool|via (?:ap|reuters|afp|getty))\b"
    r"[^()]*\)|\((?:picture|pic)s?\s*:[^()]*\)|\[(?:photo|image|file photo)\b[^\]]*\])"
    r"(?:\s*\([^()]{1,40}\)|\s*(?-i:[A-Z]{2,5}))?(?:\s*Credit:\s*[^.]{1,60})?\s*$",
    re.I,
)
# The plain-text header of a saved page: "Title / domain | date / URL", one per line.
URL_LINE = re.compile(r"^<?(?:https?://|www\.)\S+?>?$", re.I)
DOMAIN = r"(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}"
# "2018-08-03T10:31:00+02:00", "03.08.2018 10:31", "1533292260": digits and separators only.
TIMESTAMP = re.compile(r"^(?=.*\d)[\d\s,:./+TZ-]{4,40}$")
SITE_LINE = re.compile(rf"^(?P<domain>{DOMAIN})\s*(?:[|·•]\s*(?P<when>.+))?$", re.I)
CAPTION_START = re.compile(
    r"^(?:photo|image|caption|photograph|file photo|file)\s*[:\-–—]"
    # NPR's "Enlarge this image toggle caption", a picture desk's "Getty - Contributor"
    r"|^(?:enlarge this image\b|toggle caption\b)|^getty(?: images)?\s*[-–—/]\s*\w+"
    # A gallery's counter: "1 of 2 | On Sunday, people recover goods from a shopping plaza ..."
    r"|^\d{1,3} of \d{1,3}\s*\|"
    # The wire services' caption opening: "This photo released by ...", "This combination of
    # satellite images from ... shows", "In this image from video, ..."
    r"|^(?:in )?this (?:[\w-]+ ){0,4}(?:photos?|images?|pictures?|photographs?|frame grab|handout)"
    r"\b(?: (?:released|provided|taken|made|from|by|shows?)\b|,)",
    re.I,
)


# A page's label run into the first paragraph: CNN's "Story highlights", the "STORY:" of a
# video transcript, an icon's name where the icon font did not load ("text_fieldsHarare: ..."),
# a run-in sub-heading in capitals. It comes off as a line of its own (chrome or a heading).
LABEL_PREFIX = re.compile(
    r"^(?:(?i:story highlights)|STORY:)\s+(?=\S)|^[a-z]+(?:_[a-z]+)+(?=[A-Z“\"])"
    # A desk's name run into the lead: "World News: A significant breakthrough ...".
    rf"|^{DESKS} News:\s+(?=[A-Z])"
    # A live page's post time: "13:29 GMT 15 March 2019New Zealand's former Prime Minister ...".
    r"|^\d{1,2}:\d{2} (?:GMT|BST|UTC|CET|CEST|EST|EDT|ET) \d{1,2} [A-Z][a-z]+ \d{4}\s*(?=[A-Z“\"])"
    # A tabloid's run-in sub-heading: "SET UP FRAUD ALERTS Equifax is offering a free service".
    # Four capitalised words or more, then a sentence (not a name: "ZANU PF MP Terrence Mukupe").
    r"|^(?=[A-Z’' -]*[A-Z]{4})(?:[A-Z][A-Z’'-]*\s+){3,}[A-Z][A-Z’'-]+\s+(?=[A-Z][a-z]*\s+[a-z])"
)


def split_label_prefix(line: str) -> list[str]:
    label = LABEL_PREFIX.match(line)
    return [line[: label.end()].rstrip(), line[label.end() :]] if label else [line]


def line_kind(line: str) -> str | None:
    """The kind of a line that stands alone (never joined with its neighbours), or None for text."""
    if any(p.search(line) for p in LONG_CHROME) or graphic_labels(line) or language_menu(line):
        return "chrome"
    if len(line) > 300:  # chrome, credits and date lines are short; a paragraph is text
        return None
    bare = BULLET.sub("", line).strip()
    if is_source_line(bare):
        return "source"
    low = bare.lower().strip(" .:|-–—")  # "Advertisement -"
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
    if outlet_from_credit(bare) or DATELINE_CREDIT.match(bare) or PHOTO_CREDIT_LINE.search(bare):
        return "credit"
    return None


def is_source_line(line: str) -> bool:
    """A bare link, or a bare domain with a date or timestamp after a bar:
    'example.com | 2018-08-03 10:31', 'example.com | 3 hours ago'."""
    if URL_LINE.match(line):
        return True
    site = SITE_LINE.match(line)
    if not site:
        return False
    when = (site["when"] or "").strip()
    return (
        not when
        or bool(find_dates(when))
        or bool(RELATIVE_DATE_LINE.match(when))
        or bool(TIMESTAMP.match(when))
    )
