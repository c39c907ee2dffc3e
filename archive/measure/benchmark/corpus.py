"""A synthetic corpus of seed-like articles: the seeds with their variable parts cut out and refilled at random.

The documents are the seeds themselves with their variable parts cut out (speaker names, date, title, numbers) and
refilled from a seeded ``random.Random``, so the real parser runs on text of the real layouts. Each document has its
own generator, seeded by its number: any slice of the corpus is the same whatever was generated before it, and
documents are made, parsed and loaded one at a time: memory does not grow with N.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings

from ...ingest import read
from ...ingest.pipeline import parse_document

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"


def words(text: str) -> list[str]:
    """Words written as one string, as long word lists read better; "|" separates phrases when present."""
    return [" ".join(p.split()) for p in text.split("|")] if "|" in text else text.split()


FIRST_NAMES = words("""Adam Aidan Alina Amir Anar Anna Aras Aysel Boris Carla Daniel Dmitri Elena Elnur Emil Farhad
    Farid Galina Gunel Hana Ilya Irina Ivan Jana Kamal Karim Kenan Lara Leila Leyla Luca Marta Milan Nadia Nigar Nina
    Oleg Omar Orkhan Pavel Ramil Rana Rauf Reza Rustam Sabina Samir Sara Selim Sevda Tamara Timur Togrul Tural Vera
    Viktor Yara Yusuf Zara Zaur""")
SURNAME_STARTS = words("Ka Ma Ra Ta Sa Ba Da Ga Ha Na Pa Va Za Ko Mo Ro To So Bo Do Le Me Ne Te")
SURNAME_MIDDLES = words("ri li mi ni si ti vi di ra la ma na za ba ka ga")
SURNAME_ENDS = words("mov yev nov yan ski enko stein berg man ides ashvili oglu")
SURNAMES = 24 * 16 * 12
CELEBRITIES = 20  # people 0-19 are quoted far more often than the rest, as heads of state are
CELEBRITY_SHARE = 0.1

COUNTRIES = words("""Azerbaijan Israel Georgia Turkey Kazakhstan Uzbekistan Ukraine Poland Italy France Germany Greece
    Egypt Jordan Morocco India Japan Korea Canada Brazil Mexico Chile Norway Sweden Finland Spain Portugal Romania
    Hungary Serbia""")
HEADLINES = (
    "{c1} and {c2} {verb} {noun}",
    "{name}: {c1} {verb} {noun} with {c2}",
    "{c1}-{c2} {noun} {adverb} {grew}",
    "Experts: {c1} to {verb} {noun} in {year}",
    "{name} says {c1} {verb} {noun} after talks in {c2}",
)
VERBS = words("expand deepen review discuss strengthen sign renew launch boost plan")
NOUNS = words("""energy cooperation|trade ties|defence contracts|health programmes|tourism links|water projects
    |transport routes|technology exchange|reconstruction plans|security dialogue|investment deals|agricultural trade""")
ADVERBS = words("quietly rapidly steadily rarely openly")
GROWN = words("grows deepens widens stalls flourishes")
FILLERS = (
    "Officials in {c1} said the talks on {noun} would continue next month.",
    "The two governments signed {n} documents on {noun} last year.",
    "Analysts in {c2} expect {noun} to grow by {n} per cent.",
    "A delegation from {c1} visited {c2} in {month} to discuss {noun}.",
    "Trade turnover between {c1} and {c2} reached {n} million dollars.",
    "Experts note that {noun} has become a priority for both sides.",
)
MONTHS = words("January February March April May June July August September October November December")
EXTRA_QUOTE = "“{c1} and {c2} will keep working on {noun}, and we expect results within {n} months,” {name} said."

# Page dates the seeds print; a seed's date is refilled in the same shape. The %-less ones avoid zero padding.
DATE_SHAPES: tuple[Callable[[datetime], str], ...] = (
    lambda d: f"{d:%d %B %Y - %H:%M}",
    lambda d: f"{d.month}/{d.day}/{d.year}, {d.hour % 12 or 12}:{d:%M:%S} {d:%p}",
    lambda d: f"{d:%B} {d.day}, {d.year}",
    lambda d: f"{d:%Y-%m-%d %H:%M}",
    lambda d: f"{d:%d.%m.%Y}",
)
FIRST_DATE = datetime(2015, 1, 1, tzinfo=UTC)
DATE_SPAN_MINUTES = 10 * 365 * 24 * 60

QUOTE_MARKS = '"“”‘’«»„'
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Slot:
    """A variable part of a template: what to put there is drawn per document."""

    kind: str  # speaker | title | date | number | filler | extra_quote
    arg: object = None  # speaker: (index, "{first} {last}"-style pattern); date: shape index; number: the digits


@dataclass(frozen=True)
class Template:
    stem: str
    suffix: str
    parts: tuple[str | Slot, ...]
    speakers: int


def person(index: int) -> tuple[str, str]:
    """First and last name of synthetic person number index (distinct up to 276,480 people).

    The surname number is scrambled so that neighbouring people (the celebrities 0-19, say) share no syllable;
    the first name shifts with each round of surnames, so index -> name stays one-to-one.
    """
    rounds, surname = divmod(index, SURNAMES)
    first = FIRST_NAMES[(rounds * (SURNAMES + 1) + surname) % len(FIRST_NAMES)]
    n = surname * 1553 % SURNAMES  # 1553 is prime to 4608: a permutation
    return first, SURNAME_STARTS[n % 24] + SURNAME_MIDDLES[n // 24 % 16] + SURNAME_ENDS[n // 384]


def name_pattern(form: str, full: str) -> str:
    """A printed form of a name as a pattern over the person's first and last name ("Prof. Gut" -> "Prof. {last}")."""
    first, last = full.split()[0], full.split()[-1]
    tokens = form.split()
    out = []
    for pos, token in enumerate(tokens):
        if pos == len(tokens) - 1:
            out.append("{last}")  # the last word of a form is the surname, however it is spelt
        elif token == first or (pos == 0 and token != last and not token.endswith(".")):
            out.append("{first}")
        else:
            out.append(token.replace("{", "{{").replace("}", "}}"))
    return " ".join(out)


