"""Translations: the Russian catalogue is complete (lrelease reports nothing unfinished), up to
date with the code (lupdate finds no new text), keeps every placeholder, and the service
layer's messages reach the officer in Russian."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from pp_desktop.ui import i18n, service_texts_extract

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
TS = ROOT / "resources" / "translations" / "pp_desktop_ru.ts"
PLACEHOLDER = re.compile(r"\{\w*\}|%L?\d|%n")


def _run(*args: str) -> str:
    done = subprocess.run(args, check=True, capture_output=True, text=True)
    return done.stdout + done.stderr


def test_lrelease_reports_no_unfinished_russian(tmp_path: Path) -> None:
    out = _run(str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(tmp_path / "ru.qm"))
    match = re.search(
        r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)", out
    )
    assert match, out
    total, finished, unfinished = map(int, match.groups())
    assert total > 500 and unfinished == 0 and finished == total, out


def test_the_catalogue_has_every_text_of_the_code(tmp_path: Path) -> None:
    copy = tmp_path / "pp_desktop_ru.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "pp_desktop" / "ui").rglob("*.py"))
    out = _run(str(BIN / "pyside6-lupdate"), *sources, "-ts", str(copy))
    assert re.search(r"\(0 new and \d+ already existing\)", out), (
        "texts not in the Russian catalogue: run 'make ts' and translate them\n" + out
    )


def _messages() -> Iterator[tuple[str, str, str]]:
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            yield name, message.findtext("source") or "", translation.text or ""


def test_translations_keep_placeholders_and_accelerators() -> None:
    checked = 0
    for context, source, russian in _messages():
        assert russian.strip(), (context, source)
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(russian)), (
            context,
            source,
            russian,
        )
        accelerators = len(re.findall(r"&(?!&)\w", source))
        assert len(re.findall(r"&(?!&)\w", russian)) == accelerators, (context, source, russian)
        checked += 1
    assert checked > 500


def test_service_templates_are_up_to_date() -> None:
    generated = service_texts_extract.render(service_texts_extract.templates())
    current = service_texts_extract.TARGET.read_text(encoding="utf-8")
    assert current == generated, "run: python -m pp_desktop.ui.service_texts_extract"


@pytest.fixture
def russian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    _run(str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(tmp_path / "pp_desktop_ru.qm"))
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    i18n.install_language("ru")
    yield
    i18n.install_language("en")


def test_service_messages_are_shown_in_russian(russian: None) -> None:
    from pp_desktop.store.errors import WrongPassphrase
    from pp_desktop.ui.error_messages import unlock_error

    assert i18n.service_message("BADAKHSHAN is not a province of TJK.") == (
        "BADAKHSHAN не является провинцией страны TJK."
    )
    assert i18n.service_message("must be between 0 and 100.") == "должно быть от 0 до 100."
    assert i18n.service_message("An English sentence nobody templated.") == (
        "An English sentence nobody templated."
    )  # shown as it came, never dropped
    error = unlock_error(WrongPassphrase())
    assert error.heading == "Неверная парольная фраза."


def test_english_needs_no_catalogue() -> None:
    assert i18n.install_language("en") == "en"
    assert i18n.service_message("must be a number.") == "must be a number."
