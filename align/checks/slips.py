"""Slips of text pasted from a PDF or edited in haste, on the French and the official English: what no house style writes.

- a word cut in two by a space, each half not a word or one of them not, the two together a word (« ser vices »: PDF line justification);
- a space between an elided letter and its apostrophe (« d ’être », « d’ y »: PDF kerning);
- a French heading in English Title Case, shown by a capitalised conjunction or preposition between capitalised words
  (« Prévention Et Soutiens Communautaires »: French capitalises a heading's first word only);
- "at-risk" with a hyphen where it is not before a noun ("may be at-risk of", "at-risk and removed"): the compound takes its hyphen
  only as an adjective before its noun ("at-risk youth");
- a quotation mark doubled (two closing quotation marks after "harm.");
- two determiners in a row ("of the those": an edit left half done);
- a country's French name written without its hyphens (« Papouasie Nouvelle Guinée »; the names are CLDR's, through babel);
- a space after the hyphen of a compound ("High- Level", "three-and-a- half"; not a suspended hyphen, "short- and long-term", nor a
  dash after a name, « Taha- qui »);
- French capitals: a generic geographic noun capitalised before its proper name (« l'Océan Atlantique », « les rives du Lac Volta »:
  « l'océan Atlantique », « lac Volta »), a cardinal point in a region's name in lower case (« l'Afrique de l'ouest »: « de l'Ouest »),
  a subject pronoun capitalised after a comma (« Madame la Présidente, Je souhaiterais »); « n o 29 » for « no 29 » (a superscript
  pasted from a PDF);
- French number agreement a glossary noun or an article breaks: « victime de … » after a plural noun and its plural adjective
  (« des enfants ghanéens victime de la traite »), a singular article before a plural noun and its plural adjective (« le peuples
  autochtones ») — regular plurals only (the lemmatiser's lemma plus s or x), so « la fois vastes » or « 14 ans victime » stay silent;
- a word of an English name with a letter dropped that makes it a rare word ("Sahelian Sates": "sates" is a word, a hundred times rarer
  than "states", which it is with one letter put back; a surname, "Minister Gord", is not a word);
- "committed to end": "committed", "dedicated", "devoted" and "look forward" take "to" with a gerund ("committed to ending"); a verb is
  told by its "-ing" form being a frequent English word (wordfreq), so "committed to justice" stays silent;
- a transitive verb given a preposition ("emphasized on sharing", "discussed about": "emphasized sharing"; the noun "emphasis on" is right);
- « pour » before a determiner with a verb's present-tense form instead of its infinitive (« Pour marque la Journée »: « marquer »),
  told by the word plus « r » being a frequent French infinitive (wordfreq) and the word not being one;
- « quelque que » for « quel que » (or « quelqu'un que »);
- an English glossary term with a word's number changed: its plural noun made singular at its end ("trafficking in person") or its
  modifier given a plural s ("humans beings");
- « pourcent » for « pour cent » (two words in French, or « % »);
- a lost « œ » (« mis en uvre »: a ligature the page's encoding dropped): a word the French dictionary does not know that, with « œ »
  put back, is a frequent one;
- a body named by a generic noun and its adjective without its article (« avec Centre national de coordination »);
- « façon où », « manière où » for « façon dont »; « à l'honneur de » + infinitive for the verb « a l'honneur de »; « font objet de »
  for « font l'objet de »; « réduit en esclave » for « en esclavage »; « en français et anglais » for « en français et en anglais »;
- English: "for purpose of" without its article ("for the purpose of");
- English: a singular countable noun's possessive without a determiner after a preposition ("depend on victim’s education");
- two crimes coordinated after « de » or an article, the second without its own (« victimes de la traite des personnes et le trafic de
  migrants »: « et du trafic »; « la traite des personnes et trafic illicite »: « et le trafic »);
- a comma inside a closing quotation mark, the English way (« "Galnaftogas," l'une des … »);
- a space moved from inside a closing guillemet to after it (« modernes» . »: « modernes ». »);
- a place name written without the hyphens the French dictionary gives it as a proper name (« Nouvelle Écosse », « Moyen Orient »),
  where Grammalecte's own rule of place names has not already said so;
- a country spelt the English way in the French (« Haiti », « Senegal »: CLDR's French name is the same letters with accents), a
  country or region with a capital lost (« Côte d’ivoire », « Asie du Sud-est »);
- « non- » before an adjective (« organisations non-gouvernementales »: no hyphen; before a noun, « la non-discrimination », it stays);
- « jeudi le 27 février » for « le jeudi 27 février »; « cf » without its stop; « bons nombres de », « en détails »; « dollars Us »;
  « COVID19 »; a prefix that is no word apart from its word (« inter régionale »);
- English: "the key to" with an infinitive, "determination to" with a gerund; "and or" for "and/or";
- an article before a country or island French names without one (« vers l'Israël », « la Terre-Neuve »).

Each one was found on the eval/ corpus only where a reader had marked it (eval/README.md, "Seventh round", "Eighth round" and
"Twenty-ninth round", "Thirtieth round"); all are warnings.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from align.checks.base import Check, CheckContext, LinkView
from align.checks.grammar import CAPITALISED_PAIR, _french_known, morphologies
from align.model import Flag
from align.terms.matching import longest_matches
from align.terms.words import fold, is_known, tokenize
from align.text.language import in_english_quotation
from align.text.quantities import EN_MONTHS_IN_SMALL_LETTERS, MONTH_NAMES, SPACED_DECIMAL_COMMA

_TWO_WORDS = re.compile(r"(?<![\w’'-])(?=([a-zà-ÿ]{2,}) ([a-zà-ÿ]{2,})(?![\w’'-]))")
_SPLIT_MIN_LETTERS = 6
_SPACED_APOSTROPHE = {
    "fr": re.compile(r"(?<![\w’'])(?:[dlnmtsjc]|qu|jusqu|lorsqu|puisqu)(?:\s[’']\s?|[’']\s)(?=[^\W\d_])", re.IGNORECASE),
    "en": re.compile(r"(?<=[a-z])\s[’'](?=(?:s|t|re|ve|ll|d|m)\b)"),
}
APOSTROPHE_STAND_INS = "´`‘"
"""What is typed for an elision's apostrophe by a slip (an accent, an opening quotation mark): other checks read it as the apostrophe."""
_ACCENT_FOR_APOSTROPHE = re.compile(rf"(?<![\w’'-])(?:[dlnmtsjc]|qu|jusqu|lorsqu|puisqu)([{APOSTROPHE_STAND_INS}])(?=[^\W\d_])", re.IGNORECASE)
"""« l´occasion », « d`un », « l‘hébergement »: an accent or an opening quotation mark typed for the apostrophe of an elision (a keyboard
without the apostrophe where the writer looked, or a text read from a scan)."""
_ACCENT_FOR_ENGLISH_APOSTROPHE = re.compile(r"(?<=[^\W\d_])([´`])(?=(?:s|t|re|ve|ll|d|m)\b)")
""""the world´s children", "don`t": an accent typed for the apostrophe of a possessive or a contraction."""
_CAPITAL_I_FOR_L = re.compile(r"(?<![\w’'-])I(?:[’'](?=[a-zà-ÿ])|e(?= [a-zà-ÿ]))")
"""« Ie recrutement », « I’accueil »: a capital I read for an l, in a text read from a scan (French has no word « Ie » nor « I’ »)."""
_TWO_ARTICLES = re.compile(r"(?<![\w’'-])(?:du|au|aux|des|le|la|les)\s+(?:(?:le|la|les|du|au|aux|(?-i:ce|cet|cette|ces))(?![\w’'-])|l['’](?=[^\W\d_]))",
                           re.IGNORECASE)
"""« au nom du l'Office », « de la l'infraction », « dans le ce domaine »: two determiners in a row, one of them left over from an edit
(French counterpart of "the a"); not « la leur » (a pronoun), « à la une » (a noun) nor « la CES » (an acronym)."""
_LAST_STOP_DROPPED = re.compile(r"(?<![\w.’'-])(?:[A-Z]\.)+[A-Z](?![\w.’'-])")
""""the U.S into Canada", « H.E: »: an abbreviation written with a stop after each initial but the last."""
_FRENCH_TITLE_CASE = re.compile(r"(?<![\w’'-])[A-ZÀ-Ý][a-zà-ÿ]+ (?:Et|Ou|Pour|Sur|Contre|Avec|Dans|Aux)(?: [A-ZÀ-Ý][a-zà-ÿ]+)+")
"""(« De », « Du », « La », « Le » are left out: they begin surnames, « Michaëlle De Cock », « Karel De Gucht ».)"""
_AT_RISK_ALONE = re.compile(r"\bat-risk\b(?=\s+(?:of|to|for|and|or|in|from|because|when|if)\b|\s*[.,;:)])", re.IGNORECASE)
_ACUTE_A = re.compile(r"(?<![\w’'-])á(?![\w’'-])")
_MIXED_QUOTATION_MARKS = re.compile(r"(“)\s*([^\s”»«]+)[^”»«\n]{0,300}»|(«)[\s\u00a0\u202f]*([^\s”»«“]+)[^»“”«\n]{0,300}”")
"""« “Donc elles sont expédiées … » »: an English opening quotation mark closed by a French one, or the other way round."""
_TITLE_GLUED_TO_NAME = re.compile(r"(?<![\w.])(MM?\.)([A-ZÀ-Ý][a-zà-ÿ’'-]*)")
"""« M.Ahmed Herzenni », « M.M’Barek »: « M. » glued to the name (« Mme.Dupont », a word and its stop, is `align.checks.layout`'s)."""
_INVERSION_WITHOUT_HYPHENS = re.compile(r"(?<![\w’'-])(?:(a|va) t |([^\W\d_]*[ea])(?: t-|-t ))(il|elle|on)\b")
"""« a t-il », « lance t-il », « explique-t elle »: the euphonic « t » between hyphens (« a t il » only after « a », « va »)."""
_BETWEEN_THE_SAME = re.compile(r"\bentre (?:le |la |les |l’|l')?([A-ZÀ-Ý][\w-]+) et (?:le |la |les |l’|l')?\1(?![\w-])")
"""« la coopération entre le Niger et le Niger »: one of the two was meant to be another (Nigeria)."""
_PLURAL_UNIT_COMPOUND = re.compile(r"\b(\d+)-(day|week|month|year|hour)s\b")
_UNIT_BEFORE_NOUN = re.compile(r"\b([2-9]|\d\d+) (day|week|month|year|hour)(?= [a-z]{3,})")
""""the 180 day period", "a 15 year old girl": the singular unit after a number above one is an adjective, which takes the hyphen."""
_DOUBLED_QUOTE = re.compile(r"(?<=[.!?,])([\"”»])\s?\1(?=\s|$)")
"""A closing quotation mark after the sentence's punctuation, written twice (the space: a segment may end between the two)."""
_TWO_DETERMINERS = re.compile(r"\b(?:the|a|an)\s+(?:the|a|an|those|these)\b", re.IGNORECASE)
_GEOGRAPHIC_GENERIC = re.compile(r"(?:(?<=[a-zà-ÿ,] )|(?<=[lLdD]['’]))(Océan|Lac|Mer|Fleuve|Golfe|Mont|Rivière|Désert|Île|Baie|Détroit)"
                                 r"(?= [A-ZÀ-Ý][a-zà-ÿ])(?![\w-]*-)")
