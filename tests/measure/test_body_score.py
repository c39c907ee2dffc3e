import pytest

from archive.measure.body_score import aggregate, score, score_page, shingles


def test_identical_texts_score_one_everywhere():
    result = score([("The pier opens in spring, two years late.", "The pier opens in spring, two years late.")])

    assert (result.precision, result.recall, result.f1, result.accuracy) == (1.0, 1.0, 1.0, 1.0)


def test_disjoint_texts_score_zero():
    result = score([("The pier opens in spring after all", "Ferry services are cut for the winter")])

    assert (result.precision, result.recall, result.f1, result.accuracy) == (0.0, 0.0, 0.0, 0.0)


def test_a_prediction_missing_the_end_keeps_precision_and_loses_recall():
    # Truth shingles: (a b c d), (b c d e); predicted: (a b c d). TP 1, FP 0, FN 1.
    page = score_page("a b c d e", "a b c d")

    assert (page.precision, page.recall) == (1.0, 0.5)
    assert score([("a b c d e", "a b c d")]).f1 == pytest.approx(2 / 3)


def test_a_prediction_with_extra_text_loses_precision():
    # Predicted shingles: (a b c d), (b c d e), (c d e f); only the first is true.
    page = score_page("a b c d", "a b c d e f")

    assert page.precision == pytest.approx(1 / 3)
    assert page.recall == 1.0


def test_shingles_are_a_multiset_so_repeated_text_counts_each_time():
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2
    # Truth has five shingles, (a b c d) twice; the prediction has it once: TP 1, FN 4.
    assert score_page("a b c d a b c d", "a b c d").recall == pytest.approx(0.2)


def test_punctuation_and_line_breaks_do_not_count_but_words_do():
    page = score_page("Hello, world: the pier\n\nopens!", "Hello world the pier opens")

    assert page.exact
    assert (page.precision, page.recall) == (1.0, 1.0)


def test_a_text_shorter_than_a_shingle_is_one_short_shingle():
    assert score_page("hello world", "hello world").recall == 1.0
    assert score_page("hello world", "hello there").recall == 0.0


def test_pages_weigh_the_same_whatever_their_length():
    long_page = " ".join(f"word{i}" for i in range(400))
    result = score([(long_page, long_page), ("a b c d e", "v w x y z")])

    assert result.precision == pytest.approx(0.5)
    assert result.recall == pytest.approx(0.5)
    assert result.accuracy == pytest.approx(0.5)


def test_an_empty_prediction_counts_against_recall_only():
    result = score([("a b c d", "a b c d"), ("e f g h", "")])

    assert result.precision == 1.0  # the empty page claims nothing, so it is not in the precision average
    assert result.recall == pytest.approx(0.5)
    assert result.f1 == pytest.approx(2 / 3)


def test_an_empty_truth_counts_against_precision_only():
    page = score_page("", "some furniture text here")

    assert page.precision == 0.0
    assert page.recall is None


def test_both_texts_empty_is_an_accurate_page_left_out_of_the_averages():
    page = score_page("", "")

    assert page.exact
    assert (page.precision, page.recall) == (None, None)
    assert score([("", ""), ("a b c d", "a b c d e")]).recall == 1.0
    assert score([("", "")]).f1 == 1.0


def test_only_empty_predictions_score_zero():
    result = score([("a b c d", ""), ("e f g h", "")])

    assert (result.precision, result.recall, result.f1) == (0.0, 0.0, 0.0)


def test_no_pages_score_zero():
    assert aggregate([]).f1 == 0.0
