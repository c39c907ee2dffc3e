"""No input stalls the ingest: the cost of every hostile shape found grows about linearly with its size.

Ratios between sizes, not wall-clock limits: linear growth is 10x for 10x the input, a quadratic step 100x and a
backtracking pattern 1,000x or more. Each cost is the fastest of a few runs, so that other load on the machine
does not decide the outcome. The patterns are checked on their own (small inputs: the old ones would take hours
at 100 KB) and whole documents at 10 KB, 100 KB and 1 MB.
"""

from __future__ import annotations

import random
import string
import sys
import time

import pytest

from archive.ingest import parse_document
from archive.ingest.layout import furniture, page_copy, page_copy_body

LINEAR = 30  # the most a 10x larger input may cost, as a multiple (10x is linear; 100x is quadratic)


def cost(function, argument, batches: int = 3) -> float:
    """Seconds per call: the best of a few batches, each at least 20 ms long."""
    best = float("inf")
    for _ in range(batches):
        calls, started = 0, time.perf_counter()
        while True:
            function(argument)
            calls += 1
            elapsed = time.perf_counter() - started
            if elapsed > 0.02:
                break
        best = min(best, elapsed / calls)
    return best


def growth(function, make, small: int, batches: int = 3) -> float:
    return cost(function, make(small * 10), batches) / cost(function, make(small), batches)


# The patterns: each on the shape that made the old one backtrack.

PATTERNS = {
    "photo credit after a slash": (page_copy_body.DROP.search, lambda n: "Photo / " + "A." * (n // 2) + ":"),
    "agency byline and a place": (furniture.agency_byline, lambda n: "AFP, " + "A-" * (n // 2) + "!"),
    "copyright year and owner": (furniture._YEAR_RIGHTS.match, lambda n: "2021 " + " " * n + "x"),
    "company suffix": (furniture._LEGAL.sub.__self__.search, lambda n: "A" + " " * n + "!"),
    "title and site suffix": (furniture.split_title_suffix, lambda n: "Harbour strike ends" + " " * n + ":"),
    "domain name": (furniture.SITE.search, lambda n: "(" + "A-" * (n // 2)),
    "source label after a quoted headline": (page_copy._clean_title, lambda n: 'He: "a" ' * (n // 8) + "Daily"),
}


@pytest.mark.parametrize("name", PATTERNS)
def test_each_pattern_costs_about_linear_time_on_its_worst_shape(name):
    function, make = PATTERNS[name]
    assert growth(function, make, 300) < LINEAR


# Whole documents


def person(n: int) -> str:
    rng = random.Random(n)
    return " ".join("".join(rng.choice(string.ascii_lowercase) for _ in range(7)).capitalize() for _ in range(2))


def head(body: str) -> str:
    return "Harbour strike ends\n\nBy Jo Reed\n\nMarch 1, 2024\n\n" + body + "\n"


def repeated(unit: str, size: int) -> str:
    return unit * (size // len(unit))


def people(line, size: int) -> str:
    out, n = [], 0
    while sum(map(len, out)) < size:
        out.append(line(n))
        n += 1
    return "".join(out)


DOCUMENTS = {
    "a line of capitals after a photo credit": lambda n: head("The strike ended.\n\nPhoto / " + "A" * n + "!"),
    "a line of capitals after an agency byline": lambda n: head("AFP, " + "A" * n + "!\n\n“We are back,” said Jo."),
    "capitalised words after a photo credit": lambda n: head("Photo / " + repeated("AB ", n) + "!"),
    "one paragraph of short quotes": lambda n: head(repeated("“Yes, we will,” he said. ", n)),
    "one sentence of short quotes": lambda n: head(repeated("He said: “a” ", n)),
    "one paragraph of many people": lambda n: head(people(lambda i: f"{person(i)} said “no.” ", n)),
    "thousands of people quoted": lambda n: head(people(lambda i: f"“We need ships {i},” said {person(i)}.\n\n", n)),
}
CHEAP = {"a line of capitals after a photo credit", "a line of capitals after an agency byline"}


CACHES = [
    value
    for module in list(sys.modules.values())
    if module and module.__name__.startswith("archive.ingest")
    for value in vars(module).values()
    if callable(getattr(value, "cache_clear", None))
]


def parse(text: str) -> None:
    # Every parse from empty caches: the ingest caches what it reads of a body, and a second parse of the same
    # body would measure the caches (which hold all of a small document and little of a large one).
    for cached in CACHES:
        cached.cache_clear()
    parse_document(text.encode(), "hostile.txt")


@pytest.mark.parametrize("name", DOCUMENTS)
def test_parsing_a_hostile_document_costs_about_linear_time_from_10_kb_to_100_kb(name):
    assert growth(parse, DOCUMENTS[name], 10_000, batches=2) < LINEAR


@pytest.mark.parametrize("name", sorted(CHEAP))
def test_and_from_100_kb_to_1_mb(name):
    assert growth(parse, DOCUMENTS[name], 100_000, batches=2) < LINEAR
