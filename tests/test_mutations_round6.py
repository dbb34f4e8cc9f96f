"""The sixth round of the checks (issue #14, mutation benchmark): each rule shown on a sentence pair of a published text of the
eval/ corpus (eval/README.md, "Mutations, sixth round"), with the published pair left silent and the slip flagged."""

from __future__ import annotations

from bench.mutations import SentencePair, concept_swap, preposition
from tests.checking import link_flags, reported


def flags_of(fr: str, en: str, glossary) -> set[tuple[str, str, str]]:
    return reported(link_flags([fr], [en], glossary, has_official=True))


def garbled(fr: str, en: str, glossary) -> set[tuple[str, str]]:
    return {(side, text) for side, kind, text in flags_of(fr, en, glossary) if kind == "term-garbled"}


# EU Strategy on Combatting Trafficking in Human Beings 2021 (dev)
EU_FR = "La traite des êtres humains détruit la vie de ses victimes en les privant de leur dignité, de leur liberté et de leurs droits fondamentaux."
EU_EN = "Trafficking in human beings destroys individuals’ lives by depriving people of their dignity, freedom and fundamental rights."


def test_an_english_term_with_another_preposition_is_garbled(glossary) -> None:
    assert not garbled(EU_FR, EU_EN, glossary)
    assert ("en", "Trafficking from human beings") in garbled(EU_FR, EU_EN.replace("in human", "from human"), glossary)
    # "of" links any noun to its complement: outside names it is usage, not a slip; the glossary admits "trafficking of human beings"
    # (fortieth round: none of its 5 uses on the readable parts was marked by their revisers)
    assert not {kind for side, kind, _ in flags_of(EU_FR, EU_EN.replace("in human", "of human"), glossary)} & {"forbidden-term", "term-garbled"}


def test_a_range_and_a_verb_with_its_object_are_not_a_garbled_preposition(glossary) -> None:
    # UN Secretary-General, International Day for the Abolition of Slavery 2024 (dev)
    fr = ("En cette Journée internationale pour l’abolition de l’esclavage, nous braquons les projecteurs sur les quelque 50 millions de personnes "
          "prises au piège de conditions effroyables, de la traite des êtres humains au travail forcé, "
          "en passant par l’exploitation sexuelle et le mariage forcé.")
    en = ("On this International Day for the Abolition of Slavery, we shine a light on the estimated 50 million people worldwide trapped in horrific "
          "conditions — from human trafficking to forced labour, sexual exploitation and forced marriage.")
    assert not garbled(fr, en, glossary)
    fr = "Pour passer de la parole aux actes, les États doivent renforcer l’application de la loi, protéger, libérer et soutenir les victimes."
    en = "To transform words into deeds, Governments must strengthen law enforcement, protect, liberate and support victims."
    assert not garbled(fr, en, glossary)


def test_a_dropped_english_preposition_in_a_name_or_after_its_noun_is_garbled(glossary) -> None:
    # Council of Europe Commissioner for Human Rights, World Day 2022 (dev)
    fr = ("À la veille de la Journée mondiale de la lutte contre la traite des êtres humains, la Commissaire aux droits de l'homme du Conseil de "
          "l'Europe, Dunja Mijatović, a publié la déclaration suivante :")
    en = ("Ahead of the World Day against Trafficking in Persons, the Council of Europe Commissioner for Human Rights, Dunja Mijatović, "
          "issued the following statement:")
    assert not garbled(fr, en, glossary)
    assert ("en", "Council Europe") in garbled(fr, en.replace("Council of Europe", "Council Europe"), glossary)
    assert ("en", "World Day Trafficking in Persons") in garbled(fr, en.replace("Day against", "Day"), glossary)
    # OSCE factsheet 2013 (dev): a gerund takes its object with no preposition
    fr = "L’esclavage des temps modernes est l’une des questions de sécurité les plus exigeantes et les plus complexes dans la région de l’OSCE."
    en = "Trafficking human beings is one of the most demanding and complex security issues in the OSCE region."
    assert not garbled(fr, en, glossary)


