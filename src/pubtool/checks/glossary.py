"""The glossary: names and terms that must be rendered one way throughout every translation.

A booklet that calls the same man "Гейдар Алиев" on one page and "Хейдар Алиев" on the next
reads as careless; `pubtool check` uses this file to catch that. It is also the translators'
reference, so it stays a small, hand-edited YAML file:

    terms:
      - en: Heydar Aliyev
        az: Heydər Əliyev
        ru: Гейдар Алиев
        note: optional text for translators

Matching is deliberately simple: the English term is found case-sensitively as whole words;
its rendering is found word by word as a word prefix, so inflected forms count (Azerbaijani
adds suffixes, "Heydər Əliyevin"; Russian changes endings, "Гейдара Алиева", "Аллее шехидов").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from pubtool.checks.language import base_language, fold_case
from pubtool.errors import ConfigError

if TYPE_CHECKING:
    from pubtool.checks.context import CheckContext

#: A key of a glossary entry that names a language (`az`, `ru`, `pt-BR`, `sr_Latn`).
LANGUAGE_KEY = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$")
NOTE_KEY = "note"

#: Letters of a word, as the glossary sees words: no digits, no underscores.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

#: Letters a Russian ending replaces rather than follows.
_RUSSIAN_ENDING_LETTERS = frozenset("аяоеёиыуюйь")

#: Azerbaijani stems whose last consonant softens before a vowel suffix: ürək → ürəyi.
_AZ_SOFTENING = {"k": "ky", "q": "qğ"}


@dataclass(frozen=True)
class Term:
    """One source term and how each target language renders it."""

    source: str
    renderings: tuple[tuple[str, str], ...]
    note: str | None = None
    line: int | None = None

    def rendering(self, language: str) -> str | None:
        """The agreed rendering in `language`, or None when the glossary gives none."""
        return dict(self.renderings).get(language)

    def occurs_in(self, text: str) -> bool:
        """The source term appears in `text`: case-sensitive, whole words, any spacing."""
        return _source_pattern(self.source).search(text) is not None


@dataclass(frozen=True)
class Glossary:
    """Every term of the project's glossary, in file order."""

    terms: tuple[Term, ...] = ()
    path: str | None = None

    @classmethod
    def empty(cls) -> Glossary:
        """The glossary of a project that has no glossary file: nothing to enforce."""
        return cls()

    def __len__(self) -> int:
        return len(self.terms)

    def expected_in(self, source_text: str, language: str) -> Iterator[tuple[Term, str]]:
        """Each term occurring in `source_text` with its rendering in `language`.

        A rendering shared by two source spellings (a variant spelling of one name) is
        yielded once, so a text using both spellings is not told twice.
        """
        seen: set[str] = set()
        for term in self.terms:
            rendering = term.rendering(language)
            if rendering and rendering not in seen and term.occurs_in(source_text):
                seen.add(rendering)
                yield term, rendering

    def names_for(self, language: str) -> frozenset[str]:
        """Every rendering the glossary gives for `language`.

        The script check uses this to let a Russian translation keep a name the glossary
        itself writes in Latin letters (an organisation known by its Latin name, say).
        """
        return frozenset(
            rendering for term in self.terms if (rendering := term.rendering(language))
        )


def contains_rendering(text: str, rendering: str, language: str) -> bool:
    """`text` contains `rendering`, its words in order and each possibly inflected.

    Each word of the rendering must begin a word of the text (Azerbaijani suffixes:
    "Əliyevin", "Sumqayıtda"); in Russian up to two final ending letters (vowels, й, ь)
    may differ as well ("Гейдара Алиева", "Аллее шехидов", "Черного января"). Case is
    ignored, since a rendering may open a sentence.
    """
    wanted = [fold_case(word, language) for word in _WORD.findall(rendering)]
    if not wanted:
        return False
    words = [fold_case(word, language) for word in _WORD.findall(text)]
    matchers = [_word_matcher(word, language) for word in wanted]
    for start in range(len(words) - len(wanted) + 1):
        window = words[start : start + len(wanted)]
        if all(matcher.fullmatch(word) for matcher, word in zip(matchers, window, strict=True)):
            return True
    return False


@lru_cache(maxsize=1024)
def _word_matcher(word: str, language: str) -> re.Pattern[str]:
    """A pattern for the inflected forms of one (case-folded) rendering word."""
    base = language.split("-")[0].split("_")[0]
    if base == "ru":
        forms = [re.escape(_russian_stem(word)) + r"\w{0,4}"]
        fleeting = _russian_fleeting_vowel(word)
        if fleeting:
            forms.append(fleeting)
        return re.compile("|".join(forms))
    if base == "az" and word[-1] in _AZ_SOFTENING:
        return re.compile(re.escape(word[:-1]) + f"[{_AZ_SOFTENING[word[-1]]}]" + r"\w*")
    return re.compile(re.escape(word) + r"\w*")


def _russian_fleeting_vowel(word: str) -> str | None:
    """A pattern for nouns whose last е/о drops when declined: день → дня, днем; отец → отца."""
    body = word[:-1] if word.endswith("ь") else word
    if len(body) >= 3 and body[-2] in "еоё" and body[-1] not in _RUSSIAN_ENDING_LETTERS:
        return re.escape(body[:-2]) + "[еоё]?" + re.escape(body[-1]) + r"\w{0,3}"
    return None


