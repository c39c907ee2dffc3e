"""Scores per file and the speakers quoted in two or more articles in; the lines the evaluate_extraction command
prints out (a table per file, totals, the classes of the errors, recurring speakers); no Django."""

from __future__ import annotations

from . import error_classes
from .extraction import FileScore, total


def row(score: FileScore) -> str:
    return (
        f"{score.file:<28} {score.quote_tp:>4} {score.quote_fp:>4} {score.quote_fn:>4} "
        f"{score.quote_precision:>6.3f} {score.quote_recall:>6.3f} {score.quote_f1:>6.3f} "
        f"{score.attribution_correct:>4}/{score.attribution_total:<4} {score.attribution:>6.3f} "
        f"{score.speaker_tp:>4} {score.speaker_fp:>4} {score.speaker_fn:>4} {score.speaker_f1:>6.3f} "
        f"{score.exact_names:>3}/{score.predicted_speakers:<3} "
        f"{score.meta_correct:>3}/{score.meta_total:<3} {score.metadata:>6.3f}"
    )


HEADER = (
    f"{'file':<28} {'q.tp':>4} {'q.fp':>4} {'q.fn':>4} {'q.P':>6} {'q.R':>6} {'q.F1':>6} "
    f"{'attrib.':>9} {'acc':>6} {'s.tp':>4} {'s.fp':>4} {'s.fn':>4} {'s.F1':>6} {'exact':>7} "
    f"{'meta':>7} {'acc':>6}"
)


def report(scores: list[FileScore], recurring: dict[str, list[str]], details: bool = False) -> list[str]:
    """The lines the evaluate_extraction command prints: a table per file, totals, and recurring speakers."""
    lines = [HEADER, "-" * len(HEADER)]
    for score in scores:
        lines.append(row(score))
        if details:
            lines.extend(f"    {error}" for error in score.errors)
    summed = total(scores)
    lines += ["-" * len(HEADER), row(summed), ""]
    lines.append(
        f"Quotes: precision {summed.quote_precision:.3f}, recall {summed.quote_recall:.3f}, "
        f"F1 {summed.quote_f1:.3f} ({summed.quote_tp} found, {summed.quote_fp} extra, {summed.quote_fn} missed)"
    )
    lines.append(
        f"Attribution accuracy: {summed.attribution:.3f} "
        f"({summed.attribution_correct} of {summed.attribution_total} matched quotes); over required quotes "
        f"{summed.attribution_required:.3f} ({summed.attribution_correct} of {summed.quote_tp + summed.quote_fn})"
    )
    lines.append(
        f"Speakers: precision {summed.speaker_precision:.3f}, recall {summed.speaker_recall:.3f}, "
        f"F1 {summed.speaker_f1:.3f}; canonical names equal to gold: {summed.exact_names} "
        f"of {summed.predicted_speakers}"
    )
    if summed.speaker_optional:
        # Shown so that a run stays comparable with runs scored before these speakers were left out.
        as_extra = summed.optional_as_extra()
        lines.append(
            f"  {summed.speaker_optional} speakers credited only with optional gold quotes, counted neither way "
            f"(counted as extra: precision {as_extra.speaker_precision:.3f}, F1 {as_extra.speaker_f1:.3f})"
        )
    lines.append(f"Metadata accuracy: {summed.metadata:.3f} ({summed.meta_correct} of {summed.meta_total} fields)")
    lines.extend(error_classes.class_report([score.to_dict() for score in scores]))
    if recurring:
        lines.append("Speakers in two or more articles:")
        lines.extend(f"  {name}: {', '.join(files)}" for name, files in sorted(recurring.items()))
    else:
        lines.append("Speakers in two or more articles: none")
    return lines
