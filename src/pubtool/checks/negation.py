"""A negation of the source that the translation has lost: "No lives were lost" turned into
"Se perdieron vidas" keeps every number and date and says the opposite."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from pubtool.checks.context import CheckContext
from pubtool.checks.language import base_language, fold_case
from pubtool.checks.links import without_links
from pubtool.po.negations import negations

#: How each language says "not": its negative particles, pronouns, adverbs, determiners and
#: prepositions ("without"), and for Azerbaijani the negative verb suffix. CLDR has no such
#: data, so this is a hand table, written from each language's standard grammar: a word
#: listed here is one a translation of a negated sentence must use, so the table errs
#: towards more words (a word too many only hides a finding, never makes one).
#: English is not listed: it is read by `pubtool.po.negations`, as `update` reads it.
NEGATION_WORDS: dict[str, str] = {
    # particle değil-type "deyil", "yox", "heç" (no, none), "nə ... nə" (neither ... nor),
    # "-sız/-siz/-suz/-süz" and "-madan/-mədən" (without), and verbs negated by -ma/-mə
    # before a tense or person ending (getmədi, olmur, olmayacaq, bilməz, etmək olmaz).
    "az": r"deyil\w*|yox\w*|xeyr|heç\w*|nə|olmadan|\w+(?:s[ıiuü]z|madan|mədən)\w*"
          r"|\w+m[aə](?:d[ıi]|z|y|s[ıi]n|m[ıi]ş|l[ıi]|q)\w*|\w+m[ıiuü]r\w*",
    # не, ни and the words built on them (нет, никогда, ничего, нельзя, невозможно), без
    "ru": r"не\w*|ни\w*|нет|нельзя|без\w*",
    # не, ні and the words built on them (ніколи, нічого, немає, неможливо), без
    "uk": r"не\w*|ні\w*|нема\w*|без\w*",
    # nicht, kein-, nie(mals), niemand, nichts, nirgends, weder ... noch, ohne, nein;
    # adjectives negated by un- ("not known": unbekannt) and verboten/untersagt
    "de": r"nicht\w*|kein\w*|nie|niemals|niemand\w*|nichts|nirgend\w*|weder|ohne|nein"
          r"|un(?:möglich|bekannt|gültig|zulässig|sichtbar|verfügbar|erlaubt|lesbar)\w*"
          r"|verboten\w*|untersagt\w*",
    # ne/n' ... pas/plus/jamais/rien/personne/aucun, ni, sans, non, nul; "cannot" as
    # impossible and adjectives negated by in-/im-/il-/ir- (introuvable, illisible)
    "fr": r"ne|n|pas|jamais|rien|personne|aucun\w*|nul\w*|ni|sans|non|guère"
          r"|i[nmlr]\w+(?:ible|able)s?|inconnu\w*|incorrect\w*|invalide\w*|interdit\w*",
    # no, nunca, jamás, nada, nadie, ningún/ninguno, ni, sin, tampoco; imposible
    "es": r"no|nunca|jamás|nada|nadie|ningun\w*|ningún|ni|sin|tampoco|imposible\w*",
    # לא, אין (and its forms), אל, בלי, ללא, אף, שום, מעולם, לעולם, כלום, אסור; each
    # with the one-letter prefixes glued to it (שאין "that there is not")
    "he": r"[בהולמשכ]{0,2}(?:לא|אין\w*|אינ\w*|אל|בלי|ללא|אף|שום|מעולם|לעולם|כלום|אסור\w*)",
}


@functools.cache
def _negation_pattern(language: str) -> re.Pattern[str] | None:
    words = NEGATION_WORDS.get(base_language(language))
    if words is None:
        return None
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


#: Not negations: "No. 5" (the abbreviation of "number"), "whether or not" (either way),
#: "no more than" (a comparison: "at most", höchstens).
_NOT_NEGATING = re.compile(
    r"\b[Nn]o\.\s*\d|\b[Ww]hether or not\b"
    r"|\b[Nn]o (?:more|less|fewer|later|earlier|longer|greater|larger|smaller) than\b"
)


def check_negation(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """The source negates (not, no, never, without...) and the translation has none of its
    language's negation words: most likely a lost "not", which reverses the meaning.

    Only the presence of a negation is compared, not how many, since languages negate
    differently (French "ne ... pas" is two words; Spanish "nadie ... nunca" may be one
    English "never"). Languages without a table are not checked.
    """
    if base_language(context.source_language) != "en":
        return
    if not negations(source):
        return
    found = negations(_NOT_NEGATING.sub(" ", without_links(source)))
    if not found:
        return
    pattern = _negation_pattern(context.language)
    if pattern is None:
        return
    text = without_links(translation)
    if pattern.search(fold_case(text, context.language)) or negations(text):
        return  # negated, or the English word kept as written (code, a quoted name)
    yield f"the source negates ({', '.join(dict.fromkeys(found))}), the translation does not"
