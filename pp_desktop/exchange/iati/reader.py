"""Streaming, hostile-input-safe reader of IATI 2.01-2.03 activity files.

The file is parsed with lxml ``iterparse`` one activity at a time; each finished activity is
turned into an :class:`Activity` and its elements are freed, so memory stays flat whatever the
file's size. Refused before anything is imported: files over the size cap, DTDs and entity
declarations (no XXE, no billion-laughs: entities are never resolved, nothing is fetched from
the network), malformed XML, a root other than ``iati-activities`` and versions other than 2.0x.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from lxml import etree

from pp_desktop.exchange.iati.activity import Activity, Budget, OrgRef, Tag
from pp_desktop.exchange.iati.errors import (
    FileTooLarge,
    HostileXml,
    NotWellFormed,
    UnsupportedVersion,
    WrongRoot,
)

MAX_BYTES = 256 * 1024 * 1024  # large donor files are tens of MB; a cap stops a runaway file
SUPPORTED_VERSIONS = ("2.01", "2.02", "2.03")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_HEAD_BYTES = 64 * 1024
_DTD_RE = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _head_text(head: bytes) -> str:
    """The first bytes as text, whatever the encoding, good enough to spot a DOCTYPE."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    if head.startswith(b"\x00<"):
        return head.decode("utf-16-be", errors="replace")
    if head.startswith(b"<\x00"):
        return head.decode("utf-16-le", errors="replace")
    return head.decode("latin-1")  # ASCII-compatible encodings: markup bytes are the same


class _CappedReader:
    """A file object that refuses to hand the parser more than ``cap`` bytes."""

    def __init__(self, fh: IO[bytes], cap: int, name: str) -> None:
        self._fh = fh
        self._cap = cap
        self._name = name
        self.count = 0

    def read(self, n: int = -1) -> bytes:
        data = self._fh.read(n)
        self.count += len(data)
        if self.count > self._cap:
            raise FileTooLarge(_too_large(self._name, self._cap))
        return data


def _too_large(name: str, cap: int) -> str:
    return (
        f"{name} is larger than {cap // (1024 * 1024)} MB, the most this application imports "
        "at once. Ask the publisher for a file per country, or split it."
    )


def _text(el: Any) -> str:
    return str(el.text or "").strip() if el is not None else ""


def _narrative(el: Any, default_lang: str, prefer: str) -> tuple[str, str]:
    """The text of ``el``'s narratives in the preferred language, else the default language,
    else the first one with text; with its language ("" when unknown)."""
    if el is None:
        return "", ""
    found: list[tuple[str, str]] = []
    for n in el.findall("narrative"):
        text = str(n.text or "").strip()
        if text:
            found.append((text, str(n.get(XML_LANG) or default_lang).lower()))
    if not found:
        return "", ""
    for wanted in (prefer, default_lang.lower()):
        for text, lang in found:
            if wanted and lang == wanted:
                return text, lang
    return found[0]


def _percentage(raw: str | None) -> float | None:
    try:
        return float(raw) if raw not in (None, "") else None
    except ValueError:
        return None


def _iso_date(raw: str | None) -> str:
    """``YYYY-MM-DD`` of an xsd:date (a time zone suffix is dropped); "" when not a date."""
    value = (raw or "").strip()[:10]
    try:
        date.fromisoformat(value)
    except ValueError:
        return ""
    return value if len(value) == 10 else ""


def parse_activity(el: Any, prefer_lang: str = "en") -> Activity:
    """The mapped parts of one ``iati-activity`` element."""
    lang = str(el.get(XML_LANG) or "").lower()
    act = Activity(identifier=_text(el.find("iati-identifier")), line=int(el.sourceline or 0))
    act.currency = str(el.get("default-currency") or "").strip().upper()
    act.last_updated = str(el.get("last-updated-datetime") or "")
    rep = el.find("reporting-org")
    if rep is not None:
        act.reporting_ref = str(rep.get("ref") or "").strip()
        act.reporting_type = str(rep.get("type") or "").strip()
        act.reporting_name = _narrative(rep, lang, prefer_lang)[0]
        act.secondary_reporter = str(rep.get("secondary-reporter") or "") in {"1", "true"}
    act.title, act.lang = _narrative(el.find("title"), lang, prefer_lang)
    for d in el.findall("description"):
        text = _narrative(d, lang, prefer_lang)[0]
        if text:
            act.descriptions.append((str(d.get("type") or "1").strip(), text))
    for p in el.findall("participating-org"):
        act.orgs.append(
            OrgRef(
                role=str(p.get("role") or "").strip(),
                ref=str(p.get("ref") or "").strip(),
                type=str(p.get("type") or "").strip(),
                name=_narrative(p, lang, prefer_lang)[0],
            )
        )
    status = el.find("activity-status")
    if status is not None:
        act.status = str(status.get("code") or "").strip()
    for d in el.findall("activity-date"):
        when = _iso_date(d.get("iso-date"))
        kind = str(d.get("type") or "").strip()
        if when:
            act.dates.setdefault(kind, when)
        else:
            act.notes.append(f"activity date of type {kind} '{d.get('iso-date')}' is not a date")
    for c in el.findall("recipient-country"):
        code = str(c.get("code") or "").strip().upper()
        if code:
            act.countries.append((code, _percentage(c.get("percentage"))))
    for s in el.findall("sector"):
        code = str(s.get("code") or "").strip()
        if code:
            vocab = str(s.get("vocabulary") or "1").strip()
            act.sectors.append((vocab, code, _percentage(s.get("percentage"))))
    for t in el.findall("tag"):
        act.tags.append(
            Tag(
                vocabulary=str(t.get("vocabulary") or "").strip(),
                code=str(t.get("code") or "").strip(),
                uri=str(t.get("vocabulary-uri") or "").strip(),
                name=_narrative(t, lang, prefer_lang)[0],
            )
        )
    for b in el.findall("budget"):
        budget = _budget(b, act.currency)
        if isinstance(budget, Budget):
            act.budgets.append(budget)
        else:
            act.notes.append(budget)
    return act


