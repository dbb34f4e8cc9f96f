"""The seventh round of the checks (issue #14, mutation benchmark): each rule shown on a sentence pair of a published text of the
eval/ corpus (eval/README.md, "Mutations, seventh round"), with the published pair left silent and the slip flagged."""

from __future__ import annotations

import random

import pytest

from align.terms.glossary import DEFAULT_PATH, load_glossary
from bench.mutations import SentencePair, concept_swap
from tests.test_mutations_round6 import flags_of


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(DEFAULT_PATH)


def kinds_on(fr: str, en: str, glossary, kind: str) -> set[tuple[str, str]]:
    return {(side, text) for side, found, text in flags_of(fr, en, glossary) if found == kind}


# UN Secretary-General, World Day 2024 (dev): the English says « victime de la traite » as "victimized" and « impuni » as "unpunished"
UNSG_FR = ("J’exhorte les gouvernements, la société civile et le secteur privé, y compris les entreprises technologiques, à intensifier leurs "
           "efforts et leur collaboration afin qu’aucun enfant ne soit victime de la traite et qu’aucun trafiquant ne reste impuni.")
UNSG_EN = ("I call upon Governments, civil society and the private sector, including tech companies, to intensify their efforts and collaboration "
           "so that no child is victimized and no trafficker goes unpunished.")


def test_a_term_said_by_a_form_of_its_words_is_not_free_rendering(glossary) -> None:
    assert not flags_of(UNSG_FR, UNSG_EN, glossary)
    # two terms said otherwise ("victimized", "unpunished") no longer make the sentence a free rendering that hides the swap
    assert ("en", "criminal network") in kinds_on(UNSG_FR, UNSG_EN.replace("civil society", "criminal network"), glossary, "term-missing")
    assert ("en", "law enforcement") in kinds_on(UNSG_FR, UNSG_EN.replace("the private sector", "the law enforcement"), glossary, "term-missing")


def test_a_term_written_with_the_alternate_of_its_word_is_rendered(glossary) -> None:
    # UNHCR, protection services in Africa 2022 (heldout): "identification of survivors" renders « identification des victimes », and
    # "shelter" (« hébergement », not in the glossary) is no term put in its place
    fr = ("Ce rapport, le deuxième du genre, met en évidence les lacunes en matière de services de protection disponibles, notamment en ce qui "
          "concerne l’hébergement, l’accès à la justice, l’identification des victimes et les mesures prises pour lutter contre la violence "
          "sexuelle et sexiste, la traite des êtres humains et le problème des enfants non accompagnés et séparés.")
    en = ("The report is the second of its kind and highlights the gaps in available protection services, notably in shelter, access to "
          "justice, identification of survivors and the provision of responses to gender-based violence, trafficking, and for unaccompanied "
          "and separated children.")
    assert not kinds_on(fr, en, glossary, "term-missing")


def test_the_most_severe_of_two_flags_on_one_span_is_kept(glossary) -> None:
    # Council of Europe Commissioner, World Day 2022 (dev): « victimes de la traite » said as "fall prey to" points at the one stranger
    # of the English as context; the swap of « l'exploitation » for that stranger must still be reported
    fr = ("La pandémie de COVID-19 et ses conséquences délétères sur tous ceux qui vivent ou risquent de vivre dans la pauvreté est une autre "
          "raison de s'inquiéter du fait que davantage de personnes seront victimes de la traite des êtres humains et de l'exploitation si "
          "aucune mesure préventive n'est prise pour sauvegarder et renforcer les droits sociaux, notamment dans les domaines de l'éducation et du travail.")
    en = ("The COVID-19 pandemic and its deleterious consequences on all those living in, or at risk of living in poverty is another reason to be "
          "concerned that more people will fall prey to human trafficking and exploitation if no preventive measures are taken to safeguard and "
          "reinforce social rights, especially in the fields of education and labour.")
    assert not kinds_on(fr, en, glossary, "term-missing")
    assert ("en", "forced begging") in kinds_on(fr, en.replace("and exploitation", "and forced begging"), glossary, "term-missing")
    # the crime itself put for another inside « victimes de la traite des êtres humains », said freely: a term across a longer one
    assert ("en", "money laundering") in kinds_on(fr, en.replace("human trafficking", "money laundering"), glossary, "term-missing")


