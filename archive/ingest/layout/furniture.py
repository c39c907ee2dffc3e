"""The lines of a page copy around its article in, what the site's furniture says about it out: the publication's
name, the section and an agency byline.

Page copies often print no site-name line above the headline; the name is then read from the furniture every site
prints: a headline suffix ("... - Valley News"), the author's bio ("Jo Reed is a reporter for Valley News."), the
page's own web address, a copyright line ("© 2021 Valley Media Ltd.", "2021 Valleynews, Inc. All Rights
Reserved"). A name is taken in the form the page prints it ("ValleyNews" for a "valleynews.com" address), and a
copyright owner is widened to the publication the page names after it ("Valley" -> "Valley News"). The section comes
from a breadcrumb ("Home • World • <headline>") or the category printed first under the article, when the site's
menu lists it. Nothing here knows a site: only the shapes of the furniture.
"""

from __future__ import annotations

import re
from collections import Counter

from ..language import names

__all__ = [
    "SITE",
    "agency_byline",
    "agency_in_body",
    "breadcrumb",
    "is_bio",
    "is_outlet_name",
    "outlet",
    "split_title_suffix",
    "tag_line",
]

# A domain label is at most 63 characters: bounded, a run like "A-A-A-…" (a word start at every letter) costs a
# few dozen steps from each letter instead of a scan to its end (quadratic).
SITE = re.compile(r"\b[A-Z][\w-]{2,62}\.(?:[A-Za-z]{2,4}|info|news|online)\b")
BULLET = re.compile(r"^(?:[•□☆○◦▪■●*·]|\d{1,2}\.\s)")

# News agencies whose name stands alone as a byline ("PTI, New Delhi", "By Reuters", "(AP)").
AGENCIES = (
    "Associated Press",
    "Agence France-Presse",
    "Press Trust of India",
    "Reuters",
    "Bloomberg",
    "AFP",
    "AP",
    "PTI",
    "IANS",
    "ANI",
    "UNI",
    "UPI",
    "DPA",
    "EFE",
    "ANSA",
    "Xinhua",
    "TASS",
    "Kyodo",
    "Yonhap",
    "Anadolu",
    "Bernama",
)
_AGENCY = "|".join(re.escape(agency) for agency in AGENCIES)
# "AFP, Paris," / "By Reuters" / "AP | London": the agency, perhaps a place, nothing else.
# The place is up to three capitalised words, one space apart: a word is never cut in two, so a long run of
# capitals costs one pass, not the cube of its length.
_AGENCY_LINE = re.compile(
    rf"^(?:[Bb]y\s+)?(?P<agency>{_AGENCY})(?:\s*[,|/–—-]\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){{0,2}})?\s*[,.]?$"
)
_AGENCY_DATELINE = re.compile(rf"^[A-Z][A-Z .,'’-]{{1,40}}\((?P<agency>{_AGENCY})\)\s*[-–—:]")
_AGENCY_TAIL = re.compile(rf"\((?P<agency>{_AGENCY})\)\s*$")

