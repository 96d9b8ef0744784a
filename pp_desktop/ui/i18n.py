"""Languages of the interface: English (the source texts) and Russian (Qt Linguist).

``resources/translations/pp_desktop_ru.ts`` is the source of the Russian texts; the build
(``make translations``) compiles it to ``pp_desktop_ru.qm`` with ``pyside6-lrelease``. The
language is an application setting (QSettings ``ui/language``); :func:`install_language`
loads our catalogue and Qt's own (standard buttons, context menus) into the application.

The service and store layers cannot use Qt; their messages are translated here by
:func:`service_message`, which matches them against the templates extracted from their
source (:mod:`pp_desktop.ui.service_texts_extract`).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from pp_desktop.paths import resource
from pp_desktop.ui.service_texts import TEMPLATES

LANGUAGE_KEY = "ui/language"
LANGUAGES = (("en", "English"), ("ru", "Русский"))
DEFAULT_LANGUAGE = "en"
CATALOGUE = "pp_desktop"

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """Where the compiled ``.qm`` catalogues are (built from the ``.ts`` sources)."""
    return resource("translations")


def language_setting(settings: QSettings | None = None) -> str:
    """The language chosen in Settings (``en`` when none or unknown)."""
    value = str((settings or QSettings()).value(LANGUAGE_KEY, DEFAULT_LANGUAGE) or "")
    return value if value in dict(LANGUAGES) else DEFAULT_LANGUAGE


def save_language(language: str, settings: QSettings | None = None) -> None:
    """Remember ``language`` for the next start."""
    (settings or QSettings()).setValue(LANGUAGE_KEY, language)


class CatalogueMissing(RuntimeError):
    """The ``.qm`` of a language was not built (run ``make translations``)."""


def install_language(language: str) -> str:
    """Make ``language`` the application's language; returns the language now in force.

    Widgets made afterwards are in the new language (the controller rebuilds its windows).
    Raises :class:`CatalogueMissing` when the catalogue was not built; English needs none.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no application")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English if language == "en" else language))
    if language == DEFAULT_LANGUAGE:
        return language
    ours = QTranslator(app)
    if not ours.load(f"{CATALOGUE}_{language}", str(translations_dir())):
        raise CatalogueMissing(f"The {language} translation is not built: run 'make translations'.")
    qt_own = QTranslator(app)
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    return language


def number(n: int | float) -> str:
    """``n`` with the digit grouping of the interface's language (1,234,567 / 1 234 567)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:  # no language set up: read as English
        locale = QLocale(QLocale.Language.English)
    return locale.toString(n)


def current_language() -> str:
    """The language the interface is in now (``en`` or ``ru``)."""
    return "ru" if QLocale().language() == QLocale.Language.Russian else DEFAULT_LANGUAGE


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    out = []
    for template in TEMPLATES:
        pieces = re.split(r"(\{\d+\})", template)
        regex = "".join(
            f"(?P<v{p[1:-1]}>.+?)"
            if re.fullmatch(r"\{\d+\}", p)
            else re.escape(p.replace("{{", "{").replace("}}", "}"))
            for p in pieces
        )
        out.append((re.compile(regex, re.DOTALL), template))
    # the most specific template (the most literal text) wins
    out.sort(key=lambda item: -len(re.sub(r"\{\d+\}", "", item[1])))
    return out


def service_message(message: str) -> str:
    """``message`` from the service or store layer in the interface's language.

    Messages made of several sentences by the layers (e.g. "X. Y.") are matched whole first;
    a message no template matches is shown as it came (English), never dropped.
    """
    if not message:
        return message
    for pattern, template in _patterns():
        match = pattern.fullmatch(message)
        if match is None:
            continue
        translated = QCoreApplication.translate("services", template)
        values = [match.group(f"v{i}") for i in range(len(match.groupdict()))]
        try:
            return translated.format(*values)
        except (IndexError, KeyError, ValueError):
            return message  # a faulty translation must not hide the message
    return message