"""French writes the generic noun of a place in lower case and its specific name with a capital (« l'océan Atlantique », « le lac Volta »);
not at a sentence's start, nor in a hyphenated name (« Mont-Royal »)."""
_LOWER_CARDINAL = re.compile(r"(?:\b[lLdD]['’]|\b(?:en|au|la|le) )[A-ZÀ-Ý][a-zà-ÿ]{2,} ((?:de l['’](ouest|est)|du (nord|sud))(?:-(?:est|ouest))?)\b")
"""A cardinal point naming a region after a place's name (« l'Afrique de l'Ouest », « l'Europe du Nord ») takes a capital."""
_PRONOUN_AFTER_COMMA = re.compile(r"(?<=, )(?:Je|Nous|Vous|Il|Elle|Ils|Elles|On)(?= [a-zà-ÿ])")
_TO_WITH_GERUND = re.compile(r"\b(?:committed|dedicated|devoted|look(?:s|ed|ing)? forward|the key) to ([a-z]{2,})\b"
                             r"(?= (?!(?:and|or|but|in|into|of|for|on|at|by|with|from|towards?|as|that|which)\b)[A-Za-z])", re.IGNORECASE)
"""(followed by the verb's object: "committed to change in the sector", "dedicated to research and education" are nouns)"""
GERUND_ZIPF = 2.5
_GERUND_FOR_INFINITIVE = re.compile(r"\b(?:determination|decision|ability|willingness|intention|resolve) to ([a-z]{3,}ing)\b", re.IGNORECASE)
""""determination to eradicating child labour": these nouns take the infinitive ("determination to eradicate"); "commitment to ending"
takes the gerund and is left out."""
_AND_OR = re.compile(r"\band or\b")
""""to prevent and or combat trafficking": "and/or" with its slash lost."""
_TRANSITIVE_WITH_PREPOSITION = re.compile(r"\b(?:emphasi[sz](?:e|es|ed|ing) (?:on|upon)|discuss(?:es|ed|ing)? about)\b", re.IGNORECASE)
_POUR_WITHOUT_INFINITIVE = re.compile(r"\b[Pp]our ([a-zà-ÿ]{3,}e) (?=(?:la|le|les|l['’]|un|une|des|leur|leurs|ces|cette|ce|cet|son|sa|ses)\b)")
INFINITIVE_ZIPF = 3.0
_NAME_PAIR = re.compile(r"\b[A-Z][a-z]{2,} ([A-Z][a-z]{3,})\b")
RARE_NAME_WORD_ZIPF = 2.5
FREQUENT_WORD_ZIPF = 4.5
_VICTIME_AFTER_PLURAL = re.compile(r"(?<![\w-])([a-zà-ÿ]{3,}[sx]) ([a-zà-ÿ]{3,}[sx]) (victime)(?= (?:de|d['’]))")
_SINGULAR_ARTICLE_BEFORE_PLURAL = re.compile(r"(?<![\w’'-])(?:le|la|du|au) ([a-zà-ÿ]{3,}[sx]) ([a-zà-ÿ]{3,}[sx])(?![\w’'-])")
_QUELQUE_QUE = re.compile(r"\b[Qq]uelque que\b")
_SPLIT_NUMERO = re.compile(r"\b([nN]) ([o°])(?= \d)")
_SPACED_HYPHEN = re.compile(r"(?<![\w-])((?:[^\W\d_]+-)*[^\W\d_]+)- (?!(?:and|or|nor|to|et|ou|à)\b)([^\W\d_]+)")
_DASH_FOLLOWERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "which", "who", "le", "la", "les", "un", "une", "des", "qui"})
_BARE_POSSESSIVE = re.compile(r"\b(?:on|of|in|for|to|with|by|from|at|about|upon) ([a-z]{3,})[’']s (?!own\b)([a-z]+)")
""""does not depend on victim’s education": a singular countable noun takes a determiner before its possessive ("the victim’s", or
the plural "victims’"); "people’s", "today’s", "children’s" are not singular countable nouns."""
_SET_POSSESSIVES = frozenset({("harm", "way"), ("arm", "length"), ("stone", "throw"), ("death", "door"), ("heaven", "sake"),
                              ("wit", "end"), ("money", "worth"), ("mind", "eye")})
"""Idioms that take no determiner: "in harm’s way", "at arm’s length"."""
COUNTABLE_PLURAL_ZIPF_GAP = 1.5
_PURPOSE_WITHOUT_ARTICLE = re.compile(r"\b([Ff]or|[Ww]ith) purpose of\b")
""""for purpose of exploiting them": the set phrase is "for the purpose of" (as the Criminal Code's definition says it)."""
_ENGLISH_PREPOSITIONS = frozenset({"in", "of", "for", "against", "on"})
_POURCENT = re.compile(r"(?<![\w’'-])([Pp])ourcents?(?![\w’'-])")
_FRENCH_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-zà-ÿ]{2,}(?![\w’'-])")
LIGATURE_ZIPF = 3.0
_SPACE_AFTER_GUILLEMET = re.compile(r"(?<=[^\W\d_])([»”]) ([.,])(?=\s|$)")
_BODY_WITHOUT_ARTICLE = re.compile(r"(?<![\w’'-])(?:[Aa]vec|[Pp]ar|[Pp]our|[Ss]ur|[Cc]ontre|[Ee]ntre) "
                                   r"(Centre|Service|Ministère|Conseil|Bureau|Comité|Commission|Office|Agence|Département|Secrétariat|Organisation|Gouvernement|"
                                   r"Fonds|Programme|Réseau|Groupe)(?= [a-zà-ÿ])")
"""« en association avec Centre national de coordination »: a body named by a generic noun and its adjective takes the article
(« avec le Centre national »); a name of its own after the noun (« Service Canada ») does not, and is left alone."""
_MANNER_OU = re.compile(r"(?<![\w’'-])(façon|manière) où(?![\w’'-])")
"""« la seule façon où nous réussirons »: « façon » and « manière » take « dont »."""
_A_HONNEUR = re.compile(r"(?<![\w’'-])à (l[’']honneur) (?=(?:de |d[’'])[a-zà-ÿ]+(?:er|ir|re)\b)")
"""« Le Centre à l'honneur d'annoncer »: the verb « a » (avoir l'honneur de + infinitive) written as the preposition « à »."""
_OBJET_WITHOUT_ARTICLE = re.compile(r"(?<![\w’'-])((?:fai|fon|fer|fas|fi)[a-zî]*) objet(?= de | ?d[’'])")
"""« les migrants qui font objet de trafic »: the set phrase is « faire l'objet de »."""
_PROVINCES = ("Alberta", "Ontario", "Québec", "Manitoba", "Saskatchewan", "Colombie-Britannique", "Nouvelle-Écosse", "Nouveau-Brunswick",
              "Terre-Neuve-et-Labrador", "Île-du-Prince-Édouard", "Yukon", "Nunavut")
_PROVINCE_NAMES = "|".join(_PROVINCES)
_GLUED_SENTENCE = re.compile(r"(?<![\w’'-])([A-ZÀ-Ý]?[a-zà-ÿ]{3,})(Le|La|Les|Un|Une|Des|Du|Il|Elle|Ils|Elles|Ce|Cette|Ces|Dans|En|Pour|Au|Aux"
                             r"|Selon|Depuis|Lors|Mais|On|Nous)(?= [a-zà-ÿ])")
"""« FootballUne nouvelle affaire »: a heading or a tag run into the sentence after it (the page's line break lost)."""
_DEMI_APART = re.compile(r"(?<![\w’'-])(?<!et )([Dd]emi) ([a-zà-ÿ]{3,})(?![\w’'-])")
"""« un demi million »: « demi » before a noun is joined to it by a hyphen (« un demi-million », « une demi-heure »); after it, « et demi »."""
_NUMBER_WORDS = "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|cent"
_REDUIT_EN_ESCLAVE = re.compile(r"(?<![\w’'-])(r[ée]dui[a-z]*) en (esclaves?)(?![\w’'-])")
"""« réduit en esclave »: one is reduced to slavery, « réduit en esclavage »."""
_EN_MATIERE_ARTICLE = re.compile(r"(?<![\w’'-])([Ee]n matière) (de la|des|du|de l[’'])(?= ?[^\W\d_])")
"""« en matière de la lutte », « en matière des droits »: the locution takes its noun without an article (« en matière de lutte »)."""
_HYPHENATED_TITLE = re.compile(r"(?<![\w’'-])((?:sous-|vice-)?(?:secrétaire|direct(?:eur|rice)|procureure?|gouverneure?|vérificat(?:eur|rice)|"
                               r"inspect(?:eur|rice)|consul|commissaire|trésori(?:er|ère)|greffi(?:er|ère)|délégué))-(générale?s?|généraux)(?![\w’'-])",
                               re.IGNORECASE)
"""« le Secrétaire-Général »: the English hyphen of "Secretary-General", "Director-General" carried into French, which writes the title in
two words (« le Secrétaire général », « la Directrice générale »); military ranks keep theirs in Canadian French (« lieutenant-général »)
and are not listed."""
_LANGUAGES_ONE_EN = re.compile(r"(?<![\w’'-])en ([a-zà-ÿ]{4,}) (et|ou) ([a-zà-ÿ]{4,})(?![\w’'-])")
"""« présentée en français et anglais »: each language takes its own « en » (« en français et en anglais »)."""
_CRIME = r"(?:traite|trafic)(?: illicite)? (?:des|d['’]|de) [a-zêé]+(?: humains)?"
_CRIMES_ONE_DE = re.compile(rf"(?<![\w’'-])(?:de la|du) {_CRIME} et ((?:le|la|l['’]) ?)(trafic|traite|exploitation|esclavage|travail)\b")
"""« les victimes de la traite des êtres humains et le trafic de migrants »: the second crime is a complement of « de » too (« et du trafic »)."""
_CRIMES_ONE_ARTICLE = re.compile(rf"(?<![\w’'-])(?:la|le) (?:{_CRIME}|traite|trafic(?: illicite)?) (?:et|ou) (trafic|traite|exploitation|esclavage|travail)\b")
"""« contre la traite des personnes et trafic illicite de migrants », « la traite et trafic des personnes »: each coordinated crime takes its
article (« et le trafic »)."""
_CRIME_ARTICLES = {"trafic": "le ", "traite": "la ", "exploitation": "l’", "esclavage": "l’", "travail": "le "}
_MILLION_BELOW_TWO = re.compile(r"(?<![\d,.])([01],\d+) (million|milliard)s(?![\w’'-])")
"""« 1,6 milliards »: « million » and « milliard » are nouns and take the plural from two on (« 1,6 milliard de dollars »)."""
_SPACE_BEFORE_HYPHEN = re.compile(r"(?<![\w’'-])([^\W\d_]+)[ \u00a0]([\u2011-])([^\W\d_]+)(?![\w’'-])")
"""« bien ‑être », « États ‑Unis »: a compound cut by a space before its hyphen (a non-breaking hyphen always joins a compound)."""
_PRONOUNS_AFTER_HYPHEN = frozenset({"je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "le", "la", "les", "lui", "leur", "moi",
                                    "toi", "en", "y", "ce", "t"})
"""« liste -les »: a dash before a word; a verb and its pronoun make a « compound » the dictionary accepts (« liste-les »)."""
_NON_BEFORE_WORD = re.compile(r"(?<![\w’'-])([Nn]on)[ \u00a0]+([a-zà-ÿ]{3,})(?![\w’'-])")
"""« non versement »: « non » before a noun makes a compound noun (« non-versement »); before an adjective or a participle it stays apart
(« non accompagné »)."""
_DAY_WORD_YEAR = re.compile(r"(?<![\d.,/])(?:[12]?\d|3[01])(?:er|st|nd|rd|th)?[ \u00a0]+([^\W\d_]{5,12})[ \u00a0,]+(?:1[89]|20)\d\d\b")
"""A day, a word and a year (« 12 Novembere 2010 »): where the month stands."""
_MOJIBAKE = re.compile(r"[ÃÂâÅ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]+(?:[ÃÂâÅ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]+)*")
"""UTF-8 read as Windows-1252 (« hÃ©bergÃ©s », « lâ€™enfant »): kept only where it decodes back (`_restored_encoding`)."""
_MISGROUPED_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})*[ \u00a0\u202f]\d{4,})(?=[ \u00a0\u202f]?(?:F ?CFA|FCFA|€|\$|euros?|"
                                r"dollars?|francs?|CHF|USD|EUR|gourdes?|ariary|dirhams?|DH|dinars?)\b)")
"""« 60 0000 FCFA »: an amount grouped by spaces with a last group of four figures (a digit slipped in, or a space out of place)."""
_UNGROUPED_NUMBER = re.compile(r"(?<![\w.,/\-–:#°])(?<![Nn]o )(?<![Nn]° )(\d{2,3})(\d{3})(?![\w.,/\-–])(?!\s+[A-ZÀ-Ý])")
"""« estime à 70000 le nombre »: a number of five or six figures written without its thousands separator (a code or a postal code has
letters, a sign or a place's name beside it)."""
_NUMBER_LABEL = re.compile(r"\b(?:Doc|Docs|Réf|Ref|No|Nos|Nr|App|Req|Res)\.\s?$|\b(?:Doc|Application|Requête|Résolution|Resolution)\s$"
                           r"|\b(?:[Nn]uméro|[Nn]umber|No\.?|N°) de dossier\s?:\s?$|\bQuestion (?:N°|[Nn]o\.?|n°)\s?:?\s*$"
                           r"|\b(?:[Ff]ile|[Cc]ase) (?:[Nn]umber|[Nn]o\.?)\s?:?\s?$")
"""« Doc. 13152 », "Application no. 21884/15", "Resolution 217", « Numéro de dossier : 220850 », "File number: 220850": a number after the
label of a document's or a case's number is its reference, written without separators."""
_ETC_DOTS = re.compile(r"\betc\s?(?:\.{2,}|…)")
"""« etc... »: « etc. » holds its own stop; the ellipsis says « and so on » twice."""
_COMMA_INSIDE_QUOTES = re.compile(r"(?<=[^\W\d_])(,)([\"”])(?=\s)")
"""« et "Galnaftogas," l'une des … »: English puts the comma inside the closing quotation mark; French puts it after (and writes « »)."""
_NON_HYPHENATED = re.compile(r"(?<![\w’'-])([Nn]on)-([a-zà-ÿ]{3,})(?![\w’'-])")
"""« non-gouvernementales », « non-négligeable »: « non » before an adjective takes no hyphen (« non gouvernementales »); before a noun it
does (« la non-discrimination », « les non-citoyens »)."""
_WEEKDAY_THEN_ARTICLE = re.compile(r"(?<![\w’'-])(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),? le (\d{1,2}(?:er)?)(?= [a-zéû]{3,})")
"""« jeudi le 27 février 2014 »: a French date puts the article before the day's name (« le jeudi 27 février »), the English order calqued."""
_US_IN_SMALL_LETTERS = re.compile(r"(?<=[a-zà-ÿ] )Us(?![\w’'-])")
"""« 32 millions de dollars Us »: the country's initials are capitals (« dollars US »); French has no word « Us » (« us et coutumes »)."""
_COVID_WITHOUT_HYPHEN = re.compile(r"(?<![\w-])(COVID|Covid|covid) ?19(?![\w-])")
_PAST_AFTER_DID = re.compile(r"(?<![\w’'-])((?:[Dd]id|[Dd]oes|[Dd]o)(?: not|n[’']t)) (chose|went|took|gave|made|came|saw|knew|thought|told|found|became"
                             r"|began|brought|bought|caught|felt|kept|met|paid|spoke|stood|understood|wrote|ran)(?![\w’'-])")
""""they did not chose to be in": after « did not » the verb stays in its base form ("choose")."""
_PAST_BASES = {"chose": "choose", "went": "go", "took": "take", "gave": "give", "made": "make", "came": "come", "saw": "see", "knew": "know",
               "thought": "think", "told": "tell", "found": "find", "became": "become", "began": "begin", "brought": "bring", "bought": "buy",
               "caught": "catch", "felt": "feel", "kept": "keep", "met": "meet", "paid": "pay", "spoke": "speak", "stood": "stand",
               "understood": "understand", "wrote": "write", "ran": "run"}


@lru_cache(maxsize=1)
def _countries_without_article() -> re.Pattern:
    """CLDR's English names of countries of one word that English writes without "the" ("with the Mali in 2011"); not those it writes
    with it (the Gambia, the Netherlands, the Philippines …) nor a name used as a modifier ("the Canada Border Services Agency")."""
    from babel import Locale

    with_the = {"Gambia", "Netherlands", "Philippines", "Bahamas", "Comoros", "Maldives", "Seychelles", "Sudan", "Congo", "Ukraine",
                "Lebanon", "Yemen", "Niger", "Chad", "Vatican", "Caribbean", "Sahel", "Sahara"}
    names = sorted(name for code, name in Locale.parse("en").territories.items()
                   if code.isalpha() and re.fullmatch(r"[A-Z][a-z]+", name) and name not in with_the)
    return re.compile(rf"(?<![\w-])[Tt]he ({'|'.join(names)})(?=[,.;:)]| (?:in|and|or|to|on|for|with|from|since|is|was|has|had|have|will)\b)")


_PREFIX_APART = re.compile(r"(?<![\w’'-])(inter|intra|multi|pluri|trans|socio|néo|extra|micro|macro|semi) ([a-zà-ÿ]{4,})(?![\w’'-])")
"""« la coopération régionale et inter régionale »: a prefix that is no word of its own, apart from the word it makes (« interrégionale »)."""
_CF_WITHOUT_STOP = re.compile(r"(?<![\w.’'-])([Cc]f)(?=[ \u00a0])")
"""« (cf page 3 du guide) »: « cf. » is an abbreviation (confer) and takes its stop."""


@lru_cache(maxsize=1)
def _unhyphenated_places() -> tuple[re.Pattern, dict[str, str]]:
    """CLDR's French names of countries and regions that take hyphens, as written without them, and the pattern finding them."""
    from babel import Locale

    names = {name.replace("-", " "): name for locale in ("fr", "fr_CA") for name in Locale.parse(locale).territories.values() if "-" in name}
    # French usage may drop the accent of a capital (« Etats-Unis »): the name without its hyphen is as much a slip then
    names |= {_unaccented_capitals(spaced): _unaccented_capitals(name) for spaced, name in names.items()}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")(?![\w-])")
    return pattern, names