def test_a_term_inside_a_longer_french_term_said_freely(glossary) -> None:
    # IRCC briefing to CIMM 2024 (dev): « aider à protéger les victimes » is said freely; its victims are still to be rendered
    fr = ("- Le gouvernement du Canada reconnaît la gravité de la situation relative à la traite de personnes. "
          "IRCC s’est engagé à aider à protéger les victimes.")
    en = "- The Government of Canada recognizes the heinous nature of human trafficking. IRCC is committed to helping to protect victims."
    assert not kinds_on(fr, en, glossary, "term-missing")
    assert ("en", "unaccompanied children") in kinds_on(fr, en.replace("protect victims", "protect unaccompanied children"), glossary, "term-missing")


def test_a_term_holds_a_rendering_only_with_its_words_in_order(glossary) -> None:
    # House of Commons Justice Committee report 2018 (dev): "trafficking in human organs" holds "human" and "trafficking", another crime
    fr = "Ce rapport, qui examine la traite des personnes au Canada, est intitulé Continuer la lutte contre la traite des personnes au Canada."
    en = "This report examines human trafficking in Canada and is entitled Moving Forward in the Fight Against Human Trafficking in Canada."
    assert not flags_of(fr, en, glossary)
    swapped = en.replace("examines human trafficking", "examines trafficking in human organs")
    assert ("en", "trafficking in human organs") in kinds_on(fr, swapped, glossary, "term-missing")


def test_a_name_does_not_render_the_crime_it_names(glossary) -> None:
    # Public Safety Canada, Toronto exhibit 2021 (dev): another institution whose name holds "Trafficking in Persons"
    fr = "Sécurité publique Canada  souligne la traite des personnes avec un nouvel événement de sensibilisation"
    en = "Public Safety Canada  Shines Light on Human Trafficking with New Awareness Campaign Exhibit"
    assert not kinds_on(fr, en, glossary, "term-missing")
    swapped = en.replace("Public Safety Canada", "Alliance against Trafficking in Persons")
    assert ("en", "Alliance against Trafficking in Persons") in kinds_on(fr, swapped, glossary, "term-missing")


def test_a_blend_beside_the_term_written_right(glossary) -> None:
    # the Justice Committee report again: the French names the crime twice, the English once right and once as "human persons"
    fr = "Ce rapport, qui examine la traite des personnes au Canada, est intitulé Continuer la lutte contre la traite des personnes au Canada."
    en = "This report examines human trafficking in Canada and is entitled Moving Forward in the Fight Against Human Trafficking in Canada."
    assert ("en", "human persons") in kinds_on(fr, en.replace("examines human trafficking", "examines human persons"), glossary, "term-garbled")


def test_a_form_of_the_verb_etre_is_not_the_noun_etres(glossary) -> None:
    # ShareAmerica, TIP Report heroes 2019 (heldout3): « personnes qui en ont été victimes » beside one « traite des personnes », the
    # English naming the crime twice ("human trafficking survivors")
    fr = ("Adélaïde Sawadogo, du Burkina Faso, lutte depuis des dizaines d’années contre la traite des personnes et a directement aidé plus de "
          "1 500 personnes qui en ont été victimes.")
    en = ("Adélaïde Sawadogo, of Burkina Faso, has worked for decades to combat human trafficking and has directly helped more than 1,500 "
          "human trafficking survivors.")
    assert not kinds_on(fr, en, glossary, "term-garbled")


# IOM Deputy Director General, World Day 2022 (dev), the English naming IOM in full
IOM_FR = ("Selon le rapport mondial sur la traite des enfants, près de la moitié des enfants pris en charge par l’OIM sont victimes de la "
          "traite dans leur propre pays.")
IOM_EN = ("According to the Global Report on Child Trafficking, nearly half of child trafficking cases assisted by the International "
          "Organization for Migration take place in the victims’ own countries.")


