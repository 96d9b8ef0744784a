"""Write :class:`Activity` objects as an IATI 2.03 ``iati-activities`` file.

Elements follow the schema's order. The file is streamed (``etree.xmlfile``) into a temporary
file beside the target, flushed to disk and renamed over the target only when complete, so a
failed export never leaves a half-written file and the officer's previous file survives.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from lxml import etree

from pp_desktop.exchange.iati.activity import Activity
from pp_desktop.exchange.iati.reader import XML_LANG
from pp_desktop.store.atomic import fsync_dir

VERSION = "2.03"
# Characters XML 1.0 cannot carry (C0 controls but tab/newline/return, lone surrogates, FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without characters XML 1.0 cannot carry."""
    return _NOT_XML.sub("", text)


def _sub(parent: Any, tag: str, **attrs: str) -> Any:
    return etree.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})


def _narrative(parent: Any, text: str, lang: str = "") -> None:
    n = etree.SubElement(parent, "narrative")
    if lang:
        n.set(XML_LANG, lang)
    n.text = clean(text)


def _decimal(value: Decimal) -> str:
    return format(value, "f")  # xsd:decimal has no exponent


def _percentage(pct: float | None) -> dict[str, str]:
    return {} if pct is None else {"percentage": format(Decimal(repr(pct)), "f")}


def activity_element(act: Activity) -> Any:
    """The ``iati-activity`` element of ``act`` (schema order)."""
    attrs = {}
    if act.last_updated:
        attrs["last-updated-datetime"] = act.last_updated
    if act.lang:
        attrs[XML_LANG] = act.lang
    if act.currency:
        attrs["default-currency"] = act.currency
    el = etree.Element("iati-activity", attrs)
    etree.SubElement(el, "iati-identifier").text = clean(act.identifier)
    rep = _sub(el, "reporting-org", ref=act.reporting_ref, type=act.reporting_type)
    if act.secondary_reporter:
        rep.set("secondary-reporter", "1")
    _narrative(rep, act.reporting_name)
    _narrative(_sub(el, "title"), act.title, act.lang)
    for kind, text in act.descriptions:
        _narrative(_sub(el, "description", type=kind), text, act.lang)
    for org in act.orgs:
        p = _sub(el, "participating-org", role=org.role)
        if org.ref:
            p.set("ref", org.ref)
        if org.type:
            p.set("type", org.type)
        if org.name:
            _narrative(p, org.name)
    _sub(el, "activity-status", code=act.status)
    for kind, when in sorted(act.dates.items()):
        _sub(el, "activity-date", type=kind, iso_date=when)
    for code, pct in act.countries:
        _sub(el, "recipient-country", code=code, **_percentage(pct))
    for vocab, code, pct in act.sectors:
        _sub(el, "sector", vocabulary=vocab, code=code, **_percentage(pct))
    for tag in act.tags:
        t = _sub(el, "tag", vocabulary=tag.vocabulary, code=tag.code)
        if tag.uri:
            t.set("vocabulary-uri", tag.uri)
        if tag.name:
            _narrative(t, tag.name, tag.lang or act.lang)
    for b in act.budgets:
        budget = _sub(el, "budget", type=b.type, status=b.status)
        _sub(budget, "period-start", iso_date=b.start)
        _sub(budget, "period-end", iso_date=b.end)
        value = _sub(budget, "value", value_date=b.start)
        if b.currency and b.currency != act.currency:
            value.set("currency", b.currency)
        value.text = _decimal(b.value)
    return el


def write_activities(target: Path, activities: Iterable[Activity], generated: str) -> int:
    """Write ``activities`` to ``target`` atomically; returns how many were written.

    ``generated`` is the xsd:dateTime of the file. An exception leaves ``target`` untouched and
    removes the temporary file.
    """
    target = Path(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    count = 0
    try:
        with os.fdopen(fd, "wb") as fh:
            with etree.xmlfile(fh, encoding="utf-8") as xf:
                xf.write_declaration()
                root_attrs = {"version": VERSION, "generated-datetime": generated}
                with xf.element("iati-activities", root_attrs):
                    for act in activities:
                        xf.write("\n")
                        xf.write(activity_element(act))
                        count += 1
                    xf.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            tmp.chmod(0o644)  # an export is a file for others to read
        tmp.replace(target)
        fsync_dir(target.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count
