"""A plain-text copy of a news page in, its Layout out: title, kicker, outlet, section, date, byline and clean body.

The body is the densest run of prose lines that no end marker ("Subscribe to…", "Read also", "Latest news",
"Similar news:", "Related", "Tags:", "©"…) interrupts; it starts after the date line and the byline, standfirst
and captions that follow it. Body lines are copied as printed, less their indentation, one paragraph per line and
a blank line between paragraphs, so quote offsets can be checked against the source. Nothing here knows an
outlet: the header is read from its shape (a bare site name above the headline, an indented kicker, a date line
with a section label, a name alone on a line). The prose block and the furniture inside it are pagebody.py's;
fields the header leaves empty (outlet, section, an agency byline) are read from the site's furniture by
furniture.py; a dateline ("OSLO — ...") marks where the story starts.
"""

from __future__ import annotations

import re

from ..language import names
from ..parsed import Layout
from . import dates, furniture
from .page_copy_body import (
    BULLET,
    DROP,
    END,
    SENTENCE_END,
    Line,
    densest_block,
    is_answer_line,
    is_body_line,
    is_end_marker,
    is_prose,
)

__all__ = ["parse_text"]

_BYLINE = re.compile(
    r"^(?:by|author:|(?:written|analysis|story|words|column|text|report) by)\s+(?P<who>.+)$", re.IGNORECASE
)
_SITE = furniture.SITE
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][A-Za-z.'’ -]{1,25})?"  # OSLO, NEW YORK, LIMA, Peru
    r"(?:\s*\([^)]{1,30}\))?\s*(?:—|–|--|-)\s+\S"  # (Reuters) —
)
_DATE_LABELS = names.wordset("published posted updated date on last modified")