@lru_cache(maxsize=1)
def _unaccented_places() -> tuple[re.Pattern, dict[str, str]]:
    """CLDR's English names of countries that are the French name without its accents (« Haiti » / « Haïti », « Senegal » / « Sénégal »),
    and the pattern finding them (not before another capitalised word: « Benin Republic » is an English name kept whole)."""
    from babel import Locale

    english, french = Locale.parse("en").territories, Locale.parse("fr").territories
    names = {english[code]: french[code] for code in english.keys() & french.keys()
             if code.isalpha() and re.fullmatch(r"[A-Z][a-z]+", english[code]) and english[code] != french[code]
             and fold(english[code]) == fold(french[code])}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(names))) + r")(?![\w-])(?! [A-ZÀ-Ý])")
    return pattern, names


@lru_cache(maxsize=1)
def _miscapitalised_places() -> tuple[re.Pattern, dict[str, str]]:
    """CLDR's French names of countries and regions with a capital inside (« Côte d’Ivoire », « Asie du Sud-Est »), by their form in
    small letters, and the pattern finding them in any case; not « Nations Unies » (the UN's « Nations unies » is as right) nor a name
    opening with its article (« La Réunion » / « la réunion »)."""
    from babel import Locale

    names = {name.lower(): name for locale in ("fr", "fr_CA") for code, name in Locale.parse(locale).territories.items()
             if code != "UN" and re.search(r"[ -]", name) and any(char.isupper() for char in name[1:]) and not re.match(r"(?:la|le|les) ", name, re.IGNORECASE)
             and "Pseudo" not in name}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(name).replace("’", "[’']") for name in sorted(names, key=len, reverse=True))
                         + r")(?![\w-])", re.IGNORECASE)
    return pattern, names


def _adjective_only(word: str) -> bool:
    """Whether the French dictionary reads `word` as an adjective and never as a noun (« gouvernementales », not « membres »)."""
    from align.checks.grammar import morphologies

    readings = morphologies(word)
    return bool(readings) and all(":A" in reading and ":N" not in reading for reading in readings)


_AVOIR_THEN_WORD = re.compile(r"(?<![\w’'-])(ai|as|a|avons|avez|ont|avais|avait|avions|aviez|avaient|aurai|auras|aura|aurons|aurez|auront|"
                              r"aurais|aurait|aurions|auriez|auraient) ([a-zà-ÿ]{3,}(?:er|ir|re|oir))(?![\w’'-])")
"""« ça aurait faire une différence »: a form of « avoir » then a word ending like an infinitive (`_infinitive_only` decides)."""


_FRENCH_ENDING = re.compile(r"(?<![\w’'-])([a-z]{4,})(?:er|é|ée|és|ées)(?![\w’'-])")
ENGLISH_VERB_ZIPF = 3.5


def _english_verb_frenchified(word: str, stem: str) -> bool:
    """Whether `word` is no French word and `stem` is a frequent English one (« uploader », « checké »): franglais."""
    from wordfreq import zipf_frequency

    from align.checks.grammar import _french_known, english_word

    return (not _french_known(word) and english_word(stem) and not _french_known(stem) and zipf_frequency(stem, "en") >= ENGLISH_VERB_ZIPF
            and not any(_french_known(word[:index] + "é" + word[index + 1:]) for index, letter in enumerate(word) if letter == "e"))
    # (« presentée » is « présentée » without its accent: the spelling check's)


def _infinitive_only(word: str) -> bool:
    """Whether every reading the French dictionary has of `word` is an infinitive (« faire »; not « pouvoir », « devoir »: nouns too)."""
    from align.checks.grammar import morphologies

    readings = morphologies(word)
    return bool(readings) and all(":Y" in reading for reading in readings)


def _noun_too(word: str) -> bool:
    """Whether the French dictionary reads `word` as a noun, among its readings."""
    from align.checks.grammar import morphologies

    return any(":N" in reading for reading in morphologies(word))


def _unaccented_capitals(name: str) -> str:
    return re.sub(r"(?<![\w’'])[ÀÂÉÈÊÎÔ]", lambda capital: fold(capital.group(0)).upper(), name)


def slips(links: list[LinkView], context: CheckContext) -> list[Flag]:
    flags = []
    for link in links:
        for side in ("fr", "en") if context.has_official else ("fr",):
            text = link.texts[side]
            if text:
                flags += _slips_in(link.number, side, text)
        if context.has_official and link.texts["en"]:
            flags += _number_slips_in_terms(link, context)
    return flags + _commas_inside_guillemets(links, context)


_COMMA_INSIDE_GUILLEMET = re.compile(r"(?<=[^\W\d_])(,[ \u00a0\u202f]*»)")
_COMMA_AFTER_GUILLEMET = re.compile(r"»[ \u00a0\u202f]*,")
COMMA_HOUSE_STYLE = 2
"""How often a French text must put the comma inside its closing guillemets, and never after them, for that to be its house style."""


def _commas_inside_guillemets(links: list[LinkView], context: CheckContext) -> list[Flag]:
    """« …, » a-t-elle dit »: French puts the comma after the closing guillemet (readers of eval/ mark it in five of the seven texts
    that write it); a text that writes it so twice or more and never the other way keeps its own house style."""
    document = context.document_texts["fr"] or " ".join(link.texts["fr"] for link in links)
    inside = len(_COMMA_INSIDE_GUILLEMET.findall(document))
    if not inside or (inside >= COMMA_HOUSE_STYLE and not _COMMA_AFTER_GUILLEMET.search(document)):
        return []
    return [Flag(link.number, "fr", "typography", "warning", found.start(1), found.end(1), found.group(1),
                 "« , » »: French puts the comma after the closing guillemet (« … », a-t-elle dit).", " »,")
            for link in links for found in _COMMA_INSIDE_GUILLEMET.finditer(link.texts["fr"])]


