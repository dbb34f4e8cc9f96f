"""Forty-second round (eval/README.md, "Forty-second round"): rules read off heldout75's false alarms and misses and the new parts',
each test keeping the slip beside the right form, which stays silent."""

from __future__ import annotations

from tests.checking import link_flags, needs_grammalecte, reported, texts_of_kind


def test_traite_humaine_once_is_an_error_throughout_a_text_the_writers_usage(glossary) -> None:
    once = ["La traite des personnes touche des milliers de femmes.", "La traite humaine est un crime."]
    assert texts_of_kind(once, glossary, "forbidden-term") == {"traite humaine"}
    throughout = ["La traite humaine touche des milliers de femmes.", "La traite humaine est un crime."]
    flags = [flag for flag in link_flags(throughout, [], glossary) if flag.kind == "forbidden-term"]
    assert flags and all(flag.severity == "info" for flag in flags)
    # the other forbidden renderings, which name smuggling, stay errors however often they are written
    assert texts_of_kind(["Le trafic humain touche des femmes.", "Le trafic humain est un crime."], glossary, "forbidden-term")


def test_a_number_glued_to_a_name_on_the_other_side(glossary) -> None:
    fr = ["La politique fait partie de PLANET 21, la stratégie du Groupe.", "La Charte 21 compte 6 actions parmi les 65 actions."]
    en = ["The policy is part of PLANET21, the Group's strategy.", "Six of its 65 action points concern social responsibility."]
    assert not texts_of_kind(fr, glossary, "number-mismatch", en)
    assert "22" in texts_of_kind("La politique fait partie de PLANET 22, la stratégie du Groupe.", glossary, "number-mismatch",
                                 "The policy is part of PLANET21, the Group's strategy.")


@needs_grammalecte
def test_an_address_and_a_web_address(glossary) -> None:
    fr = "Le salon du 57 Boulevard de Strasbourg a fermé. Source : Humanite.fr"
    assert not reported(link_flags([fr], [], glossary))
    assert texts_of_kind("Le rapport compte 40 Interventions. Source : Humanite", glossary, "typography") == {"40 Interventions"}
    assert texts_of_kind("Source : Humanite", glossary, "spelling") == {"Humanite"}


def test_the_catholic_bodies_against_trafficking_by_their_names(glossary) -> None:
    fr = "L'Union internationale des Supérieures générales (UISG) et le Dicastère pour le service du développement humain intégral agissent."
    en = "The International Union of Superiors General (UISG) and the Dicastery for Promoting Integral Human Development act."
    assert not texts_of_kind(fr, glossary, "term-garbled", en)
    garbled = texts_of_kind(fr.replace("internationale", "Internationale").replace("générales", "Générales"), glossary, "term-garbled",
                            en.replace("Union of", "Union"))
    assert garbled == {"Union Internationale des Supérieures Générales", "International Union Superiors General"}
    assert "Organisation Mondiale du Tourisme" in texts_of_kind("Le code a été mis au point avec l’Organisation Mondiale du Tourisme.",
                                                                  glossary, "term-garbled")


def test_a_body_garbled_into_the_start_of_another_bodys_name(glossary) -> None:
    fr = "Selon l’Organisation mondiale du travail, il y a des victimes."
    assert texts_of_kind(fr, glossary, "term-garbled", "According to the International Labour Organization, there are victims.") == {
        "Organisation mondiale du travail"}
    assert not texts_of_kind("Selon l’Organisation mondiale du tourisme, il y a des victimes.", glossary, "term-garbled",
                             "According to the World Tourism Organization, there are victims.")


def test_a_number_in_words_is_never_glued_to_a_name(glossary) -> None:
    fr = "Au cours des six dernières années, Montréal a agi."
    assert texts_of_kind(fr, glossary, "number-mismatch", "In the last seven years, Montreal has acted.") == {"seven"}
