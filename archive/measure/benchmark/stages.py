"""What one article costs in each stage of the import: the pipeline of ingest/pipeline.py run step by step with a
clock around each step, on a sample of the corpus (the load is timed by the import itself, in timing.py)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable

from ...ingest import people, read
from ...ingest.layout import html_page, page_copy
from ...ingest.quotes import spans
from ...ingest.topics import TopicMatcher
from ...models import Topic

# read: bytes to text; layout: the page's metadata and its clean body (one parse of the page, both for a copy
# and for HTML); quotes: spans and cues; people: cues to people; topics: the keyword rules on body and quotes.
STAGES = ("read", "layout", "quotes", "people", "topics")


def stage_costs(documents: Iterable[tuple[str, bytes]]) -> dict[str, float]:
    """Milliseconds per article in each stage, averaged over the documents."""
    matcher = TopicMatcher({t.slug: t.keyword_list() for t in Topic.objects.all()})
    totals: Counter = Counter()
    count = 0
    for name, data in documents:
        clock = time.perf_counter()

        def lap(stage: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            totals[stage] += now - clock
            clock = now

        raw = read.decode(data)
        lap("read")
        layout = html_page.parse_html(raw) if read.is_html(name) else page_copy.parse_text(raw)
        lap("layout")
        found = spans.extract_quotes(layout.body, header=f"{layout.title}\n{layout.subtitle}")
        lap("quotes")
        speakers = people.fold_speakers(found)
        lap("people")
        matcher.match(f"{layout.title}\n{layout.subtitle}\n{layout.body}")
        for quote in speakers.quotes:
            matcher.match(quote.text)
        lap("topics")
        count += 1
    return {stage: 1000 * totals[stage] / max(count, 1) for stage in STAGES}
