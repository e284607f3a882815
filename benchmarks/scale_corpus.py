"""Grow the shipped statements into a large, realistic catalog pair for the benchmarks.

The shipped corpus has a few hundred paragraphs; catalog tools only show their cost (and
their matching mistakes) at thousands.  Anniversary statements repeat the same formulae
with other dates, numbers and wording, so the scaled corpus does the same: each paragraph
comes back in many deterministic variants (dates and numbers changed, a few words swapped,
sentences rotated, an opening phrase added), close to each other as real ones are.

An "edit" step then makes a new version: 10% of paragraphs get one small edit (a number
changed, a word inserted, replaced or deleted, a clause appended), 5% new paragraphs are
inserted, the rest stay.  Written out: the old and new templates (.pot) and an old catalog
(.po) with every entry translated by a pseudo-translation.

Everything is seeded, so two runs write byte-identical files.  Import `make_corpus` from the
other benchmarks, or run `python benchmarks/scale_corpus.py 3000` to look at the files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pubtool.catalogs import Message, build_template
from pubtool.po import write_po
from pubtool.po.merge import catalog_metadata
from pubtool.statements import load_statements

SEED = "pubtool-benchmarks-2026"
EDITED_SHARE = 0.10
ADDED_SHARE = 0.05
PARAGRAPHS_PER_STATEMENT = 12
LANGUAGE = "az"
#: A fixed POT-Creation-Date, so the files do not change from run to run.
CREATED = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)

# Words the statements use, and what another statement says instead.
SYNONYMS = {
    "tragedy": "massacre",
    "statement": "declaration",
    "people": "citizens",
    "killed": "murdered",
    "wounded": "injured",
    "victims": "martyrs",
    "memory": "remembrance",
    "crime": "atrocity",
    "international": "global",
    "community": "public",
    "innocent": "peaceful",
    "troops": "soldiers",
    "brutal": "cruel",
    "independence": "sovereignty",
    "night": "evening",
    "committed": "perpetrated",
    "honour": "honor",
    "deeply": "profoundly",
    "important": "significant",
    "support": "backing",
    "world": "international community",
    "also": "further",
    "today": "this year",
    "Soviet": "USSR",
}
CITIES = ("Baku", "Sumgayit", "Ganja", "Lankaran", "Shamakhi", "Sheki", "Nakhchivan", "Quba")
OPENINGS = (
    "On {day} January {year}, ",
    "In {year}, ",
    "As in {year}, ",
    "Speaking on {day} January {year}, ",
    "Once again, ",
    "This year, ",
)
INSERTED_WORDS = ("also", "still", "once again", "deeply", "fully", "today", "rightly", "firmly")
APPENDED_CLAUSES = (
    ", as the statement stressed",
    " and across the world",
    ", the Office said",
    ", according to official figures",
    " in the years that followed",
    ", which remains unforgotten",
)
PSEUDO_LETTERS = str.maketrans(
    {"a": "ə", "o": "ö", "u": "ü", "c": "ç", "s": "ş", "g": "ğ", "i": "ı", "I": "İ", "w": "v"}
)
_NUMBER = re.compile(r"\b\d+\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Corpus:
    """The files of one scaled corpus, and which new text replaced which old one."""

    folder: Path
    old_pot: Path
    new_pot: Path
    old_po: Path
    old_texts: tuple[str, ...]
    new_texts: tuple[str, ...]
    edits: tuple[tuple[str, str], ...]  # (old text, its edited new text)
    added: tuple[str, ...]


def base_paragraphs(folder: Path = Path("statements")) -> list[str]:
    """The shipped body text, once each: the seed every variant grows from."""
    seen: dict[str, None] = {}
    for statement in load_statements(folder):
        for block in statement.body:
            if len(block.text.split()) >= 8:
                seen.setdefault(block.text, None)
    return list(seen)


def _rotate_sentences(text: str, rng: random.Random) -> str:
    sentences = _SENTENCE_END.split(text)
    if len(sentences) < 2:
        return text
    turn = rng.randrange(len(sentences))
    return " ".join(sentences[turn:] + sentences[:turn])


def _change_numbers(text: str, rng: random.Random) -> str:
    def other(match: re.Match[str]) -> str:
        value = int(match[0])
        if 1900 <= value <= 2100:
            return str(rng.randint(1990, 2026))
        if value <= 31:
            return str(rng.randint(1, 31))
        return str(rng.randint(10, 999))

    return _NUMBER.sub(other, text)


def _swap_words(text: str, rng: random.Random, count: int) -> str:
    present = [word for word in SYNONYMS if re.search(rf"\b{word}\b", text)]
    for word in rng.sample(present, min(count, len(present))):
        text = re.sub(rf"\b{word}\b", SYNONYMS[word], text, count=1)
    cities = [city for city in CITIES if city in text]
    if cities:
        text = text.replace(rng.choice(cities), rng.choice(CITIES), 1)
    return text


def _add_opening(text: str, rng: random.Random) -> str:
    opening = rng.choice(OPENINGS).format(day=rng.randint(1, 31), year=rng.randint(1991, 2026))
    first, _, rest = text.partition(" ")
    if not _is_name(first, rest):
        first = first[:1].lower() + first[1:]
    return f"{opening}{first} {rest}"


def _is_name(word: str, text: str) -> bool:
    """A capitalised word that is capitalised mid-sentence too (Azerbaijan, UN, I) is a name."""
    return not word[1:].islower() or re.search(rf"[a-z,;:] {re.escape(word)}\b", text) is not None


def variant(text: str, rng: random.Random) -> str:
    """Another statement's version of a paragraph: same formula, other details."""
    text = _rotate_sentences(text, rng)
    text = _change_numbers(text, rng)
    text = _swap_words(text, rng, rng.randint(1, 3))
    if rng.random() < 0.6:
        text = _add_opening(text, rng)
    return text


