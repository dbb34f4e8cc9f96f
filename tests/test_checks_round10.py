"""Tenth round of the checks (issue #14, read on heldout6 and the earlier parts): French capitals and spelling slips every house style
corrects, a name copied from the English with a word changed, and periods, dates and report names the number checks misread.
Each rule on sentences patterned on published texts of the kinds in eval/ (eval/README.md, "Tenth round"), with a case it flags and
one it leaves silent."""

from __future__ import annotations

from tests.checking import link_flags, reported


def typography(fr: list[str], glossary, en: list[str] | None = None) -> set[str]:
    return {text for side, kind, text in reported(link_flags(fr, en or [], glossary)) if side == "fr" and kind == "typography"}


def test_a_month_takes_no_capital_in_running_french(glossary) -> None:
    # a dateline of a Canadian NGO's release; a page's date stamp alone on its line too (the tenth round let it pass as the site's
    # template; readers of heldout8 and heldout12 annotated it, « 06 Avril 2005 », « 02 Juin 2010 »: seventeenth round)
    assert "Mars" in typography(["12 Mars 2019 – OTTAWA : Le Centre annonce le lancement de sa ligne d’urgence."], glossary)
    assert typography(["Le 12 mars 2019, le Centre a lancé sa ligne d’urgence."], glossary) == set()
    assert typography(["12 Mars 2019", "Le Centre a lancé sa ligne d’urgence."], glossary) == {"Mars"}


def test_a_ministry_capitalises_its_domain_not_the_word_ministere(glossary) -> None:
    # IOM releases: the capitals of a ministry's name swapped (information since the forty-first round: revisers mark four in nine)
    def noted(fr: list[str]) -> set[str]:
        return {text for side, kind, text in reported(link_flags(fr, [], glossary), ("info",)) if kind == "typography"}

    slip = ["La campagne est financée par le Ministère suédois de la justice et menée avec les autorités locales."]
    assert noted(slip) == {"Ministère suédois de la justice"} and not typography(slip, glossary)
    assert noted(["La campagne est financée par le ministère suédois de la Justice et menée avec les autorités locales."]) == set()
    # a text that writes all its ministries this way: its house style
    house = ["Le projet est soutenu par le Ministère de la santé et par le Ministère de l’éducation nationale."]
    assert noted(house) == set()


def test_an_adjective_capitalised_inside_a_phrase_in_lower_case(glossary) -> None:
    found = typography(["Le rapport propose une Stratégie Intégrée pour la protection des enfants migrants."], glossary)
    assert found == {"Stratégie Intégrée"}
    # a name in capitals throughout, and a listed name, are the body's own spelling
    assert typography(["Le Comité National de Lutte contre la Traite a publié son rapport."], glossary) == set()
    assert typography(["Il remercie l’Agence des Nations Unies pour les réfugiés de son soutien."], glossary) == set()


def test_a_language_takes_no_capital(glossary) -> None:
    # a US embassy's French release: the English acronym of a programme explained in brackets
    assert typography(["Le Programme d’Action pour l’Enfance (CAP en Anglais) soutient les services sociaux."], glossary) == {"en Anglais"}
    assert typography(["Le Programme (CAP en anglais) soutient les services sociaux."], glossary) == set()
    assert typography(["Les victimes identifiées en Corse ont été prises en charge."], glossary) == set()


def test_pour_cent_is_two_words(glossary) -> None:
    assert typography(["Près de 40 pourcent des victimes identifiées sont des femmes."], glossary) == {"pourcent"}
    assert typography(["Près de 40 pour cent des victimes identifiées sont des femmes."], glossary) == set()


def test_a_lost_oe_ligature(glossary) -> None:
    assert typography(["Les mesures mises en uvre par le gouvernement ont porté leurs fruits."], glossary) == {"uvre"}
    assert typography(["Les mesures mises en œuvre par le gouvernement ont porté leurs fruits."], glossary) == set()


def test_a_space_moved_after_a_closing_guillemet(glossary) -> None:
    assert typography(["Ces pratiques relèvent de l’«exploitation moderne» . Elles touchent des millions de personnes."], glossary)
    assert typography(["Ces pratiques relèvent de l’« exploitation moderne ». Elles touchent des millions de personnes."], glossary) == set()


def test_a_place_name_without_its_hyphen(glossary) -> None:
    # (Grammalecte's rule of place names knows « Colombie Britannique », not this one)
    found = typography(["La GRC de la Nouvelle Écosse a démantelé un réseau de traite à Halifax."], glossary)
    assert found == {"Nouvelle Écosse"}
    assert typography(["La GRC de la Nouvelle-Écosse a démantelé un réseau de traite à Halifax."], glossary) == set()
    # a title without its hyphen is not a place (« Haut Commissaire »)
    assert typography(["a déclaré Mme Triggs, Haut Commissaire assistante chargée de la protection."], glossary) == set()


