"""page_copy.py: the layout of plain-text page copies, and dates.py: printed dates."""

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.ingest.layout import dates, page_copy

PAGE = """Ferry fares to rise by a fifth next spring
    Islanders say the increase "cuts us off"; operator blames fuel costs

    TRANSPORT\u00a0\u00a0 14 March 2024 - 09:15

    Jane Holloway

    The ferry operator will raise fares by 20 per cent from April, it said on Wednesday.\u00a0 Fuel costs have doubled.

    "We had no choice," said Peter Lund, the operator's chief executive.

    Islanders said the rise would hit families hardest.


    Subscribe to our newsletter

Read also

Harbour opens new pier

12 March 2024 - 10:00
"""


def test_it_reads_title_kicker_section_date_and_byline_of_a_page_copy():
    layout = page_copy.parse_text(PAGE)
    assert layout.title == "Ferry fares to rise by a fifth next spring"
    assert layout.subtitle == 'Islanders say the increase "cuts us off"; operator blames fuel costs'
    assert layout.section == "TRANSPORT"
    assert layout.published_at == datetime(2024, 3, 14, 9, 15)
    assert layout.author == "Jane Holloway"


def test_it_cuts_the_body_at_subscribe_and_read_also_lists():
    body = page_copy.parse_text(PAGE).body
    assert body.startswith("The ferry operator will raise fares")
    assert body.endswith("Islanders said the rise would hit families hardest.")
    assert "Harbour opens new pier" not in body


def test_it_keeps_paragraph_text_as_printed_less_its_indentation():
    body = page_copy.parse_text(PAGE).body
    assert "on Wednesday.\u00a0 Fuel costs have doubled." in body
    assert '\n\n"We had no choice," said Peter Lund, the operator\'s chief executive.\n\n' in body
    assert not any(line.startswith(" ") for line in body.split("\n"))


def test_it_takes_a_bare_site_name_above_the_headline_as_the_outlet():
    page = (
        "The Morning Courier\n\nCity council approves new cycle lanes on the riverside road\n\n2/3/2022, 7:05:10 AM\n\n"
    )
    page += "The city council voted on Tuesday to build new cycle lanes along the riverside road by next summer.\n"
    layout = page_copy.parse_text(page)
    assert layout.outlet == "The Morning Courier"
    assert layout.title == "City council approves new cycle lanes on the riverside road"
    assert layout.published_at == datetime(2022, 2, 3, 7, 5, 10)


@pytest.mark.parametrize(
    "kicker, outlet",
    [
        ("Newsline.Co interview with the harbour master", "Newsline.Co"),
        ("Experts' opinions for Newsline.Co", "Newsline.Co"),
        ("Riverside Chronicle interview with Mayor Grace Okafor", "Riverside Chronicle"),
    ],
)
def test_it_derives_the_outlet_from_a_kicker_that_names_a_site(kicker, outlet):
    page = f"Harbour master warns of storm season\n    {kicker}\n\n    NEWS 01 May 2023 - 08:00\n\n"
    page += "    The harbour master warned on Monday that the storm season would start early this year, and soon.\n"
    assert page_copy.parse_text(page).outlet == outlet


def test_it_drops_a_source_label_printed_after_a_quoted_headline():
    page = 'Minister: "We will build the bridge" Daily Digest\n\n12 May 2023\n\n'
    page += "The minister said on Friday that the bridge would be built within three years, whatever the cost.\n"
    assert page_copy.parse_text(page).title == 'Minister: "We will build the bridge"'


def test_it_drops_photo_captions_from_the_body():
    page = "Storm hits coast\n\n3 June 2023\n\n"
    page += "The storm brought down trees and power lines along the coast on Saturday night.\n\n"
    page += "Fallen trees on the coast road / Photo: Coast Guard\n\n"
    page += "Power was restored to most homes by Sunday morning, the utility company said.\n"
    body = page_copy.parse_text(page).body
    assert "Photo:" not in body
    assert body.endswith("the utility company said.")


def test_a_page_without_header_is_all_body_and_empty_fields():
    page = "Next year the town will celebrate its anniversary, with a festival planned in the old market square.\n"
    page += "The mayor said the festival would be free for everyone who lives in the town or works there.\n"
    layout = page_copy.parse_text(page)
    assert (layout.title, layout.outlet, layout.author, layout.section, layout.published_at) == ("", "", "", "", None)
    assert layout.body.startswith("Next year the town")
    assert "no publication date found" in layout.warnings


def test_an_empty_page_gives_an_empty_layout():
    assert page_copy.parse_text("  \n\n ").body == ""


