"""Twenty-seventh round: layout and bracket slips read on every part but the test (eval/README.md, "Twenty-seventh round")."""

from __future__ import annotations

from tests.checking import document_typography, texts_of_kind

# fedpol 2023 (heldout2), the paragraph's last sentence
UNSTOPPED = ("Ces tarifs sont possibles, entre autres, avec le recrutement de travailleuses et travailleurs migrants. Ils sont exploités à "
             "moindre coût, dans des conditions désastreuses, sans contrat écrit et sans aucune assurance")


def test_a_paragraph_of_several_sentences_ends_with_a_full_stop(glossary) -> None:
    text = f"Semaines d’action contre la traite des êtres humains\n{UNSTOPPED}\nLa traite des êtres humains est une forme d'esclavage moderne."
    flags = document_typography(text, glossary)
    assert "assurance" in flags and "full stop" in flags["assurance"]
    assert not document_typography(text.replace("assurance\n", "assurance.\n"), glossary)


def test_a_headline_a_list_and_a_credit_keep_no_full_stop(glossary) -> None:
    # a paragraph of one sentence (a headline), a list going on after a semicolon or « et », a short credit after a caption
    headline = ("La Commission de la CEDEAO s’engage à mettre fin à la traite des êtres humains et au trafic illicite de migrants en "
                "Afrique de l’Ouest")
    listed = ("Les partenaires s’engagent à agir. Ils s’engagent à reconnaître les signes de la traite de personnes et à donner des "
              "pistes aux victimes pour intervenir; et")
    credit = "Les gendarmes ont suivi la formation à l’aéroport de Montréal. Crédit : GRC"
    for text in (headline, listed, credit):
        assert not document_typography(f"{text}\nLe ministre a pris la parole.", glossary), text


def test_a_full_stop_lost_between_two_sentences(glossary) -> None:
    # Guinée Signal 2023 (heldout16)
    text = ("La Commission de la CEDEAO s’est engagée à mettre fin à la traite des êtres humains en Afrique Ceci a été fait savoir par "
            "le Président de la Commission.")
    flags = document_typography(text, glossary)
    assert "Afrique Ceci" in flags
    # a city, a title after « intitulée », a quotation: capitals that start no sentence
    for text in ("La Cour s’est réunie à La Haye hier.", "Il a lancé la campagne intitulée Je ne suis pas à vendre.",
                 "Le ministre a déclaré « Le combat continue » devant la presse.", "Le représentant de Le Caire a parlé.",
                 # a signature block run into one line (Swiss Federal Council 2016, heldout5)
                 "Le président de la Confédération, Johann N. Schneider-Ammann Le chancelier de la Confédération, Walter Thurnherr."):
        assert not document_typography(text, glossary), text


def test_a_bracket_glued_to_a_word(glossary) -> None:
    # Haïti 2019 (heldout21), Interpol via Pulse 2022 (heldout17)
    fr = "Selon la directrice de l’Institut du Bien-Etre social et de Recherche(IBESR), la stratégie montre une volonté."
    assert "Recherche(IBESR)" in texts_of_kind(fr, glossary, "typography")
    fr = "L’opération (Bénin, Burkina Faso, Côte d’Ivoire et Togo)a permis de secourir 90 victimes."
    assert "(Bénin, Burkina Faso, Côte d’Ivoire et Togo)a" in texts_of_kind(fr, glossary, "typography")
    # inclusive writing and references
    for fr in ("Inciter les Canadien(ne)s à obtenir les faits.", "La communication COM(2017) 728 de la Commission(1) est publiée.",
               "Les victime(s) sont reçues."):
        assert not texts_of_kind(fr, glossary, "typography"), fr


def test_angle_brackets_typed_for_guillemets(glossary) -> None:
    # Manitoba (heldout22)
    fr = "Le rapport intitulé <<Les travailleurs de première ligne>> a été rédigé à la suite du Sommet."
    found = texts_of_kind(fr, glossary, "typography")
    assert "<<" in found and ">>" in found


def test_an_institutions_english_acronym_in_french(glossary) -> None:
    # Monaco Tribune 2018 (heldout21), US Embassy Senegal 2022 (heldout10)
    fr = "Le bureau de l’Office des Nations Unies contre la drogue et le crime (UNODC), en place depuis 2013, a signé l’accord."
    assert "UNODC" in texts_of_kind(fr, glossary, "untranslated")
    assert "UNODC" in texts_of_kind("Monsieur le Directeur Régional de l’UNODC, Mesdames et Messieurs.", glossary, "untranslated")
    # its French acronym, an English title cited, a headline in capitals
    for fr in ("L’ONUDC a publié son rapport mondial.", "Voir Combating forced labour - The ILO strategy, 2012 (en anglais).",
               "LUTTE CONTRE LA TRAITE : UN NOUVEAU SIÈGE POUR LE COMITÉ NATIONAL"):
        assert not {text for text in texts_of_kind(fr, glossary, "untranslated") if text.isupper()}, fr


def test_the_machine_translation_copying_a_french_figure_is_no_number_mismatch(glossary) -> None:
    # Paperjam 2021 (heldout19): the engine copies « 461.500 », which English reads as 461.5; « les années 1970 »
    from tests.checking import link_flags

    def mt_numbers(fr: str, mt: str) -> list[str]:
        return [flag.text for flag in link_flags([fr], [], glossary, mt=[mt])
                if flag.side == "mt" and flag.kind == "number-mismatch" and flag.severity == "warning"]

    assert not mt_numbers("Le Luxembourg a versé 461.500 euros.", "Luxembourg paid 461.500 euros.")
    assert not mt_numbers("Une victime sur trois est un enfant.", "One victim in three is a child.")
    assert mt_numbers("Une victime sur trois est un enfant.", "One victim in four is a child.")  # a wrong share is still one
    assert mt_numbers("Le Luxembourg a versé 461 500 euros.", "Luxembourg paid 416,500 euros.")


def test_a_short_french_clause_in_the_english_is_untranslated_whatever_linguas_confidence(glossary) -> None:
    # ILO 2014 (heldout14), its English sentence replaced by the French one in the held-out mutation bench: lingua gives French 0.71
    fr = "Néanmoins, cette évolution est trop lente."
    assert "cette évolution est trop lente." in texts_of_kind(fr, glossary, "untranslated", "Yet it is happening too slowly, cette évolution est trop lente.")
    # an English clause with a French name or loanword in it stays English
    assert not texts_of_kind(fr, glossary, "untranslated", "Yet progress remains too slow, as the rapport d'étape notes.")


def test_an_official_title_with_commas_is_checked_word_for_word(glossary) -> None:
    # the issue's own example, and the held-out mutation bench's (Justice Canada 2010, heldout): a window over a name may not cross a
    # comma, and the Palermo Protocol's title holds two, so no word of it was ever compared
    fr = "Le Protocole visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants, est en vigueur."
    for wrong in ("Protocol to Prevent, Suppress and Sanction Trafficking in Persons, Especially Women and Children",
                  "Protocol to United, Suppress and Punish Trafficking in Persons, especially Women and Children"):
        assert wrong in texts_of_kind(fr, glossary, "term-garbled", f"The {wrong} is in force.")
    assert not texts_of_kind(fr, glossary, "term-garbled",
                             "The Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children is in force.")
    assert texts_of_kind(fr.replace("punir", "sanctionner"), glossary, "term-garbled")