def names(fr: list[str], en: list[str], glossary) -> set[str]:
    return {text for side, kind, text in reported(link_flags(fr, en, glossary)) if kind == "name-mismatch"}


def test_a_name_kept_in_english_with_one_word_changed(glossary) -> None:
    en = ["The workshop was funded by Global Affairs Canada and the Swedish government."]
    assert names(["L’atelier a été financé par Global Affaires Canada et le gouvernement suédois."], en, glossary) == {"Affaires"}
    assert names(["L’atelier a été financé par Affaires mondiales Canada et le gouvernement suédois."], en, glossary) == set()
    en = ["The Halifax Sessions brought together investigators from across the country."]
    assert names(["The Halifax Sessions ont réuni des enquêteurs de tout le pays."], en, glossary) == set()
    assert names(["The Hallifax Sessions ont réuni des enquêteurs de tout le pays."], en, glossary) == {"Hallifax"}
    # a title translated before a name kept in English
    en = ["Operation Northern Spotlight VII took place in October."]
    assert names(["L’opération Northern Spotlight VII a eu lieu en octobre."], en, glossary) == set()


def test_a_name_written_two_ways_in_one_text(glossary) -> None:
    # a French-only release: the visitor's name twice as in the heading, once with a letter more
    fr = ["Le ministre a reçu Jean Dupont de Valcourt à Luxembourg.", "Jean Dupont de Valcourt a rencontré le ministre.",
          "Jean Dupont de Vallcourt a aussi rencontré des associations."]
    assert names(fr, [], glossary) == {"Vallcourt"}
    # a word and its derivative are two words ("Central Africa", "Central African")
    assert names(["Les pays d’Afrique centrale se sont réunis.", "Les pays d’Afrique centrale ont signé."],
                 ["The Central Africa meeting was held.", "The Central Africa and West Africa states and Central African officials signed."],
                 glossary) == set()


def quantities(fr: list[str], en: list[str], glossary) -> set[tuple[str, str, str]]:
    return {flag for flag in reported(link_flags(fr, en, glossary)) if flag[1] in ("number-mismatch", "date-mismatch", "omission")}


def test_a_period_in_words_is_the_range_in_figures(glossary) -> None:
    # an EU release: the same period in figures in the link before, « entre … et … » in this one
    fr = ["La Commission fait le bilan des efforts menés durant son mandat 2011-2015.",
          "Le rapport montre que de nombreuses mesures ont été prises entre 2011 et 2015 pour protéger les victimes."]
    en = ["The Commission takes stock of the efforts made during its 2011-2015 mandate.",
          "The report shows that many measures were taken during 2011-2015 to protect victims."]
    assert quantities(fr, en, glossary) == set()
    assert quantities(fr, [en[0], en[1].replace("2011-2015", "2011-2016")], glossary), "another period is still a mismatch"


def test_a_report_named_after_an_acronym_is_not_money(glossary) -> None:
    fr = ["D’après le rapport 2015 d’EUROSTAT, les États membres ont enregistré 10 998 victimes."]
    en = ["According to the 2015 EUROSTAT report, Member States registered 10,998 victims."]
    assert quantities(fr, en, glossary) == set()
    assert quantities(["Le projet a reçu 2 015 euros de l’UE."], ["The project received 2,015 from the EU."], glossary)


def test_a_date_the_english_gives_as_tomorrow(glossary) -> None:
    fr = ["L’OIM et deux opérateurs signeront le 14 mai un accord de partenariat contre la traite."]
    en = ["IOM and two operators will sign a partnership agreement against trafficking tomorrow."]
    assert quantities(fr, en, glossary) == set()
    assert quantities(fr, [en[0].replace(" tomorrow", "")], glossary), "a date the English drops is still reported"


def test_organised_trafic_is_illicit_trade_not_trafficking_in_persons(glossary) -> None:
    # a French-only page: « le trafic organisé » is the organised illicit trade in general, beside « la traite des personnes »
    fr = ["Comme le commerce illégal en général, le trafic organisé repose sur la corruption.", "La traite des personnes est un crime grave."]
    flags = {flag for flag in reported(link_flags(fr, [], glossary)) if flag[1] == "concept-confusion"}
    assert flags == set()
    fr = ["Ce trafic repose sur la corruption.", "La traite des personnes est un crime grave."]
    assert {flag for flag in reported(link_flags(fr, [], glossary)) if flag[1] == "concept-confusion"}