def _number_slips_in_terms(link: LinkView, context: CheckContext) -> list[Flag]:
    """An English glossary term written with one word's number changed: the plural noun that ends it after a preposition made singular
    ("trafficking in person": "in person" means present in the flesh), or a modifier before the term's next word given a plural s
    ("Trafficking in humans beings"); English modifiers do not agree."""
    glossary, text = context.glossary, link.texts["en"]
    flags = []
    for match in longest_matches(link.matches.get("en", [])):
        if match.status == "forbidden" or match.type != "term" or match.gap:
            continue
        entry = next((e for e in glossary.concept_entries(match.concept, "en") if e.term == match.entry), None)
        inside = tokenize(text[match.start:match.end], "en")
        if entry is None or len(inside) != len(entry.words):
            continue
        last = len(inside) - 1
        for index, (word, term_word) in enumerate(zip(inside, entry.words)):
            if word.lemma != term_word.lemma or word.surface == term_word.surface:
                continue
            singular_end = (index == last and index and term_word.surface == term_word.lemma + "s" and word.surface == word.lemma
                            and inside[index - 1].surface in _ENGLISH_PREPOSITIONS and not re.match(r"['’]s\b|-", text[match.end:]))
            plural_modifier = (index < last and not word.stop and not inside[index + 1].stop and term_word.surface == term_word.lemma
                               and word.surface == word.lemma + "s" and text[match.start + word.end:match.start + word.end + 1] not in ("’", "'"))
            # (a plural possessive, "victims’ protection", is no modifier)
            if singular_end or plural_modifier:
                start, end = match.start + word.start, match.start + word.end
                right = term_word.surface if word.text.islower() else term_word.surface.capitalize()
                why = "is plural in this term" if singular_end else "does not take a plural s before the noun it qualifies"
                flags.append(Flag(link.number, "en", "typography", "warning", start, end, text[start:end],
                                  f"“{text[start:end]}” in “{match.term}”: the word {why} (“{entry.term}”).", right))
                break
    return flags


_ACRONYM_PLURAL = re.compile(r"(?<![\w’'-])([A-Z]{2,6})s(?![\w’'-])")
"""« des ONGs »: French acronyms are invariable (the English "NGOs" is left in a French text as an English title's word only)."""
_GUILLEMET = re.compile(r"«[^«»\n]{0,300}»|[«»]")


