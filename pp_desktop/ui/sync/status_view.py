"""What the Sync page shows of a :class:`~pp_desktop.ui.sync.reads.SyncSnapshot`: the status
card (enrolment, HQ, fingerprint, counts, last sync and its result) and the history of bundles.

Texts use the translation context of the page ("SyncPage"): they are the page's words.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from pp_desktop.ui import i18n
from pp_desktop.ui.sync import reads


def when(value: str | None) -> str:
    """A stored UTC time stamp as the page shows it (to the minute)."""
    return (value or "")[:16].replace("T", " ")


class SyncStatusCard(QFrame):
    """Caption / value rows; ``values`` by key (tests read them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        grid = QGridLayout(self)
        grid.setContentsMargins(18, 14, 18, 14)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(8)
        self.values: dict[str, QLabel] = {}
        rows = (
            ("enrolment", QCoreApplication.translate("SyncPage", "Enrolment")),
            ("hq", QCoreApplication.translate("SyncPage", "HQ")),
            ("fingerprint", QCoreApplication.translate("SyncPage", "HQ root fingerprint")),
            ("pending", QCoreApplication.translate("SyncPage", "Changes waiting for HQ")),
            ("held", QCoreApplication.translate("SyncPage", "Bundles from HQ held")),
            ("conflicts", QCoreApplication.translate("SyncPage", "Open conflicts")),
            ("quarantined", QCoreApplication.translate("SyncPage", "Quarantined changes")),
            ("last", QCoreApplication.translate("SyncPage", "Last sync")),
            ("result", QCoreApplication.translate("SyncPage", "Result")),
        )
        self.conflicts_button = QPushButton(
            QCoreApplication.translate("SyncPage", "Review conflicts…"), self
        )
        self.conflicts_button.setObjectName("syncReviewConflicts")
        self.conflicts_button.setProperty("flat", True)
        for i, (key, caption) in enumerate(rows):
            name = QLabel(caption, self)
            name.setProperty("role", "hint")
            value = QLabel("…", self)
            value.setObjectName(f"sync_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            grid.addWidget(name, i, 0, Qt.AlignmentFlag.AlignTop)
            if key == "conflicts":  # the count, then the way to them
                cell = QWidget(self)
                line = QHBoxLayout(cell)
                line.setContentsMargins(0, 0, 0, 0)
                line.setSpacing(12)
                line.addWidget(value)
                line.addWidget(self.conflicts_button)
                line.addStretch(1)
                grid.addWidget(cell, i, 1)
            else:
                grid.addWidget(value, i, 1)
            self.values[key] = value
        self.values["fingerprint"].setStyleSheet(
            'font-family: "DejaVu Sans Mono", "Consolas", monospace;'
        )
        grid.setColumnStretch(1, 1)

    def clear(self) -> None:
        """Empty every value (the vault locks)."""
        for label in self.values.values():
            label.setText("")

    def show_snapshot(self, snap: reads.SyncSnapshot) -> None:
        """Fill the rows from ``snap``."""
        s = snap.status
        v = self.values
        if s["enrolled"]:
            text = QCoreApplication.translate("SyncPage", "Enrolled as device {id}").format(
                id=s["device_id"]
            )
        else:
            text = QCoreApplication.translate(
                "SyncPage", "Not enrolled — use Enrol from file… with the file HQ gave you"
            )
        if s.get("revoked"):
            text += " · " + QCoreApplication.translate("SyncPage", "revoked by HQ")
        v["enrolment"].setText(text)
        v["hq"].setText(
            snap.hq_url
            or QCoreApplication.translate(
                "SyncPage", "no address known (USB stick or shared folder)"
            )
        )
        v["fingerprint"].setText(s["root_fingerprint"] or "—")
        pending = QCoreApplication.translate(
            "SyncPage", "{n} records changed and not yet confirmed by HQ"
        ).format(n=i18n.number(s["pending"]))
        if s["unsent_bundles"]:
            pending += " · " + QCoreApplication.translate(
                "SyncPage", "{b} bundles waiting for HQ's receipt"
            ).format(b=i18n.number(s["unsent_bundles"]))
        v["pending"].setText(pending)
        v["held"].setText(i18n.number(s["held"]))
        v["conflicts"].setText(i18n.number(s["conflicts"]))
        self.conflicts_button.setVisible(s["conflicts"] > 0)
        v["quarantined"].setText(i18n.number(s["quarantined"]))
        v["last"].setText(_last_text(snap))
        v["result"].setText(result_text(snap.last_result))


def _last_text(snap: reads.SyncSnapshot) -> str:
    receipt = snap.status.get("last_receipt")
    if not receipt:
        return QCoreApplication.translate("SyncPage", "never (no receipt from HQ yet)")
    return QCoreApplication.translate("SyncPage", "{when} (last receipt from HQ)").format(
        when=when(receipt)
    )


def result_text(result: dict[str, Any] | None) -> str:
    """The recorded outcome of the last command: what, when, how it went, what it said."""
    if not result:
        return "—"
    kinds = {
        "sync": QCoreApplication.translate("SyncPage", "Sync now"),
        "export": QCoreApplication.translate("SyncPage", "Export to folder"),
        "import": QCoreApplication.translate("SyncPage", "Import from folder"),
        "enrol": QCoreApplication.translate("SyncPage", "Enrolment"),
    }
    # "Sync now" records its own outcome (pp_desktop.sync.http_transport): no kind, no ok
    raw_kind = str(result.get("kind") or "sync")
    kind = kinds.get(raw_kind, raw_kind)
    ok = result.get("ok", result.get("status") == "done")
    state = (
        QCoreApplication.translate("SyncPage", "succeeded")
        if ok
        else QCoreApplication.translate("SyncPage", "failed")
    )
    return f"{kind}, {when(str(result.get('at', '')))}: {state} — {result.get('message', '')}"


class BundleHistory(QTableWidget):
    """Bundles sent and received, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("syncHistory")
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SyncPage", "Direction"),
                QCoreApplication.translate("SyncPage", "Bundle"),
                QCoreApplication.translate("SyncPage", "Date"),
                QCoreApplication.translate("SyncPage", "Changes"),
                QCoreApplication.translate("SyncPage", "Status"),
            ]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def fill(self, rows: list[reads.HistoryRow]) -> None:
        """Show ``rows``."""
        states = {
            "confirmed": QCoreApplication.translate("SyncPage", "confirmed by HQ {when}"),
            "waiting": QCoreApplication.translate("SyncPage", "waiting for HQ's receipt"),
            "enrolment": QCoreApplication.translate(
                "SyncPage", "enrolment request, waiting for HQ"
            ),
            "applied": QCoreApplication.translate("SyncPage", "applied {when}"),
            "held": QCoreApplication.translate("SyncPage", "held: an earlier bundle is missing"),
        }
        sent = QCoreApplication.translate("SyncPage", "Sent")
        received = QCoreApplication.translate("SyncPage", "Received")
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            status = states.get(row.state, row.state).format(when=when(row.state_at))
            cells = (
                sent if row.direction == "sent" else received,
                str(row.seq),
                when(row.at),
                "" if row.changes is None else i18n.number(row.changes),
                status,
            )
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c in (1, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(r, c, item)
