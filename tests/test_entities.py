"""Person names: a title and the nationality that qualifies it are not part of the name."""
from checker.extract.normalize.entities import canonical, name_tokens, same_person


def test_any_nationality_before_a_title_is_dropped():
    assert same_person("French President Emmanuel Macron", "President Macron")
    assert same_person("Brazilian President Luiz Inacio Lula da Silva", "Lula da Silva")
    assert canonical("German Chancellor Olaf Scholz", "PERSON") == canonical("Scholz", "PERSON")


def test_a_country_that_is_a_first_name_stays():
    assert name_tokens("Jordan Peterson") == ("jordan", "peterson")


def test_two_heads_of_state_stay_two_people():
    assert not same_person("Kenyan President William Ruto", "Tanzanian President Samia Suluhu Hassan")
