from bs4 import BeautifulSoup

from archive.ingest.layout import html_scorer

ARTICLE = [
    "The harbour authority said on Monday that the new pier would open in the spring, two years later than planned.",
    "“We had to rebuild the foundations twice,” said Maria Lindqvist, the authority's chief engineer, at a briefing.",
    "Local fishermen, who have moored their boats along the old quay since the storm, welcomed the news with relief.",
    "The council will vote next week on the last part of the budget, which covers lighting and a new ferry ramp.",
]
TEASERS = "".join(
    f'<li><a href="/{i}">A headline of another story on the site, number {i}, worth a click</a></li>' for i in range(8)
)


def extract(html: str) -> str:
    return html_scorer.extract(BeautifulSoup(html, "lxml")).text


def test_it_finds_the_article_among_link_lists_and_page_furniture():
    html = f"""<body><div class="menu"><ul>{TEASERS}</ul></div>
      <div class="story">{"".join(f"<p>{p}</p>" for p in ARTICLE)}</div>
      <div class="most-read"><ul>{TEASERS}</ul></div></body>"""

    assert extract(html) == "\n\n".join(ARTICLE)


def test_it_joins_an_article_cut_into_sibling_blocks_with_ads_between():
    chunks = "".join(
        f'<div class="body__chunk"><p>{p}</p></div><div class="ad"><p>Advertisement</p></div>' for p in ARTICLE
    )
    html = f'<body><nav><ul>{TEASERS}</ul></nav><main><div class="chunks">{chunks}</div></main></body>'

    assert extract(html) == "\n\n".join(ARTICLE)


def test_a_furniture_class_on_a_wrapper_that_holds_the_article_does_not_hide_it():
    html = f'<body><div class="container penci_sidebar">{"".join(f"<p>{p}</p>" for p in ARTICLE)}</div></body>'

    assert extract(html) == "\n\n".join(ARTICLE)


def test_hidden_blocks_and_the_headline_are_left_out():
    html = f"""<body><article><h1>Pier to open</h1><div style="display: none"><p>{"Hidden text. " * 20}</p></div>
      {"".join(f"<p>{p}</p>" for p in ARTICLE)}</article></body>"""

    assert extract(html) == "\n\n".join(ARTICLE)


def test_a_page_nested_too_deep_raises_too_deep_and_flat_text_still_reads_it():
    html = "<body>" + "<div>" * (html_scorer.MAX_DEPTH + 10) + f"<p>{ARTICLE[0]}</p>"

    try:
        html_scorer.extract(BeautifulSoup(html, "lxml"))
    except html_scorer.TooDeep:
        pass
    else:
        raise AssertionError("expected TooDeep")
    assert html_scorer.flat_text(html + "<script>var x = 1;</script>") == ARTICLE[0]
