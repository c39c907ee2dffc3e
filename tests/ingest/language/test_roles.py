"""roles.py: which words name what a person does."""

from archive.ingest.language.roles import is_role_word


def test_words_ending_like_a_persons_noun_that_never_name_one_are_no_roles():
    for word in ("whether", "however", "together", "rather", "another", "never", "order", "letter", "power"):
        assert not is_role_word(word), word
    for word in ("welder", "organizer", "senator", "novelist", "former"):
        assert is_role_word(word), word
