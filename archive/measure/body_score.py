"""Predicted and true article bodies in, benchmark scores out: shingle precision, recall, F1 and exact accuracy.

This follows the method of the article extraction benchmark (scrapinghub/article-extraction-benchmark) as its
README describes it, so our numbers compare with the published ones:

- both texts are split into ``\\w+`` tokens and turned into multisets of 4-token shingles (a text of fewer than four
  tokens is one shorter shingle, so a two-word body still counts);
- per page, TP/FP/FN are the shingle-count overlaps, divided by their sum so that every page weighs the same;
- precision and recall are averaged over pages, and F1 is the harmonic mean of those two averages;
- accuracy is the share of pages whose predicted token sequence equals the true one.

Empty texts, the way the benchmark treats them: a page with an empty prediction claims nothing, so it is left out of
the precision average but counts 0 in the recall average (an engine that returns nothing is punished through
recall only). A page with an empty ground truth is left out of the recall average; if the prediction is empty too
the page is left out of both averages and counts as accurate. When no page is left in an average (every prediction
empty, say) that average is 0.0, except when every page has both texts empty, where everything is 1.0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..ingest.language.shingles import shingles, tokens


@dataclass(frozen=True)
class PageScore:
    """One page's normalised shingle counts (tp + fp + fn == 1, or all 0 when both texts are empty)."""

    tp: float
    fp: float
    fn: float
    exact: bool

    @property
    def precision(self) -> float | None:
        """None when the prediction is empty: the page is not part of the precision average."""
        if self.tp + self.fp == 0:
            return None
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """None when the ground truth is empty: the page is not part of the recall average."""
        if self.tp + self.fn == 0:
            return None
        return self.tp / (self.tp + self.fn)


@dataclass(frozen=True)
class Scores:
    pages: int
    precision: float
    recall: float
    f1: float
    accuracy: float


def score_page(true: str, predicted: str) -> PageScore:
    want, got = shingles(true), shingles(predicted)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return PageScore(tp=tp, fp=fp, fn=fn, exact=tokens(true) == tokens(predicted))


def aggregate(pages: Iterable[PageScore]) -> Scores:
    pages = list(pages)
    if not pages:
        return Scores(pages=0, precision=0.0, recall=0.0, f1=0.0, accuracy=0.0)
    precisions = [p.precision for p in pages if p.precision is not None]
    recalls = [p.recall for p in pages if p.recall is not None]
    all_empty = not precisions and not recalls
    precision = _mean(precisions, 1.0 if all_empty else 0.0)
    recall = _mean(recalls, 1.0 if all_empty else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(p.exact for p in pages) / len(pages)
    return Scores(pages=len(pages), precision=precision, recall=recall, f1=f1, accuracy=accuracy)


def score(pairs: Iterable[tuple[str, str]]) -> Scores:
    """Score (true, predicted) body pairs, one pair per page."""
    return aggregate(score_page(true, predicted) for true, predicted in pairs)


def _mean(values: list[float], empty: float) -> float:
    return sum(values) / len(values) if values else empty