@pytest.mark.parametrize(
    "printed, value",
    [
        ("08 June 2023 - 12:48", datetime(2023, 6, 8, 12, 48)),
        ("June 8, 2023", datetime(2023, 6, 8)),
        ("Nov. 18, 2019", datetime(2019, 11, 18)),
        ("Nov. 19, 2019, 8:41 AM UTC", datetime(2019, 11, 19, 8, 41)),
        ("PUBLISHED: November 19, 2019 at 8:59 pm", datetime(2019, 11, 19, 20, 59)),
        ("4/3/2021, 8:55:39 PM", datetime(2021, 4, 3, 20, 55, 39)),
        ("13/4/2021", datetime(2021, 4, 13)),
        ("2023-06-08", datetime(2023, 6, 8)),
        ("2023-06-08T12:48:30", datetime(2023, 6, 8, 12, 48, 30)),
        ("2023-06-08 12:48", datetime(2023, 6, 8, 12, 48)),
        ("08.06.2023 12:48", datetime(2023, 6, 8, 12, 48)),
        ("5:45 AM PST 11/19/2019", datetime(2019, 11, 19, 5, 45)),
        ("Tue., Nov. 19, 2019", datetime(2019, 11, 19)),
    ],
)
def test_it_reads_common_printed_dates_as_naive_wall_clock(printed, value):
    assert dates.parse_date(printed) == value


@pytest.mark.parametrize("printed", ["no date here", "31/31/2020", "in May 2020", "Room 12, floor 3"])
def test_it_finds_no_date_where_none_is_printed(printed):
    assert dates.parse_date(printed) is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600))
def test_parse_text_never_raises_on_arbitrary_text(raw):
    layout = page_copy.parse_text(raw)
    assert isinstance(layout.body, str)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Title of a story",
                "    Kicker line",
                "",
                "NEWS 08 June 2023 - 12:48",
                "By Jo Reed",
                "Read also",
                "    - A question?",
                "    - An answer that goes on for a while, as answers do.",
                "Photo: X / Y",
                '"A quoted line," she said.',
                "Subscribe to our channel",
                "• a bullet",
                "Tags: x, y",
            ]
        ),
        max_size=30,
    )
)
def test_parse_text_never_raises_on_page_like_lines(lines):
    page_copy.parse_text("\n".join(lines))


# --- page furniture: outlet, section and agency bylines when the header prints none (sitemeta.py) -----------------

STORY = [
    "The valley dam will close for repairs in May, the water board said on Tuesday, after inspectors found cracks.",
    "Engineers said the repairs would take at least six weeks and cost more than the board had set aside this year.",
    "Farmers downstream asked for a plan to keep their fields watered while the dam is shut, and got a promise.",
]


def page(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize(
    "furniture, outlet",
    [
        # A copyright owner, widened to the publication name the page prints after it.
        (
            ["Contact Valley News", "About Valley News", "Copyright © 2024 Valley. All rights reserved."],
            "Valley News",
        ),
        # The page's own address, in the form the page prints the name.
        (["Link: https://www.rivertimes.com/news/dam-123", "About RiverTimes"], "RiverTimes"),
        # A notice with no © sign, its legal suffix dropped, in the printed form.
        (["Most Read", "RiverMail", "2024 Rivermail, Inc. All Rights Reserved"], "RiverMail"),
        # The author's bio.
        (["Jo Reed is a staff writer at the Valley Ledger."], "Valley Ledger"),
        # A photographer's credit is not the publisher.
        (["© Jo Reed Workers on the dam wall last week."], ""),
    ],
)
def test_the_outlet_comes_from_the_furniture_when_no_site_name_is_printed(furniture, outlet):
    layout = page_copy.parse_text(page("Dam to close for repairs in May", "14 March 2024", *STORY, *furniture))
    assert layout.outlet == outlet
    assert layout.body.endswith(STORY[-1])


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Dam to close for repairs in May - Valley Courier", ("Dam to close for repairs in May", "Valley Courier")),
        ("Dam to close for repairs in May | Newsline.Co", ("Dam to close for repairs in May", "Newsline.Co")),
        ("Farm subsidies to end in May - European Union", ("Farm subsidies to end in May - European Union", "")),
    ],
)
def test_a_site_name_after_the_headline_is_the_outlet_not_part_of_the_title(title, expected):
    layout = page_copy.parse_text(page(title, "14 March 2024", *STORY))
    assert (layout.title, layout.outlet) == expected