def body_region(raw: str, body: str) -> tuple[int, int] | None:
    """Where the parsed body lies in the raw text, from its first line to its last, when both are found."""
    lines = [line.strip() for line in body.strip().splitlines() if line.strip()]
    if not lines:
        return None
    start = raw.find(lines[0][:80])
    end = raw.find(lines[-1][-80:], max(start, 0))
    if start < 0 or end < 0:
        return None
    return start, end + len(lines[-1][-80:])


def build_template(path: Path) -> Template:
    """Cut a seed into literal text and slots, using what the real parser finds in it."""

    data = path.read_bytes()
    parsed = parse_document(data, path.name)
    raw = read.decode(data)
    events: list[tuple[int, int, Slot]] = []
    if parsed.title and raw.find(parsed.title) >= 0:
        events += [(m.start(), m.end(), Slot("title")) for m in re.finditer(re.escape(parsed.title), raw)]
    if parsed.published_at is not None:
        for number, shape in enumerate(DATE_SHAPES):
            pos = raw.find(shape(parsed.published_at))
            if pos >= 0:
                events.append((pos, pos + len(shape(parsed.published_at)), Slot("date", number)))
                break
    forms: dict[str, Slot] = {}
    for index, speaker in enumerate(parsed.speakers):
        for form in (speaker.name, *speaker.variants):
            forms.setdefault(form, Slot("speaker", (index, name_pattern(form, speaker.name))))
    if forms:
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        events += [
            (m.start(), m.end(), forms[m.group()]) for m in re.finditer(rf"(?<!\w)(?:{alternatives})(?!\w)", raw)
        ]
    region = body_region(raw, parsed.body)
    if region:
        start, end = region
        for m in NUMBER.finditer(raw, start, end):
            if not YEAR.fullmatch(m.group()):
                events.append((m.start(), m.end(), Slot("number", m.group())))
        for m in re.finditer(r"\n", raw[start:end]):
            line = raw[raw.rfind("\n", 0, start + m.start()) + 1 : start + m.start()]
            # Only narrative paragraphs grow a sentence: a quote's own line keeps its marks balanced.
            if len(line.strip()) > 60 and not any(mark in line for mark in QUOTE_MARKS):
                events.append((start + m.start(), start + m.start(), Slot("filler")))
        indent = re.match(r"[ \t]*", raw[raw.rfind("\n", 0, end) + 1 :]).group()
        separator = "\n\n" if "\n\n" in raw[start:end] else "\n"
        events.append((end, end, Slot("extra_quote", separator + indent)))
    parts: list[str | Slot] = []
    pos = 0
    # Earlier first; at one place the longer span wins; whatever overlaps a kept span is dropped.
    for begin, finish, slot in sorted(events, key=lambda e: (e[0], -(e[1] - e[0]))):
        if begin < pos:
            continue
        parts += [raw[pos:begin], slot]
        pos = finish
    parts.append(raw[pos:])
    suffix = "".join(path.suffixes) or ".txt"
    return Template(path.name.removesuffix(suffix), suffix, tuple(parts), len(parsed.speakers))


