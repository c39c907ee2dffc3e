"""A capitalised word before a full name in, whether the news uses it as a role out ("Actor Clint Howard",
"Assemblywoman Ana Silva", "Billionaire Ola Fenwick").

names.py cuts a word before a full name when the article itself prints that word in lower case; many articles never
do ("Comedian X" with no "comedian" anywhere else). The table (role_words.tsv beside this module) is learnt from
gold-annotated articles, not written by hand: a capitalised word printed right before the full name of a gold
speaker, which the articles also print in lower case, is a role word; the offices, honorifics, party words and
given names names.py knows already are left out. Rebuild it with ``manage.py build_role_words --gold DIR`` (the
PolNeAR train split).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

__all__ = ["TABLE", "is_role_word", "learn", "write"]

TABLE = Path(__file__).with_name("role_words.tsv")
MIN_ARTICLES = 1  # articles where the word stands before a gold speaker's full name
MIN_LOWER = 2  # lower-case uses over all the articles: a common noun, not a name


@functools.cache
def _table() -> frozenset[str]:
    if not TABLE.exists():
        return frozenset()
    return frozenset(line.split("\t")[0] for line in TABLE.read_text(encoding="utf-8").splitlines() if line.strip())


def is_role_word(word: str) -> bool:
    """``word`` in lower case is in the learnt table."""
    return word in _table()


_WORD_BEFORE = r"(?<![\w.’'-])([A-Z][a-z]+(?:-[A-Za-z]+)*)[ \u00a0]"
_SMALL = frozenset(("a", "an", "the", "of", "to", "in", "on", "for", "and", "at", "by", "with", "from", "as", "or"))


def _in_headline(text: str, at: int) -> bool:
    """The line is Title Case ("Hillary Clinton Slams Donald Trump"): there a verb is capitalised too."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    words = re.findall(r"[A-Za-z][\w’'-]*", text[start : end if end >= 0 else len(text)])
    capitals = sum(1 for word in words if word[0].isupper() or word.lower() in _SMALL)
    return len(words) >= 4 and capitals >= 0.8 * len(words)


def learn(documents: Iterable[tuple[str, dict]]) -> dict[str, int]:
    """Word (lower case) -> number of articles where it stands before a gold speaker's full name (outside Title
    Case headlines, and not before an initial: "Judge Emmet G. Sullivan"), for words that names.py does not know
    already, that the articles never print capitalised without a name after them ("Hassan said", "Staff
    members"), and that open no gold speaker's name unless the articles also print them in lower case."""
    from . import given_names, names, word_use  # names reads this table: imported here, not at the top

    known = names.HONORIFICS | names.OFFICES | names.ORG_WORDS | names.NOT_NAMES | word_use.AFFILIATIONS
    articles: Counter[str] = Counter()
    first_words: set[str] = set()
    texts = []
    for text, gold in documents:
        texts.append(text)
        seen = set()
        for speaker in gold.get("speakers", []):
            full = speaker.get("name", "")
            if len(full.split()) < 2:
                continue
            first_words.add(full.split()[0].lower())
            if len(full.split()[0].rstrip(".")) == 1:
                continue  # "Emmet G. Sullivan": a word before an initial is a given name
            for match in re.finditer(_WORD_BEFORE + re.escape(full) + r"\b", text):
                word = match.group(1).lower()
                if word in known or len(word) < 3 or given_names.pronoun_of(f"{word} X"):
                    continue
                if not _in_headline(text, match.start()):
                    seen.add(word)
        articles.update(seen)
    if not articles:
        return {}
    alternatives = "|".join(map(re.escape, sorted(articles)))
    lower_re = re.compile(r"(?<![\w-])(" + alternatives + r")(?![\w-])")
    capitalised = "|".join(re.escape(word[:1].upper() + word[1:]) for word in sorted(articles))
    alone_re = re.compile(r"(?<![\w-])(" + capitalised + r")(?![\w-])(?![ \u00a0][A-Z])")
    lower: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    for text in texts:
        lower.update(lower_re.findall(text))
        alone.update(word.lower() for word in alone_re.findall(text))
    return {
        word: count
        for word, count in sorted(articles.items())
        if count >= MIN_ARTICLES and not alone[word] and (word not in first_words or lower[word] >= MIN_LOWER)
    }


def write(table: dict[str, int], path: Path = TABLE) -> None:
    path.write_text("".join(f"{word}\t{count}\n" for word, count in sorted(table.items())), encoding="utf-8")
