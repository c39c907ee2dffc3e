"""A page's HTML and its Beautiful Soup tree in, the article's main text out, as paragraphs.

trafilatura is the main engine: it leads the Python libraries in the published results of the article extraction
benchmark, is maintained, and beat our own scorer in our runs (evaluate_bodies: F1 0.969 in its favor_precision mode
with tables, against 0.955). Our scorer (html_scorer.py) still reads the same page, and the two are reconciled:
- trafilatura finds nothing: our text is taken;
- our article sits inside trafilatura's and is not a mere scrap of it: trafilatura's short paragraphs that ours does
  not have are dropped. When two unrelated engines agree on the article, a line only one of them kept is mostly
  furniture ("Read more: ...", related links, newsletter boxes, the headline again); a long paragraph is more often
  text our scorer missed;
- trafilatura's article sits inside ours and is much shorter: trafilatura often stops at the first block of an
  article cut into several (Wired's "chunks"), so paragraphs built like those it kept (same tags and classes around
  them) are added back.
evaluate_bodies measures each engine and the reconciled text on the same pages.
"""

from __future__ import annotations

import logging
from collections import Counter

import trafilatura
from bs4 import BeautifulSoup
from lxml import etree

from ..language.shingles import shingles, tokens
from . import html_scorer

__all__ = ["dedupe_rows", "main_paragraphs", "reconcile", "render"]

AGREE = 0.9  # share of one engine's shingles found in the other's for "inside"
KEEP = 0.5  # share of a paragraph's shingles the other engine must have
LONG = 40  # words; a paragraph this long is article text our scorer missed more often than furniture
SUBSTANTIAL = 0.3  # our text must be this share of trafilatura's before it may prune trafilatura's lines
LONGER = 1.3  # our text must be this much longer than trafilatura's before it is extended
TEMPLATE_SHARE = 0.25  # a paragraph template must carry this share of trafilatura's words to be extended
SIGNATURE_DEPTH = 3  # the owner and two ancestors: tag and classes

# trafilatura's output tree: these hold paragraphs; everything else is inline.
TRAF_BLOCKS = html_scorer.words("p head quote list item table row code div")

# trafilatura logs an ERROR for every page it cannot use (empty, not HTML, too short); we report those ourselves.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def trafilatura_paragraphs(raw: str, *, precision: bool = True, tables: bool = True) -> list[str]:
    """trafilatura's main text as paragraphs; [] when it finds none."""
    document = trafilatura.bare_extraction(
        raw, include_comments=False, include_tables=tables, favor_precision=precision, with_metadata=False
    )
    if document is None or document.body is None:
        return []
    out: list[str] = []
    render(document.body, out)
    return dedupe_rows(out)


def render(element: etree._Element, out: list[str]) -> None:
    """Blocks become paragraphs, a table row one line of its cells, a line break ends a paragraph."""
    buffer: list[str] = []

    def flush() -> None:
        text = fold("".join(buffer))
        if text:
            out.append(text)
        buffer.clear()

    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        block = node.tag in TRAF_BLOCKS or node.tag == "lb"
        if event == "start":
            if block:
                flush()
            if node.tag == "row":
                cells = (fold("".join(cell.itertext())) for cell in node)
                out.append(" ".join(cell for cell in cells if cell))
                walker.skip_subtree()
                continue
            buffer.append(node.text or "")
        else:
            if block:
                flush()
            if node is not element:
                buffer.append(node.tail or "")
    flush()


def fold(text: str) -> str:
    return " ".join(text.split())


def dedupe_rows(paragraphs: list[str]) -> list[str]:
    """trafilatura repeats a table's head row when the page marks it up twice (thead and a first row)."""
    return [p for i, p in enumerate(paragraphs) if i == 0 or p != paragraphs[i - 1]]