_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*[,-]?\s*(?P<owner>.+)$",
    re.IGNORECASE,
)
# The owner starts and ends with a non-space, so each run of spaces is crossed once (".+?" then "\s+" tried every
# split of it: cubic in a line of spaces).
_YEAR_RIGHTS = re.compile(r"^\d{4}\s+(?P<owner>\S(?:.*?\S)?)[.,]?\s+all rights reserved", re.IGNORECASE)
# From the start of a run of spaces and commas only: tried from inside one, it was crossed again from every space.
_LEGAL = re.compile(
    r"(?<![\s,])[\s,]+(?:inc|ltd|llc|plc|corp|co|gmbh|limited|private limited|private ltd|pvt\.? ltd|s\.a|ag)\.?$",
    re.IGNORECASE,
)
_DOMAIN = re.compile(
    r"(?<![@\w.])(?:https?://)?(?:www\.)(?P<stem>[a-z0-9-]{2,40})\.(?:com|co\.uk|org|net|news|info|[a-z]{2})\b"
    r"|(?<![@\w.])https?://(?P<bare>[a-z0-9-]{2,40})\.(?:com|co\.uk|org|net|news|info|[a-z]{2})\b",
    re.IGNORECASE,
)
# Where a page links out to, not where it lives.
_PLATFORMS = names.wordset(
    "facebook twitter x instagram youtube linkedin pinterest whatsapp google apple tiktok reddit bit t flickr "
    "snapchat telegram medium wikipedia amazon"
)
_PICTURE_WORDS = names.wordset("images image photo photos pictures photography stock")
_BIO = re.compile(
    r"^(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}) is (?:a|an|the) (?:[\w-]+\s){0,3}"
    r"(?:reporter|correspondent|writer|editor|journalist|columnist|producer|contributor|critic)\b[^.]*?"
    r"\b(?:for|at|with) (?P<outlet>(?:the\s)?[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,4})"
)
_SUFFIX = re.compile(r"^(?P<title>.{11,}?\S)\s+[-|–—]\s+(?P<site>[^-|–—]{2,40})$")
# Menu items that are the site's furniture, never an article's section.
_MENU_WORDS = names.wordset(
    """menu navigation sections section more search share home subscribe newsletters newsletter sign log account
    skip links topics explore sites tools follow trending popular latest related brief adchoices close options
    main site top"""
)


def is_outlet_name(text: str) -> bool:
    """A publication's name: a site address, or capitalised words ending in a newspaper word ("Valley Times")."""
    words = text.split()
    if SITE.fullmatch(text):
        return True
    return (
        1 <= len(words) <= 5
        and all(w[:1].isupper() or w.lower() in ("the", "of", "and") for w in words)
        and words[-1].lower().strip(".") in names.ORG_WORDS
    )


# Words that end a publication's name (a subset of names.ORG_WORDS: "European Union" is no newspaper).
_PUBLICATION_WORDS = names.wordset(
    """news times post press journal daily tv radio gazette herald tribune chronicle ledger review today weekly
    magazine observer telegraph guardian express courier examiner inquirer monitor bulletin wire media reporter
    standard mail star sun record register dispatch independent"""
)


def split_title_suffix(title: str) -> tuple[str, str]:
    """ "Dam to close - Valley News" -> ("Dam to close", "Valley News"); a title without a site suffix is kept."""
    match = _SUFFIX.match(title)
    site = match.group("site").strip() if match else ""
    words = site.split()
    if site and (SITE.fullmatch(site) or (is_outlet_name(site) and words[-1].lower() in _PUBLICATION_WORDS)):
        return match.group("title").strip(), site
    return title, ""


def agency_byline(text: str) -> str:
    """ "PTI, New Delhi," or "By Reuters" -> the agency; "" for any other line."""
    match = _AGENCY_LINE.match(text.strip())
    return match.group("agency") if match else ""


def agency_in_body(paragraphs: list[str]) -> str:
    """An agency credited in a dateline ("LONDON (Reuters) - ...") or at the end of the story ("... (PTI)")."""
    if paragraphs:
        match = _AGENCY_DATELINE.match(paragraphs[0]) or _AGENCY_TAIL.search(paragraphs[-1])
        if match:
            return match.group("agency")
    return ""


def outlet(lines: list[str], author: str) -> str:
    """The publication, from the author's bio, the page's web address or a copyright line (in that order)."""
    return _from_bio(lines, author) or _from_domain(lines) or _from_copyright(lines)


def is_bio(text: str) -> bool:
    """ "Jo Reed is a reporter for the Valley Ledger.": the author's bio under the article, not article text."""
    return len(text.split()) <= 30 and bool(_BIO.match(text))


def _from_bio(lines: list[str], author: str) -> str:
    for text in lines:
        match = _BIO.match(text)
        if match and (not author or names.key(match.group("who")) in names.key(author)):
            return match.group("outlet").rstrip(".").removeprefix("the ")
    return ""