def test_a_term_word_cut_short_is_garbled(glossary) -> None:
    # Women and Gender Equality Canada, World Day 2020 (dev)
    fr = ("Le gouvernement du Canada travaille avec des partenaires nationaux et internationaux pour lutter contre la traite des personnes "
          "sous toutes ses formes.")
    en = "The Government of Canada is working with domestic and international partners to combat human trafficking in all its forms."
    assert not garbled(fr, en, glossary)
    assert ("en", "human traffic") in garbled(fr, en.replace("human trafficking", "human traffic"), glossary)


def test_a_blend_chained_to_another_term_is_garbled(glossary) -> None:
    # EU Strategy 2021 (dev): « victimes de la traite » and « traite des êtres humains » share « traite »
    fr = "Près de la moitié des victimes de la traite des êtres humains dans l’Union européenne sont des ressortissants de l’Union."
    en = "Nearly half of the victims of trafficking within the European Union are EU nationals."
    assert not garbled(fr, en, glossary)
    assert ("fr", "traite des êtres personnes") in garbled(fr.replace("êtres humains", "êtres personnes"), en, glossary)


def test_words_of_two_variants_run_together_are_garbled(glossary) -> None:
    # Public Safety Canada, World Day 2025 (dev)
    fr = ("Le gouvernement s'est engagé à rendre la libération sous caution plus difficile pour les récidivistes accusés de crimes graves, "
          "y compris la traite des personnes.")
    en = "The Government has committed to making bail harder for repeat offenders charged with serious crimes, including human trafficking."
    assert not garbled(fr, en, glossary)
    assert ("en", "human persons") in garbled(fr, en.replace("human trafficking", "human persons"), glossary)
    # words one variant holds together are a paraphrase
    assert not garbled(fr, en.replace("human trafficking", "the trade in human beings"), glossary)
    # IOM, EU Anti-Trafficking Day 2013 (heldout; a false alarm while this rule was written): « seraient » is a form of « être »,
    # not a word of « êtres humains »
    fr = ("Bien que l’ampleur de la traite au niveau mondial soit difficile à quantifier, près de 800 000 personnes en seraient victimes dans le "
          "monde entier chaque année, et les victimes seraient encore plus nombreuses à l’intérieur de leur propre pays.")
    en = ("While the global scale of human trafficking is difficult to quantify, as many as 800,000 people may be trafficked across international "
          "borders each year, with even more victims trafficked within their own countries.")
    assert not garbled(fr, en, glossary)


def test_a_name_with_a_word_changed_is_garbled_when_the_linked_text_names_it(glossary) -> None:
    # IOM Director General, World Day 2020 (dev)
    fr = ("L’OIM met en œuvre des interventions de lutte contre la traite en accord avec les principes des droits de l’homme depuis plus de "
          "vingt ans, bien avant que le Protocole de Palerme ne nous fournisse les paramètres clairement définis que nous connaissons aujourd’hui.")
    en = ("IOM was implementing counter trafficking interventions in accordance with human rights principles long before the Palermo Protocol "
          "gave us the clearly defined parameters that we know today.")
    assert not garbled(fr, en, glossary)
    assert ("fr", "État de Palerme") in garbled(fr.replace("Protocole de Palerme", "État de Palerme"), en, glossary)
    assert ("en", "General Protocol") in garbled(fr, en.replace("Palermo Protocol", "General Protocol"), glossary)