def test_an_acronym_against_another_institution_named_in_full(glossary) -> None:
    assert not kinds_on(IOM_FR, IOM_EN, glossary, "acronym-mismatch")
    assert ("fr", "ONUDC") in kinds_on(IOM_FR.replace("l’OIM", "l’ONUDC"), IOM_EN, glossary, "acronym-mismatch")
    # and the other way: the French names it in full, the English has another institution's acronym
    fr = IOM_FR.replace("l’OIM", "l’Organisation internationale pour les migrations")
    assert ("en", "UNODC") in kinds_on(fr, IOM_EN.replace("the International Organization for Migration", "UNODC"), glossary, "acronym-mismatch")


def test_of_several_capitalised_words_the_other_institutions_acronym(glossary) -> None:
    # ILO, Forced Labour Protocol 2016 (heldout3): "US" beside the acronym
    fr = "L'OIT estime que le travail forcé génère 150 milliards de profits illégaux par an."
    en = "The ILO estimates that forced labour generates US $150 billion in illegal profits every year."
    assert not kinds_on(fr, en, glossary, "acronym-mismatch")
    assert ("en", "IOM") in kinds_on(fr, en.replace("The ILO", "The IOM"), glossary, "acronym-mismatch")


def test_concept_swap_draws_no_narrower_kind_of_the_same_thing(glossary) -> None:
    # IRCC briefing (dev): "presumed victim" is a narrower kind of victim (a variant of which is "victims of human trafficking"), and
    # UN Secretary-General, Slavery Day 2024 (dev): "sexual exploitation and abuse" holds "sexual exploitation"
    pairs = [("Entre 2015 et 2023, Immigration, Réfugiés et Citoyenneté Canada (IRCC) a délivré 906 permis de séjour temporaires à des "
              "étrangers victimes de la traite des personnes et à leurs personnes à charge (PST-VTP).",
              "Between 2015 and 2023, Immigration, Refugees and Citizenship Canada (IRCC) issued 906 temporary resident permits to out-of-status "
              "foreign national victims of human trafficking and their dependents (VTIP TRPs)."),
             ("En cette Journée internationale pour l’abolition de l’esclavage, nous appelons l’attention sur les quelque 50 millions de personnes "
              "dans le monde qui vivent dans des conditions épouvantables, allant de la traite des personnes et du travail forcé à l’exploitation "
              "sexuelle et au mariage forcé.",
              "On this International Day for the Abolition of Slavery, we shine a light on the estimated 50 million people worldwide trapped in "
              "horrific conditions — from human trafficking to forced labour, sexual exploitation and forced marriage.")]
    for (fr, en), term, narrower in zip(pairs, ("victims of human trafficking", "sexual exploitation"), ("presumed victim", "sexual exploitation and abuse")):
        swaps = {mutation.mutated[mutation.start:mutation.end].lower() for seed in range(40)
                 for mutation in concept_swap(SentencePair("x", "dev", fr, en), glossary, random.Random(seed))
                 if mutation.original[mutation.original_start:mutation.original_end] == term}
        assert swaps and not any(swap.startswith(narrower) for swap in swaps)


def test_an_acronym_the_french_gives_twice_and_the_english_once(glossary) -> None:
    # IOM Deputy Director General, World Day 2022 (dev): « l'OIM » twice, the English's second "IOM" put for another institution's
    fr = ("La Base de données collaborative sur la lutte contre la traite de l’OIM contient des données relatives à plus de 150 000 victimes "
          "de la traite identifiées par l’OIM et ses partenaires entre 2002 et 2021. Le nombre réel de victimes est toutefois sans doute bien plus élevé.")
    en = ("IOM’s Counter-Trafficking Data Collaborative includes data on over 150,000 trafficked victims identified by IOM and partners between "
          "2002 and 2021, but the real number is likely much higher.")
    assert not kinds_on(fr, en, glossary, "acronym-mismatch")
    assert ("en", "UNODC") in kinds_on(fr, en.replace("by IOM", "by UNODC"), glossary, "acronym-mismatch")
