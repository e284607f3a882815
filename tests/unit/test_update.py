"""update_catalog: a translation is never lost; changed source goes fuzzy with its past."""

from __future__ import annotations

import re
from collections import Counter

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from pubtool.catalogs import Message, build_template
from pubtool.po import merge
from pubtool.po.merge import risky_changes, token_changes, update_catalog

OLD_SOURCE = "During the attack, 147 civilians were killed and 744 wounded in Baku."
NEW_SOURCE = "During the attack, 150 civilians were killed and 744 wounded in Baku."
OLD_AZ = "Hücum zamanı Bakıda 147 mülki şəxs öldürülmüş, 744 nəfər yaralanmışdır."


def template(*texts: str) -> polib.POFile:
    return build_template(
        [
            Message(t, "paragraph", (("statements/2020-01-15-x.md", 9 + 2 * i),), ("2020-01-15-x",))
            for i, t in enumerate(texts)
        ],
        project_name="statements",
    )


def catalog(*pairs: tuple[str, str], obsolete: tuple[str, str] | None = None) -> polib.POFile:
    po = polib.POFile()
    po.metadata = {"Language": "az", "Last-Translator": "Aysel <aysel@example.org>"}
    for msgid, msgstr in pairs:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, tcomment="checked twice"))
    if obsolete:
        po.append(polib.POEntry(msgid=obsolete[0], msgstr=obsolete[1], obsolete=True))
    return po


def entries(po: polib.POFile) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in po}


def test_new_catalog_gets_language_plural_forms_and_utf8() -> None:
    result, report = update_catalog(template("A."), None, language="ru")
    assert result.metadata["Language"] == "ru"
    assert result.metadata["Plural-Forms"].startswith("nplurals=3;")
    assert result.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert result.metadata["Language-Team"].startswith("Russian")
    assert report.new == 1 and len(result) == 1


def test_unchanged_source_keeps_translation_comment_and_header() -> None:
    result, report = update_catalog(
        template("Baku.", OLD_SOURCE),
        catalog(("Baku.", "Bakı."), (OLD_SOURCE, OLD_AZ)),
        language="az",
    )
    entry = entries(result)[OLD_SOURCE]
    assert entry.msgstr == OLD_AZ and entry.tcomment == "checked twice" and not entry.fuzzy
    assert entry.occurrences == [("statements/2020-01-15-x.md", "11")]
    assert result.metadata["Last-Translator"] == "Aysel <aysel@example.org>"
    assert report.kept == 2


def test_changed_source_goes_fuzzy_with_previous_and_number_note() -> None:
    result, report = update_catalog(
        template("Baku.", NEW_SOURCE),
        catalog(("Baku.", "Bakı."), (OLD_SOURCE, OLD_AZ)),
        language="az",
    )
    entry = entries(result)[NEW_SOURCE]
    assert entry.fuzzy
    assert entry.previous_msgid == OLD_SOURCE
    assert entry.msgstr == OLD_AZ.replace("147", "150")  # the number change is carried over
    assert "pubtool: number changed: 147 -> 150" in entry.comment
    # the translation as it was stays too, as an obsolete entry: the carried one differs
    assert report.fuzzy_matched == 1 and report.risky == 1 and report.obsoleted == 1
    # the note is derived, so a second update keeps it (and changes nothing else)
    again, _ = update_catalog(template("Baku.", NEW_SOURCE), result, language="az")
    assert [str(e) for e in again] == [str(e) for e in result]


def test_negation_is_flagged() -> None:
    notes = risky_changes("The perpetrators were punished.", "The perpetrators were not punished.")
    assert notes == ["pubtool: negation changed: (none) -> not"]
    assert risky_changes("On January 20, 1990.", "On February 20, 1990.") == [
        "pubtool: date changed: January -> February"
    ]
    assert risky_changes("Same words.", "Same words, reordered.") == []


# What the negation pattern was before it was rewritten to be quick to search.
_PLAIN_NEGATION = re.compile(
    r"\b(?:not|no|never|none|neither|nor|without|cannot)\b|n't\b", re.IGNORECASE
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["not", "No", "NEVER", "nOnE", "neither", "nor", "Without", "CANNOT"])
        | st.sampled_from(["n't", "N'T", "isn't", "know", "snot", "nothing", "ıt", "İ", "K", "ß"])
        | st.text(alphabet="notwicahrNOTWICAHR' -_1ıİ", max_size=6),
        max_size=12,
    ).map("".join)
)
def test_negations_are_found_as_the_plain_pattern_finds_them(text: str) -> None:
    assert merge._NEGATION.findall(text) == _PLAIN_NEGATION.findall(text)


