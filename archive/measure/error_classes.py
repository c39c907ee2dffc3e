"""Misses of one scored article in, their classes out; and two ``--json`` runs in, what changed between them out.

Every miss that extraction.py records gets one class, so that a change to the extraction shows which kind of
error it fixed and which it broke:

wrong speaker (a found required quote given to someone else), by the attribution that named the speaker
    ``pronoun`` ("he said"), ``role`` ("the minister said"), ``carried over`` (no cue: the quote went to the
    person before), ``name in quote`` (the name we chose is printed inside the quote), ``name boundary`` (our
    name holds the gold name plus other words, or only part of a longer gold name), ``other name`` (a cue
    naming somebody else).
missed quote (a required gold quote not found), by how it is printed
    ``not in body`` (the body extraction lost it), ``two apostrophes`` (''...''), ``colon or saying`` (introduced
    by ":" or "saying"), ``short fragment`` (four words or fewer), ``speaker elsewhere`` (no form of the speaker's
    name in the quote's paragraph), ``other``.
extra speaker / missed speaker
    ``glued words`` (a gold name with words before it), ``split`` (another form of a gold speaker already
    matched), ``not a gold person`` (one word: "People", "Apple"), ``other``; a missed speaker is ``quotes
    missed`` when none of their required quotes was found, else ``quotes given to others``.
"""

from __future__ import annotations

from collections import Counter

from ..ingest.language import names

PRONOUNS = names.wordset("he she him her his they it i we")
DETERMINERS = names.wordset("the a an this that his her its their")


def wrong_speaker(predicted: str | None, attribution: str, quote_text: str, forms: set[str]) -> str:
    words = _keys(predicted or "")
    gold_words = [w.split() for w in forms]
    if words and any(_inside(g, words) or _inside(words, g) for g in gold_words if g):
        return "name boundary"
    if predicted and names.key(predicted) and names.key(predicted) in names.key(quote_text):
        return "name in quote"
    cue = attribution.lower().split()
    if not cue:
        return "carried over"
    if cue[-1] in PRONOUNS or (len(cue) <= 4 and cue[0] == "the" and "year-old" in cue[-1]):
        return "pronoun"
    if cue[0] in DETERMINERS:
        return "role"
    return "other name"


def missed_quote(gold_quote: dict, body: str, forms: set[str]) -> str:
    text = gold_quote["text"]
    at = body.find(text)
    if at < 0:
        return "not in body"
    before = body[max(0, at - 40) : at]
    if before.endswith("''") or body[at + len(text) : at + len(text) + 3].lstrip(",").startswith("''"):
        return "two apostrophes"
    lead = before.rstrip(" \"“'‘")
    if lead.endswith(":") or lead.lower().endswith(("saying", "saying,")):
        return "colon or saying"
    if len(text.split()) <= 4:
        return "short fragment"
    start = body.rfind("\n", 0, at) + 1
    end = body.find("\n", at + len(text))
    outside = names.key(body[start:at] + " " + body[at + len(text) : end if end >= 0 else len(body)])
    if not any(_inside(form.split(), outside.split()) for form in forms if form):
        return "speaker elsewhere"
    return "other"


def extra_speaker(name: str, all_forms: dict[str, set[str]], matched: set[str]) -> str:
    words = _keys(name)
    for gold, forms in all_forms.items():
        for form in forms:
            form_words = form.split()
            if form_words and len(words) > len(form_words) and words[-len(form_words) :] == form_words:
                return "glued words"
            if gold in matched and form_words and _inside(words, form_words):
                return "split"
    return "not a gold person" if len(words) <= 1 else "other"


def missed_speaker(found_any: bool) -> str:
    return "quotes given to others" if found_any else "quotes missed"


def _keys(name: str) -> list[str]:
    return names.key(name).split()


def _inside(part: list[str], whole: list[str]) -> bool:
    """``part`` is a strict, contiguous run of ``whole``."""
    if not part or len(part) >= len(whole):
        return False
    return any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))


# --- reports ---------------------------------------------------------------------------------------------------------

KINDS = ("wrong speaker", "missed quote", "extra quote", "extra speaker", "missed speaker")


def class_counts(files: list[dict]) -> Counter:
    """(kind, class) -> count, from the ``classified`` lists of per-file scores (as_json dicts)."""
    counts: Counter = Counter()
    for score in files:
        for kind, name, _ in score.get("classified", []):
            counts[kind, name] += 1
    return counts


def class_report(files: list[dict]) -> list[str]:
    counts = class_counts(files)
    lines = ["Errors by class:"]
    for kind in KINDS:
        mine = sorted(((n, c) for (k, n), c in counts.items() if k == kind), key=lambda pair: (-pair[1], pair[0]))
        if mine:
            total = sum(c for _, c in mine)
            lines.append(f"  {kind} ({total}): " + ", ".join(f"{name} {count}" for name, count in mine))
    return lines


SUMMARY = ("quote_precision", "quote_recall", "quote_f1", "attribution", "attribution_required", "speaker_f1")


def compare(before: dict, after: dict) -> list[str]:
    """What changed from run ``before`` to run ``after`` (two ``--json`` outputs): totals, classes, and each miss
    that went away (fixed) or appeared (broke), per file."""
    lines = ["Totals (before -> after):"]
    for name in SUMMARY:
        a, b = before["total"].get(name), after["total"].get(name)
        if a is not None and b is not None:
            lines.append(f"  {name:<22} {a:.3f} -> {b:.3f} ({b - a:+.3f})")
    old, new = class_counts(before["files"]), class_counts(after["files"])
    lines.append("Errors by class (before -> after):")
    for key in sorted(set(old) | set(new)):
        if old[key] != new[key]:
            lines.append(f"  {key[0]} / {key[1]}: {old[key]} -> {new[key]} ({new[key] - old[key]:+d})")
    first = {score["file"]: score for score in before["files"]}
    fixed = broke = 0
    for score in after["files"]:
        earlier = first.get(score["file"], {"classified": []})
        was = Counter(tuple(entry) for entry in earlier.get("classified", []))
        now = Counter(tuple(entry) for entry in score.get("classified", []))
        gone, came = was - now, now - was
        if not gone and not came:
            continue
        lines.append(score["file"])
        lines.extend(f"  fixed  [{k}/{c}] {line}" for k, c, line in sorted(gone.elements()))
        lines.extend(f"  broke  [{k}/{c}] {line}" for k, c, line in sorted(came.elements()))
        fixed, broke = fixed + sum(gone.values()), broke + sum(came.values())
    lines.append(f"{fixed} misses fixed, {broke} new misses")
    return lines
