"""The Conflicts view over a real conflict: two real vaults, a real HQ, bundles through a folder.

The view shows both versions field by field with the differences highlighted; keep mine, keep
theirs and the per-field choice each write a journalled, audited resolution that reaches HQ.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from pp_desktop.services import records as rec
from pp_desktop.services.conflicts import list_conflicts
from pp_desktop.ui.main_window import MainWindow
from pp_desktop.ui.session import Session
from pp_desktop.ui.sync.conflicts_view import DIFFERENT, ConflictsView
from pp_hq import conflicts as hq_conflicts
from pp_hq.context import Hq
from pp_hq.exchange import exchange_folder
from tests.hq.helpers import Device, sync_round
from tests.ui.sync_fixtures import *  # noqa: F403 (hq_home, stick, alpha, bravo)
from tests.ui.sync_fixtures import make_device_conflict, scalar

WAIT_MS = 20_000


def _view(qtbot: QtBot, device: Device) -> ConflictsView:
    view = ConflictsView(Session(device.vault, device.ctx))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    with qtbot.waitSignal(view.refreshed, timeout=WAIT_MS):
        view.refresh()
    return view


def _row(view: ConflictsView, title: str) -> int:
    for r in range(view.table.rowCount()):
        item = view.table.item(r, 0)
        if item is not None and item.text() == title:
            return r
    raise AssertionError(f"no row {title!r}")


def _resolve(qtbot: QtBot, view: ConflictsView, choice: str) -> None:
    with qtbot.waitSignal(view.resolved, timeout=WAIT_MS):
        assert view.resolve_current(choice)
    qtbot.waitUntil(lambda: view.list.isHidden(), timeout=WAIT_MS)


def _journal(d: Device, pid: str) -> list[tuple[int, list[str]]]:
    with d.ctx.reading() as conn:
        from sqlalchemy import text

        rows = conn.execute(
            text(
                "SELECT version, fields FROM sync_journal WHERE entity='project' "
                "AND entity_id=:i ORDER BY seq"
            ),
            {"i": pid},
        ).all()
    return [(int(v), json.loads(f)) for v, f in rows]


def test_both_versions_side_by_side_with_differences_highlighted(
    qtbot: QtBot, hq_home: Hq, stick: Path, alpha: Device, bravo: Device
) -> None:
    make_device_conflict(hq_home, stick, alpha, bravo)
    view = _view(qtbot, alpha)
    assert view.list.count() == 1
    assert "XM-DAC-41114-7" in view.list.item(0).text()
    title = _row(view, "Title")
    assert view.table.item(title, 1).text() == "Alpha title"
    assert view.table.item(title, 2).text() == "Bravo title"
    assert view.table.item(title, 1).background().color() == DIFFERENT
    budget = _row(view, "Budget")
    assert (view.table.item(budget, 1).text(), view.table.item(budget, 2).text()) == (
        "750",
        "900",
    )
    # a field nobody changed: same value both sides, not highlighted, no choice to make
    ident = _row(view, "IATI identifier")
    assert view.table.item(ident, 1).text() == view.table.item(ident, 2).text()
    assert view.table.item(ident, 1).background().color() != DIFFERENT
    assert set(view.choices) == {"title", "budget"}
    assert view.quarantine.rowCount() == 0


def test_keep_mine_is_journalled_audited_and_reaches_hq(
    qtbot: QtBot, hq_home: Hq, stick: Path, alpha: Device, bravo: Device
) -> None:
    pid = make_device_conflict(hq_home, stick, alpha, bravo)
    before = _journal(alpha, pid)
    view = _view(qtbot, alpha)
    view.keep_mine.click()
    qtbot.waitUntil(lambda: not list_conflicts(alpha.ctx) and not view.busy, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.empty.isVisible(), timeout=WAIT_MS)
    got = rec.get(alpha.ctx, "project", pid)
    assert (got["title"], got["budget"]) == ("Alpha title", 750.0)
    after = _journal(alpha, pid)
    assert len(after) == len(before) + 1
    assert set(after[-1][1]) >= {"title", "budget"}
    assert scalar(alpha, "SELECT resolution FROM sync_conflict") == "mine"
    assert (
        scalar(
            alpha,
            "SELECT count(*) FROM audit_entry WHERE action='resolve' AND entity_id=:i",
            i=pid,
        )
        == 1
    )
    # the resolution is a change: it travels to HQ and on to the other laptop
    for c in hq_conflicts.list_conflicts(hq_home):
        hq_conflicts.resolve(
            hq_home, c.id, "mine" if c.mine.get("title") == "Alpha title" else "theirs"
        )
    sync_round(hq_home, stick, alpha, bravo)
    sync_round(hq_home, stick, alpha, bravo)
    theirs = rec.get(bravo.ctx, "project", pid)
    assert (theirs["title"], theirs["budget"]) == ("Alpha title", 750.0)


def test_keep_theirs(qtbot: QtBot, hq_home: Hq, stick: Path, alpha: Device, bravo: Device) -> None:
    pid = make_device_conflict(hq_home, stick, alpha, bravo)
    view = _view(qtbot, alpha)
    view.keep_theirs.click()
    qtbot.waitUntil(lambda: not list_conflicts(alpha.ctx) and not view.busy, timeout=WAIT_MS)
    got = rec.get(alpha.ctx, "project", pid)
    assert (got["title"], got["budget"]) == ("Bravo title", 900.0)
    assert scalar(alpha, "SELECT resolution FROM sync_conflict") == "theirs"
    assert scalar(alpha, "SELECT count(*) FROM sync_journal WHERE bundle_seq IS NULL") >= 1


def test_choose_per_field(
    qtbot: QtBot, hq_home: Hq, stick: Path, alpha: Device, bravo: Device
) -> None:
    pid = make_device_conflict(hq_home, stick, alpha, bravo)
    view = _view(qtbot, alpha)
    view.choices["title"].setCurrentIndex(view.choices["title"].findData("theirs"))
    view.choices["budget"].setCurrentIndex(view.choices["budget"].findData("mine"))
    assert view.per_field_choice() == {"title": "theirs", "budget": "mine"}
    view.apply_fields.click()
    qtbot.waitUntil(lambda: not list_conflicts(alpha.ctx) and not view.busy, timeout=WAIT_MS)
    got = rec.get(alpha.ctx, "project", pid)
    assert (got["title"], got["budget"]) == ("Bravo title", 750.0)
    assert scalar(alpha, "SELECT resolution FROM sync_conflict") == "fields"
    assert "Resolved" in view.message.text()


def test_a_conflict_resolved_meanwhile_is_a_message_not_a_crash(
    qtbot: QtBot, hq_home: Hq, stick: Path, alpha: Device, bravo: Device
) -> None:
    make_device_conflict(hq_home, stick, alpha, bravo)
    view = _view(qtbot, alpha)
    from pp_desktop.services.conflicts import resolve

    resolve(alpha.ctx, list_conflicts(alpha.ctx)[0].id, "mine")  # e.g. from the command line
    assert view.resolve_current("theirs")
    qtbot.waitUntil(lambda: view.dialog is not None, timeout=WAIT_MS)
    assert view.dialog.objectName() == "conflictError"
    assert "already resolved" in view.dialog.informativeText()
    view.dialog.close()
    assert scalar(alpha, "SELECT resolution FROM sync_conflict") == "mine"


def test_main_window_status_bar_and_conflicts_action(
    qtbot: QtBot, hq_home: Hq, stick: Path, alpha: Device, bravo: Device
) -> None:
    make_device_conflict(hq_home, stick, alpha, bravo)
    window = MainWindow(Session(alpha.vault, alpha.ctx))
    qtbot.addWidget(window)
    window.show()
    field = window.sync.conflicts_field
    qtbot.waitUntil(lambda: field.isVisible(), timeout=WAIT_MS)
    assert field.text() == "Open conflicts: 1"
    action = window.findChild(QAction, "conflicts.show")
    assert action is not None and action.toolTip() and not action.shortcut().isEmpty()
    action.trigger()
    assert window.current_page_key() == "conflicts"
    view = window.current_page()
    assert isinstance(view, ConflictsView)
    qtbot.waitUntil(lambda: view.current is not None, timeout=WAIT_MS)
    view.keep_mine.click()
    qtbot.waitUntil(lambda: field.isHidden(), timeout=WAIT_MS)
    assert window.sync.open_conflicts == 0


def test_quarantined_changes_are_listed_with_their_reason(qtbot: QtBot, alpha: Device) -> None:
    import uuid_utils

    from pp_desktop.services.merge import Change
    from pp_desktop.services.remote import apply_remote

    rid = str(uuid_utils.uuid7())
    change = Change.from_item(
        {
            "t": "change",
            "entity": "seizure",
            "id": rid,
            "version": 1,
            "hlc": alpha.ctx.clock.now(),
            "base_version": 0,
            "base_hlc": "",
            "fields": {"seized_on": "2026-10-01", "country": "ZZZ", "drug": "HEROIN"},
            "deleted": False,
        }
    )
    with alpha.ctx.writing() as scope:  # what the inbox does with each change from HQ
        outcome = apply_remote(alpha.ctx, scope, change, "hq")
    assert outcome.action == "quarantined"
    view = _view(qtbot, alpha)
    assert view.quarantine.isVisibleTo(view) and view.no_quarantine.isHidden()
    assert view.quarantine.rowCount() == 1
    cells = [view.quarantine.item(0, c).text() for c in range(5)]
    assert cells[:2] == ["Seizure", rid]
    assert cells[2] == outcome.reason and "country" in cells[2]
    assert cells[3] == "HQ (refused here)"
    assert view.empty.isVisible()  # no conflict for all that


def test_edit_against_delete_shows_the_deletion_and_keep_theirs_deletes(
    qtbot: QtBot, hq_home: Hq, stick: Path, alpha: Device, bravo: Device
) -> None:
    from tests.hq.helpers import project

    shared = project(alpha.ctx, "XM-DAC-41114-9", budget=500.0)
    sync_round(hq_home, stick, alpha, bravo)
    sync_round(hq_home, stick, alpha, bravo)
    alpha.export(stick)
    rec.update(alpha.ctx, "project", shared, {"title": "Kept by alpha"})
    rec.delete(bravo.ctx, "project", [shared])
    bravo.export(stick)
    exchange_folder(hq_home, stick)
    assert not alpha.import_(stick).rejected
    open_ = list_conflicts(alpha.ctx)
    assert len(open_) == 1 and open_[0].theirs_deleted and not open_[0].mine_deleted
    view = _view(qtbot, alpha)
    deleted = _row(view, "Deleted")
    assert (view.table.item(deleted, 1).text(), view.table.item(deleted, 2).text()) == (
        "kept",
        "deleted",
    )
    assert view.table.item(deleted, 1).background().color() == DIFFERENT
    view.keep_theirs.click()
    qtbot.waitUntil(lambda: not list_conflicts(alpha.ctx) and not view.busy, timeout=WAIT_MS)
    assert scalar(alpha, "SELECT deleted_at IS NOT NULL FROM project WHERE id=:i", i=shared) == 1


def test_changes_hq_quarantined_are_shown_with_hqs_reason(
    qtbot: QtBot, hq_home: Hq, stick: Path, alpha: Device
) -> None:
    from sqlalchemy import text

    from tests.hq.helpers import seizure

    sync_round(hq_home, stick, alpha)
    bad = seizure(alpha.ctx, quantity=5.0)
    # what a laptop with an older reference list sends: a drug code HQ does not know
    with alpha.ctx.writing() as scope:
        scope.conn.execute(
            text("UPDATE seizure SET drug = 'NO_SUCH_DRUG' WHERE id = :i"), {"i": bad}
        )
    sync_round(hq_home, stick, alpha)
    view = _view(qtbot, alpha)
    assert view.quarantine.rowCount() == 1
    cells = [view.quarantine.item(0, c).text() for c in range(5)]
    assert cells[:2] == ["Seizure", bad]
    assert "drug" in cells[2]
    assert cells[3] == "HQ (refused there)"
