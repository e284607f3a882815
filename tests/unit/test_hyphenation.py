"""Azerbaijani hyphenation: syllable rules, the shipped dictionary, pyphen and WeasyPrint."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyphen
import pytest

from pubtool.publish.hyphenation import (
    LANGUAGE_CODES,
    azerbaijani_lower,
    dictionary_path,
    hyphenate_word,
    register_azerbaijani_hyphenation,
    render_dictionary,
)

# Syllables worked out by hand from the rules (one vowel per syllable; the consonant directly
# before a vowel starts its syllable; adjacent vowels split), not read back from the code.
SYLLABLES = {
    "Azərbaycan": "A·zər·bay·can",
    "müstəqillik": "müs·tə·qil·lik",
    "respublikası": "res·pub·li·ka·sı",
    "faciəsi": "fa·ci·ə·si",
    "şəhidlər": "şə·hid·lər",
    "xiyabanı": "xi·ya·ba·nı",
    "insan": "in·san",
    "hüquqları": "hü·quq·la·rı",
    "ombudsman": "om·buds·man",
    "beynəlxalq": "bey·nəl·xalq",
    "Sovet": "So·vet",
    "İnsan": "İn·san",
    "ictimaiyyət": "ic·ti·ma·iy·yət",
    "İctimaiyyət": "İc·ti·ma·iy·yət",
    "Işıq": "I·şıq",
    "Işıqlandırılması": "I·şıq·lan·dı·rıl·ma·sı",
    "İNSAN": "İN·SAN",
    "HÜQUQLARI": "HÜ·QUQ·LA·RI",
    "türklər": "türk·lər",
    "Prezidentinin": "Pre·zi·den·ti·nin",
    "qətnamə": "qət·na·mə",
    "Nazirliyi": "Na·zir·li·yi",
    "cinayət": "ci·na·yət",
    "soyqırımı": "soy·qı·rı·mı",
    "hərbi": "hər·bi",
    "təcavüz": "tə·ca·vüz",
    "ədalət": "ə·da·lət",
    "Milli": "Mil·li",
    "Məclis": "Məc·lis",
    "Qarabağ": "Qa·ra·bağ",
    "Sumqayıt": "Sum·qa·yıt",
    "Heydər": "Hey·dər",
    "Əliyev": "Ə·li·yev",
    "yanvar": "yan·var",
    "faciəsinin": "fa·ci·ə·si·nin",
    "ildönümü": "il·dö·nü·mü",
    "vətəndaş": "və·tən·daş",
    "hökumət": "hö·ku·mət",
    "azadlıq": "a·zad·lıq",
    "Ermənistan": "Er·mə·nis·tan",
    "işğal": "iş·ğal",
    "Xocalı": "Xo·ca·lı",
    "qaçqın": "qaç·qın",
    "səhiyyə": "sə·hiy·yə",
    "nümayəndəsi": "nü·ma·yən·də·si",
    "qanunvericilik": "qa·nun·ve·ri·ci·lik",
    "parlament": "par·la·ment",
    "sülh": "sülh",
    # Loanwords: word-initial clusters stay whole because no syllable lacks a vowel.
    "stadion": "sta·di·on",
    "strategiya": "stra·te·gi·ya",
    # Loanwords split by the Azerbaijani rules; hyphenation that keeps the source-language
    # clusters together would give Kon·sti·tu·si·ya·sı and de·mo·kra·ti·ya instead.
    "Konstitusiyası": "Kons·ti·tu·si·ya·sı",
    "demokratiya": "de·mok·ra·ti·ya",
}

# Sample words whose two-letter minimum changes the result, spelled out.
WITH_MINIMUM = {
    "Azərbaycan": ["Azər", "bay", "can"],
    "ədalət": ["əda", "lət"],
    "Əliyev": ["Əli", "yev"],
    "Işıq": ["Işıq"],
    "azadlıq": ["azad", "lıq"],
    "faciəsi": ["fa", "ci", "ə", "si"],
    "qətnamə": ["qət", "na", "mə"],
    "sülh": ["sülh"],
}


def _drop_edge_breaks(syllables: list[str], minimum: int = 2) -> list[str]:
    """Expected parts when no break may leave fewer than ``minimum`` letters at either end."""
    parts = list(syllables)
    while len(parts) > 1 and len(parts[0]) < minimum:
        parts[:2] = [parts[0] + parts[1]]
    while len(parts) > 1 and len(parts[-1]) < minimum:
        parts[-2:] = [parts[-2] + parts[-1]]
    return parts


@pytest.mark.parametrize(("word", "syllables"), SYLLABLES.items())
def test_syllables_follow_the_rules(word: str, syllables: str) -> None:
    assert hyphenate_word(word, left=1, right=1) == syllables.split("·")


@pytest.mark.parametrize(("word", "syllables"), SYLLABLES.items())
def test_default_breaks_keep_two_letters_each_side(word: str, syllables: str) -> None:
    parts = hyphenate_word(word)
    assert parts == _drop_edge_breaks(syllables.split("·"))
    assert "".join(parts) == word
    if len(parts) > 1:
        assert len(parts[0]) >= 2 and len(parts[-1]) >= 2


@pytest.mark.parametrize(("word", "parts"), WITH_MINIMUM.items())
def test_two_letter_minimum_examples(word: str, parts: list[str]) -> None:
    assert hyphenate_word(word) == parts


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Heydər Əliyev", [["Hey", "dər"], ["Əli", "yev"]]),
        ("Milli Məclis", [["Mil", "li"], ["Məc", "lis"]]),
    ],
)
def test_phrases_hyphenate_word_by_word(phrase: str, expected: list[list[str]]) -> None:
    assert [hyphenate_word(word) for word in phrase.split()] == expected


def test_shipped_dictionary_matches_the_generator() -> None:
    assert dictionary_path().read_text(encoding="utf-8") == render_dictionary()


def test_dictionary_header_is_what_pyphen_and_libreoffice_expect() -> None:
    lines = render_dictionary().splitlines()
    assert lines[:3] == ["UTF-8", "LEFTHYPHENMIN 2", "RIGHTHYPHENMIN 2"]


def test_azerbaijani_lower_keeps_one_character_per_character() -> None:
    assert azerbaijani_lower("İNSAN IŞIQ İctimaiyyət") == "insan ışıq ictimaiyyət"


def test_plain_lowercasing_would_shift_breaks_after_dotted_capital_i(tmp_path: Path) -> None:
    """Why the adapter exists: ``'İ'.lower()`` is two code points, so pyphen alone is off by one."""
    copy = tmp_path / "hyph_az_AZ.dic"
    shutil.copyfile(str(dictionary_path()), copy)
    assert pyphen.Pyphen(filename=copy).inserted("İnsan") == "İns-an"


def test_registration_is_idempotent_and_covers_language_tags() -> None:
    register_azerbaijani_hyphenation()
    registered = {code: pyphen.LANGUAGES[code] for code in LANGUAGE_CODES}
    cached = pyphen.hdcache[dictionary_path()]
    register_azerbaijani_hyphenation()
    assert {code: pyphen.LANGUAGES[code] for code in LANGUAGE_CODES} == registered
    assert pyphen.hdcache[dictionary_path()] is cached
    for tag in ("az", "AZ", "az-AZ", "az_AZ", "az-Latn", "az-Latn-AZ"):
        assert pyphen.language_fallback(tag) in LANGUAGE_CODES


@pytest.mark.parametrize("lang", ["az", "az_AZ", "az-Latn", "az-Latn-AZ"])
def test_pyphen_uses_the_dictionary_after_registration(lang: str) -> None:
    register_azerbaijani_hyphenation()
    dictionary = pyphen.Pyphen(lang=lang)
    assert dictionary.inserted("Azərbaycan") == "Azər-bay-can"
    assert dictionary.inserted("İnsan") == "İn-san"


# End to end: WeasyPrint must pick the dictionary up through ``lang`` and ``hyphens: auto``.

HYPHEN = "\u2010"  # WeasyPrint's default hyphenate-character
PARAGRAPH = (
    "Azərbaycan Respublikasının müstəqilliyi beynəlxalq ictimaiyyət tərəfindən "
    "tanınmışdır. İctimaiyyətin nümayəndələri şəhidlər xiyabanını ziyarət etdilər."
)


def _rendered_lines(lang: str) -> list[str]:
    """Text of each line box of a narrow, justified, auto-hyphenated paragraph."""
    weasyprint = pytest.importorskip("weasyprint")
    from weasyprint.formatting_structure import boxes

    html = (
        f'<p lang="{lang}" style="width: 30mm; margin: 0; text-align: justify; '
        f'hyphens: auto; font: 10pt serif">{PARAGRAPH}</p>'
    )
    page_box = weasyprint.HTML(string=html).render().pages[0]._page_box
    return [
        "".join(text.text for text in line.descendants() if isinstance(text, boxes.TextBox))
        for line in page_box.descendants()
        if isinstance(line, boxes.LineBox)
    ]


def test_weasyprint_hyphenates_azerbaijani_at_rule_positions() -> None:
    register_azerbaijani_hyphenation()
    lines = _rendered_lines("az")
    hyphenated = [
        (line, following)
        for line, following in zip(lines, lines[1:], strict=False)
        if line.endswith(HYPHEN)
    ]
    assert hyphenated, lines
    for line, following in hyphenated:
        head = line.removesuffix(HYPHEN).split()[-1]
        tail = following.split()[0].rstrip(".,")
        parts = hyphenate_word(head + tail)
        breaks = {len("".join(parts[:index])) for index in range(1, len(parts))}
        assert len(head) in breaks, (head, tail, parts)


def test_weasyprint_leaves_unknown_language_unhyphenated() -> None:
    register_azerbaijani_hyphenation()
    lines = _rendered_lines("xx")
    assert len(lines) > 1
    assert not any(line.endswith((HYPHEN, "-", "\xad")) for line in lines)


def test_registration_only_adds_to_pyphen() -> None:
    """Run in a fresh interpreter: every language pyphen knew before keeps its dictionary,
    and a dictionary registered for ``az`` before pubtool's is kept."""
    script = (
        "import pyphen, json\n"
        "before = {k: str(v) for k, v in pyphen.LANGUAGES.items()}\n"
        "lower = dict(pyphen.LANGUAGES_LOWERCASE)\n"
        "pyphen.LANGUAGES['az_AZ'] = pyphen.LANGUAGES['de_DE']\n"
        "pyphen.LANGUAGES_LOWERCASE['az_az'] = 'az_AZ'\n"
        "from pubtool.publish.hyphenation import register_azerbaijani_hyphenation as r\n"
        "r(); r()\n"
        "after = {k: str(v) for k, v in pyphen.LANGUAGES.items()}\n"
        "print(json.dumps({'kept': all(after[k] == v for k, v in before.items()),\n"
        "  'lower_kept': all(pyphen.LANGUAGES_LOWERCASE[k] == v for k, v in lower.items()),\n"
        "  'theirs': after['az_AZ'] == str(pyphen.LANGUAGES['de_DE']),\n"
        "  'ours': after['az'].endswith('hyph_az_AZ.dic'),\n"
        "  'added': sorted(set(after) - set(before))}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)
    assert json.loads(result.stdout) == {
        "kept": True, "lower_kept": True, "theirs": True, "ours": True,
        "added": ["az", "az_AZ", "az_Latn"],
    }