def grow(bases: Sequence[str], count: int, seed: str = SEED) -> list[str]:
    """`count` distinct paragraphs: the shipped ones first, then variants, round-robin."""
    texts: list[str] = []
    seen: set[str] = set()
    index = 0
    while len(texts) < count:
        base = bases[index % len(bases)]
        rng = random.Random(f"{seed}:variant:{index}")
        text = base if index < len(bases) else variant(base, rng)
        attempts = 0
        while text in seen and attempts < 20:
            text, attempts = variant(base, rng), attempts + 1
        if text not in seen:
            seen.add(text)
            texts.append(text)
        index += 1
    return texts


# --- the edit step: one small change to a paragraph --------------------------------------


def _edit_number(text: str, rng: random.Random) -> str | None:
    numbers = list(_NUMBER.finditer(text))
    if not numbers:
        return None
    found = rng.choice(numbers)
    return f"{text[: found.start()]}{int(found[0]) + rng.randint(1, 9)}{text[found.end() :]}"


def _word_spans(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))[1:]  # never the first word: it carries the capital


def _edit_insert(text: str, rng: random.Random) -> str | None:
    words = _word_spans(text)
    if not words:
        return None
    at = rng.choice(words).start()
    return f"{text[:at]}{rng.choice(INSERTED_WORDS)} {text[at:]}"


def _edit_replace(text: str, rng: random.Random) -> str | None:
    present = [word for word in SYNONYMS if re.search(rf"\b{word}\b", text)]
    if not present:
        return None
    word = rng.choice(present)
    return re.sub(rf"\b{word}\b", SYNONYMS[word], text, count=1)


def _edit_delete(text: str, rng: random.Random) -> str | None:
    words = [word for word in _word_spans(text) if len(word[0]) > 2]
    if not words:
        return None
    found = rng.choice(words)
    return f"{text[: found.start()]}{text[found.end() :].lstrip(' ')}"


def _edit_append(text: str, rng: random.Random) -> str | None:
    clause = rng.choice(APPENDED_CLAUSES)
    stripped = text.rstrip('.”" ')
    return f"{stripped}{clause}{text[len(stripped) :]}"


EDITS: tuple[Callable[[str, random.Random], str | None], ...] = (
    _edit_number,
    _edit_insert,
    _edit_replace,
    _edit_delete,
    _edit_append,
)