_FIRST_OF_MONTH = r"(?:au\b|janv|févr|mars|avr|mai\b|juin|juil|ao[uû]t|sept|oct|nov|déc)"
_PART_OF_A_WHOLE = {
    "fr": re.compile(r"(?<![\d.,])(?P<part>\d{1,3}(?:[ \u00a0\u202f]\d{3})*)[ \u00a0]+(?:des|d['’]entre les|parmi les|sur les)[ \u00a0]+"
                     r"(?P<whole>\d{1,3}(?:[ \u00a0\u202f]\d{3})*)(?![\d.,])"),
    "en": re.compile(r"(?<![\d.,])(?P<part>\d{1,3}(?:,\d{3})*) (?:of|out of) the (?P<whole>\d{1,3}(?:,\d{3})*)(?![\d.,])"),
}
"""« 9 des 7 victimes », "12 of the 10 cases": a share of a group larger than the group."""
_PATTERN_SLIPS: dict[str, tuple[tuple[re.Pattern, str, str], ...]] = {
    "fr": (
        (re.compile(rf"(?<![\w-])(?:[Dd]u|[Ll]e|[Aa]u|dès le|depuis le)[ \u00a0]+(?P<slip>1)(?=[ \u00a0]+{_FIRST_OF_MONTH})"),
         "« 1 » before a month: the first day is written « 1er ».", "1er"),
        (re.compile(r"(?<![\w-])(?P<slip>qui) (?=(?:faut|fallait|faudra|faudrait)\b)"),
         "« \\g<slip> faut »: the impersonal verb takes « il » (« qu'il faut »).", "qu'il"),
        (re.compile(r"(?<![\w-])(?:ne|n['’])[ \u00a0]*[a-zà-ÿ]+[ \u00a0]+(?P<slip>ps)(?![\w-])"), "« ps » after « ne … »: « pas »?", "pas"),
        (re.compile(r"(?<![\w-])violations?[ \u00a0]+(?:(?:graves?|flagrantes?|massives?|systématiques?)[ \u00a0]+)?(?P<slip>aux)(?=[ \u00a0]+droits\b)"),
         "« violation aux droits »: one violates rights, « violation des droits » (« atteinte aux droits »).", "des"),
        (re.compile(r"»(?P<slip>[-–—])(?=[ \u00a0])"), "« »\\g<slip> »: a space goes between the guillemet and the dash.", "» \\g<slip>"),
        (re.compile(r"(?<=[^\W\d_][ \u00a0])(?P<slip>(?P<dash>[–—])(?P<word>[^\W\d_]+))"), "« \\g<slip> »: a dash opening an incise takes a space after it.",
         "\\g<dash> \\g<word>"),
        (re.compile(r"(?<![\w-])(?:du|au|le|les|des|aux|[Dd]ès le|[Dd]epuis le)[ \u00a0]+(?P<slip>(?P<century>[XVI]{2,6}))(?=[ \u00a0]+siècles?\b)"),
         "« \\g<century> siècle »: a century's number takes its ordinal ending (« \\g<century>e siècle »).", "\\g<century>e"),
        (re.compile(r"(?<![\w-])[Ee]ntre[ \u00a0]+(?:le[ \u00a0]+)?\d[\d \u00a0er]*(?:[ \u00a0]+[a-zé]+)?(?:[ \u00a0]+\d{4})?"
                    r"[ \u00a0]+(?P<slip>à)(?=[ \u00a0]+(?:le[ \u00a0]+)?\d)"),
         "« entre … à … »: « entre » takes « et » (« entre 2015 et 2022 »), « de » takes « à ».", "et"),
        (re.compile(r"(?<![\w,.])(?P<slip>(?P<year>1[89]\d\d|20\d\d)(?P<word>sur|dans|pour|par|avec|et|les|des|de|en|au|aux|à))(?![\w-])"),
         "« \\g<slip> »: a space is missing after the year.", "\\g<year> \\g<word>"),
        (re.compile(r"(?<![\w-])points?[ \u00a0]+de[ \u00a0]+(?P<slip>repères)(?![\w-])"),
         "« points de repères »: « repère » stays singular in the locution (« des points de repère »).", "repère"),
        (re.compile(r"(?<![\w’'-])(?P<slip>(?P<b>[Bb])ons nombres) (?=d[e’'])"),
         "« \\g<slip> »: « bon nombre de » is invariable (« \\g<b>on nombre »).", "\\g<b>on nombre"),
        (re.compile(r"(?<![\w’'-])(?P<slip>en détails)(?![\w’'-])"), "« \\g<slip> »: « en détail » is invariable (« en détail »).", "en détail"),
        (re.compile(r"(?<![\w’'-])(?P<slip>(?P<month>janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
                    r"[ \u00a0]+0?(?P<day>[1-9]|[12]\d|3[01])(?:er)?,?[ \u00a0]+(?P<year>\d{4}))(?![\w-])", re.IGNORECASE),
         "« \\g<slip> »: the English order of a date; French writes the day first (« \\g<day> \\g<month> \\g<year> »).",
         "\\g<day> \\g<month> \\g<year>"),
        (re.compile(r"(?<![\w/.@:-])(?!https?:|mailto:|ftp:)(?P<slip>(?P<a>[a-zà-ÿ]{3,}):(?P<b>[a-zà-ÿA-ZÀ-Ý]{3,}))(?![\w/])"),
         "« \\g<slip> »: the colon is glued to the words on both sides (« \\g<a> : \\g<b> »).", "\\g<a> : \\g<b>"),
        (re.compile(r"(?<![\w’'-])(?P<slip>et ou)(?![\w’'-])"), "« et ou »: the two conjunctions are joined by a slash (« et/ou »).", "et/ou"),
        (re.compile(r"(?<![\w’'-])(?P<slip>que (?:que\b|qu['’]))"), "« \\g<slip> »: the conjunction is written twice.", "que"),
        (re.compile(r"(?<=\d/)(?P<slip>(?P<number>\d+)(?P<word>du|de|des|et|le|la|les|en|au|aux))(?![\w’'-])"),
         "« \\g<slip> »: a space is missing after the number.", "\\g<number> \\g<word>"),
        (re.compile(r"(?<![\w’'-])(?<![Dd]e )(?<!en )(?P<slip>plus en plus)(?![\w’'-])"), "« plus en plus » takes « de » (« de plus en plus »).",
         "de plus en plus"),
        (re.compile(r"«[^»\"“”\n]{1,300}(?P<slip>\")(?=[\s.,;:!?])"), "A quotation opened with « and closed with a straight quote.", " »"),
        (re.compile(r"(?<![\w.])(?P<slip>(?P<abbreviation>ch|art|al|n°|p)\.(?P<number>\d))"),
         "« \\g<slip> »: a space goes after the abbreviation, before its number (« \\g<abbreviation>. \\g<number> »).",
         "\\g<abbreviation>. \\g<number>"),
        (re.compile(r"(?<![\w’'-])(?P<slip>Ca)(?= (?:ne|n['’]|va|fait|est|a|me|m['’]|te|nous|vous|suffit|dépend|veut|peut|doit|se|s['’]|"
                    r"prend|reste|commence|arrive)\b)"), "« Ca »: the pronoun keeps its cedilla in capitals (« Ça »).", "Ça"),
        (re.compile(r"(?<![.\s]\w)(?<!etc)(?<!\.\.)(?P<slip>\.)(?=[ \u00a0\u202f]*[»”][ \u00a0]*,)"),
         "A full stop before the closing quotation mark, then a comma: the quotation that the incise follows takes no stop "
         "(« … mineurs », a déclaré).", ""),
        (re.compile(r"(?<=[»”])(?P<slip>[ \u00a0]*\.)(?=[ \u00a0]+[a-zà-ÿ])"),
         "A full stop after the quotation, then a small letter: the incise follows a comma (« … ce fléau », a déclaré).", ","),
        (re.compile(r"(?<![\w’'-])(?<!peu )(?P<slip>(?P<pres>[Pp]rès)) (?=\d)"),
         "« \\g<pres> » before a number takes « de » (« \\g<pres> de 30 millions »; « à peu près 30 » is the other locution).", "\\g<pres> de"),
        # (set phrases written with a plural they do not take or without one they take, with a letter short or hyphens they have not,
        # and an auxiliary typed twice: « trafiquants d’être humains », « un sans-papier », « les Nations Unis », « la lutte conte la
        # traite », « de plus-en-plus », « le pot-aux-roses », « M. Barry a avait rencontré »)
        (re.compile(r"(?<![\w’'-])(?P<slip>(?P<nations>[Nn]ations [Uu]ni)s)(?![\w’'-])"),
         "« \\g<slip> »: « Nations » is feminine (« \\g<nations>es »).", "\\g<nations>es"),
        (re.compile(r"(?<![\w’'-])(?P<slip>(?P<verb>[Ll]utte[rs]?|[Ll]uttent|[Ll]uttons) conte)(?= la | le | les | l['’])"),
         "« \\g<slip> »: a letter is missing (« \\g<verb> contre »).", "\\g<verb> contre"),
        (re.compile(r"(?<![\w’'-])(?P<slip>(?:a|ont|ai|avons|avez|avait|avaient) (?P<second>avait|avaient|avons|avez|ont|ai))(?![\w’'-])"),
         "« \\g<slip> »: two forms of « avoir » in a row, one too many (« \\g<second> »).", "\\g<second>"),
        (re.compile(r"(?<![\w’'-])(?P<slip>(?P<de>[Dd]e) (?P<first>plus|moins)-en-(?P<second>plus|moins))(?![\w’'-])"),
         "« \\g<slip> »: the locution takes no hyphen (« \\g<de> \\g<first> en \\g<second> »).", "\\g<de> \\g<first> en \\g<second>"),
        (re.compile(r"(?<![\w’'-])(?P<slip>[Ss]ans-papier)(?![\w’'-])"), "« \\g<slip> »: the noun keeps its s in the singular (« \\g<slip>s »).",
         "\\g<slip>s"),
        (re.compile(r"(?<![\w-])(?P<slip>être humains)(?![\w’'-])"), "« \\g<slip> »: « êtres humains », both in the plural (« êtres humains »).",
         "êtres humains"),
        (re.compile(r"(?<![\w’'-])(?P<slip>pot-aux-roses)(?![\w’'-])"), "« \\g<slip> »: the idiom takes no hyphens (« pot aux roses »).", "pot aux roses"),
        # (« les infractions relatives à traite des personnes »: the crime takes its article after « à »; « il y a traite » says there is
        # trafficking)
        (re.compile(r"(?<![\w’'-])(?<!y )(?P<slip>à traite)(?= des? | d[’'])"), "« \\g<slip> »: the crime takes its article (« à la traite »).",
         "à la traite"),
        # (« qui regroupent plus 250 enquêteurs »: more than a number is « plus de »; « 2 plus 2 » is a sum)
        (re.compile(r"(?<![\w’'-])(?<!\d )(?<!de )(?<!au )(?<!en )(?<!le )(?<!la )(?P<slip>[Pp]lus) (?=\d[\d \u00a0\u202f.,]*[ \u00a0][a-zà-ÿ]{3,})"),
         "« \\g<slip> » before a number: « \\g<slip> de ».", "\\g<slip> de"),
        # (« un(1) », « 8(huit) »: a number in words and in figures, the bracket glued to it; figures alone before a bracket are a
        # reference, « art. 731(1) »)
        (re.compile(rf"(?i)(?<![\w’'-])(?P<slip>(?P<words>{_NUMBER_WORDS})\((?P<figures>\d+)\))(?![\w’'-])"),
         "« \\g<slip> »: a space before the bracket (« \\g<words> (\\g<figures>) »).", "\\g<words> (\\g<figures>)"),
        (re.compile(rf"(?i)(?<![\w’'-])(?P<slip>(?P<figures>\d+)\((?P<words>{_NUMBER_WORDS})\))(?![\w’'-])"),
         "« \\g<slip> »: a space before the bracket (« \\g<figures> (\\g<words>) »).", "\\g<figures> (\\g<words>)"),
        # (« la traite sexuelle, la traite du travail »: "labour trafficking" calqued; not the verb, « la conférence traite du travail forcé »)
        (re.compile(r"(?i)(?<![\w’'-])(?P<slip>la traite du travail)(?! forcé)(?![\w’'-])"),
         "« \\g<slip> » calques \"labour trafficking\": « la traite à des fins de travail forcé » (or « d'exploitation par le travail »).",
         "la traite à des fins de travail forcé"),
        # (« des campagnes de sensibilisation », « des ateliers de formation »: the complement names the activity and stays singular)
        (re.compile(r"(?i)(?<![\w’'-])(?P<head>(?:campagnes|rencontres|ateliers|séances|sessions|activités|journées|actions|programmes|outils) de)"
                    r" (?P<slip>(?P<activity>sensibilisation|formation)s)(?![\w’'-])"),
         "« \\g<head> \\g<slip> »: the activity's name stays singular (« \\g<head> \\g<activity> »).", "\\g<activity>"),
        # (« à Calgary, Alberta, »: French sets a Canadian place's province in brackets; inside a sentence only, not a dateline, « Ottawa,
        # Ontario - », nor a list of provinces, « Ontario, Manitoba, Alberta et … », nor a name it opens, « Ontario Native Women's … »)
        (re.compile(rf"(?<=\w )(?!(?:{_PROVINCE_NAMES}),)(?P<slip>(?P<place>[A-ZÀ-Ý][a-zà-ÿ’'-]+(?:[ -][A-ZÀ-Ý][a-zà-ÿ’'-]+)?), "
                    rf"(?P<province>{_PROVINCE_NAMES}))(?![\w-])(?! et | ou |, (?:{_PROVINCE_NAMES})| [A-ZÀ-Ý])"),
         "« \\g<slip> »: French sets the province in brackets (« \\g<place> (\\g<province>) »).", "\\g<place> (\\g<province>)"),
    ),
    "en": (
        (re.compile(r"(?<![\w’'-])(?P<slip>and or)(?![\w’'-])"), "“and or”: the two conjunctions are joined by a slash (“and/or”).", "and/or"),
        # ("will enable to bring", "has also allowed to assist": « permettre de » calqued; the verb needs its object, "allow them to";
        # not the passive, "they are not allowed to use")
        (re.compile(r"(?<![\w’'-])(?:(?P<slip>allows?|allowing|enables?|enabling)"
                    r"|(?:has|have|had)(?:[ \u00a0]+(?:also|not|already|thus|therefore|[a-z]+ly))?[ \u00a0]+(?P<slip2>allowed|enabled))"
                    r"(?=[ \u00a0]+to[ \u00a0]+[a-z]+\b)"
                    r"(?![ \u00a0]+to[ \u00a0]+(?:the|a|an|this|that|these|those|their|its|his|her|our|your|my|all)\b)"),
         "“\\g<slip>\\g<slip2> to …” needs its object (“allow them to …”, “enable people to …”), or “make it possible to …”.", ""),
        # ("the 10th october 2016": a month takes its capital in English)
        (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?[ \u00a0]+(?:of[ \u00a0]+)?(?P<slip>{'|'.join(EN_MONTHS_IN_SMALL_LETTERS)})\b"),
         "“\\g<slip>”: a month takes its capital in English.", ""),
        (re.compile(r"(?<![\w-])[Bb]etween[ \u00a0]+\d[\d,]*(?:[ \u00a0]+[A-Z][a-z]+)?(?:[ \u00a0]+\d{4})?[ \u00a0]+(?P<slip>to)(?=[ \u00a0]+\d)"),
         "“between … to …”: “between” takes “and” (“between 2015 and 2022”), “from” takes “to”.", "and"),
        (re.compile(r"(?<![\w,.])(?P<slip>(?P<year>1[89]\d\d|20\d\d)(?P<word>on|in|for|by|with|and|the|of|to|at))(?![\w-])"),
         "“\\g<slip>”: a space is missing after the year.", "\\g<year> \\g<word>"),
        (re.compile(r"(?P<slip>\$[ \u00a0]+(?=\d))"), "“$ ” before a figure: English writes the sign against it (“$46”).", "$"),
        (re.compile(r"(?<=[$€£])(?P<slip>\.)(?=\d{1,3},\d{3})"), "“\\g<0>” between the currency sign and its amount: a stray point.", ""),
        (re.compile(r"(?<![\d,.])(?P<slip>\d*(?:1[123](?:st|nd|rd)|(?<!1)(?:1(?:nd|rd|th)|2(?:st|rd|th)|3(?:st|nd|th))|[04-9](?:st|nd|rd)))\b"),
         "“\\g<slip>”: the ordinal's ending does not go with its figure.", ""),
        (re.compile(r"(?:^|(?<=[\s(]))(?P<slip>”)(?=[^\W\d_])"), "A closing quotation mark opens the quotation: the opening one is “.", "“"),
        (re.compile(r"(?<=[\d)]) (?P<slip>et|à) (?=\d)(?!7\b(?<=(?<!\d)5 à 7))"), "“\\g<slip>” between two figures is French: “and”, “to”.", ""),
        # (the "5 à 7", Quebec's early-evening gathering, is a Canadian English word too)
        (re.compile(r"(?<![\w-])(?:will|would|must|should|can|could|shall|may|might)(?:[ \u00a0]+(?:not|also|further|now))?[ \u00a0]+"
                    r"(?P<slip>(?P<verb>[a-z]+)-(?P<particle>up|out|down|off))(?![\w-])"),
         "“\\g<slip>” after the modal is the verb: “\\g<verb> \\g<particle>” (the hyphen makes the noun).", "\\g<verb> \\g<particle>"),
        # (English set phrases with a letter or a word too many or too few: "in order help", "with regards to eradicating", "a least 89 %";
        # a comma between a month and its year, "In December, 2014," where "December 3, 2014" takes one after the day; a plural with an
        # apostrophe, "two consecutive year’s")
        (re.compile(r"(?<![\w-])(?P<slip>[Ii]n order)(?= (?!to\b|for\b|that\b|of\b|and\b|or\b|as\b|by\b|in\b)[a-z]{3,}\b)"),
         "“\\g<slip>”: “to” is missing (“\\g<slip> to”).", "\\g<slip> to"),
        (re.compile(r"(?<![\w-])(?P<slip>(?P<preposition>[Ww]ith|[Ii]n) regards to)(?![\w-])"),
         "“\\g<slip>”: the phrase is “with regard to” (“\\g<preposition> regard to”).", "\\g<preposition> regard to"),
        (re.compile(r"(?<![\w-])(?P<slip>(?P<a>[Aa]) least)(?= (?:\d|one\b|two\b|three\b|half\b))"),
         "“\\g<slip>”: a “t” is missing (“\\g<a>t least”).", "\\g<a>t least"),
        (re.compile(r"(?<!\d )(?<!\d)\b(?P<slip>(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
                    r", (?P<year>\d{4}))\b"),
         "“\\g<slip>”: no comma between a month and its year (“\\g<month> \\g<year>”).", "\\g<month> \\g<year>"),
        (re.compile(r"(?i)(?<![\w-])(?P<slip>(?P<plural>(?:two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)(?: [a-z]+)? "
                    r"(?:year|month|week|day))['’]s)\b"),
         "“\\g<slip>”: the plural takes no apostrophe (“\\g<plural>s”).", "\\g<plural>s"),
    ),
}
"""Slips one pattern tells (span: the group `slip`; message and suggestion expanded from the match)."""
for _language in ("fr", "en"):
    _PATTERN_SLIPS[_language] += (
        (re.compile(r"(?<![\w’'-])[a-zà-ÿ]{4,}(?P<slip>[A-ZÀ-Ý])(?![\w’'-])"), "“\\g<0>”: a stray capital glued to the word.", ""),
        (re.compile(r"(?<![\w-])(?P<slip>(?P<first>et|ou|and|or)(?: /|/ )(?P<second>ou|et|or|and))(?![\w-])"),
         "“\\g<slip>”: no space around the slash (“\\g<first>/\\g<second>”).", "\\g<first>/\\g<second>"),
        (re.compile(r"(?P<slip>(?<=\w)[‘’]{2}|[‘’]{2}(?=\w))"), "“\\g<slip>”: two single quotation marks typed for a double one.", ""),
        (re.compile(r"(?<=\d)(?P<slip>[ \u00a0\u202f]?%[ \u00a0]+(?:per[ \u00a0]?cent|pour[ \u00a0]cent))(?![\w-])"),
         "“\\g<slip>”: the rate is written twice, as a sign and in words.", "%"),
        # ("a wage of €22 euros": the currency said twice, by its sign and by its name; « 10,28 $ millions de dollars », the sign after
        # the amount, is `align.checks.writing`'s)
        (re.compile(r"(?<!\w)(?P<slip>[€$£][ \u00a0]?\d[\d,.]*(?:[ \u00a0]?(?:million|billion|millions|milliards?))?[ \u00a0]+(?:d['’])?"
                    r"(?:euros?|dollars?|pounds?|livres?))\b", re.IGNORECASE),
         "“\\g<slip>”: the currency is given twice, by its sign and by its name.", ""),
        # (« vulnérabilité́ »: an accented letter followed by a combining accent, text pasted from a PDF or typed with a dead key)
        (re.compile(r"(?P<slip>(?P<letter>[À-ÖØ-öø-ÿ])[\u0300-\u036f])"),
         "“\\g<letter>” carries its accent twice (a combining accent after the accented letter).", "\\g<letter>"),
    )


