from bs4 import BeautifulSoup
from lxml import etree

from archive.ingest.layout import html_main_text, html_scorer

ARTICLE = [
    "The harbour authority said on Monday that the new pier would open in the spring, two years later than planned.",
    "“We had to rebuild the foundations twice,” said Maria Lindqvist, the authority's chief engineer, at a briefing.",
    "Local fishermen, who have moored their boats along the old quay since the storm, welcomed the news with relief.",
    "The council will vote next week on the last part of the budget, which covers lighting and a new ferry ramp.",
]


def ours(html: str) -> html_scorer.ScoredPage:
    return html_scorer.extract(BeautifulSoup(html, "lxml"))


def test_trafilatura_output_is_rendered_as_one_paragraph_per_block_row_and_item():
    tree = etree.fromstring(
        "<body><p>a <hi>b</hi> c<lb/>d</p><list><item>one</item><item>two <ref>link</ref></item></list>"
        "<table><row><cell>1</cell><cell>2</cell></row><row><cell>1</cell><cell>2</cell></row></table>"
        "<quote><p>quoted</p></quote></body>"
    )
    out: list[str] = []
    html_main_text.render(tree, out)

    assert html_main_text.dedupe_rows(out) == ["a b c", "d", "one", "two link", "1 2", "quoted"]


def test_paragraphs_only_trafilatura_kept_are_dropped_when_our_article_lies_inside_its():
    html = "<body><article>" + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article></body>"
    theirs = [*ARTICLE, "Read more: Ferry services cut for the winter after fuel costs double again"]

    assert html_main_text.reconcile(theirs, ours(html)) == ARTICLE


def test_paragraphs_built_like_those_trafilatura_kept_are_added_when_it_stopped_early():
    chunks = "".join(
        f'<div class="chunk"><p class="body">{p}</p></div><div class="promo"><a href="/x">Subscribe now</a></div>'
        for p in ARTICLE
    )
    html = f'<body><div class="article">{chunks}</div></body>'

    assert html_main_text.reconcile(ARTICLE[:1], ours(html)) == ARTICLE


def test_trafilatura_is_kept_as_is_when_the_engines_disagree():
    html = "<body><article><p>" + " ".join(f"Unrelated sentence number {i}." for i in range(30)) + "</p></article>"

    assert html_main_text.reconcile(ARTICLE, ours(html)) == ARTICLE


def test_our_text_is_used_when_trafilatura_finds_nothing():
    html = "<body><article>" + "".join(f"<p>{p}</p>" for p in ARTICLE[:1]) + "</article></body>"

    paragraphs, warnings = html_main_text.main_paragraphs(html, BeautifulSoup(html, "lxml"))

    assert paragraphs == ARTICLE[:1]
    assert warnings == []


def test_a_page_deeper_than_lxml_allows_is_read_as_flat_text_with_a_warning():
    article = "".join(f"<p>{p}</p>" for p in ARTICLE)
    raw = f"<html><body><h1>Pier</h1>{'<div>' * 300}{article}{'</div>' * 300}</body></html>"
    soup = BeautifulSoup(raw, "lxml")
    assert html_scorer.depth(soup) > html_scorer.LXML_DEPTH
    paragraphs, warnings = html_main_text.main_paragraphs(raw, soup)
    assert all(p in paragraphs for p in ARTICLE)
    assert any("layout analysis skipped" in w for w in warnings)


def test_depth_counts_elements_below_the_root():
    assert html_scorer.depth(BeautifulSoup("<div><p><b>x</b></p><p>y</p></div>", "html.parser")) == 3


def test_a_scrap_of_our_text_does_not_prune_trafilaturas_full_article():
    from bs4 import BeautifulSoup

    from archive.ingest.layout import html_main_text, html_scorer

    syllables = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "ve", "zu"]
    theirs = [" ".join(a + b + c for b in syllables for c in syllables[:2]) + "." for a in syllables]
    tag = BeautifulSoup(f"<p>{theirs[0]}</p>", "lxml").p
    scrap = html_scorer.TextBlock(owner=tag, chain=[tag], parts=[theirs[0]])
    assert html_main_text.reconcile(theirs, html_scorer.ScoredPage(paragraphs=[scrap], kept=[scrap])) == theirs