def main_paragraphs(raw: str, soup: BeautifulSoup) -> tuple[list[str], list[str]]:
    """The article's paragraphs and warnings. The soup is pruned in place, so read metadata from it first."""
    warnings: list[str] = []
    nesting = html_scorer.depth(soup)  # measured once, on the tree Beautiful Soup built (it keeps deep text)
    if nesting > html_scorer.LXML_DEPTH:
        # trafilatura parses with lxml, which drops what lies over 256 elements deep, and our scorer gives up past
        # MAX_DEPTH: a page this deep is read as flat text rather than lose its article.
        warnings.append(f"page nests {nesting} elements deep; layout analysis skipped")
        return html_scorer.flat_text(raw).split("\n\n"), warnings
    try:
        theirs = trafilatura_paragraphs(raw)
    except Exception as exc:  # a library bug on one odd page must not stop an import
        warnings.append(f"trafilatura failed ({type(exc).__name__}); our own extraction used")
        theirs = []
    try:
        ours = html_scorer.extract(soup)
    except html_scorer.TooDeep as exc:
        warnings.append(f"{exc}; layout analysis skipped")
        return theirs or html_scorer.flat_text(raw).split("\n\n"), warnings
    if not theirs:
        return [p.text for p in ours.kept], warnings
    return reconcile(theirs, ours), warnings


def reconcile(theirs: list[str], ours: html_scorer.ScoredPage) -> list[str]:
    their_shingles = shingles("\n".join(theirs))
    our_shingles = shingles("\n".join(p.text for p in ours.kept))
    if not our_shingles:
        return theirs
    common = sum((their_shingles & our_shingles).values())
    # A scrap of ours (one paragraph of a long article) says nothing about which of trafilatura's lines are furniture.
    substantial = sum(our_shingles.values()) >= SUBSTANTIAL * sum(their_shingles.values())
    if substantial and common >= AGREE * sum(our_shingles.values()):
        our_words = " " + " ".join(tokens(" ".join(p.text for p in ours.kept))) + " "
        return [p for p in theirs if len(tokens(p)) >= LONG or present(p, our_shingles, our_words)]
    if common >= AGREE * sum(their_shingles.values()) and sum(our_shingles.values()) >= LONGER * sum(
        their_shingles.values()
    ):
        return extend(theirs, their_shingles, ours)
    return theirs


def present(paragraph: str, other: Counter, other_words: str) -> bool:
    """Whether the other text has this paragraph: most of its shingles, or its words in a row if it is that short."""
    words = tokens(paragraph)
    if not words:
        return True
    if len(words) < 4:
        return " " + " ".join(words) + " " in other_words
    grams = [tuple(words[i : i + 4]) for i in range(len(words) - 3)]
    return sum(gram in other for gram in grams) >= KEEP * len(grams)


def extend(theirs: list[str], their_shingles: Counter, ours: html_scorer.ScoredPage) -> list[str]:
    """Add the page's paragraphs built like the ones trafilatura kept; where they go depends on where they sit."""
    paragraphs = ours.paragraphs
    matched = [len(tokens(p.text)) >= 4 and present(p.text, their_shingles, "") for p in paragraphs]
    words: Counter = Counter()
    for paragraph, hit in zip(paragraphs, matched, strict=True):
        if hit and html_scorer.weigh(paragraph) > 0:
            words[signature(paragraph)] += len(tokens(paragraph.text))
    if not words:
        return theirs
    # One template only, the one holding most of trafilatura's words: a teaser box repeating the lead matches too.
    template, count = words.most_common(1)[0]
    if count < TEMPLATE_SHARE * len(tokens(" ".join(theirs))):
        return theirs
    added = [
        i
        for i, paragraph in enumerate(paragraphs)
        if not matched[i]
        and signature(paragraph) == template
        and html_scorer.weigh(paragraph) > 0
        and html_scorer.keep(paragraph)
    ]
    if not added:
        return theirs
    hits = [i for i, hit in enumerate(matched) if hit]
    extra = [paragraphs[i].text for i in added]
    if added[0] > hits[-1]:
        return theirs + extra
    if added[-1] < hits[0]:
        return extra + theirs
    chosen = set(added)
    return [p.text for i, p in enumerate(paragraphs) if matched[i] or i in chosen]


def signature(paragraph: html_scorer.TextBlock) -> tuple:
    return tuple((tag.name, tuple(sorted(tag.get("class") or ()))) for tag in paragraph.chain[:SIGNATURE_DEPTH])