def _slips_in(number: int, side: str, text: str) -> list[Flag]:
    return [Flag(number, side, "typography", severity[0] if severity else "warning", start, end, text[start:end], message, suggestion)
            for start, end, message, suggestion, *severity in _slips_found("fr" if side == "fr" else "en", text)]


@lru_cache(maxsize=20_000)
def _slips_found(lang: str, text: str) -> tuple[tuple, ...]:
    """(start, end, message, suggestion[, severity]) of each slip in `text` (a warning unless said), once per distinct text (a TMX repeats
    its sentences)."""
    found: list[tuple] = []
    for pair in _TWO_WORDS.finditer(text):
        first, second = pair.group(1), pair.group(2)
        joined = first + second
        # (the halves first, each looked up once per word form: most are words, and most pairs stop there)
        if len(joined) >= _SPLIT_MIN_LETTERS and not (_known(first, lang) and _known(second, lang)) and _known(joined, lang):
            start = pair.start(1)
            found.append((start, pair.end(2), f"“{first} {second}” is the word “{joined}” cut by a space (text pasted from a PDF?).", joined))
    for abbreviation in _LAST_STOP_DROPPED.finditer(text):
        fixed = abbreviation.group(0) + "."
        found.append((abbreviation.start(), abbreviation.end(), f"“{abbreviation.group(0)}”: each initial of the abbreviation takes its stop (“{fixed}”).",
                      fixed))
    for apostrophe in _SPACED_APOSTROPHE[lang].finditer(text):
        written = apostrophe.group(0)
        fixed = re.sub(r"\s", "", written)
        found.append((apostrophe.start(), apostrophe.end(), f"A space around the apostrophe: “{written.strip()}” is written “{fixed}”.", fixed))
    for number in _UNGROUPED_NUMBER.finditer(text):
        if (_NUMBER_LABEL.search(text, max(0, number.start() - 24), number.start()) or text.strip() == number.group(0)
                or text[number.start() - 1:number.start()] + text[number.end():number.end() + 1] == "()"):
            continue  # (a number that is a line of its own or all a bracket holds is a reference: a docket « 35958 », a project « (47066) »)
        fixed = f"{number.group(1)}{' ' if lang == 'fr' else ','}{number.group(2)}"
        found.append((number.start(), number.end(), f"“{number.group(0)}”: a number of five figures or more is grouped by thousands (“{fixed}”).",
                      fixed))
    for garbled in _MOJIBAKE.finditer(text):
        restored = _restored_encoding(garbled.group(0))
        if restored:
            found.append((garbled.start(), garbled.end(), f"“{garbled.group(0)}”: characters garbled by a wrong encoding (“{restored}”).", restored))
    for date in _DAY_WORD_YEAR.finditer(text):
        if month := _month_misspelt(date.group(1)):
            found.append((date.start(1), date.end(1), f"“{date.group(1)}” between a day and a year: the month “{month}” misspelt?", month))
    for grouped in _MISGROUPED_AMOUNT.finditer(text):
        found.append((grouped.start(), grouped.end(1), f"“{grouped.group(1)}”: a group of figures is not three long; the amount is misprinted.", ""))
    if lang == "fr":
        for negated in _NON_BEFORE_WORD.finditer(text):
            readings = morphologies(negated.group(2))
            if readings and all(":N" in reading and ":A" not in reading and ":Q" not in reading for reading in readings):
                fixed = f"{negated.group(1)}-{negated.group(2)}"
                found.append((negated.start(), negated.end(), f"« {negated.group(0)} »: « non » before a noun is joined to it by a hyphen "
                              f"(« {fixed} »).", fixed))
        for spaced in _SPACE_BEFORE_HYPHEN.finditer(text):
            joined = f"{spaced.group(1)}-{spaced.group(3)}"
            if spaced.group(2) == "\u2011" or (_known(joined, lang) and spaced.group(3).lower() not in _PRONOUNS_AFTER_HYPHEN):
                found.append((spaced.start(), spaced.end(), f"« {spaced.group(0)} »: a space before the hyphen of a compound (« {joined} »).",
                              joined))
        for spaced in SPACED_DECIMAL_COMMA.finditer(text):
            fixed = f"{spaced.group(1)},{spaced.group(2)}"
            found.append((spaced.start(), spaced.end(), f"« {spaced.group(0)} »: a decimal comma takes no space after it (« {fixed} »).", fixed))
    for dots in _ETC_DOTS.finditer(text):
        found.append((dots.start(), dots.end(), f"“{dots.group(0)}”: “etc.” takes its own stop and no ellipsis.", "etc."))
    for covid in _COVID_WITHOUT_HYPHEN.finditer(text):
        fixed = f"{covid.group(1)}-19"
        found.append((covid.start(), covid.end(), f"“{covid.group(0)}”: the disease's name takes its hyphen (“{fixed}”).", fixed))
    for confer in _CF_WITHOUT_STOP.finditer(text):
        fixed = confer.group(1) + "."
        found.append((confer.start(), confer.end(), f"“{confer.group(0)}” is an abbreviation and takes its stop (“{fixed}”).", fixed))
    for pattern, message, fixed in _PATTERN_SLIPS[lang]:
        for slip in pattern.finditer(text):
            group = "slip" if slip.group("slip") is not None else "slip2"  # (a pattern with two ways to the slip names the second slip2)
            found.append((slip.start(group), slip.end(group), slip.expand(message), slip.expand(fixed)))
    for share in _PART_OF_A_WHOLE[lang].finditer(text):
        part, whole = (int(re.sub(r"\D", "", number)) for number in share.group("part", "whole"))
        if part > whole:
            found.append((share.start(), share.end(), f"“{share.group(0)}”: the part is larger than the whole; one of the figures is wrong.", ""))
    if lang == "en":
        for guillemet in _GUILLEMET.finditer(text):
            quoted = guillemet.group(0)
            fixed = "“" + quoted[1:-1].strip() + "”" if len(quoted) > 1 else ""
            found.append((guillemet.start(), guillemet.end(), "French guillemets « » in the English: English quotes with “ ”.", fixed))
        for accent in _ACCENT_FOR_ENGLISH_APOSTROPHE.finditer(text):
            start = text.rfind(" ", 0, accent.start()) + 1
            word = text[start:accent.end() + len(re.match(r"\w*", text[accent.end():]).group(0))]
            fixed = word.replace(accent.group(1), "’")
            found.append((start, start + len(word), f"“{word}”: an accent typed for the apostrophe (“{fixed}”).", fixed))
    if lang == "fr":
        for verb in _FRENCH_ENDING.finditer(text):
            if _english_verb_frenchified(verb.group(0), verb.group(1)) and not in_english_quotation(text, verb.start()):
                found.append((verb.start(), verb.end(), f"« {verb.group(0)} »: an English verb (“{verb.group(1)}”) given a French ending; say it in French.",
                              ""))
        for auxiliary in _AVOIR_THEN_WORD.finditer(text):
            if _infinitive_only(auxiliary.group(2)):
                preposition = " (or the preposition « à »: « à " + auxiliary.group(2) + " »)" if auxiliary.group(1) == "a" else ""
                found.append((auxiliary.start(), auxiliary.end(), f"« {auxiliary.group(0)} »: after « avoir », the past participle, not the "
                              f"infinitive{preposition}.", ""))
        for million in _MILLION_BELOW_TWO.finditer(text):
            fixed = f"{million.group(1)} {million.group(2)}"
            found.append((million.start(), million.end(), f"« {million.group(0)} »: below two, « {million.group(2)} » stays singular (« {fixed} »).",
                          fixed))
        for accent in _ACCENT_FOR_APOSTROPHE.finditer(text):
            fixed = accent.group(0).replace(accent.group(1), "’")
            mark = "a quotation mark" if accent.group(1) == "‘" else "an accent"
            found.append((accent.start(), accent.end(), f"« {accent.group(0)} »: {mark} typed for the apostrophe (« {fixed} »).", fixed))
        for letter in _CAPITAL_I_FOR_L.finditer(text):
            fixed = "l" + letter.group(0)[1:]
            found.append((letter.start(), letter.end(), f"« {letter.group(0)} »: a capital I for an l (« {fixed} »), as a scan is often read.", fixed))
        for plural in _ACRONYM_PLURAL.finditer(text):
            fixed = plural.group(1)
            found.append((plural.start(), plural.end(), f"« {plural.group(0)} »: an acronym takes no plural s in French (« les {fixed} »).", fixed))
        for articles in _TWO_ARTICLES.finditer(text):
            found.append((articles.start(), articles.end(), f"Two determiners in a row: « {articles.group(0)} ».", ""))
        places, hyphenated = _unhyphenated_places()
        for place in places.finditer(text):
            right = hyphenated[place.group(0)]
            found.append((place.start(), place.end(), f"“{place.group(0)}” is written “{right}” in French (hyphens are part of the name).", right))
        for generic in _GEOGRAPHIC_GENERIC.finditer(text):
            word = generic.group(1)
            found.append((generic.start(), generic.end(), f"« {word} » before a place's name is written in lower case (« {word.lower()} »): French "
                          "capitalises the specific part of the name only.", word.lower(), "info"))
            # (information: « l'Océan Indien » is the usage of the Indian Ocean's own press; revisers marked 3 of 7 such flags)
        for cardinal in _LOWER_CARDINAL.finditer(text):
            point = cardinal.group(2) or cardinal.group(3)
            fixed = cardinal.group(1).replace(point, point.capitalize(), 1)
            found.append((cardinal.start(1), cardinal.end(1), f"« {cardinal.group(1)} » after a place's name names a region: the cardinal point takes "
                          f"a capital (« {fixed} »).", fixed))
        for pronoun in _PRONOUN_AFTER_COMMA.finditer(text):
            found.append((pronoun.start(), pronoun.end(), f"« {pronoun.group(0)} » after a comma is written in lower case.", pronoun.group(0).lower()))
        for quelque in _QUELQUE_QUE.finditer(text):
            found.append((quelque.start(), quelque.end(), f"« {quelque.group(0)} » is « quel que » (or « quelqu'un que »): « quelque » does not come "
                          "before « que ».", "quel que"))
        for numero in _SPLIT_NUMERO.finditer(text):
            fixed = f"{numero.group(1)}{numero.group(2)}"
            found.append((numero.start(), numero.end(), f"« {numero.group(0).strip()} »: the abbreviation of « numéro » is one word (« no », « nᵒ », "
                          "« n° »).", fixed))
        for found_victime in _VICTIME_AFTER_PLURAL.finditer(text):
            if _regular_plurals(found_victime.group(1), found_victime.group(2)):
                found.append((found_victime.start(), found_victime.end(), f"« {found_victime.group(0)} »: « victime » agrees with the plural noun it "
                              "describes (« victimes »).", "victimes"))
        for article in _SINGULAR_ARTICLE_BEFORE_PLURAL.finditer(text):
            if _regular_plurals(article.group(1), article.group(2)):
                found.append((article.start(), article.end(), f"« {article.group(0)} »: a singular article before a plural noun and adjective.", ""))
        for pour in _POUR_WITHOUT_INFINITIVE.finditer(text):
            infinitive = _infinitive_of(pour.group(1))
            if infinitive and re.match(r"d(?:es|u)\b", text[pour.end():]) and _noun_too(pour.group(1)):
                continue  # « des infractions pour traite des êtres humains »: the noun and its complement, no verb
            if infinitive:
                found.append((pour.start(), pour.end(1), f"« {pour.group(0).strip()} »: after « pour », the verb is in the infinitive (« {infinitive} »).",
                              infinitive))
        found += _french_spelling_slips(text)
        for acute in _ACUTE_A.finditer(text):
            found.append((acute.start(), acute.end(), "« á » is no French word: the preposition is « à ».", "à"))
        for title in _TITLE_GLUED_TO_NAME.finditer(text):
            fixed = f"{title.group(1)} {title.group(2)}"
            found.append((title.start(), title.end(), f"« {title.group(0)} »: a space after the abbreviated title (« {fixed} »).", fixed))
        for quotation in _MIXED_QUOTATION_MARKS.finditer(text):
            first = 2 if quotation.group(2) else 4
            opening, closing = quotation.group(first - 1), quotation.group(0)[-1]
            found.append((quotation.start(), quotation.end(first), f"« {quotation.group(first)} »: a quotation opened with {opening} and closed "
                          f"with {closing}; French quotes « … ».", ""))
        for inversion in _INVERSION_WITHOUT_HYPHENS.finditer(text):
            fixed = f"{inversion.group(1) or inversion.group(2)}-t-{inversion.group(3)}"
            found.append((inversion.start(), inversion.end(), f"« {inversion.group(0)} »: the inversion takes its hyphens (« {fixed} »).", fixed))
        for twice in _BETWEEN_THE_SAME.finditer(text):
            found.append((twice.start(), twice.end(), f"« {twice.group(0)} »: the same name on both sides of « entre … et »; another was meant.", ""))
        for heading in _FRENCH_TITLE_CASE.finditer(text):
            words = heading.group(0).split(" ")
            fixed = " ".join([words[0]] + [word.lower() for word in words[1:]])
            found.append((heading.start(), heading.end(), f"“{heading.group(0)}” capitalises every word as an English title does; French "
                          "capitalises the first word only.", fixed))
    else:
        for unit in _PLURAL_UNIT_COMPOUND.finditer(text):
            fixed = f"{unit.group(1)}-{unit.group(2)}"
            found.append((unit.start(), unit.end(), f"“{unit.group(0)}”: a number and its unit joined by a hyphen make an adjective, which stays "
                          f"singular (“a {fixed} period”); otherwise no hyphen (“{unit.group(1)} {unit.group(2)}s”).", fixed))
        for unit in _UNIT_BEFORE_NOUN.finditer(text):
            fixed = f"{unit.group(1)}-{unit.group(2)}"
            found.append((unit.start(), unit.end(), f"“{unit.group(0)} …”: a number and its unit before a noun take a hyphen (“the {fixed} period”).",
                          fixed, "info"))  # (house styles differ: revisers marked 1 of 5 such flags)
        for at_risk in _AT_RISK_ALONE.finditer(text):
            found.append((at_risk.start(), at_risk.end(), "“at-risk” takes its hyphen only before a noun (“at-risk youth”); here write “at risk”.",
                          "at risk"))
        for infinitive in _TO_WITH_GERUND.finditer(text):
            gerund = _gerund(infinitive.group(1))
            if gerund:
                fixed = infinitive.group(0)[:infinitive.start(1) - infinitive.start()] + gerund
                found.append((infinitive.start(), infinitive.end(), f"“{infinitive.group(0)}”: this “to” is a preposition and takes the gerund "
                              f"(“{fixed}”).", fixed))
        for gerund in _GERUND_FOR_INFINITIVE.finditer(text):
            base = _base_of_gerund(gerund.group(1))
            if base:
                fixed = gerund.group(0)[:gerund.start(1) - gerund.start()] + base
                found.append((gerund.start(), gerund.end(), f"“{gerund.group(0)}”: this “to” opens an infinitive (“{fixed}”).", fixed))
        for conjunction in _AND_OR.finditer(text):
            found.append((conjunction.start(), conjunction.end(), "“and or”: “and/or” has lost its slash.", "and/or"))
        for transitive in _TRANSITIVE_WITH_PREPOSITION.finditer(text):
            verb = transitive.group(0).split(" ")[0]
            found.append((transitive.start(), transitive.end(), f"“{transitive.group(0)}”: “{verb}” takes a direct object, without a preposition.", verb))
        for pair in _NAME_PAIR.finditer(text):
            restored = _letter_dropped_from(pair.group(1).lower())
            if restored:
                fixed = restored.capitalize()
                found.append((pair.start(1), pair.end(1), f"“{pair.group(1)}” in a name: “{fixed}” with a letter dropped?", fixed))
        for possessive in _BARE_POSSESSIVE.finditer(text):
            if _singular_countable(possessive.group(1)) and (possessive.group(1), possessive.group(2)) not in _SET_POSSESSIVES:
                found.append((possessive.start(1), possessive.end(2), f"“{possessive.group(0)}”: a determiner is missing before “{possessive.group(1)}’s” "
                              f"(“the {possessive.group(1)}’s”, or the plural “{possessive.group(1)}s’”).", f"the {possessive.group(1)}’s"))
        for purpose in _PURPOSE_WITHOUT_ARTICLE.finditer(text):
            fixed = f"{purpose.group(1)} the purpose of"
            found.append((purpose.start(), purpose.end(), f"“{purpose.group(0)}”: the phrase is “{fixed}”.", fixed))
        for determiners in _TWO_DETERMINERS.finditer(text):
            found.append((determiners.start(), determiners.end(), f"Two determiners in a row: “{determiners.group(0)}”.", ""))
        for verb in _PAST_AFTER_DID.finditer(text):
            fixed = f"{verb.group(1)} {_PAST_BASES[verb.group(2)]}"
            found.append((verb.start(), verb.end(), f"“{verb.group(0)}”: after “{verb.group(1)}” the verb takes its base form (“{fixed}”).", fixed))
        for country in _countries_without_article().finditer(text):
            found.append((country.start(), country.end(), f"“{country.group(0)}”: English names {country.group(1)} without “the”.",
                          country.group(1)))
    for hyphen in _SPACED_HYPHEN.finditer(text):
        first, second = hyphen.group(1), hyphen.group(2)
        if first.split("-")[-1][:1].isupper() != second[:1].isupper():
            continue  # a dash after a name (« Taha- qui ») or before one: punctuation without its spaces, not a compound
        if second.lower() in _DASH_FOLLOWERS or first.lower().endswith("ly"):
            fixed = f"{first} – {second}"  # no compound begins with an adverb in -ly or ends with "the": a dash typed as a hyphen
            found.append((hyphen.start(), hyphen.end(), f"“{hyphen.group(0)}”: a dash written as a hyphen (“{fixed}”).", fixed))
            continue
        fixed = f"{first}-{second}"
        found.append((hyphen.start(), hyphen.end(), f"“{hyphen.group(0)}”: a space after the hyphen of a compound (“{fixed}”).", fixed))
    for quote in _DOUBLED_QUOTE.finditer(text):
        found.append((quote.start(), quote.end(), f"The quotation mark is doubled: “{quote.group(0)}”.", quote.group(1)))
    return tuple(found)


