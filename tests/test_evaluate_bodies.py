import gzip
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

STORIES = {
    "pier": [
        "The harbour authority said on Monday that the new pier would open in the spring, two years late.",
        "“We had to rebuild the foundations twice,” said Maria Lindqvist, the authority's chief engineer.",
        "Local fishermen, who have moored their boats along the old quay since the storm, welcomed the news.",
    ],
    "ferry": [
        "Ferry services to the outer islands will be cut to two crossings a day from December, the operator said.",
        "Fuel costs have doubled since the spring, and the company lost money on every winter crossing last year.",
        "Islanders said the cut would leave pupils and hospital patients stranded on the mainland overnight.",
    ],
}


def write_aeb(folder):
    (folder / "html").mkdir(parents=True)
    truth = {}
    for name, paragraphs in STORIES.items():
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        html = f"""<html><head><title>{name}</title></head><body>
          <nav><a href="/">Home</a> <a href="/news">News</a></nav>
          <article><h1>{name.title()} news</h1>{body}</article>
          <footer><p>© 2019 The Harbour Gazette. All rights reserved.</p></footer></body></html>"""
        (folder / "html" / f"{name}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
        truth[name] = {"articleBody": "\n\n".join(paragraphs), "url": f"https://gazette.example/{name}"}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


def evaluate(*args) -> list[str]:
    out = StringIO()
    call_command("evaluate_bodies", *args, stdout=out, stderr=StringIO())
    return out.getvalue().splitlines()


def row(lines: list[str], engine: str) -> list[str]:
    line = next(line for line in lines if line.startswith(engine + "  "))
    return line[len(engine) :].split()


def test_it_prints_one_row_per_engine_with_pages_exceptions_and_scores(tmp_path):
    lines = evaluate("--aeb", str(write_aeb(tmp_path / "aeb")))

    assert lines[0].split() == ["engine", "pages", "exceptions", "F1", "precision", "recall", "accuracy", "seconds"]
    pages, exceptions, f1, precision, recall, accuracy, _seconds = row(lines, "parse_html")
    assert (pages, exceptions) == ("2", "0")
    assert (f1, precision, recall, accuracy) == ("1.0000", "1.0000", "1.0000", "1.0000")
    assert row(lines, "trafilatura")[:2] == ["2", "0"]
    assert row(lines, "trafilatura precision")[:2] == ["2", "0"]


def test_it_writes_totals_and_per_page_scores_as_json(tmp_path):
    output = tmp_path / "scores.json"

    evaluate("--aeb", str(write_aeb(tmp_path / "aeb")), "--json", str(output))

    data = json.loads(output.read_text(encoding="utf-8"))
    engines = {entry["engine"]: entry for entry in data["engines"]}
    assert engines["parse_html"]["f1"] == 1.0
    assert set(data["pages"]["parse_html"]) == {"pier", "ferry"}


def test_limit_takes_the_first_pages_in_name_order(tmp_path):
    lines = evaluate("--aeb", str(write_aeb(tmp_path / "aeb")), "--limit", "1")

    assert row(lines, "parse_html")[0] == "1"


def test_a_folder_without_ground_truth_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="ground-truth.json"):
        evaluate("--aeb", str(tmp_path))
