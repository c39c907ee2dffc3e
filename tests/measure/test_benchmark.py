"""The benchmark command: a smoke test on a tiny archive (speeds are never asserted), and its synthetic corpus.

The command builds its archive in a subprocess on a temporary SQLite file, so these tests need no database.
"""

import importlib.util
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.ingest.pipeline import parse_document
from archive.measure.benchmark.corpus import Corpus, build_templates, person

# Figures every archive has; the others below may be n/a, but are always rows of the table.
MEASURED = {
    "parse_rate",
    *(f"stage_{stage}" for stage in ("read", "layout", "quotes", "people", "topics", "load")),
    "import_rate_1",
    "import_rate",
    "import_share",
    "import_peak_memory",
    "home",
    "article_list",
    "article_list_deep",
    "article_detail",
    "speaker_detail",
    "speaker_detail_deep",
    "quote_list",
    "quote_list_speaker",
    "quote_list_topic",
    "quote_list_outlet",
    "quote_list_dates",
    "quote_list_kind",
    "quote_list_text",
    "quote_list_deep",
    "quote_detail",
    "topic_list",
    "topic_detail",
    "queries_quote_list",
    "export_memory_half",
    "export_memory_full",
}
# Reported as n/a while the search page or the admin is missing.
OPTIONAL = {"search_date_security", "search_relevance_security", "search_date_Azerbaijan", "search_articles"}
REPORTED = MEASURED | OPTIONAL | {"search_relevance_Azerbaijan", "admin_quote", "admin_article", "admin_speaker"}


def test_it_prints_every_figure_and_writes_them_as_json(tmp_path):
    out = StringIO()
    json_path = tmp_path / "figures.json"
    call_command(
        "benchmark", "--articles", "30", "--requests", "2", "--json", str(json_path), stdout=out, stderr=StringIO()
    )
    table = out.getvalue()
    report = json.loads(json_path.read_text())
    figures = {figure["key"]: figure for figure in report["figures"]}

    assert set(figures) >= REPORTED
    assert "| figure | measured | target | ok? |" in table
    for figure in figures.values():
        assert f"| {figure['label']} |" in table
        assert figure["value"] is None or isinstance(figure["value"], int | float)
    for key in MEASURED:
        assert isinstance(figures[key]["value"], int | float), (key, figures[key]["detail"])
    assert report["corpus"]["articles"] == 30
    assert report["corpus"]["quotes"] > 30
    if importlib.util.find_spec("datasette"):  # a development dependency: timed beside our pages when installed
        ratios = [figures[key] for key in figures if key.startswith("datasette_")]
        assert len(ratios) == 6 and all(isinstance(f["value"], float) for f in ratios), ratios


def test_it_refuses_to_overwrite_an_existing_file(tmp_path):
    existing = tmp_path / "archive.sqlite3"
    existing.write_bytes(b"precious")
    with pytest.raises(CommandError, match="exists"):
        call_command("benchmark", "--keep", str(existing), stdout=StringIO(), stderr=StringIO())
    assert existing.read_bytes() == b"precious"


def test_the_corpus_is_the_same_document_for_the_same_number_whatever_came_before():
    templates = build_templates()
    one, other = Corpus(templates, 100), Corpus(templates, 100)
    list(one.documents(0, 10))
    assert one.document(42) == other.document(42)
    assert one.document(42) != one.document(43)


def test_synthetic_documents_parse_into_articles_quoting_people_from_the_pool():
    corpus = Corpus(build_templates(), 20)
    pool = {" ".join(person(i)) for i in range(corpus.pool + 20)}
    parsed = [parse_document(data, name) for name, data in corpus.documents()]
    assert sum(len(article.quotes) for article in parsed) > 20
    assert {speaker.name for article in parsed for speaker in article.speakers} & pool
    assert len({article.content_hash for article in parsed}) == 20