def _budget(b: Any, default_currency: str) -> Budget | str:
    """A budget, or why it was left out."""
    value_el = b.find("value")
    start_el, end_el = b.find("period-start"), b.find("period-end")
    start = _iso_date(start_el.get("iso-date") if start_el is not None else None)
    end = _iso_date(end_el.get("iso-date") if end_el is not None else None)
    if value_el is None or not start or not end:
        return "a budget without a value or a period was left out"
    raw = str(value_el.text or "").strip()
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return f"budget value '{raw[:40]}' is not a number; that budget was left out"
    if not value.is_finite():
        return f"budget value '{raw[:40]}' is not a number; that budget was left out"
    currency = str(value_el.get("currency") or default_currency).strip().upper()
    return Budget(
        start,
        end,
        value,
        currency,
        str(b.get("type") or "1").strip(),
        str(b.get("status") or "1").strip(),
    )


class ActivityFile:
    """An open IATI activity file: ``version`` is known on opening, activities stream from
    iteration. Use as a context manager (the file is closed on leaving)."""

    def __init__(self, path: Path, prefer_lang: str = "en", max_bytes: int = MAX_BYTES) -> None:
        self.path = Path(path)
        self.prefer_lang = prefer_lang
        name = f"The file {self.path.name}"
        try:
            size = self.path.stat().st_size
        except OSError as exc:
            raise NotWellFormed(f"{name} cannot be read: {exc.strerror}.") from None
        if size > max_bytes:
            raise FileTooLarge(_too_large(name, max_bytes))
        if size == 0:
            raise NotWellFormed(f"{name} is empty.")
        try:
            self._fh = self.path.open("rb")
        except OSError as exc:  # a folder, no permission
            raise NotWellFormed(f"{name} cannot be read: {exc.strerror}.") from None
        try:
            head = self._fh.read(_HEAD_BYTES)
            self._fh.seek(0)
            if _DTD_RE.search(_head_text(head)):
                raise HostileXml(_hostile(name))
            self._source = _CappedReader(self._fh, max_bytes, name)
            self._events = etree.iterparse(
                self._source,
                events=("start", "end"),
                resolve_entities=False,
                load_dtd=False,
                no_network=True,
                huge_tree=False,
                remove_comments=True,
                remove_pis=True,
            )
            self._root: Any = None
            self.version = self._open_root(name)
        except BaseException:
            self._fh.close()
            raise

    def _next(self) -> tuple[str, Any] | None:
        try:
            return next(self._events)  # type: ignore[no-any-return]
        except StopIteration:
            return None
        except etree.XMLSyntaxError as exc:
            raise NotWellFormed(
                f"The file {self.path.name} is not well-formed XML (line {exc.lineno}: "
                f"{exc.msg}). Nothing was imported."
            ) from None

    def _open_root(self, name: str) -> str:
        first = self._next()
        if first is None:
            raise NotWellFormed(f"{name} is empty.")
        root = first[1]
        if root.getroottree().docinfo.doctype:  # defence in depth: a DOCTYPE past the head
            raise HostileXml(_hostile(name))
        if root.tag != "iati-activities":
            what = {
                "iati-organisations": "an IATI organisation file, not an activity file",
            }.get(str(root.tag), f"a '{root.tag}' file, not an IATI activity file")
            raise WrongRoot(
                f"{name} is {what}. Choose a file whose root element is <iati-activities>."
            )
        version = str(root.get("version") or "").strip()
        if version not in SUPPORTED_VERSIONS:
            shown = f"version {version}" if version else "no version"
            raise UnsupportedVersion(
                f"{name} declares IATI {shown}; this application reads IATI 2.01, 2.02 and "
                "2.03 activity files. Ask the publisher for a 2.0x file."
            )
        self._root = root
        return version

    def __iter__(self) -> Iterator[Activity]:
        root = self._root
        while (item := self._next()) is not None:
            event, el = item
            if event != "end" or el.getparent() is not root:
                continue
            if el.tag == "iati-activity":
                yield parse_activity(el, self.prefer_lang)
            # free what was read: this child of the root (an activity, or anything else a
            # file may hold between activities) and every earlier sibling
            el.clear(keep_tail=False)
            while el.getprevious() is not None:
                del root[0]

    def close(self) -> None:
        """Close the file (also done on leaving the ``with`` block)."""
        self._fh.close()

    def __enter__(self) -> ActivityFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _hostile(name: str) -> str:
    return (
        f"{name} declares a DTD or entities (<!DOCTYPE> / <!ENTITY>). IATI files never need "
        "them and they can be used to attack the computer, so the file was refused unread."
    )