def test_a_name_given_twice_by_the_linked_text_and_once_here_lost_a_word(glossary) -> None:
    # Council of Europe Commissioner for Human Rights, World Day 2022 (dev)
    fr = ("Les Etats membres du Conseil de l'Europe doivent être particulièrement vigilants et prendre toutes les mesures nécessaires pour "
          "prévenir et combattre la traite des êtres humains dans ce contexte, conformément aux récentes recommandations du Groupe d'experts "
          "du Conseil de l'Europe sur la lutte contre la traite des êtres humains (GRETA).")
    en = ("Council of Europe member states should be particularly vigilant and take all necessary measures to prevent and combat human "
          "trafficking in this context, in line with the recent recommendations by the Council of Europe’s Group of Experts on Action against "
          "Trafficking in Human Beings (GRETA).")
    assert not garbled(fr, en, glossary)
    assert ("fr", "Nations de l'Europe") in garbled(fr.replace("membres du Conseil", "membres du Nations"), en, glossary)
    assert ("en", "Presidential of Europe") in garbled(fr, en.replace("Council of Europe member", "Presidential of Europe member"), glossary)


def test_another_institutions_acronym_for_an_office_without_an_english_acronym(glossary) -> None:
    # IOM Deputy Director General, World Day 2022 (dev)
    fr = ("Selon le rapport mondial sur la traite des enfants, près de la moitié des enfants pris en charge par l’OIM sont victimes de la traite "
          "dans leur propre pays.")
    en = "According to the Global Report on Child Trafficking, nearly half of child trafficking cases assisted by IOM take place in the victims’ own countries."
    assert not any(kind == "acronym-mismatch" for _, kind, _ in flags_of(fr, en, glossary))
    assert ("en", "acronym-mismatch", "IOM") in flags_of(fr.replace("l’OIM", "le BIT"), en, glossary)
    # the Office's own organisation is how English often renders it
    assert not any(kind == "acronym-mismatch" for _, kind, _ in flags_of(fr.replace("l’OIM", "le BIT"), en.replace("IOM", "ILO"), glossary))


def test_operators_leave_out_what_is_no_error(glossary) -> None:
    pair = SentencePair("eu-strategy-thb-2021", "dev", EU_FR, EU_EN)
    import random

    for seed in range(20):
        for mutation in preposition(pair, glossary, random.Random(seed)):
            if mutation.side == "en":
                assert " of human" not in mutation.mutated or "forbidden-term" in mutation.kinds
    # victim ↔ survivor alternate in the glossary; "presumed victims" qualifies "victims": neither is a concept swap
    fr = "Bien souvent, les victimes sont stigmatisées, subissent des traumatismes ou endurent de profondes souffrances."
    en = "Victims often experience trauma, profound suffering and stigmatization."
    swaps = {mutation.mutated for seed in range(30) for mutation in concept_swap(SentencePair("x", "dev", fr, en), glossary, random.Random(seed))}
    assert swaps and not any(text.startswith(("Survivor", "Presumed")) for text in swaps)


def test_a_term_of_another_concept_in_place_of_one_of_two_renderings(glossary) -> None:
    # Women and Gender Equality Canada, World Day 2020 (dev): the French names the crime twice, the English once inside the Day's name
    fr = ("« Aujourd’hui, c’est la Journée mondiale de la lutte contre la traite d’êtres humains. La traite d’êtres humains est l’un des crimes "
          "les plus horribles qu’on puisse imaginer, et il affecte de manière disproportionnée les personnes les plus vulnérables de notre société. »")
    en = ("“Today is the World Day Against Trafficking in Persons. Human trafficking is one of the most horrific crimes imaginable, "
          "disproportionately affecting the most vulnerable members of our society.”")
    assert not flags_of(fr, en, glossary)
    swapped = en.replace("Human trafficking is", "Transnational organized crime is")
    assert ("en", "term-missing", "Transnational organized crime") in flags_of(fr, swapped, glossary)
    # UN Secretary-General, Slavery Day 2024 (dev; a false alarm while the rule was written): a term holding the rendering renders it
    fr = "Partout dans le monde, unissons nos forces pour détecter, dénoncer et abolir l’esclavage contemporain sous toutes ses formes."
    en = "Everywhere, let us join forces to detect, report and abolish contemporary forms of slavery in all its forms."
    assert not any(kind == "term-missing" for _, kind, _ in flags_of(fr, en, glossary))