def parse_text(raw: str) -> Layout:
    """Read the layout of a plain-text page copy; never raises on odd input, returns empty fields instead."""
    lines = [
        Line(number, text.strip(), len(text) - len(text.lstrip()))
        for number, text in enumerate(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    ]
    filled = [line for line in lines if line.text]
    if not filled:
        return Layout(warnings=("no text",))
    first, last = densest_block(filled)
    date_at = _date_line(filled, first)
    header = Header()
    if date_at is not None:
        header.date_line(filled[date_at].text)
        start = _body_start(filled, first, date_at, header)
        top = filled[:date_at]
    else:
        start = first
        if first == 0 and _is_headline(filled[0].text) and (len(filled) > 1 or _is_lone_title(filled[0].text)):
            start = 1  # a lone title keeps the body empty: a page copy with no article is refused, not imported
        top = filled[:start]
    if date_at is None:
        # No date line: a byline just above the body marks where the header ends.
        anchor = next((i for i in range(start - 1, max(-1, start - 5), -1) if _byline(filled[i].text)), start)
        if anchor < start:
            header.author = _byline(filled[anchor].text)
        top = filled[:anchor]
    header.read_top(top, filled[start : last + 1] if start <= last else [])
    body_lines = [line.text for line in filled[start : last + 1] if is_body_line(line.text)]
    header.read_tail(filled, last)
    while body_lines and (
        header.author and body_lines[-1].startswith(header.author) or furniture.is_bio(body_lines[-1])
    ):
        body_lines.pop()  # the author's name or bio under the article
    header.read_furniture(filled, start, last, top, body_lines)
    warnings = []
    if not header.title:
        warnings.append("no title found")
    if header.published is None:
        warnings.append("no publication date found")
    return Layout(
        title=header.title,
        subtitle=header.subtitle,
        outlet=header.outlet,
        section=header.section,
        author=header.author,
        published_at=header.published,
        body="\n\n".join(body_lines),
        warnings=tuple(warnings),
    )


def _date_line(lines: list[Line], first: int) -> int | None:
    """The date line of the header, searched from a dozen lines above the body to a few lines into it (a headline
    and kicker may sit inside the prose block), then further up. A line that is nothing but a date (and a label or
    byline) beats a date inside other words; a "published" date beats an "updated" one."""
    best, best_rank = None, None
    paragraphs = 0
    for index in range(max(0, first - 12), min(len(lines), first + 6)):
        if index > first and _is_paragraph(lines[index - 1].text):
            paragraphs += 1
        if paragraphs >= 2:
            break  # two full paragraphs in, the story has begun: a date further down is in it (a tweet, a timeline)
        rank = _date_rank(lines[index].text, abs(first - index))
        if rank is not None and (best_rank is None or rank > best_rank):
            best, best_rank = index, rank
        if rank is not None and index >= first:
            break
    if best is None:
        for index in range(first - 13, max(-1, first - 60), -1):
            rank = _date_rank(lines[index].text, 0)
            if rank is not None and rank[0]:
                return index
    return best


def _is_paragraph(text: str) -> bool:
    """A line of article prose long enough to be no headline, kicker or date line."""
    return is_prose(text) and len(text.split()) >= 20


def _date_rank(text: str, distance: int) -> tuple[bool, bool, int] | None:
    if len(text.split()) > 20 or is_end_marker(text):
        return None
    found = dates.find_date(text)
    if found is None:
        return None
    rest = (text[: found.start] + " " + text[found.end :]).lower()
    rest = re.sub(r"\b(?:by\s+.*|published|posted|updated|on|at|gmt|utc|[a-z]{3}\b|\d+)", " ", rest)
    pure = len(re.findall(r"[^\W\d_]{3,}", rest)) <= 2
    return pure, "updated" not in text.lower()[: found.start], -distance


def _body_start(lines: list[Line], begin: int, date_at: int, header: Header) -> int:
    """Skip the byline, meta line, standfirst and captions printed between the date line and the body."""
    meta = ""
    index = date_at + 1
    while index < len(lines):
        text = lines[index].text
        if text.startswith("|"):
            meta = text.lstrip("| ")
        elif meta and text[:60] in meta and len(text.split()) > 3:
            header.subtitle = text
            at = meta.find(text[:60])
            label = meta[:at].strip(" |-")
            if label and len(label.split()) <= 5:
                header.section = label
        elif _byline(text):
            header.author = header.author or _byline(text)
        elif BULLET.match(text) or DROP.search(text) or not is_prose(text) and not is_answer_line(text):
            pass
        else:
            return _dateline_after(lines, max(index, begin))
        index += 1
    return begin


def _dateline_after(lines: list[Line], start: int) -> int:
    """A dateline ("OSLO — ...", "LIMA (Reuters) - ...") opens the story: a caption or teaser printed just above
    it, which the copy gives no mark of, is not part of it."""
    if start >= len(lines) or _DATELINE.match(lines[start].text):
        return start
    for index in range(start + 1, min(len(lines), start + 3)):
        if _DATELINE.match(lines[index].text):
            return index
    return start


def _byline(text: str) -> str:
    agency = furniture.agency_byline(text)
    if agency:
        return agency
    match = _BYLINE.match(text)
    if match:
        return _clean_author(match.group("who"))
    if _is_name_line(text):
        return text
    return ""


def _clean_author(text: str) -> str:
    """Names from a byline: "Bill Hoppe | Special to ..." -> "Bill Hoppe"; emails, phones and roles dropped."""
    text = text.split("|")[0]
    kept = " ".join(word for word in text.split() if "@" not in word and not any(ch.isdigit() for ch in word))
    parts = [part.strip(" ,;:-–—") for part in re.split(r",|\band\b|&", kept)]
    people = [part for part in parts if part and _is_name_line(part, lowest=1)]
    if people:
        return ", ".join(people)
    return kept.strip(" ,;:-–—")


_is_outlet_name = furniture.is_outlet_name


def _is_name_line(text: str, lowest: int = 2) -> bool:
    words = text.split()
    if not lowest <= len(words) <= 4 or any(ch.isdigit() for ch in text) or _is_outlet_name(text):
        return False
    runs = names.capital_runs(text)
    return len(runs) == 1 and runs[0][0].start == 0 and runs[0][-1].end == len(text)


def _is_headline(text: str) -> bool:
    return 3 <= len(text.split()) <= 30 and text[-1:] not in ".,;:"


def _is_lone_title(text: str) -> bool:
    """The only line of a copy is its title when it is not prose: short, and no sentence ending (a one-sentence
    article, "Talks resume on Monday.", stays the body)."""
    return not is_prose(text) and text[-1:] not in SENTENCE_END


# --- the header -----------------------------------------------------------------------------------------------------


class Header:
    """Fields read around the body; each is filled once, by the strongest evidence first."""

    def __init__(self) -> None:
        self.title = ""
        self.subtitle = ""
        self.outlet = ""
        self.section = ""
        self.author = ""
        self.published = None

    def date_line(self, text: str) -> None:
        found = dates.find_date(text)
        if found is None:
            return
        self.published = found.value
        label = text[: found.start].strip(" \u00a0|-–—·/:•")
        by = re.match(r"by\s+(.+)", label, re.IGNORECASE)
        if by:
            self.author = _clean_author(by.group(1).rstrip(" -–—|,"))
        elif label and len(label.split()) <= 4 and label.split()[-1].lower().strip(":") not in _DATE_LABELS:
            self.section = label
        rest = text[found.end :].strip(" \u00a0|-–—·/,")
        by = re.match(r"by\s+(.+)", rest, re.IGNORECASE)
        if by:
            self.author = _clean_author(by.group(1))
        elif rest and "/" in rest:
            tail = rest.split("/")[-1].strip()
            if tail and len(tail.split()) <= 4 and tail[:1].isupper():
                self.outlet = tail

    def read_top(self, top: list[Line], body: list[Line]) -> None:
        """Title, kicker, site name, section and byline from the lines above the date (or above the body)."""
        if not top:
            return
        if len(top) <= 6:
            # The copy starts with the article: [site name], [section], headline, [kicker], [byline].
            lines = []
            for line in top:
                if BULLET.match(line.text):
                    continue
                if lines and _is_outlet_name(line.text) and not self.outlet:
                    self.outlet = line.text
                    continue
                if _byline(line.text) and lines:
                    self.author = self.author or _byline(line.text)
                    continue
                lines.append(line.text)
            if len(lines) >= 2 and _is_site_name(lines[0], lines[1]):
                self.outlet = self.outlet or lines[0]
                lines = lines[1:]
            if len(lines) > 1 and not _is_headline(lines[0]):
                self.section = self.section or lines[0]
                lines = lines[1:]
            if lines:
                self.title = _clean_title(lines[0])
            if len(lines) > 1 and not self.subtitle:
                self.subtitle = lines[1]
        else:
            self._title_by_overlap(top[-16:], body)
        self._outlet_from_site_names([self.subtitle, self.title], body)

    def _title_by_overlap(self, block: list[Line], body: list[Line]) -> None:
        """Below navigation: the headline-like line nearest the date that shares words with the lead."""
        lead = set(_content_words(" ".join(line.text for line in body[:3])))
        best, best_score = None, 0.0
        for index, line in enumerate(block):
            text = line.text
            if not _is_headline(text) or BULLET.match(text) or is_end_marker(text) or _byline(text):
                continue
            words = _content_words(text)
            score = len([w for w in words if w in lead]) / (len(words) or 1) + 0.05 * index / len(block)
            if score > best_score:
                best, best_score = index, score
        if best is None or best_score < 0.2:
            return
        self.title = _clean_title(block[best].text)
        label = block[best - 1].text.split(">")[-1].strip() if best > 0 else ""
        if label and not BULLET.match(label) and (len(label.split()) <= 2 or label.isupper()) and not self.section:
            self.section = label
        for line in block[best + 1 :]:
            if _byline(line.text):
                self.author = self.author or _byline(line.text)
            elif is_prose(line.text) and not self.subtitle and not END.match(line.text):
                self.subtitle = line.text

    def _outlet_from_site_names(self, header_texts: list[str], body: list[Line]) -> None:
        """ "Newsline.Co interview with ...", "... for Newsline.Co", "Riverside Chronicle interview with ..."."""
        if self.outlet:
            return
        for text in header_texts:
            match = _SITE.search(text or "")
            if match:
                self.outlet = match.group()
                return
        for text in header_texts:
            match = re.match(r"^(.{3,60}?)\s+(?:interview|exclusive)\b", text or "", re.IGNORECASE) or re.search(
                r"\b(?:for|at|to|with|by|in)\s+(?:the\s+)?([A-Z][^,;:]{2,60})$", text or ""
            )
            if match and _is_outlet_name(match.group(1).strip()):
                self.outlet = match.group(1).strip()
                return
        for line in body[:3]:
            match = re.search(r"\b(?:interview with|told|for|to)\s+(" + _SITE.pattern + ")", line.text)
            if match:
                self.outlet = match.group(1)
                return

    def read_tail(self, lines: list[Line], last: int) -> None:
        """A "Published:" stamp below the body (a copyright line is read with the rest of the furniture)."""
        for line in lines[last + 1 : last + 40]:
            text = line.text
            if self.published is None or text.lower().startswith(("published", "posted")):
                found = dates.find_date(text) if len(text.split()) <= 16 else None
                if found is not None and text.lower().startswith(("published", "posted")):
                    self.published = found.value

    def read_furniture(self, lines: list[Line], start: int, last: int, top: list[Line], body: list[str]) -> None:
        """What the site prints around the article, for the fields the header left empty (furniture.py)."""
        if self.title:
            self.title, suffix = furniture.split_title_suffix(self.title)
            self.outlet = self.outlet or suffix
        kept = set(body)
        around = [line.text for line in lines if line.text not in kept]
        if not self.outlet:
            self.outlet = furniture.outlet(around, self.author)
        if not self.author:
            self.author = furniture.agency_in_body(body)
        above = [line.text for line in top]
        title_at = max((i for i, text in enumerate(above) if self.title and text == self.title), default=len(above))
        # A breadcrumb ending with the headline beats a label guessed from the lines above it.
        self.section = furniture.breadcrumb(above[:title_at], self.title) or self.section
        if not self.section:
            self.section = furniture.tag_line(above[:title_at], [line.text for line in lines[last + 1 : last + 3]])
        if not self.subtitle and _is_deck(body):
            self.subtitle = body[0]


def _is_deck(body: list[str]) -> bool:
    """A first paragraph whose words come back in one of the next few paragraphs is the standfirst (a deck that
    repeats a quote of the story), not the lead."""
    if len(body) < 3:
        return False
    words = set(_content_words(body[0]))
    if len(words) < 6:
        return False
    return any(len(words & set(_content_words(later))) >= 0.7 * len(words) for later in body[1:6])


def _is_site_name(first: str, second: str) -> bool:
    words = first.split()
    if _SITE.fullmatch(first):
        return True
    return (
        1 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and first[-1:] not in SENTENCE_END + ":"
        and len(second.split()) > len(words) + 2
    )


# A source label after a quoted headline: the closing quote, then up to three words to the end of the line.
_LABEL_AFTER_QUOTE = re.compile(r"[\"”]\s+[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,2}$")
_QUOTE_OPENS = re.compile(r":\s*[\"“]")


def _clean_title(text: str) -> str:
    """Drop a source label printed after a quoted headline (``Minister: "..." Daily News``).

    In two linear steps: the label at the end first, then a colon and an opening quote at least ten characters
    before the closing one (one pattern for both tried every colon against every quote: quadratic in a long line).
    """
    label = _LABEL_AFTER_QUOTE.search(text)
    if not label or re.search(r"[.!?,;:]", text[label.start() + 1 :]):
        return text
    headline = text[: label.start() + 1]
    opening = _QUOTE_OPENS.search(headline, 1)
    if opening and len(headline) - opening.end() >= 11:
        return headline
    return text


def _content_words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_]{3,}", text) if w.lower() not in names.NOT_NAMES]