def test_an_article_opening_a_sentence_is_not_part_of_a_name(glossary) -> None:
    # a hotline's release: « Le Service national … » (its name) and « Le service … » (the common noun) open two sentences
    fr = ["Le Service national d’écoute sera ouvert jour et nuit.", "Le service offrira une aide en plusieurs langues."]
    assert {flag for flag in reported(link_flags(fr, [], glossary)) if flag[1] == "term-inconsistent"} == set()
    fr = ["Le projet du Service National d’écoute est lancé.", "Il complète le Service national d’écoute existant."]
    assert {flag for flag in reported(link_flags(fr, [], glossary)) if flag[1] == "term-inconsistent"}


def test_to_before_a_verb_is_the_infinitive_not_a_term_missing_its_preposition(glossary) -> None:
    # a proclamation: "to support victims" is a verb and its object, not "support for victims" without its preposition
    fr = ["Nous réaffirmons notre volonté de mettre fin à ce crime et de soutenir les victimes."]
    en = ["We reaffirm our resolve to end this crime and to support victims and survivors."]
    assert {flag for flag in reported(link_flags(fr, en, glossary)) if flag[1] == "term-garbled"} == set()


def test_an_institution_the_french_names_by_an_acronym_the_glossary_lacks(glossary) -> None:
    # an IOM headline: the English drops IOM and names the European Union, which the French calls « l'UE »
    en = ["Trafficking victims return home from the European Union"]
    fr = "L’OIM accompagne le retour des victimes de traite depuis les pays de l’UE"
    assert {flag for flag in reported(link_flags([fr], en, glossary)) if flag[1] == "acronym-mismatch"} == set()
    fr = "L’OIM accompagne le retour des victimes de traite depuis les pays européens"
    assert {flag for flag in reported(link_flags([fr], en, glossary)) if flag[1] == "acronym-mismatch"}


def test_the_year_of_a_report_named_in_a_title_on_one_side_only(glossary) -> None:
    # a report's summary page: the English title carries the edition's year, the French title does not
    fr, en = ["Rapport mondial sur la traite des personnes"], ["UNODC 2018 Global Report on Trafficking in Persons"]
    assert quantities(fr, en, glossary) == set()
    assert quantities(["Rapport mondial 2016 sur la traite des personnes"], en, glossary), "a year on both sides is still compared"
    fr = ["L’ONUDC a publié son rapport mondial sur la traite des personnes en décembre."]
    en = ["UNODC published its 2018 Global Report on Trafficking in Persons in December."]
    assert quantities(fr, en, glossary), "in a sentence, a year on one side only is still reported"


def test_a_dateline_names_a_place_not_its_adjective(glossary) -> None:
    en = ["Spain - IOM Spain has launched a project to help victims of trafficking return home."]
    fr = "Espagnole - Le bureau de l’OIM en Espagne a lancé un projet pour aider les victimes de traite à rentrer chez elles."
    assert {flag[2] for flag in reported(link_flags([fr], en, glossary)) if flag[1] == "name-mismatch"} == {"Espagnole"}
    fr = "Espagne - Le bureau de l’OIM en Espagne a lancé un projet pour aider les victimes de traite à rentrer chez elles."
    assert {flag for flag in reported(link_flags([fr], en, glossary)) if flag[1] == "name-mismatch"} == set()


def test_a_comma_inside_the_closing_quotation_mark(glossary) -> None:
    # an IOM release naming a partner company in straight quotes
    assert typography(['L’OIM et "Kyivstar," le premier opérateur du pays, ont signé un accord.'], glossary)
    assert typography(['L’OIM et « Kyivstar », le premier opérateur du pays, ont signé un accord.'], glossary) == set()


def test_french_set_phrases_and_articles(glossary) -> None:
    # a newsletter, an RCMP release, an NGO's release: the slips of a hasty French
    assert typography(["Le projet est mené en partenariat avec Centre national de prévention du crime."], glossary) == {"avec Centre"}
    assert typography(["Le projet est mené en partenariat avec le Centre national de prévention du crime."], glossary) == set()
    assert typography(["Les demandes sont traitées par Service Canada dans les dix jours."], glossary) == set()
    assert typography(["C’est la meilleure façon où nous pourrons protéger les victimes."], glossary) == {"façon où"}
    assert typography(["C’est la meilleure façon dont nous pourrons protéger les victimes."], glossary) == set()
    assert typography(["L’organisme à l’honneur de présenter son nouveau programme."], glossary) == {"à l’honneur"}
    assert typography(["Le thème de cette année met à l’honneur les premiers intervenants."], glossary) == set()