def plain_risky_changes(old: str, new: str) -> list[str]:
    """What risky_changes says, searching both whole texts (as it did before it learnt
    to search only where they differ)."""
    notes = []
    old_numbers = Counter(merge._NUMBER.findall(old))
    new_numbers = Counter(merge._NUMBER.findall(new))
    if old_numbers != new_numbers:
        removed = ", ".join(sorted((old_numbers - new_numbers).elements())) or "(none)"
        added = ", ".join(sorted((new_numbers - old_numbers).elements())) or "(none)"
        notes.append(f"number changed: {removed} -> {added}")
    old_months, new_months = merge._MONTH.findall(old), merge._MONTH.findall(new)
    if old_months != new_months:
        notes.append(
            f"date changed: {', '.join(old_months) or '(none)'} -> "
            f"{', '.join(new_months) or '(none)'}"
        )
    old_negations = [m.lower() for m in _PLAIN_NEGATION.findall(old)]
    new_negations = [m.lower() for m in _PLAIN_NEGATION.findall(new)]
    if Counter(old_negations) != Counter(new_negations):
        notes.append(
            f"negation changed: {' '.join(old_negations) or '(none)'} -> "
            f"{' '.join(new_negations) or '(none)'}"
        )
    return [f"pubtool: {note}" for note in notes]


_PIECES = st.sampled_from(
    ["On", "20", "January", "1990", "May", "not", "no", "isn't", "147", "1,000.5", "Baku", "."]
)
_SENTENCES = st.lists(_PIECES | st.text(alphabet=" ,.-'nN0123456789May", max_size=4), max_size=12)


@settings(max_examples=400, deadline=None)
@given(_SENTENCES, _SENTENCES, _SENTENCES, _SENTENCES, st.sampled_from([" ", "", "\n"]))
def test_risky_changes_are_those_found_in_the_whole_texts(
    start: list[str], old: list[str], new: list[str], end: list[str], joint: str
) -> None:
    """Texts that share a start and an end, as edited paragraphs do."""
    shared_start, shared_end = joint.join(start), joint.join(end)
    old_text = shared_start + " " + " ".join(old) + " " + shared_end
    new_text = shared_start + " " + " ".join(new) + " " + shared_end
    assert risky_changes(old_text, new_text) == plain_risky_changes(old_text, new_text)
    assert risky_changes(joint.join(old), joint.join(new)) == plain_risky_changes(
        joint.join(old), joint.join(new)
    )


def test_token_changes_only_when_nothing_but_tokens_changed() -> None:
    assert token_changes("Released in 1990.", "Released in 1991.") == [("1990", "1991")]
    assert token_changes("See `foo`, 2 items.", "See `bar`, 3 items.") == [
        ("`foo`", "`bar`"),
        ("2", "3"),
    ]
    # as many tokens, but a word changed too: the old translation is not carried over
    assert token_changes("Released in 1990.", "Published in 1991.") is None
    assert token_changes("Released in 1990.", "Released in 1990 and 1991.") is None
    assert token_changes("Released in 1990.", "Released in 1990.") is None


def test_a_translation_changed_on_its_way_into_a_suggestion_stays_as_obsolete() -> None:
    """A carried number rewrites the suggested translation; the translator's own text must
    survive somewhere, so the old entry stays, obsolete (found by the property test)."""
    old = catalog(("Baku 1990.", "Bakı 1990."), ("Baku.", "Bakı."))
    result, report = update_catalog(template("Baku 20.", "Baku."), old, language="az")
    suggestion = entries(result)["Baku 20."]
    assert (suggestion.msgstr, suggestion.previous_msgid) == ("Bakı 20.", "Baku 1990.")
    assert [(e.msgid, e.msgstr) for e in result if e.obsolete] == [("Baku 1990.", "Bakı 1990.")]
    assert report.obsoleted == 1
    # a suggestion that holds the translation as it was stands for the old entry
    old = catalog(("Baku in 1990.", "Bakı 1990-cı ildə."))
    result, report = update_catalog(template("Baku in January 1990."), old, language="az")
    assert not [e for e in result if e.obsolete] and report.fuzzy_matched == 1


def test_removed_source_goes_obsolete_and_can_be_dropped() -> None:
    old = catalog(("Baku.", "Bakı."), ("A sentence that is gone now.", "Artıq olmayan cümlə."))
    result, report = update_catalog(template("Baku."), old, language="az")
    obsolete = [e for e in result if e.obsolete]
    assert [(e.msgid, e.msgstr) for e in obsolete] == [
        ("A sentence that is gone now.", "Artıq olmayan cümlə.")
    ]
    assert report.obsoleted == 1
    dropped, report = update_catalog(template("Baku."), old, language="az", drop_obsolete=True)
    assert not [e for e in dropped if e.obsolete] and report.dropped == 1


def test_obsolete_translation_comes_back_when_its_source_does() -> None:
    old = catalog(("Baku.", "Bakı."), obsolete=("Sumgayit.", "Sumqayıt."))
    result, _ = update_catalog(template("Baku.", "Sumgayit."), old, language="az")
    entry = entries(result)["Sumgayit."]
    assert entry.msgstr == "Sumqayıt." and not entry.obsolete and not entry.fuzzy


def test_no_translation_is_ever_lost() -> None:
    old = catalog(
        *((f"Paragraph {i} about the tragedy of January 20.", f"Abzas {i}.") for i in range(20))
    )
    new_texts = [f"Paragraph {i} about the tragedy of 20 January." for i in range(0, 20, 2)]
    result, _ = update_catalog(template(*new_texts), old, language="az")
    kept = sorted(e.msgstr for e in result if e.msgstr)
    assert kept == sorted(f"Abzas {i}." for i in range(20))
