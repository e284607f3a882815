"""Merging a template into a catalog: keep every translation, suggest for changed source.

Pure functions over polib objects; `pubtool.catalogs` does the files and the locking.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import asdict, dataclass

import polib
from babel.dates import get_month_names

from pubtool.po.catalog import Catalog
from pubtool.po.entries import copy_entry, has_translation, header_fields, language_name
from pubtool.po.matching import TokenCache, match_changed
from pubtool.po.negations import NEGATION, negations
from pubtool.po.number_forms import number_spans, rewrite_number
from pubtool.po.plurals import parse_plural_forms, plural_forms
from pubtool.po.write import set_header_field

# --- what changed in a source text, where an old translation is then wrong ------------------

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NEGATION = NEGATION  # also read by the tests against the plain pattern
#: English month names (CLDR's, through Babel), as the sources write them.
_MONTH = re.compile(
    r"\b(?:" + "|".join(get_month_names("wide", "format", "en")[month] for month in range(1, 13))
    + r")\b"
)
RISK_NOTE = "pubtool:"


def risky_changes(old: str, new: str) -> list[str]:
    """Changes a similar-looking old translation gets wrong: numbers, dates, negation.

    Only the parts where the texts differ are searched first (`_changed_parts`): what
    they share holds the same numbers, months and negations in both.  A note that lists
    all of a text's months or negations reads the whole texts.
    """
    notes = []
    old_part, new_part = _changed_parts(old, new)
    old_numbers = Counter(_NUMBER.findall(old_part))
    new_numbers = Counter(_NUMBER.findall(new_part))
    if old_numbers != new_numbers:
        removed = sorted((old_numbers - new_numbers).elements())
        added = sorted((new_numbers - old_numbers).elements())
        notes.append(
            f"number changed: {', '.join(removed) or '(none)'} -> {', '.join(added) or '(none)'}"
        )
    if _MONTH.findall(old_part) != _MONTH.findall(new_part):
        old_months, new_months = _MONTH.findall(old), _MONTH.findall(new)
        notes.append(
            f"date changed: {', '.join(old_months) or '(none)'} -> "
            f"{', '.join(new_months) or '(none)'}"
        )
    if Counter(negations(old_part)) != Counter(negations(new_part)):
        notes.append(
            f"negation changed: {' '.join(negations(old)) or '(none)'} -> "
            f"{' '.join(negations(new)) or '(none)'}"
        )
    return [f"{RISK_NOTE} {note}" for note in notes]


def _changed_parts(old: str, new: str) -> tuple[str, str]:
    """The two texts less the start and the end they share, each cut just beside a space.

    Numbers, months and negations hold no space, so each lies wholly in a shared part
    or wholly in the rest, and a space beside each cut reads as the text's edge does.
    """
    shortest = min(len(old), len(new))
    start = _shared_length(old, new, shortest, from_end=False)
    start = old.rfind(" ", 0, start) + 1  # 0 when no space
    end = _shared_length(old, new, shortest - start, from_end=True)
    space = old.find(" ", len(old) - end) if end else -1
    end = len(old) - space if space >= 0 else 0
    return old[start : len(old) - end], new[start : len(new) - end]


def _shared_length(old: str, new: str, limit: int, *, from_end: bool) -> int:
    """How many characters (at most `limit`) the texts share at their start, or end.

    A bisection over slices: each comparison runs in C, where a loop over characters
    would not.
    """
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if from_end:
            shared = old[len(old) - middle :] == new[len(new) - middle :]
        else:
            shared = old[:middle] == new[:middle]
        low, high = (middle, high) if shared else (low, middle - 1)
    return low


# --- update: template + old catalog -> new catalog ------------------------------------------


@dataclass
class UpdateReport:
    """What `update_catalog` did, for the summary line a translator reads."""

    kept: int = 0
    kept_fuzzy: int = 0  # of those kept, still marked fuzzy (a suggestion not yet confirmed)
    new: int = 0
    untranslated: int = 0  # in the old catalog already, still without a translation
    fuzzy_matched: int = 0
    obsoleted: int = 0
    dropped: int = 0
    risky: int = 0
    from_memory: int = 0  # `update --memory`: exact matches taken as translations
    memory_suggestions: int = 0  # and close ones offered as fuzzy suggestions

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def update_catalog(
    template: polib.POFile,
    catalog: polib.POFile | None,
    *,
    language: str,
    drop_obsolete: bool = False,
    width: int = 79,
    source_language: str = "en",
) -> tuple[Catalog, UpdateReport]:
    """Merge the template into a catalog without ever losing a translation.

    Unchanged source keeps everything a translator wrote; changed source takes the most
    similar old translation, fuzzy, with the old source as `#| msgid` and a note where a
    number, date or negation changed; source that is gone becomes obsolete. A changed
    number is carried into the suggestion in the translation's own form (`language`'s
    CLDR symbols; the source's read by `source_language`'s).
    """
    report = UpdateReport()
    old_entries = [e for e in catalog if e.msgid] if catalog is not None else []
    live_old = {(e.msgctxt, e.msgid): e for e in old_entries}
    result = Catalog(wrapwidth=width)
    result.metadata = catalog_metadata(template, catalog, language)
    result.header = catalog.header if catalog is not None else _new_header(language)
    used: set[int] = set()
    pending: list[tuple[int, polib.POEntry]] = []
    known_untranslated: set[int] = set()
    for template_entry_ in template:
        old = live_old.get((template_entry_.msgctxt, template_entry_.msgid))
        entry = _fresh_entry(template_entry_)
        if old is not None and has_translation(old):
            used.add(id(old))
            _carry_translation(old, entry, fuzzy=old.fuzzy)
            entry.previous_msgid = old.previous_msgid if old.fuzzy else None
            if entry.previous_msgid:
                _add_risk_notes(entry, language, source_language)
            report.kept += 1
            report.kept_fuzzy += int(old.fuzzy)
        else:
            if old is not None:
                used.add(id(old))
                known_untranslated.add(len(pending))
            pending.append((len(result), entry))
        result.append(entry)
    memory = translation_memory(old_entries)
    matched: set[int] = set()
    for new_index, memory_index in _suggestions(
        [entry.msgid for _, entry in pending], memory, {e.msgid for e in template}
    ).items():
        matched.add(new_index)
        _, entry = pending[new_index]
        source, old, origins = memory[memory_index]
        _carry_translation(old, entry, fuzzy=True)
        entry.previous_msgid = source
        _carry_changes(entry, language, source_language)
        # A suggestion that holds the old translation whole stands for the old entries; one
        # that changed it (a carried number, one plural form of several) does not, and
        # they stay as obsolete entries, so that no translation is lost.
        if _translation(entry) == _translation(old):
            used.update(id(origin) for origin in origins)
        if _add_risk_notes(entry, language, source_language):
            report.risky += 1
        report.fuzzy_matched += 1
    unmatched = set(range(len(pending))) - matched
    report.untranslated = len(unmatched & known_untranslated)
    report.new = len(unmatched - known_untranslated)
    for old in old_entries:
        if id(old) in used or not has_translation(old):
            continue
        if drop_obsolete:
            report.dropped += 1
            continue
        result.append(_obsolete_copy(old))
        if not old.obsolete:
            report.obsoleted += 1
    return result, report


#: A suggestion from a text that left the template this alike (0-100) is taken as it is; a
#: worse one is compared with the whole memory first.
GOOD_MATCH = 90.0


def _suggestions(
    texts: list[str],
    memory: list[tuple[str, polib.POEntry, list[polib.POEntry]]],
    template_texts: set[str],
) -> dict[int, int]:
    """For each text that gets one, the index of the memory item to suggest from.

    Texts that left the template are where a changed text most likely came from, and there
    are few of them: they are searched first.  Only a text without a good match there is
    compared with the whole memory (which holds every unchanged text as well), and the
    better of the two wins.  Both searches depend only on the texts and the memory, so a
    second update finds the same.
    """
    sources = [source for source, _, _ in memory]
    departed = [index for index, source in enumerate(sources) if source not in template_texts]
    best: dict[int, tuple[float, int]] = {}
    tokens = TokenCache()
    for found in match_changed(texts, [sources[index] for index in departed], tokens=tokens):
        best[found.new] = (found.score, departed[found.old])
    retry = [index for index in range(len(texts)) if best.get(index, (0.0, 0))[0] < GOOD_MATCH]
    for found in match_changed([texts[index] for index in retry], sources, tokens=tokens):
        index = retry[found.new]
        if index not in best or found.score > best[index][0]:
            best[index] = (found.score, found.old)
    return {index: memory_index for index, (_, memory_index) in sorted(best.items())}


def translation_memory(
    entries: list[polib.POEntry],
) -> list[tuple[str, polib.POEntry, list[polib.POEntry]]]:
    """Every translation the catalog holds, by the source text it translates, for suggestions.

    Live, fuzzy and obsolete entries alike: a fuzzy entry with a previous msgid is a
    translation of that previous text (what it was made from).  One translation per source
    text, chosen by its text, in sorted order, so that the memory is the same set in the
    same order whatever the entries' order, and a catalog that `update` just wrote gives
    the same memory as the one it was made from: suggestions do not change on a second
    run.  Each item is (source, entry with the translation, entries it stands for).
    """
    by_source: dict[str, list[polib.POEntry]] = {}
    for entry in entries:
        if not has_translation(entry):
            continue
        source = entry.previous_msgid if entry.fuzzy and entry.previous_msgid else entry.msgid
        same_source = by_source.get(source)
        if same_source is None:
            by_source[source] = [entry]
        else:
            same_source.append(entry)
    memory = []
    for source in sorted(by_source):
        origins = by_source[source]
        if len(origins) > 1:  # most sources have one
            translations = sorted(((_translation(e), e) for e in origins), key=lambda t: t[0])
            chosen_translation = translations[0][0]
            origins = [entry for translation, entry in translations
                       if translation == chosen_translation]
        memory.append((source, origins[0], origins))
    return memory


def _translation(entry: polib.POEntry) -> tuple[str, ...]:
    """Everything the translator wrote for the message: msgstr, then the plural forms."""
    translation: tuple[str, ...] = (entry.msgstr or "",)
    if entry.msgstr_plural:
        translation += tuple(str(v) for _, v in sorted(entry.msgstr_plural.items()))
    return translation


def _fresh_entry(template_entry_: polib.POEntry) -> polib.POEntry:
    return copy_entry(
        template_entry_,
        msgstr="",
        flags=[f for f in template_entry_.flags if f != "fuzzy"],
        previous_msgctxt=None,
        previous_msgid=None,
        previous_msgid_plural=None,
        tcomment="",
        obsolete=False,
    )


def _carry_translation(old: polib.POEntry, entry: polib.POEntry, *, fuzzy: bool) -> None:
    """Copy the old translation; between a plural and a singular message only the first
    form goes across (and the entry is fuzzy), as msgmerge does."""
    if bool(old.msgid_plural) != bool(entry.msgid_plural):
        fuzzy = True
    if not entry.msgid_plural:
        entry.msgstr = str(old.msgstr_plural.get(0, "")) if old.msgid_plural else old.msgstr
    elif old.msgid_plural:
        entry.msgstr_plural = dict(old.msgstr_plural)
    else:
        entry.msgstr_plural = {**(entry.msgstr_plural or {0: "", 1: ""}), 0: old.msgstr}
    entry.tcomment = old.tcomment
    for flag in old.flags:
        if flag not in entry.flags and flag != "fuzzy":
            entry.flags.append(flag)
    if fuzzy:
        entry.flags.insert(0, "fuzzy")


def _add_risk_notes(entry: polib.POEntry, language: str, source_language: str) -> bool:
    """Append the risky-change notes as `#.` lines; they are derived, so updates repeat them.

    Where only numbers, inline code, link targets or markup changed, a note says so, and
    which changes the suggestion holds (carried) and which it does not (not carried, and
    why), read from the translation as it is; the risky-change notes follow.  All come
    from the two source texts and the translation, so a second update writes them again,
    the same.
    """
    previous = entry.previous_msgid or ""
    changes = token_changes(previous, entry.msgid) if previous else None
    notes = []
    if changes:
        translations = [entry.msgstr, *(entry.msgstr_plural or {}).values()]
        notes.append(f"{RISK_NOTE} " + carried_note(
            changes,
            [_not_carried(previous, entry.msgid, change, [t for t in translations if t],
                          language, source_language) for change in changes],
        ))
    risky = risky_changes(previous, entry.msgid)
    notes += risky
    if notes:
        entry.comment = "\n".join([*entry.comment.splitlines(), *notes])
    return bool(risky)


# --- carrying a change of numbers, code, links or markup into a suggestion ------------------

# What a translation copies from its source as it is: inline code (``x``, `x`), reST roles
# (:func:`x`), link targets (<https://...>, (target) of Markdown links), URLs, numbers and
# emphasis markers.  A source whose text around these is unchanged changed only in them.
_TOKEN = re.compile(
    r"``[^`]+``"
    r"|:[\w:.+-]+:`[^`]+`"
    r"|`[^`]+`_{0,2}"
    r"|<[^<>\s]+>"
    r"|\]\([^()\s]+\)"
    r"|https?://[^\s<>()\[\]]+"
    r"|\d+(?:[.,:]\d+)*"
    r"|\*\*|\*|__"
)

_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")


@functools.lru_cache(maxsize=4096)
def token_changes(old: str, new: str) -> list[tuple[str, str]] | None:
    """The (old, new) tokens that differ, when nothing else in the text differs; else None.

    (Cached: the suggestion and its note ask the same question.  Callers do not change
    the list.)"""
    if old == new:
        return None
    # one pass each: the text between tokens at even indexes, the tokens at odd ones
    old_parts, new_parts = _TOKEN_SPLIT.split(old), _TOKEN_SPLIT.split(new)
    old_tokens, new_tokens = old_parts[1::2], new_parts[1::2]
    if len(old_tokens) != len(new_tokens) or old_parts[::2] != new_parts[::2]:
        return None
    changes = [(a, b) for a, b in zip(old_tokens, new_tokens, strict=True) if a != b]
    return list(dict.fromkeys(changes)) or None


def carried_note(
    changes: list[tuple[str, str]], reasons: list[str | None] | None = None
) -> str:
    """The note on a suggestion: what changed, and which changes it holds. `reasons` (one
    per change, None where carried) say why a change is not in the suggestion."""
    shown = ", ".join(f"{a} -> {b}" for a, b in changes)
    reasons = reasons or [None] * len(changes)
    carried = [f"{a} -> {b}" for (a, b), why in zip(changes, reasons, strict=True) if not why]
    missed = [f"{a} -> {b} ({why})" for (a, b), why in zip(changes, reasons, strict=True) if why]
    note = f"only code, numbers, links or markup changed ({shown})"
    if not missed:
        return note + ": carried into the suggestion"
    if carried:
        note += f": carried into the suggestion: {', '.join(carried)};"
    else:
        note += ":"
    return note + f" not carried: {'; '.join(missed)}"


def _spans(text: str, token: str, language: str, source_language: str) -> int:
    """How often `text` holds `token`: a number in any form its language writes it (or
    as the source does), anything else exactly."""
    if _NUMBER.fullmatch(token):
        return len(number_spans(text, token, source_language, language))
    return _TOKEN.findall(text).count(token)


def _not_carried(
    previous: str,
    source: str,
    change: tuple[str, str],
    translations: list[str],
    language: str,
    source_language: str,
) -> str | None:
    """Why the translation does not hold `change` (None: it does): read from the
    translation as it stands, so the note is true after any later edit too."""
    old, new = change
    if not translations:
        return "no translation"
    for text in translations:
        if _spans(text, old, language, source_language):
            if old in _TOKEN.findall(source):
                return "the new source still has it elsewhere"
            return "the translation writes it more or less often than the source"
        if not _spans(text, new, language, source_language):
            return "not found in the translation"
    return None


def _carry_changes(entry: polib.POEntry, language: str, source_language: str) -> None:
    """Apply a change of numbers, code, links or markup to the suggested translation.

    Each changed token is replaced where the translation has it exactly as often as the old
    source did, and the new source has it no more (so which one changed is clear): a number
    in the form the translation writes it (`number_forms`), anything else as written. A
    token the translator rewrote is left alone (the entry stays fuzzy, and its note says
    "not carried").
    """
    previous = entry.previous_msgid or ""
    changes = token_changes(previous, entry.msgid)
    if not changes:
        return
    old_tokens = _TOKEN.findall(previous)
    new_tokens = _TOKEN.findall(entry.msgid)

    def carried(translation: str) -> str:
        if not translation:
            return translation
        for old_token, new_token in changes:
            if old_token in new_tokens:
                continue
            if _NUMBER.fullmatch(old_token) and _NUMBER.fullmatch(new_token):
                translation = _carry_number(translation, old_token, new_token,
                                            old_tokens.count(old_token), language,
                                            source_language)
            elif _TOKEN.findall(translation).count(old_token) == old_tokens.count(old_token):
                translation = _replace_token(translation, old_token, new_token)
        return translation

    entry.msgstr = carried(entry.msgstr)
    if entry.msgstr_plural:
        entry.msgstr_plural = {k: carried(v) for k, v in entry.msgstr_plural.items()}


def _carry_number(
    translation: str, old: str, new: str, times: int, language: str, source_language: str
) -> str:
    """`old` rewritten as `new` wherever the translation writes it, in its own form, when
    it does so `times` times (as often as the old source); else the translation as it is."""
    spans = number_spans(translation, old, source_language, language)
    if len(spans) != times:
        return translation
    rewritten = [rewrite_number(span, old, new, source_language, language) for span in spans]
    if any(text is None for text in rewritten):
        return translation
    for span, text in sorted(zip(spans, rewritten, strict=True), key=lambda p: -p[0].start):
        translation = translation[: span.start] + str(text) + translation[span.end :]
    return translation


def _replace_token(text: str, old: str, new: str) -> str:
    """Replace whole tokens only (a number inside a longer number stays)."""
    return _TOKEN.sub(lambda match: new if match[0] == old else match[0], text)


def _obsolete_copy(old: polib.POEntry) -> polib.POEntry:
    """The entry as `#~`; a fuzzy one keeps the text it was made from (`#~|`), as msgmerge
    does, so the translation memory of the next update sees the same pair."""
    keep_previous = old.fuzzy and bool(old.previous_msgid)
    return copy_entry(
        old,
        comment="",
        occurrences=[],
        previous_msgctxt=old.previous_msgctxt if keep_previous else None,
        previous_msgid=old.previous_msgid if keep_previous else None,
        previous_msgid_plural=old.previous_msgid_plural if keep_previous else None,
        obsolete=True,
    )


def catalog_metadata(
    template: polib.POFile, catalog: polib.POFile | None, language: str
) -> dict[str, str]:
    """A new catalog's header, or the translator's kept as it is, as msgmerge keeps it.

    Only `POT-Creation-Date` follows the template; `Language` and `Plural-Forms` are filled
    in when missing or unusable, never rewritten, so a newer Babel does not churn headers.
    """
    if catalog is None:
        return header_fields(
            project=template.metadata.get("Project-Id-Version", ""),
            creation_date=template.metadata.get("POT-Creation-Date", ""),
            language=language,
        )
    metadata = dict(catalog.metadata)
    if "POT-Creation-Date" in template.metadata:
        metadata["POT-Creation-Date"] = template.metadata["POT-Creation-Date"]
    if not metadata.get("Language"):
        metadata = set_header_field(metadata, "Language", language)
    metadata["Content-Type"] = "text/plain; charset=UTF-8"  # written as UTF-8 whatever it was
    if parse_plural_forms(metadata.get("Plural-Forms")) is None:
        metadata = set_header_field(metadata, "Plural-Forms", plural_forms(language))
    return metadata


def _new_header(language: str) -> str:
    return f"{language_name(language)} translation of the statements.\nCreated by `pubtool update`."