def test_french_set_phrases_of_objects_slavery_and_languages(glossary) -> None:
    assert typography(["Les enfants qui font objet d’exploitation sont orientés vers des services."], glossary) == {"font objet"}
    assert typography(["Les enfants qui font l’objet d’exploitation sont orientés vers des services."], glossary) == set()
    assert typography(["Des milliers de personnes sont réduites en esclave chaque année."], glossary) == {"réduites en esclave"}
    assert typography(["Des milliers de personnes sont réduites en esclavage chaque année."], glossary) == set()
    assert typography(["Le guide est publié en anglais et espagnol sur le site."], glossary) == {"en anglais et espagnol"}
    assert typography(["Le guide est publié en anglais et en espagnol sur le site."], glossary) == set()
    assert typography(["Les victimes vivent en ville et travaillent dans les champs."], glossary) == set()


def test_a_singular_possessive_without_its_determiner(glossary) -> None:
    fr = ["Le risque ne dépend pas du niveau d’études de la victime."]
    english = {text for side, kind, text in reported(link_flags(fr, ["The risk does not depend on victim’s level of education."], glossary))
               if side == "en" and kind == "typography"}
    assert english == {"victim’s level"}
    for correct in ("The risk does not depend on the victim’s level of education.", "The crisis had an impact on people’s vulnerability."):
        assert {text for side, kind, text in reported(link_flags(fr, [correct], glossary)) if side == "en" and kind == "typography"} == set()


def test_for_the_purpose_of(glossary) -> None:
    # a provincial strategy's definition of trafficking
    fr = ["Il s’agit de recruter ou de transporter une personne en vue de l’exploiter."]
    en = "It means recruiting or transporting a person {} exploiting them."
    flagged = {text for side, kind, text in reported(link_flags(fr, [en.format("for purpose of")], glossary)) if side == "en" and kind == "typography"}
    assert flagged == {"for purpose of"}
    assert not {text for side, kind, text in reported(link_flags(fr, [en.format("for the purpose of")], glossary)) if side == "en" and kind == "typography"}


def test_two_crimes_coordinated_without_their_own_article_or_preposition(glossary) -> None:
    # UNODC West and Central Africa releases
    found = typography(["Le pays est un lieu de transit pour les victimes de la traite des personnes et le trafic de migrants."], glossary)
    assert found == {"de la traite des personnes et le trafic"}
    assert typography(["Le pays est un lieu de transit pour les victimes de la traite des personnes et du trafic de migrants."], glossary) == set()
    found = typography(["La stratégie de lutte contre la traite des êtres humains et trafic illicite de migrants est adoptée."], glossary)
    assert found == {"la traite des êtres humains et trafic"}
    assert typography(["La stratégie de lutte contre la traite des êtres humains et le trafic illicite de migrants est adoptée."], glossary) == set()


def test_an_adjective_after_the_generic_noun_of_a_place(glossary) -> None:
    # an IOM story from Ghana: the region's adjective capitalised after « région »
    assert typography(["Les enfants ont retrouvé leurs familles dans la région Septentrionale du pays."], glossary) == {"région Septentrionale"}
    assert typography(["Les enfants ont retrouvé leurs familles dans la région septentrionale du pays."], glossary) == set()
    assert typography(["Les enfants ont retrouvé leurs familles dans la région Asie-Pacifique."], glossary) == set()


def test_a_day_of_observance_capitalises_its_first_word_only(glossary) -> None:
    fr = "À l’occasion de la Journée mondiale de la Santé, le ministre a annoncé un financement."
    assert typography([fr], glossary) == {"Journée mondiale de la Santé"}
    assert typography([fr.replace("Santé", "santé")], glossary) == set()


def test_a_share_in_words_is_its_percentage(glossary) -> None:
    # an IOM release: « 20 % » in the French, "a fifth" in the English
    fr = "Quelque 20 % des victimes aidées par l’OIM en 2016 étaient exploitées dans l’industrie du sexe."
    en = "A fifth of all victims assisted by IOM in 2016 were trafficked for the purpose of sexual exploitation."
    assert quantities([fr], [en], glossary) == set()
    assert quantities([fr.replace("20 %", "30 %")], [en], glossary), "another share is still a mismatch"
    assert quantities(["La moitié des victimes sont des enfants."], ["50 per cent of the victims are children."], glossary) == set()
    assert quantities(["Les enfants représentent un tiers des victimes."], ["Children represent one-third of victims."], glossary) == set()
    assert quantities(["Les enfants représentent un tiers des victimes."], ["One in three victims is a child."], glossary) == set()