def _from_domain(lines: list[str]) -> str:
    """The most frequent web address of the page, in the form the page prints the name ("rivermail" -> "RiverMail")."""
    stems: Counter[str] = Counter()
    for text in lines:
        for match in _DOMAIN.finditer(text):
            stem = (match.group("stem") or match.group("bare")).lower()
            if stem not in _PLATFORMS:
                stems[stem] += 1
    for stem, _ in stems.most_common():
        printed = _printed_form(stem, lines)
        if printed:
            return printed
    return ""


def _from_copyright(lines: list[str]) -> str:
    for text in reversed(lines):
        text = BULLET.sub("", text).strip()
        match = _YEAR_RIGHTS.match(text) or _COPYRIGHT.match(text)
        if not match or not (re.search(r"\b(?:19|20)\d\d\b", text) or "rights reserved" in text.lower()):
            continue  # "© Jo Reed" under a photo credits the photographer, not the page
        owner = re.split(r"\s*[|.]\s|\s*all rights", match.group("owner"), flags=re.IGNORECASE)[0].strip(" ,.")
        owner = _LEGAL.sub("", owner).strip(" ,.")
        if not owner or "(" in owner or len(owner.split()) > 5 or any(ch.isdigit() for ch in owner):
            continue
        if any(word.lower() in _PICTURE_WORDS for word in owner.split()):
            continue  # "© 2020 Harbour Images" is a picture agency
        if not owner[:1].isupper():
            continue  # "© copyright reserved", a credit in lower case
        return _printed_form(owner, lines) or owner
    return ""


def _letters(text: str) -> str:
    return "".join(ch for ch in names.key(text) if ch.isalnum())


def _printed_form(name: str, lines: list[str]) -> str:
    """How the page prints ``name`` (a domain stem or a copyright owner): the capitalised words whose letters are
    the same ("RiverMail" for "rivermail"), widened by a newspaper word the page prints after it at least twice
    ("Valley" -> "Valley News")."""
    wanted = _letters(name)
    if not wanted:
        return ""
    found: Counter[str] = Counter()
    wider: Counter[str] = Counter()
    for text in lines:
        words = re.findall(r"[A-Z][\w.&'’-]*", text)
        for size in range(1, 5):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size]).rstrip(".")
                key = _letters(phrase)
                if key == wanted or key == "the" + wanted:
                    if phrase not in text:
                        continue  # the words are not printed side by side
                    found[phrase] += 1
                    following = words[start + size] if start + size < len(words) else ""
                    candidate = f"{phrase} {following}".rstrip(".")
                    if following and following.lower().strip(".") in _PUBLICATION_WORDS and candidate in text:
                        wider[candidate] += 1
    if not found:
        return ""
    best = found.most_common(1)[0][0]
    widened = [name for name, count in wider.most_common() if count >= 2]
    return widened[0] if widened else best


# --- the section ----------------------------------------------------------------------------------------------------


def _item(text: str) -> str:
    return BULLET.sub("", text).strip()


def breadcrumb(top: list[str], title: str) -> str:
    """ "• Home • World • <headline>" just above the headline: the crumb before the headline."""
    items: list[str] = []
    for text in reversed(top[-6:]):
        if not BULLET.match(text):
            if items:
                break
            continue
        items.insert(0, _item(text))
        if items[0].lower() == "home":
            break  # the crumb trail starts here, whatever list is printed above it
    if not 3 <= len(items) <= 5 or items[0].lower() != "home":
        return ""
    if not title or not (items[-1] == title or title.startswith(items[-1])):
        return ""  # a menu that starts with "Home" is a menu; a trail ends with the page it leads to
    label = items[-2]
    return label if len(label.split()) <= 4 else ""


def tag_line(top: list[str], after: list[str]) -> str:
    """The category printed first under the article ("Business Tariffs Steel Trade"), when the site's menu has it."""
    menu = {_item(text) for text in top if BULLET.match(text) and 1 <= len(_item(text).split()) <= 2}
    for text in after[:1]:
        for item in sorted(menu, key=len, reverse=True):
            if item and text.startswith(item + " ") and item.lower() not in _MENU_WORDS:
                return item
    return ""