def _russian_stem(word: str) -> str:
    """The word less its last one or two letters where those are an ending.

    Russian declension replaces a final vowel, й or ь (Аллея → Аллее, январь → января,
    Черный → Черного) and appends to a final consonant (Сумгаит → Сумгаите), so only
    ending letters are dropped: "Сумгайыте" is then not taken for "Сумгаит".
    """
    stem = word
    while len(word) - len(stem) < 2 and len(stem) > 3 and stem[-1] in _RUSSIAN_ENDING_LETTERS:
        stem = stem[:-1]
    return stem


@lru_cache(maxsize=1024)
def _source_pattern(source: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in source.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


def load_glossary(path: str | Path, *, source_language: str = "en") -> Glossary:
    """Read a glossary file; every problem is a ConfigError naming the file and line.

    A missing file is the caller's decision (most projects start without a glossary):
    check for it and use `Glossary.empty()`.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(f"glossary is not UTF-8 text ({error.reason})", file=path) from None
    except OSError as error:
        raise ConfigError(f"cannot read the glossary: {error.strerror}", file=path) from None
    root = _compose(text, path)
    if root is None:
        return Glossary(path=str(path))
    terms_node = _terms_node(root, path)
    terms = tuple(_term(node, path, source_language) for node in terms_node)
    _reject_conflicts(terms, path)
    return Glossary(terms=terms, path=str(path))


def _compose(text: str, path: Path) -> yaml.Node | None:
    """The YAML node tree, which keeps the line of every key for error messages."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or error.context or "cannot be parsed"
        raise ConfigError(f"invalid YAML: {problem}", file=path, line=line) from None
    except yaml.YAMLError as error:
        raise ConfigError(f"invalid YAML: {error}", file=path) from None


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _terms_node(root: yaml.Node, path: Path) -> list[yaml.Node]:
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError("the glossary must be a mapping with a `terms:` list", path, _line(root))
    found: list[yaml.Node] = []
    for key_node, value_node in root.value:
        if key_node.value != "terms":
            raise ConfigError(
                f"unknown key {key_node.value!r} (the glossary has only `terms:`)",
                file=path,
                line=_line(key_node),
            )
        if _is_null(value_node):
            return []
        if not isinstance(value_node, yaml.SequenceNode):
            raise ConfigError("`terms` must be a list of entries", path, _line(value_node))
        found = list(value_node.value)
    if not root.value:
        raise ConfigError("the glossary must have a `terms:` list", path, _line(root))
    return found


def _term(node: yaml.Node, path: Path, source_language: str) -> Term:
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(
            f"a glossary entry must be a mapping with at least `{source_language}:`",
            file=path,
            line=_line(node),
        )
    source: str | None = None
    note: str | None = None
    renderings: list[tuple[str, str]] = []
    for key_node, value_node in node.value:
        key = _scalar_text(key_node, path, "key")
        value = _scalar_text(value_node, path, f"`{key}`")
        if key == NOTE_KEY:
            note = value
        elif not LANGUAGE_KEY.match(key):
            raise ConfigError(
                f"unknown key {key!r} (expected a language code or `{NOTE_KEY}`)",
                file=path,
                line=_line(key_node),
            )
        elif key == source_language:
            source = value
        else:
            renderings.append((key, value))
    if source is None:
        raise ConfigError(f"glossary entry has no `{source_language}:` term", path, _line(node))
    return Term(source=source, renderings=tuple(renderings), note=note, line=_line(node))


def _scalar_text(node: yaml.Node, path: Path, what: str) -> str:
    """A non-empty string value; numbers and booleans are rejected rather than converted."""
    if _is_null(node):
        raise ConfigError(f"{what} has no value", file=path, line=_line(node))
    if not isinstance(node, yaml.ScalarNode):
        kind = "list" if isinstance(node, yaml.SequenceNode) else "mapping"
        raise ConfigError(f"{what} must be text, got a {kind}", file=path, line=_line(node))
    if node.tag != "tag:yaml.org,2002:str":
        raise ConfigError(
            f"{what} must be text, got {node.value!r} (put it in quotes)",
            file=path,
            line=_line(node),
        )
    text = " ".join(str(node.value).split())
    if not text:
        raise ConfigError(f"{what} must not be empty", file=path, line=_line(node))
    return text


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _reject_conflicts(terms: tuple[Term, ...], path: Path) -> None:
    """The same source term listed twice with different renderings cannot both be obeyed."""
    first: dict[str, Term] = {}
    for term in terms:
        earlier = first.setdefault(term.source, term)
        if earlier is term:
            continue
        for language, rendering in term.renderings:
            other = earlier.rendering(language)
            if other is not None and other != rendering:
                raise ConfigError(
                    f"{term.source!r} is rendered {other!r} in {language} at line "
                    f"{earlier.line} and {rendering!r} here",
                    file=path,
                    line=term.line,
                )


def check_glossary(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """Names and terms are rendered as the glossary says.

    One person spelt two ways across a booklet reads as two people. Inflected forms are
    accepted (Heydər Əliyevin, Гейдара Алиева), see `pubtool.glossary.contains_rendering`.
    """
    if base_language(context.language) == base_language(context.source_language):
        return
    for term, rendering in context.glossary.expected_in(source, context.language):
        if not contains_rendering(translation, rendering, context.language):
            yield f"{term.source!r} should be rendered {rendering!r}"