def _french_spelling_slips(text: str) -> list[tuple[int, int, str, str]]:
    """« pourcent », a lost « œ », a space moved after a closing guillemet, a place name without its hyphens, a title hyphenated the
    English way, « en matière » with an article."""
    found = []
    for percent in _POURCENT.finditer(text):
        right = percent.group(1) + "our cent"
        found.append((percent.start(), percent.end(), f"« {percent.group(0)} » is written in two words: « {right} » (or « % »).", right))
    for word in _FRENCH_LOWER_WORD.finditer(text):
        restored = _ligature_restored(word.group(0))
        if restored:
            found.append((word.start(), word.end(), f"« {word.group(0)} »: « {restored} » with its « œ » lost?", restored))
    for guillemet in _SPACE_AFTER_GUILLEMET.finditer(text):
        mark, point = guillemet.group(1), guillemet.group(2)
        found.append((guillemet.start(), guillemet.end(), f"« {mark} {point} »: the space goes inside the guillemet, not before the "
                      f"« {point} » (« \u202f{mark}{point} »).", f"\u202f{mark}{point}"))
    for body in _BODY_WITHOUT_ARTICLE.finditer(text):
        found.append((body.start(), body.end(), f"« {body.group(0)} »: a body named by « {body.group(1)} » and its adjective takes the article "
                      f"(« … {_article_before(body.group(1))}{body.group(1)} … »).", ""))
    for place in _ARTICLE_BEFORE_BARE_PLACE.finditer(text):
        found.append((place.start(), place.end(), f"« {place.group(0)} »: « {place.group(2)} » takes no article in French.", place.group(2)))
    for country in _COUNTRY_WITHOUT_ARTICLE.finditer(text):
        named = ("la " if country.group(1) in ("France", "Belgique", "Suisse") else "le ") + country.group(1)
        found.append((country.start(), country.end(1), f"« {country.group(1)} » takes its article here (« {named} »).", named))
    for manner in _MANNER_OU.finditer(text):
        found.append((manner.start(), manner.end(), f"« {manner.group(0)} »: « {manner.group(1)} » takes « dont » (« {manner.group(1)} dont »).",
                      f"{manner.group(1)} dont"))
    for honour in _A_HONNEUR.finditer(text):
        found.append((honour.start(), honour.end(1), f"« {honour.group(0).strip()} »: the verb « avoir » (« a {honour.group(1)} de … »), not the "
                      "preposition « à ».", f"a {honour.group(1)}"))
    for glued in _GLUED_SENTENCE.finditer(text):
        if _known(glued.group(1).lower(), "fr") and not _known(glued.group(0).lower(), "fr"):
            fixed = f"{glued.group(1)} {glued.group(2)}"
            found.append((glued.start(), glued.end(), f"« {glued.group(0)} »: two words run together (« {fixed} »), a line break lost?", fixed))
    for half in _DEMI_APART.finditer(text):
        if any(":N" in reading for reading in morphologies(half.group(2))):
            fixed = f"{half.group(1)}-{half.group(2)}"
            found.append((half.start(), half.end(), f"« {half.group(0)} »: « demi » before a noun takes a hyphen (« {fixed} »).", fixed))
    for objet in _OBJET_WITHOUT_ARTICLE.finditer(text):
        found.append((objet.start(), objet.end(), f"« {objet.group(0)} »: the set phrase is « faire l’objet de » ({objet.group(1)} l’objet de).",
                      f"{objet.group(1)} l’objet"))
    for matter in _EN_MATIERE_ARTICLE.finditer(text):
        fixed = f"{matter.group(1)} d’" if matter.group(2)[-1] in "’'" else f"{matter.group(1)} de"
        found.append((matter.start(), matter.end(), f"« {matter.group(0)} »: « en matière de » takes its noun without an article "
                      f"(« {fixed} … »).", fixed))
    for title in _HYPHENATED_TITLE.finditer(text):
        fixed = f"{title.group(1)} {title.group(2).lower()}"
        found.append((title.start(), title.end(), f"« {title.group(0)} »: French writes the title in two words, without the English hyphen "
                      f"(« {fixed} »).", fixed))
    for slave in _REDUIT_EN_ESCLAVE.finditer(text):
        found.append((slave.start(), slave.end(), f"« {slave.group(0)} »: one is reduced to slavery, « {slave.group(1)} en esclavage ».",
                      f"{slave.group(1)} en esclavage"))
    for languages in _LANGUAGES_ONE_EN.finditer(text):
        if _language(languages.group(1)) and _language(languages.group(3)):
            fixed = f"en {languages.group(1)} {languages.group(2)} en {languages.group(3)}"
            found.append((languages.start(), languages.end(), f"« {languages.group(0)} »: each language takes its « en » (« {fixed} »).", fixed))
    for crimes in _CRIMES_ONE_DE.finditer(text):
        start = crimes.start(1)
        found.append((crimes.start(), crimes.end(), f"« {text[start:crimes.end()]} » after « {crimes.group(0)[:5].strip()} … et »: the second crime is a "
                      f"complement of « de » too (« et {_de_form(crimes.group(1), crimes.group(2))} »).", _de_form(crimes.group(1), crimes.group(2))))
    for crimes in _CRIMES_ONE_ARTICLE.finditer(text):
        article = _CRIME_ARTICLES[crimes.group(1)]
        found.append((crimes.start(), crimes.end(), f"« {crimes.group(0)} »: each coordinated crime takes its article (« … et {article}{crimes.group(1)} »).",
                      ""))
    for us in _US_IN_SMALL_LETTERS.finditer(text):
        found.append((us.start(), us.end(), "« Us »: the initials of the United States are capitals (« US »).", "US"))
    for prefix in _PREFIX_APART.finditer(text):
        joined = next((prefix.group(1) + joint + prefix.group(2) for joint in ("", "-") if _french_known(prefix.group(1) + joint + prefix.group(2))), None)
        if joined:
            found.append((prefix.start(), prefix.end(), f"« {prefix.group(0)} »: the prefix is joined to its word (« {joined} »).", joined))
    place_pattern, listed = _miscapitalised_places()
    for place in place_pattern.finditer(text):
        right = listed[place.group(0).lower().replace("'", "’")]
        if place.group(0).replace("'", "’") != right and place.group(0)[:1].isupper() and not place.group(0).isupper():  # (« ASIE DU SUD »: a heading)
            found.append((place.start(), place.end(), f"« {place.group(0)} » is written « {right} » (the capitals are part of the name).", right))
    for non in _NON_HYPHENATED.finditer(text):
        if _adjective_only(non.group(2)):
            fixed = f"{non.group(1)} {non.group(2)}"
            found.append((non.start(), non.end(), f"« {non.group(0)} »: « non » before an adjective takes no hyphen (« {fixed} »).", fixed))
    for weekday in _WEEKDAY_THEN_ARTICLE.finditer(text):
        fixed = f"le {weekday.group(1)} {weekday.group(2)}"
        found.append((weekday.start(), weekday.end(), f"« {weekday.group(0)} »: in a French date the article comes before the day's name "
                      f"(« {fixed} »).", fixed))
    place_pattern, french_names = _unaccented_places()
    for place in place_pattern.finditer(text):
        right = french_names[place.group(0)]
        found.append((place.start(), place.end(), f"« {place.group(0)} » is the English spelling: French writes « {right} ».", right))
    for comma in _COMMA_INSIDE_QUOTES.finditer(text):
        found.append((comma.start(1), comma.end(2), f"« {comma.group(0)} »: in French the comma follows the closing quotation mark (« {comma.group(2)}, »).",
                      f"{comma.group(2)},"))
    for pair in CAPITALISED_PAIR.finditer(text):
        hyphenated = f"{pair.group(1)}-{pair.group(2)}"
        start, end = pair.start(1), pair.end(2)
        if _hyphenated_place(hyphenated) and not _reported_by_grammalecte(text, start, end):
            found.append((start, end, f"« {text[start:end]} » is written « {hyphenated} » (the hyphen is part of the name).", hyphenated))
    return found


