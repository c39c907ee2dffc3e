"""A Beautiful Soup tree of a page in, its main text out: readability-style scoring of the DOM, no library.

The page is cut into paragraphs (the text between block boundaries), each weighed by its length and link density;
every element sums the weights below it, and we walk down from <body> while one child holds most of the weight.
The element we stop at is the article; its paragraphs, minus link lists and one-line furniture, are the text.
mainbody.py reconciles it with trafilatura; evaluate_bodies also measures it alone.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from functools import cached_property

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

__all__ = [
    "LXML_DEPTH",
    "MAX_DEPTH",
    "ScoredPage",
    "TextBlock",
    "TooDeep",
    "depth",
    "extract",
    "flat_text",
    "keep",
    "weigh",
    "words",
]


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Never article text, whatever their class says.
DROP_TAGS = words(
    "script style noscript template iframe object embed svg canvas math button input select textarea label "
    "nav footer aside figcaption dialog menu head meta link video audio picture source map"
)
BLOCK_TAGS = words(
    "address article aside blockquote body center dd details div dl dt fieldset figure footer h1 h2 h3 h4 h5 h6 "
    "header hgroup hr html li main ol p pre section summary table tbody td tfoot th thead tr ul"
)
# Words in class/id/role values that mark page furniture; matched on whole words of the attribute.
NEGATIVE_WORDS = words(
    "ad ads adv advert advertisement advertising adslot banner breadcrumb breadcrumbs byline caption captions "
    "comment comments commenting community cookie cookies credit credits disqus footer gdpr masthead menu modal "
    "nav navbar navigation newsletter outbrain pagination pager paywall popup promo promos promoted recirc "
    "recommended recommendations related share sharing sharebar shoutbox sidebar signup skip social sponsor "
    "nocontent sponsored subscribe subscription taboola tags toolbar trending widget newsletters rail"
)
NEGATIVE_PREFIXES = ("advert", "comment", "related", "share", "social", "newsletter", "subscri", "sponsor", "promo")
POSITIVE_WORDS = words("article articlebody body content entry main post story text")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
WORD_SPLIT = re.compile(r"[^a-z0-9]+")
SPACES = re.compile(r"[ \t\n\r\f\v\u200b]+")
# One-line page furniture that survives inside article containers.
FURNITURE = re.compile(
    r"^(advertisement|ad|sponsored|story continues below|continue reading|read more|share( this)?( article| story)?"
    r"|click to share.*|sign up.*|subscribe.*|related:?|more:?|print|email|tweet|share on \w+|loading\.*)$",
    re.I,
)
DESCEND_SHARE = 0.8  # walk into a child while it holds this share of its parent's text weight
FURNITURE_SHARE = 0.4  # a block with a furniture class but more of the page's text than this is a layout wrapper
SENTENCE_END = re.compile(r"[.!?…:;\"'”’»)。！？]\s*$")
STOPLESS = 0.5  # weight kept by a paragraph without a final stop: teaser blurbs and labels rarely have one
RETRY_BELOW = 200  # characters; a shorter article is looked for again without class hints
MAX_DEPTH = 400  # browsers cope with deeper pages, but no real article needs it
LXML_DEPTH = 255  # lxml (inside trafilatura) drops what lies deeper than this: such pages are read as flat text
HEADINGS = words("h1 h2 h3 h4 h5 h6")
FLAT_DROP = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
FLAT_BREAK = re.compile(r"<(?:br|/?p|/?div|/?li|/?h[1-6]|/?tr|/?section|/?article|/?blockquote)\b[^>]*>", re.I)
FLAT_TAG = re.compile(r"<[^>]*>")


@dataclass
class TextBlock:
    """Text between two block boundaries of the page, with what scoring needs to know of where it sits."""

    owner: Tag  # nearest block element around the text
    chain: list[Tag]  # the owner and its ancestors up to the root
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    heading: bool = False

    @cached_property
    def text(self) -> str:
        return SPACES.sub(" ", "".join(self.parts)).strip()


@dataclass
class ScoredPage:
    """Every paragraph of the pruned page, and those the scoring kept as the article."""

    paragraphs: list[TextBlock]
    kept: list[TextBlock]

    @property
    def text(self) -> str:
        return "\n\n".join(dedupe(p.text for p in self.kept))


class TooDeep(Exception):
    """The page nests deeper than MAX_DEPTH: layout analysis would be slow, callers take flat text instead."""


def extract(soup: BeautifulSoup) -> ScoredPage:
    """The article of a parsed page (the tree is pruned in place); raises TooDeep on absurdly nested pages."""
    root = soup.body or soup
    prune(root)
    paragraphs = split_paragraphs(root)
    found = choose(root, paragraphs, hints=True)
    if sum(len(p.text) for p in found) < RETRY_BELOW:
        # Class hints can hit a layout wrapper ("penci_sidebar", "widget Blog") that holds the article itself.
        found = choose(root, paragraphs, hints=False)
    return ScoredPage(paragraphs=paragraphs, kept=found)


def choose(root: Tag, paragraphs: list[TextBlock], hints: bool) -> list[TextBlock]:
    if hints:
        paragraphs = drop_furniture(paragraphs)
    if not paragraphs:
        return []
    weights = [weigh(p) for p in paragraphs]
    container = choose_container(root, paragraphs, weights)
    return [p for p in paragraphs if keep(p) and any(tag is container for tag in p.chain)]


def drop_furniture(paragraphs: list[TextBlock]) -> list[TextBlock]:
    """Leave out paragraphs inside blocks whose class or id says furniture, unless the block holds most of the page."""
    chars: dict[int, int] = {}
    for paragraph in paragraphs:
        for tag in paragraph.chain:
            chars[id(tag)] = chars.get(id(tag), 0) + len(paragraph.text)
    total = sum(len(p.text) for p in paragraphs)
    verdicts: dict[int, bool] = {}

    def furniture(tag: Tag) -> bool:
        if id(tag) not in verdicts:
            verdicts[id(tag)] = is_furniture(tag) and chars[id(tag)] <= FURNITURE_SHARE * total
        return verdicts[id(tag)]

    return [p for p in paragraphs if not any(furniture(tag) for tag in p.chain)]


def flat_text(raw: str) -> str:
    """Every line of text of the page, unscored: the last resort when the tree is too broken or deep to score.

    Scripts and styles are cut with a regular expression and tags stripped, so no parser depth limit applies.
    """
    text = FLAT_DROP.sub(" ", raw)
    text = FLAT_BREAK.sub("\n", text)
    text = FLAT_TAG.sub("", text)
    text = html_lib.unescape(text)
    lines = (SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n\n".join(dedupe(line for line in lines if line))


def prune(root: Tag) -> None:
    """Drop what is never text (scripts, navigation, captions, hidden parts); comments of the HTML kind too."""
    for tag in root.find_all(is_never_text):
        if not tag.decomposed:
            tag.decompose()
    for comment in root.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()


def is_never_text(tag: Tag) -> bool:
    if tag.name in DROP_TAGS:
        return True
    if tag.has_attr("hidden") or HIDDEN_STYLE.search(str(tag.get("style", ""))):
        return True
    return tag.get("role") in ("navigation", "complementary", "banner", "contentinfo", "menu")


def is_furniture(tag: Tag) -> bool:
    """Class and id words that mark a block as page furniture (a form counts as one: newsletter boxes)."""
    if tag.name == "form":
        return True
    if tag.name in ("body", "html", "main", "article"):
        return False
    words = hint_words(tag)
    if not words or words & POSITIVE_WORDS:
        return False
    return bool(words & NEGATIVE_WORDS) or any(w.startswith(NEGATIVE_PREFIXES) for w in words)


def hint_words(tag: Tag) -> set[str]:
    classes = tag.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    value = " ".join([*classes, str(tag.get("id", ""))]).lower()
    return {w for w in WORD_SPLIT.split(value) if w}


def depth(root: Tag) -> int:
    """How many elements deep the tree nests below ``root`` (an explicit stack: no recursion limit applies)."""
    deepest = 0
    stack: list[tuple[Tag, int]] = [(root, 0)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in node.contents if isinstance(child, Tag))
    return deepest


def split_paragraphs(root: Tag) -> list[TextBlock]:
    """Cut the tree into runs of inline text; a block tag or <br> ends a run.

    An explicit stack instead of recursion, so a deep page cannot overflow Python's stack; past MAX_DEPTH it raises
    TooDeep, since every paragraph keeps the chain of its ancestors.
    """
    paragraphs: list[TextBlock] = []
    current: TextBlock | None = None
    # Each entry: a node, its owner block, the owner's chain, whether inside a link, its depth.
    stack: list[tuple] = [(child, root, [root], False, 1) for child in reversed(root.contents)]
    while stack:
        node, owner, chain, in_link, level = stack.pop()
        if isinstance(node, Tag):
            if level > MAX_DEPTH:
                raise TooDeep(f"page nests over {MAX_DEPTH} elements deep")
            if node.name in BLOCK_TAGS or node.name == "br":
                current = None  # a block boundary, at its start and (through the owner check) at its end
                if node.name != "br":
                    owner, chain = node, [node, *chain]
            in_link = in_link or node.name == "a"
            stack.extend((child, owner, chain, in_link, level + 1) for child in reversed(node.contents))
            continue
        if type(node) is not NavigableString:
            continue  # comments, CDATA, doctype
        if current is None or current.owner is not owner:
            heading = owner.name in HEADINGS
            current = TextBlock(owner=owner, chain=chain, heading=heading)
            paragraphs.append(current)
        text = str(node)
        current.parts.append(text)
        if in_link:
            current.link_chars += len(text.strip())
    return [p for p in paragraphs if p.text]


def weigh(paragraph: TextBlock) -> float:
    """Long plain text weighs for the article; link-heavy text weighs against."""
    text = paragraph.text
    length = len(text)
    density = paragraph.link_chars / max(1, length)
    if density > 0.5:
        return -length
    if length < 30 or paragraph.heading:
        return 0.0
    # Article paragraphs are long, full sentences; teaser blurbs are short and often lack the final stop.
    bonus = 1.0 + min(0.5, 0.1 * (text.count(",") + text.count(". ")))
    if not SENTENCE_END.search(text):
        bonus *= STOPLESS
    return length * (1 - density) * bonus


def choose_container(root: Tag, paragraphs: list[TextBlock], weights: list[float]) -> Tag:
    """Walk down from the root while one child holds most of the text weight, then stop: that is the article."""
    good: dict[int, float] = {}
    net: dict[int, float] = {}
    for paragraph, weight in zip(paragraphs, weights, strict=True):
        for tag in paragraph.chain:
            net[id(tag)] = net.get(id(tag), 0.0) + weight
            if weight > 0:
                good[id(tag)] = good.get(id(tag), 0.0) + weight
    current = root
    while True:
        children = [child for child in current.children if isinstance(child, Tag) and good.get(id(child), 0) > 0]
        if not children:
            return current
        best = max(children, key=lambda child: good[id(child)])
        if good[id(best)] < DESCEND_SHARE * good[id(current)] and net[id(best)] < net[id(current)]:
            return current
        current = best


def keep(paragraph: TextBlock) -> bool:
    text = paragraph.text
    if paragraph.owner.name == "h1":
        return False  # the headline: it is the title, not the body
    if paragraph.link_chars / max(1, len(text)) > 0.5 and len(text) < 200:
        return False
    return not FURNITURE.match(text)


def dedupe(texts) -> list[str]:
    """Drop a paragraph repeated right after itself (responsive pages print some text twice)."""
    out: list[str] = []
    for text in texts:
        if not out or out[-1] != text:
            out.append(text)
    return out
