import gzip
import json
from datetime import UTC, datetime, timedelta, timezone

from archive.ingest import read
from archive.ingest.layout.html_page import parse_html

PARAGRAPHS = [
    "The harbour authority said on Monday that the new pier would open in the spring, two years later than planned.",
    "“We had to rebuild the foundations twice,” said Maria Lindqvist, the authority's chief engineer, at a briefing.",
    "Local fishermen, who have moored their boats along the old quay since the storm, welcomed the news with relief.",
    "The council will vote next week on the last part of the budget, which covers lighting and a new ferry ramp.",
]


def page(head: str = "", article: str = "", around: bool = True) -> str:
    """A news page: the article with the furniture real pages carry around it and inside it."""
    body = article or "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    furniture_top = """
      <nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
        <li><a href="/sport">Sport</a></li></ul></nav>
      <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>"""
    furniture_bottom = """
      <aside class="related"><h3>Related stories</h3><ul>
        <li><a href="/a">Storm damage along the coast is worse than feared, engineers say</a></li>
        <li><a href="/b">Ferry services cut for the winter after fuel costs double again</a></li></ul></aside>
      <form class="newsletter"><p>Sign up to our morning newsletter and never miss a story again.</p>
        <input type="email"><button>Subscribe</button></form>
      <section id="comments"><h3>Comments</h3><p>Great news, about time they finished that pier!</p></section>
      <footer><p>© 2019 The Harbour Gazette. All rights reserved. Terms of use and privacy policy.</p></footer>"""
    return f"""<!DOCTYPE html><html><head>{head}<style>p {{ color: red }}</style></head><body>
      {furniture_top if around else ""}
      <article><h1>New pier to open in spring</h1>
        <figure><img src="pier.jpg"><figcaption>The old quay after the storm. Photo: J. Berg</figcaption></figure>
        {body}
        <script>var tracking = "do not read this";</script>
      </article>
      {furniture_bottom if around else ""}
    </body></html>"""


def test_the_body_is_the_article_without_navigation_captions_scripts_or_related_links():
    layout = parse_html(page())

    assert layout.body == "\n\n".join(PARAGRAPHS)
    for furniture in ("Home", "Share on", "Storm damage", "Photo: J. Berg", "tracking", "newsletter", "Great news"):
        assert furniture not in layout.body


def test_each_paragraph_is_one_line_with_white_space_folded():
    article = "<p>The harbour   authority\n said on Monday that the pier\twould open in the spring.</p>" + "".join(
        f"<p>{p}</p>" for p in PARAGRAPHS[1:]
    )
    layout = parse_html(page(article=article))

    first = layout.body.split("\n\n")[0]
    assert first == "The harbour authority said on Monday that the pier would open in the spring."


def test_headings_and_list_items_inside_the_article_are_paragraphs_of_their_own():
    article = (
        f"<p>{PARAGRAPHS[0]}</p><h2>What happens next</h2><p>{PARAGRAPHS[1]}</p>"
        "<ul><li>Lighting on the new pier will be tendered in January.</li>"
        "<li>The ferry ramp needs a separate planning permission.</li></ul>"
        f"<p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p>"
    )
    paragraphs = parse_html(page(article=article)).body.split("\n\n")

    assert "What happens next" in paragraphs
    assert "Lighting on the new pier will be tendered in January." in paragraphs
    assert "The ferry ramp needs a separate planning permission." in paragraphs


def test_meta_tags_give_title_outlet_section_author_description_date_and_url():
    head = """
      <title>New pier to open in spring | The Harbour Gazette</title>
      <meta property="og:title" content="New pier to open in spring">
      <meta property="og:site_name" content="The Harbour Gazette">
      <meta property="og:description" content="Two years late, but the pier is nearly done.">
      <meta property="og:url" content="https://gazette.example/pier">
      <meta property="article:published_time" content="2019-11-18T09:30:00+01:00">
      <meta property="article:section" content="Local">
      <meta name="author" content="Anna Berg">"""
    layout = parse_html(page(head=head))

    assert layout.title == "New pier to open in spring"
    assert layout.outlet == "The Harbour Gazette"
    assert layout.section == "Local"
    assert layout.author == "Anna Berg"
    assert layout.subtitle == "Two years late, but the pier is nearly done."
    assert layout.url == "https://gazette.example/pier"
    assert layout.published_at == datetime(2019, 11, 18, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def test_json_ld_article_wins_over_meta_tags_and_lists_every_author():
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Pier opening delayed to spring",
        "datePublished": "2019-11-18T08:00:00Z",
        "author": [{"@type": "Person", "name": "Anna Berg"}, {"@type": "Person", "name": "Jonas Lind"}],
        "publisher": {"@type": "Organization", "name": "Harbour Gazette Ltd"},
        "articleSection": ["Local", "Transport"],
        "description": "The pier will open two years late.",
        "url": "https://gazette.example/pier-delayed",
    }
    head = f"""<meta property="og:title" content="Other title">
      <meta property="article:published_time" content="2001-01-01T00:00:00Z">
      <script type="application/ld+json">{json.dumps(data)}</script>"""
    layout = parse_html(page(head=head))

    assert layout.title == "Pier opening delayed to spring"
    assert layout.published_at == datetime(2019, 11, 18, 8, 0, tzinfo=UTC)
    assert layout.author == "Anna Berg, Jonas Lind"
    assert layout.outlet == "Harbour Gazette Ltd"
    assert layout.section == "Local"
    assert layout.subtitle == "The pier will open two years late."
    assert layout.url == "https://gazette.example/pier-delayed"


def test_json_ld_article_is_found_inside_a_graph_list_and_broken_json_ld_is_skipped():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Harbour Gazette"},
            {"@type": ["ReportageNewsArticle"], "headline": "Inside the graph", "author": "Anna Berg"},
        ],
    }
    head = f"""<script type="application/ld+json">{{"@type": "NewsArticle", "headline": </script>
      <script type="application/ld+json">{json.dumps(graph)}</script>"""
    layout = parse_html(page(head=head))

    assert layout.title == "Inside the graph"
    assert layout.author == "Anna Berg"


def test_a_time_element_gives_the_date_naive_when_it_has_no_offset():
    article = '<p class="dateline"><time datetime="2019-11-18T09:30">18 Nov</time></p>' + "".join(
        f"<p>{p}</p>" for p in PARAGRAPHS
    )
    layout = parse_html(page(article=article))

    assert layout.published_at == datetime(2019, 11, 18, 9, 30)
    assert layout.published_at.tzinfo is None


def test_a_placeholder_date_is_ignored():
    head = '<meta property="article:published_time" content="0001-01-01T00:00:00Z">'

    assert parse_html(page(head=head)).published_at is None


def test_the_canonical_link_wins_over_og_url():
    head = """<link rel="canonical" href="https://gazette.example/canonical">
      <meta property="og:url" content="https://gazette.example/og">"""

    assert parse_html(page(head=head)).url == "https://gazette.example/canonical"


def test_a_title_suffix_is_stripped_only_when_it_is_the_site_name():
    site = '<meta property="og:site_name" content="Harbour Gazette">'

    assert parse_html(page(head=site + "<title>Pier news - Harbour Gazette</title>")).title == "Pier news"
    assert parse_html(page(head=site + "<title>Pier news | Local</title>")).title == "Pier news | Local"
    assert parse_html(page(head="<title>Pier news | Harbour Gazette</title>")).title == ("Pier news | Harbour Gazette")


def test_a_byline_gives_the_author_without_its_by():
    article = '<p class="byline">By <a rel="author" href="/anna">Anna Berg</a></p>' + "".join(
        f"<p>{p}</p>" for p in PARAGRAPHS
    )

    assert parse_html(page(article=article)).author == "Anna Berg"


def test_entities_escaped_twice_in_metadata_are_decoded():
    head = '<meta property="og:title" content="&amp;#8216;Pier&amp;#8217; opens">'

    assert parse_html(page(head=head)).title == "‘Pier’ opens"


def test_malformed_and_truncated_pages_never_raise():
    pages = [
        "",
        "   ",
        "no tags at all, only words",
        "<<<>>><!-- <p> </ div> &&&#xZZZ; <scr<script>ipt>",
        page()[:700],
        "<div><p><b><i>" + PARAGRAPHS[0] + "<table><tr><td>cut",
        '<script type="application/ld+json">' + "[" * 50_000 + "</script><p>" + PARAGRAPHS[0],
        "<p>a\x00b\x01c</p>",
    ]
    for raw in pages:
        layout = parse_html(raw)
        assert isinstance(layout.body, str)


def test_a_deeply_nested_page_degrades_to_flat_text_with_a_warning():
    raw = "<html><body>" + "<div>" * 20_000 + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>" * 20_000

    layout = parse_html(raw)

    assert PARAGRAPHS[0] in layout.body
    assert any("deep" in warning for warning in layout.warnings)


def test_a_gzipped_page_is_read_and_parsed(tmp_path):
    path = tmp_path / "pier.html.gz"
    path.write_bytes(gzip.compress(page(head="<title>Pier</title>").encode("utf-8")))

    layout = parse_html(read.decode(read.read_bytes(path)))

    assert layout.title == "Pier"
    assert layout.body.startswith(PARAGRAPHS[0])


def test_a_page_that_looks_like_a_url_raises_no_warning_for_callers_to_filter():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        layout = parse_html("https://example.com/2023/06/08/harbour-strike-ends")
    assert layout.body == "https://example.com/2023/06/08/harbour-strike-ends" or layout.warnings