def build_templates(seeds_dir: Path = SEEDS_DIR) -> list[Template]:
    return [build_template(path) for path in sorted(seeds_dir.iterdir()) if read.is_supported(path)]


class Corpus:
    """N synthetic documents; document i is the same whatever was generated before it."""

    def __init__(self, templates: list[Template], size: int, seed: int = 1) -> None:
        self.templates, self.size, self.seed = templates, size, seed
        self.pool = max(100, size // 2)  # so that an ordinary speaker is quoted in a few articles
        # Dates are a permutation of evenly spread minutes: spread over ten years, never equal, in no order.
        self.step = max(1, DATE_SPAN_MINUTES // max(size, 1))
        self.stride = next(p for p in (7919, 104729, 1299709) if math.gcd(p, max(size, 1)) == 1)

    def documents(self, start: int = 0, stop: int | None = None) -> Iterator[tuple[str, bytes]]:
        for number in range(start, self.size if stop is None else stop):
            yield self.document(number)

    def document(self, number: int) -> tuple[str, bytes]:
        rng = random.Random(f"{self.seed}:{number}")
        template = self.templates[rng.randrange(len(self.templates))]
        people = self.people(rng, template.speakers + 1)
        slot = (number * self.stride) % self.size
        published = FIRST_DATE + timedelta(minutes=slot * self.step + rng.randrange(self.step))
        c1, c2 = rng.sample(COUNTRIES, 2)
        words = {
            "c1": c1,
            "c2": c2,
            "year": published.year + 1,
            "month": rng.choice(MONTHS),
        }
        out = []
        for part in template.parts:
            if isinstance(part, str):
                out.append(part)
            elif part.kind == "speaker":
                index, pattern = part.arg
                first, last = people[index]
                out.append(pattern.format(first=first, last=last))
            elif part.kind == "title":
                out.append(self.fill(rng, rng.choice(HEADLINES), words, people[0]))
            elif part.kind == "date":
                out.append(DATE_SHAPES[part.arg](published))
            elif part.kind == "number":
                out.append(self.number(rng, part.arg))
            elif part.kind == "filler" and rng.random() < 0.4:
                out.append(" " + self.fill(rng, rng.choice(FILLERS), words, people[0]))
            elif part.kind == "extra_quote" and rng.random() < 0.5:
                speaker = people[rng.randrange(len(people))]
                out.append(part.arg + self.fill(rng, EXTRA_QUOTE, words, speaker))
        return f"{number:06d}_{template.stem}{template.suffix}", "".join(out).encode()

    def people(self, rng: random.Random, count: int) -> list[tuple[str, str]]:
        """Distinct people with surnames unlike each other: the parser folds close spellings into one person."""
        chosen: list[tuple[str, str]] = []
        while len(chosen) < count:
            if rng.random() < CELEBRITY_SHARE:
                # Zipf-like: the first celebrity is quoted about twice as often as the second, and so on.
                index = min(int(rng.paretovariate(1.0)) - 1, CELEBRITIES - 1)
            else:
                index = CELEBRITIES + rng.randrange(self.pool)
            first, last = person(index)
            if all(last[:2] != other[:2] and last[-3:] != other[-3:] for _, other in chosen):
                chosen.append((first, last))
        return chosen

    @staticmethod
    def fill(rng: random.Random, pattern: str, words: dict, speaker: tuple[str, str]) -> str:
        return pattern.format(
            **words,
            name=" ".join(speaker) if "{name}:" not in pattern else speaker[1],
            verb=rng.choice(VERBS),
            noun=rng.choice(NOUNS),
            adverb=rng.choice(ADVERBS),
            grew=rng.choice(GROWN),
            n=rng.randrange(2, 90),
        )

    @staticmethod
    def number(rng: random.Random, digits: str) -> str:
        """Same shape, other digits: "$334.1 million" stays a sum of money, "2,600 years" a length of time."""
        out = [str(rng.randrange(10)) if ch.isdigit() else ch for ch in digits]
        if digits[0] != "0":
            out[0] = str(rng.randrange(1, 10))  # no leading zero where the original had none
        return "".join(out)
