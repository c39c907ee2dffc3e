"""html_fields.py through parse_html: the failure kinds of third-party pages' author, title and date, each on a
small page of our own."""

from datetime import datetime, timedelta, timezone

from archive.ingest.layout.html_page import parse_html

TEXT = "".join(
    f"<p>{p}</p>"
    for p in (
        "The harbour authority said on Monday that the new pier would open in the spring, two years late.",
        "“We had to rebuild the foundations twice,” said Maria Lindqvist, the authority's chief engineer.",
        "Local fishermen, who have moored their boats along the old quay since the storm, welcomed the news.",
    )
)


def page(head: str = "", top: str = "", bottom: str = "", h1: str = "New pier to open in spring") -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}</head><body><article><h1>{h1}</h1>{top}{TEXT}</article>"
        f"{bottom}</body></html>"
    )


def test_the_author_comes_from_a_byl_meta_tag():
    layout = parse_html(page('<meta name="byl" content="By Anna Berg">'))
    assert layout.author == "Anna Berg"


def test_the_author_comes_from_a_container_whose_class_only_contains_byline():
    top = '<div class="article-byline__wrap"><span>By Jonas Lind</span></div>'
    assert parse_html(page(top=top)).author == "Jonas Lind"


def test_a_date_glued_to_the_byline_is_not_part_of_the_author():
    top = '<div class="post-author">Dan Goodin - Apr 16, 2015 8:02 pm UTC</div>'
    assert parse_html(page(top=top)).author == "Dan Goodin"
    head = '<meta name="author" content="Anna Berg | 16.04.2015">'
    assert parse_html(page(head)).author == "Anna Berg"


def test_a_commenters_initials_are_not_the_author():
    bottom = '<section id="comments"><div class="comment"><span class="author">JD</span> Great pier!</div></section>'
    assert parse_html(page(bottom=bottom)).author == ""
    top = '<p class="author">Mara Quist</p>'
    assert parse_html(page(top=top, bottom=bottom)).author == "Mara Quist"


def test_a_json_ld_headline_that_is_a_description_loses_to_the_title_the_page_agrees_on():
    head = (
        '<meta property="og:title" content="New pier to open in spring">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '"The harbour authority said on Monday that the new pier would open in the spring, two years later than '
        'planned, after its foundations had to be rebuilt twice."}</script>'
    )
    assert parse_html(page(head)).title == "New pier to open in spring"


def test_a_site_name_in_brackets_is_taken_off_the_title():
    head = '<meta property="og:site_name" content="Harbour Gazette"><title>New pier to open [Harbour Gazette]</title>'
    assert parse_html(page(head, h1="")).title == "New pier to open"


def test_markup_inside_a_meta_title_is_not_kept_as_text():
    head = '<meta property="og:title" content="New pier &lt;script&gt;alert(1)&lt;/script&gt;to open in spring">'
    assert parse_html(page(head)).title == "New pier to open in spring"


def test_a_twelve_hour_time_with_a_zone_keeps_the_afternoon_and_the_offset():
    head = '<meta name="date" content="2016-09-27 07:47 PM EST">'
    layout = parse_html(page(head))
    assert layout.published_at == datetime(2016, 9, 27, 19, 47, tzinfo=timezone(timedelta(hours=-5)))


def test_a_time_printed_without_a_zone_is_kept_as_printed_and_said_so():
    head = '<meta property="article:published_time" content="2016-09-27T19:47:00">'
    layout = parse_html(page(head))
    assert layout.published_at == datetime(2016, 9, 27, 19, 47)
    assert layout.published_at.tzinfo is None
    assert any("without a zone" in warning for warning in layout.warnings)


def test_a_social_media_posting_is_read_as_an_article():
    head = (
        '<script type="application/ld+json">{"@type": "SocialMediaPosting", "headline": "New pier to open in spring",'
        ' "author": {"@type": "Person", "name": "Ilse Marrow"}, "datePublished": "2016-09-27T19:47:00+02:00"}</script>'
    )
    layout = parse_html(page(head))
    assert layout.author == "Ilse Marrow"
    assert layout.published_at == datetime(2016, 9, 27, 19, 47, tzinfo=timezone(timedelta(hours=2)))