@lru_cache(maxsize=20_000)
def _singular_countable(word: str) -> bool:
    """An English noun whose plural in s is about as common as itself (wordfreq): "victim"/"victims", not "people", "today", "child"."""
    from wordfreq import zipf_frequency

    singular, plural = zipf_frequency(word, "en"), zipf_frequency(word + "s", "en")
    return singular > 0 and plural >= singular - COUNTABLE_PLURAL_ZIPF_GAP and not word.endswith("s") and word not in ("one", "anyone", "someone")


@lru_cache(maxsize=20_000)
def _language(word: str) -> bool:
    """A language's name in Grammalecte's lexicon (its « #L » tag: « anglais », « français »)."""
    from align.checks.grammar import french_checker

    checker = french_checker()
    return checker is not None and any("#L" in form for form in checker.getSpellChecker().getMorph(word))


_MONTHS_IN_SMALL_LETTERS = tuple(month.lower() for lang in ("fr", "en") for month in MONTH_NAMES[lang])


def _month_misspelt(word: str) -> str | None:
    """The month (French or English, capitalised as `word`) that `word` is a slip of: one or two letters added, dropped or changed
    (« Novembere », "Novembers"), never a month itself nor a word much shorter than the month."""
    lower = word.lower()
    if lower in _MONTHS_IN_SMALL_LETTERS or len(lower) < 5:
        return None
    close = difflib.get_close_matches(lower, _MONTHS_IN_SMALL_LETTERS, n=1, cutoff=0.8)
    return (close[0].capitalize() if word[:1].isupper() else close[0]) if close else None


def _restored_encoding(garbled: str) -> str | None:
    """The UTF-8 text that `garbled` is when read as Windows-1252 (« Ã© » is « é ») or, failing that, Latin-1; None when it is not such a
    text."""
    for encoding in ("cp1252", "latin-1"):
        try:
            restored = garbled.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
        return restored if restored != garbled else None
    return None


def _de_form(article: str, noun: str) -> str:
    """« le trafic » → « du trafic », « la traite » → « de la traite », « l'exploitation » → « de l'exploitation »."""
    article = article.strip()
    if article == "le":
        return f"du {noun}"
    return f"de {article}{noun}" if article[-1:] in "’'" else f"de {article} {noun}"


def _article_before(noun: str) -> str:
    if noun[0] in "AEIOUÉ":
        return "l’"
    return "la " if noun in ("Commission", "Organisation") else "le "


_ARTICLE_BEFORE_BARE_PLACE = re.compile(r"(?<![\w’'-])([Ll][’']|[Ll][ea] )(Israël|Cuba|Haïti|Madagascar|Malte|Chypre|Singapour|Oman|Bahreïn|Djibouti|"
                                         r"Taïwan|Terre-Neuve|Porto Rico)(?![\w’'-])(?!\s+(?:de|du|des|d['’]))")
"""« vers l'Israël », « la Terre-Neuve »: countries and islands French names without an article (« en Israël », « à Cuba », « de
Madagascar »), unless qualified (« le Madagascar d'aujourd'hui »)."""
_COUNTRY_WITHOUT_ARTICLE = re.compile(r"(?:^|(?<=[.,;:!?] ))(Canada|France|Belgique|Suisse|Sénégal|Cameroun|Maroc|Gabon|Tchad|Bénin|Togo|Mali"
                                      r"|Niger|Burkina Faso|Royaume-Uni|Mexique|Brésil|Japon|Liban|Laos) (?=(?:est|a|doit|peut|reste|demeure"
                                      r"|continue|dispose|compte|s[’']est|devient|fait) )")
"""« En 2020, Canada est devenu … »: a country French names with its article, subject of a verb without it (« le Canada est devenu »)."""


@lru_cache(maxsize=20_000)
def _ligature_restored(word: str) -> str | None:
    """The frequent French word `word` is with an « œ » put back (« uvre » → « œuvre »), when `word` itself is not a word."""
    if _french_known(word):
        return None
    from wordfreq import zipf_frequency

    candidates = [word[:index] + "œ" + word[index:] for index in range(len(word))]
    best = max(candidates, key=lambda candidate: zipf_frequency(candidate, "fr"))
    return best if zipf_frequency(best, "fr") >= LIGATURE_ZIPF and _french_known(best) else None


@lru_cache(maxsize=20_000)
def _hyphenated_place(name: str) -> bool:
    """Whether the French dictionary holds `name` as a proper name (its lemma capitalised: « Nouvelle-Écosse », not « haut-commissaire »)."""
    from align.checks.grammar import french_checker

    checker = french_checker()
    return checker is not None and any(form[1:2].isupper() for form in checker.getSpellChecker().getMorph(name))


def _reported_by_grammalecte(text: str, start: int, end: int) -> bool:
    """Whether the grammar check's Grammalecte findings on `text` (kept per text) already cover the span."""
    from align.checks import grammar

    if not grammar.enabled():
        return False
    findings = grammar.GIVEN.get(("fr", text))
    findings = grammar.french_findings(text) if findings is None else findings
    return any(finding.start < end and start < finding.end for finding in findings)


@lru_cache(maxsize=20_000)
def _infinitive_of(word: str) -> str | None:
    """The frequent French infinitive `word` is without its final « r » (« marque » → « marquer »), when `word` is not itself one."""
    from wordfreq import zipf_frequency

    if word.endswith(("re", "er", "ir")) and zipf_frequency(word, "fr") >= INFINITIVE_ZIPF:
        return None  # (« combattre », « faire »)
    return word + "r" if zipf_frequency(word + "r", "fr") >= INFINITIVE_ZIPF else None


@lru_cache(maxsize=20_000)
def _base_of_gerund(word: str) -> str | None:
    """The verb whose "-ing" form `word` is, when `_gerund` gives `word` back from it ("eradicating" → "eradicate"), else None ("bring")."""
    stem = word.lower()[:-3]
    return next((base for base in (stem + "e", stem, stem[:-1]) if len(base) >= 3 and _gerund(base) == word.lower()), None)


@lru_cache(maxsize=20_000)
def _gerund(word: str) -> str | None:
    """The frequent "-ing" form of `word` when it is the base form of a verb ("end" → "ending", "combat" → "combating"), else None."""
    from wordfreq import zipf_frequency

    lower = word.lower()
    if lower.endswith("ing") or lower in ("the", "a", "an", "this", "that", "these", "those", "our", "their", "its", "his", "her", "all", "any"):
        return None
    forms = [lower + "ing", lower[:-1] + "ing" if lower.endswith("e") else "", lower + lower[-1] + "ing"]
    best = max((form for form in forms if form), key=lambda form: zipf_frequency(form, "en"))
    return best if zipf_frequency(best, "en") >= GERUND_ZIPF else None


@lru_cache(maxsize=20_000)
def _letter_dropped_from(word: str) -> str | None:
    """The frequent English word (wordfreq) that `word`, a rare English word, is with one letter put back, or None."""
    from wordfreq import zipf_frequency

    if not 0 < zipf_frequency(word, "en") < RARE_NAME_WORD_ZIPF or not is_known(word, "en"):
        return None
    candidates = {word[:index] + letter + word[index:] for index in range(1, len(word) + 1) for letter in "abcdefghijklmnopqrstuvwxyz"}
    best = max(candidates, key=lambda candidate: zipf_frequency(candidate, "en"))
    return best if zipf_frequency(best, "en") >= FREQUENT_WORD_ZIPF else None


def _regular_plurals(*words: str) -> bool:
    """Whether every word is a French content word in a regular plural: its lemma (simplemma's, through tokenize) plus s or x."""
    found = [tokenize(word, "fr") for word in words]
    return all(len(tokens) == 1 and not tokens[0].stop and tokens[0].surface in (tokens[0].lemma + "s", tokens[0].lemma + "x") for tokens in found)


@lru_cache(maxsize=50_000)
def _known(word: str, lang: str) -> bool:
    """(A frequent word is known too: simplemma's dictionary has no pronouns, and "her story" is two words.)"""
    from wordfreq import zipf_frequency

    return (_french_known(word) if lang == "fr" else is_known(word, "en")) or zipf_frequency(word, lang) >= FREQUENT_WORD_ZIPF


FREQUENT_WORD_ZIPF = 5.0


SLIPS = Check("slips", "document", slips, ("typography",))