def small_edit(text: str, rng: random.Random, taken: set[str]) -> str:
    """One realistic edit; tries other kinds when a kind does not apply or collides."""
    for edit in rng.sample(EDITS, len(EDITS)) * 3:
        edited = edit(text, rng)
        if edited is not None and edited != text and edited not in taken:
            return edited
    raise ValueError(f"no edit found for {text[:40]!r}")  # never happens with the shipped text


def new_version(
    old: Sequence[str], spare: Sequence[str], seed: str = SEED
) -> tuple[list[str], list[tuple[str, str]], list[str]]:
    """The edited corpus: (new texts in order, (old, new) edits, added texts).

    Added paragraphs come from `spare`: further variants, as a new statement reuses the
    formulae of the old ones.
    """
    rng = random.Random(f"{seed}:edit:{len(old)}")
    edited = set(rng.sample(range(len(old)), round(len(old) * EDITED_SHARE)))
    taken = set(old)
    texts: list[str] = []
    edits: list[tuple[str, str]] = []
    for position, text in enumerate(old):
        if position in edited:
            new = small_edit(text, rng, taken)
            taken.add(new)
            edits.append((text, new))
            text = new
        texts.append(text)
    added = [text for text in spare if text not in taken][: round(len(old) * ADDED_SHARE)]
    for text in added:
        texts.insert(rng.randint(0, len(texts)), text)
    return texts, edits, added


# --- files ------------------------------------------------------------------------------


def messages(texts: Sequence[str]) -> list[Message]:
    """Paragraphs grouped into statements, each with a `#:` location as extraction gives."""
    result = []
    for position, text in enumerate(texts):
        number, place = divmod(position, PARAGRAPHS_PER_STATEMENT)
        statement = f"scaled-{number:05d}"
        location = (f"statements/scaled/{statement}.md", 8 + 2 * place)
        result.append(Message(text, "paragraph", (location,), (statement,)))
    return result


def pseudo_translation(text: str) -> str:
    """A stand-in Azerbaijani text: as long as the source, distinct per source."""
    return text.translate(PSEUDO_LETTERS)


def write_template(texts: Sequence[str], path: Path) -> None:
    write_po(build_template(messages(texts), project_name="scaled", now=CREATED), path)


def write_translated_catalog(texts: Sequence[str], path: Path) -> None:
    """The old catalog: every message translated, as a finished translation would be."""
    catalog = build_template(messages(texts), project_name="scaled", now=CREATED)
    for entry in catalog:
        entry.msgstr = pseudo_translation(entry.msgid)
    catalog.metadata = catalog_metadata(catalog, None, LANGUAGE)
    catalog.header = "Azerbaijani translation of the scaled statements."
    write_po(catalog, path)


def make_corpus(paragraphs: int, folder: Path | None = None, seed: str = SEED) -> Corpus:
    """Write old.pot, new.pot and old.po for `paragraphs` paragraphs into `folder`."""
    folder = Path(folder or tempfile.mkdtemp(prefix="pubtool-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    grown = grow(base_paragraphs(), paragraphs + round(paragraphs * ADDED_SHARE) * 2, seed)
    old, spare = grown[:paragraphs], grown[paragraphs:]
    new, edits, added = new_version(old, spare, seed)
    corpus = Corpus(
        folder=folder,
        old_pot=folder / "old.pot",
        new_pot=folder / "new.pot",
        old_po=folder / f"old.{LANGUAGE}.po",
        old_texts=tuple(old),
        new_texts=tuple(new),
        edits=tuple(edits),
        added=tuple(added),
    )
    write_template(old, corpus.old_pot)
    write_template(new, corpus.new_pot)
    write_translated_catalog(old, corpus.old_po)
    return corpus


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paragraphs", type=int, nargs="?", default=3000)
    parser.add_argument("--out", type=Path, help="folder to write to (default: a new temp one)")
    args = parser.parse_args(argv)
    corpus = make_corpus(args.paragraphs, args.out)
    print(
        f"{corpus.folder}: {len(corpus.old_texts)} old paragraphs, {len(corpus.new_texts)} new "
        f"({len(corpus.edits)} edited, {len(corpus.added)} added)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