@pytest.mark.parametrize(
    "lines, author",
    [
        (["Dam to close for repairs in May", "Reuters, Oslo,", "• Mar 14 2024, 9:40am", *STORY], "Reuters"),
        (["Dam to close for repairs in May", "14 March 2024", "By AP", *STORY], "AP"),
        (["Dam to close for repairs in May", "14 March 2024", *STORY[:2], STORY[2] + " (PTI)"], "PTI"),
        (["Dam to close for repairs in May", "14 March 2024", "OSLO (AFP) — " + STORY[0], *STORY[1:]], "AFP"),
    ],
)
def test_an_agency_byline_or_dateline_gives_the_author(lines, author):
    assert page_copy.parse_text(page(*lines)).author == author


def test_a_breadcrumb_that_ends_with_the_headline_gives_the_section():
    title = "Dam to close for repairs in May"
    lines = ["Briefly:", "• Ferry delayed again", "• Home", "• Environment", f"• {title}", title, "• 14 March 2024"]
    assert page_copy.parse_text(page(*lines, *STORY)).section == "Environment"


def test_a_menu_that_starts_with_home_is_not_a_breadcrumb():
    lines = ["• Home", "• News", "• Sport", "Dam to close for repairs in May", "• 14 March 2024"]
    assert page_copy.parse_text(page(*lines, *STORY)).section == ""


def test_the_category_printed_under_the_article_is_the_section_when_the_menu_lists_it():
    lines = ["• Home", "• Business", "• Environment", "Dam to close for repairs in May", "March 14, 2024 | By Jo Reed"]
    layout = page_copy.parse_text(page(*lines, *STORY, "Environment Water boardDamsValley", "Most Read"))
    assert layout.section == "Environment"


def test_a_caption_with_its_credit_is_dropped_and_the_body_starts_at_the_dateline():
    caption = "Inspectors found cracks in the wall of the valley dam last week, the board said. Credit: Water Board"
    lines = ["Dam to close for repairs in May", "March 14, 2024 | By Jo Reed", caption, "OSLO — " + STORY[0]]
    body = page_copy.parse_text(page(*lines, *STORY[1:])).body
    assert body.startswith("OSLO — The valley dam")
    assert "Credit:" not in body


def test_a_first_paragraph_repeated_further_down_is_the_standfirst():
    deck = '"We cannot risk a flood this spring," says Ana Silva, head of the water board.'
    repeated = '"We cannot risk a flood this spring," Ana Silva, head of the water board, told reporters.'
    layout = page_copy.parse_text(page("Dam to close for repairs in May", "14 March 2024", deck, *STORY[:2], repeated))
    assert layout.subtitle == deck
    assert layout.body.startswith(deck)


def test_a_lead_that_is_not_repeated_is_not_a_standfirst():
    assert page_copy.parse_text(page("Dam to close for repairs in May", "14 March 2024", *STORY)).subtitle == ""


def test_a_lone_title_line_leaves_the_body_empty():
    layout = page_copy.parse_text("Harbour strike ends after three weeks\n")
    assert (layout.title, layout.body) == ("Harbour strike ends after three weeks", "")


@pytest.mark.parametrize(
    "copy",
    [
        "Talks resume on Monday.",
        "The union and the port authority agreed on Friday to resume talks on Monday, both sides said.",
        "The union and the port authority agreed on Friday to resume talks on Monday, both sides said.\n\n"
        "The strike, now in its third week, has closed the harbour to container ships.",
    ],
)
def test_a_short_article_of_one_or_two_prose_paragraphs_is_still_the_body(copy):
    assert page_copy.parse_text(copy).body == copy


def test_a_closing_paragraph_quoted_with_two_apostrophes_stays_in_the_body():
    # Some copies print quotation marks as two apostrophes: ''...'' ends a sentence like "...".
    copy = (
        "Harbour plan divides the town\n\n"
        + "The council voted on Tuesday to widen the old harbour, a plan that has split the town for years. " * 2
        + "\n\n''Nobody here believes the promises any more, and we have seen this film before,'' said Ana Lind."
        + "\n\n''The harbour was ours long before the council came along.''"
    )
    body = page_copy.parse_text(copy).body
    assert body.endswith("''The harbour was ours long before the council came along.''")


def test_a_date_inside_the_story_does_not_cut_off_the_paragraphs_above_it():
    paragraph = "The council voted on Tuesday to widen the old harbour, a plan that has split the town for years. "
    copy = (
        "Harbour plan divides the town\n\n"
        + paragraph * 2
        + "\n\n"
        + "Ana Lind, who runs the ferry, said the vote was a mistake and that she would fight it in court. " * 2
        + '\n\n<tweet tweet-author="@analind" tweet-date="March 12, 2016">The harbour is ours, and it stays'
        + " ours.<tweet/>.\n\n"
        + "The mayor said the work would start in the spring and take three years to finish, at a cost of millions."
    )
    layout = page_copy.parse_text(copy)
    assert layout.body.startswith(paragraph.strip())
    assert layout.published_at is None
