"""The Sync page: where this laptop stands with HQ, and the ways to exchange with it.

Status (enrolment, HQ's address and root fingerprint, changes waiting, held bundles, conflicts,
last sync and its result), the four commands (Sync now, Export to folder…, Import from folder…,
Enrol from file…), the optional periodic sync and the history of bundles sent and received.
Every command runs as a background task with progress and cancel; the page re-reads the vault
after each one.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.services.errors import ServiceError
from pp_desktop.store.errors import VaultError
from pp_desktop.sync.errors import REASONS
from pp_desktop.ui.background import Task, run_in_background, start_task
from pp_desktop.ui.session import Session
from pp_desktop.ui.sync import reads, work
from pp_desktop.ui.sync.enrol_dialog import EnrolDialog
from pp_desktop.ui.sync.running import (
    error_text,
    run_with_progress,
    show_message,
)
from pp_desktop.ui.sync.status_view import BundleHistory, SyncStatusCard
from pp_desktop.ui.sync.sync_texts import sync_text
from pp_desktop.ui.theme import set_message

PERIODIC_KEY = "sync/periodic_minutes"  # QSettings: 0 = off
DEFAULT_PERIOD_MIN = 15


class SyncPage(QWidget):
    """The page behind the "Sync" navigation entry."""

    refreshed = Signal(object)  # the SyncSnapshot shown
    changed = Signal()  # records or sync state changed: lists and status bar re-read
    showConflicts = Signal()
    taskStarted = Signal(object)  # a background Task (the status bar follows periodic syncs)
    finishedWork = Signal(str, bool)  # (what: sync|export|import|enrol, ok)

    def __init__(
        self, session: Session, parent: QWidget | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings or QSettings()
        self.setObjectName("syncPage")
        self.data: reads.SyncSnapshot | None = None
        self.task: Task | None = None  # the command running now
        self.dialog: QWidget | None = None  # the last dialog opened (tests drive it)
        self.outcome: dict[str, Any] | None = None  # what the last command reported

        title = QLabel(self.tr("Sync with HQ"), self)
        title.setObjectName("pageTitle")
        self.message = QLabel(self)
        self.message.setObjectName("syncMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.status_card = SyncStatusCard(self)
        self.status_card.conflicts_button.clicked.connect(self.showConflicts.emit)
        self.values = self.status_card.values
        self.conflicts_button = self.status_card.conflicts_button

        # --- commands ---
        self.sync_button = self._button("syncNow", self.tr("Sync now"), primary=True)
        self.sync_button.clicked.connect(lambda: self.sync_now())
        self.export_button = self._button("syncExport", self.tr("Export to folder…"))
        self.export_button.clicked.connect(lambda: self.export_to_folder())
        self.import_button = self._button("syncImport", self.tr("Import from folder…"))
        self.import_button.clicked.connect(lambda: self.import_from_folder())
        self.enrol_button = self._button("syncEnrol", self.tr("Enrol from file…"))
        self.enrol_button.clicked.connect(lambda: self.enrol_from_file())
        commands = QHBoxLayout()
        commands.setSpacing(8)
        for button in (
            self.sync_button,
            self.export_button,
            self.import_button,
            self.enrol_button,
        ):
            commands.addWidget(button)
        commands.addStretch(1)

        # --- periodic sync ---
        self.periodic = QCheckBox(self.tr("Sync automatically every"), self)
        self.periodic.setObjectName("syncPeriodic")
        self.period = QSpinBox(self)
        self.period.setObjectName("syncPeriod")
        self.period.setRange(5, 240)
        self.period.setSuffix(self.tr(" min"))
        minutes = int(str(self.settings.value(PERIODIC_KEY, 0) or 0))
        self.period.setValue(minutes or DEFAULT_PERIOD_MIN)
        self.periodic.setChecked(minutes > 0)
        periodic_hint = QLabel(self.tr("when HQ is reachable"), self)
        periodic_hint.setProperty("role", "hint")
        periodic = QHBoxLayout()
        periodic.addWidget(self.periodic)
        periodic.addWidget(self.period)
        periodic.addWidget(periodic_hint)
        periodic.addStretch(1)
        self.timer = QTimer(self)
        self.timer.setObjectName("syncTimer")
        self.timer.timeout.connect(self.periodic_sync)
        self.periodic.toggled.connect(self._periodic_changed)
        self.period.valueChanged.connect(self._periodic_changed)

        history_title = QLabel(self.tr("Bundles sent and received"), self)
        history_title.setObjectName("sectionTitle")
        self.history = BundleHistory(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.message)
        layout.addWidget(self.status_card)
        layout.addLayout(commands)
        layout.addLayout(periodic)
        layout.addWidget(history_title)
        layout.addWidget(self.history, 1)
        self._periodic_changed()

    def _button(self, name: str, text: str, primary: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        if primary:
            button.setProperty("primary", True)
        return button

    # --- reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the sync state off the UI thread."""
        ctx = self.session.ctx
        run_in_background(lambda: reads.snapshot(ctx), self._show, self._read_failed, owner=self)

    def clear(self) -> None:
        """Forget what is shown (the vault locks)."""
        self.timer.stop()
        self.data = None
        self.status_card.clear()
        self.history.setRowCount(0)

    def _read_failed(self, exc: BaseException) -> None:
        if not self.session.is_locked:
            self._say(error_text(exc), "error")

    def _show(self, snap: reads.SyncSnapshot) -> None:
        self.data = snap
        self.status_card.show_snapshot(snap)
        self.history.fill(snap.history)
        self._enable(snap.status)
        self.refreshed.emit(snap)

    def _enable(self, s: dict[str, Any]) -> None:
        idle = self.task is None or not self.task.running
        enrolled = bool(s["enrolled"])
        can_sync = work.sync_available()
        self.sync_button.setEnabled(idle and enrolled and can_sync)
        self.sync_button.setToolTip(
            self.tr("Send pending changes to HQ and fetch what HQ has for this laptop")
            if can_sync
            else self.tr("This build cannot reach HQ over the network: use a USB stick")
        )
        self.export_button.setEnabled(idle and enrolled)
        self.import_button.setEnabled(idle and enrolled)
        self.enrol_button.setEnabled(idle and not enrolled)
        self.periodic.setEnabled(enrolled and can_sync)

    def _say(self, text: str, severity: str) -> None:
        set_message(self.message, text, severity)
        self.message.show()

    def _busy(self, task: Task) -> Task:
        self.task = task
        for button in (self.sync_button, self.export_button, self.import_button, self.enrol_button):
            button.setEnabled(False)
        task.finished.connect(self._task_done)
        return task

    def _task_done(self) -> None:
        self.task = None
        self.refresh()

    def _record(
        self, kind: str, ok: bool, status: str, message: str, synced: bool, store: bool = True
    ) -> None:
        """Remember the outcome in the vault (page and status bar), tell the window.
        ``store`` False: the transport recorded it already (Sync now)."""
        self.outcome = {"kind": kind, "ok": ok, "status": status, "message": message}
        if store:
            # a vault locked meanwhile has nothing to record into
            with contextlib.suppress(VaultError, ServiceError):
                self.outcome = work.record_result(
                    self.session.ctx, kind, ok, status, message, synced=synced
                )
        self._say(message, "success" if ok else "warning")
        self.changed.emit()
        self.finishedWork.emit(kind, ok)

    def _failed(self, kind: str, heading: str, exc: BaseException) -> None:
        text = error_text(exc)
        self._record(kind, False, "error", text, synced=False)
        self.dialog = show_message(self, heading, text, QMessageBox.Icon.Warning, "syncError")

    def _cancelled(self, kind: str) -> None:
        text = self.tr("Cancelled. What was already done is kept; nothing is half-applied.")
        self._record(kind, False, "cancelled", text, synced=False)

    # --- Sync now -----------------------------------------------------------------------------

    def sync_now(self, url: str | None = None, *, quiet: bool = False) -> Task | None:
        """Sync with HQ over the network; ``quiet``: no progress dialog (the periodic sync is
        followed in the status bar instead)."""
        if self.task is not None and self.task.running:
            return None
        if not work.sync_available():
            self.dialog = show_message(
                self,
                self.tr("Sync now"),
                self.tr("This build cannot reach HQ over the network: use a USB stick."),
            )
            return None
        if url is None and not quiet and not reads.remembered_url(self.session.ctx):
            self.ask_hq_url()  # enrolled by USB stick: HQ's address was never given
            return None
        ctx = self.session.ctx
        title = self.tr("Syncing with HQ")
        if quiet:
            task = start_task(lambda c: work.sync_now(ctx, url, c), title, owner=self)
            task.succeeded.connect(self._synced)
            task.failed.connect(lambda e: self._failed_quietly("sync", e))
            task.cancelled.connect(lambda: self._cancelled("sync"))
            self.taskStarted.emit(task)
        else:
            task, self.dialog = run_with_progress(
                self,
                title,
                lambda c: work.sync_now(ctx, url, c),
                self._synced,
                lambda e: self._failed("sync", self.tr("Sync failed"), e),
                lambda: self._cancelled("sync"),
            )
        return self._busy(task)

    def ask_hq_url(self) -> QInputDialog:
        """Ask for HQ's address (non-blocking); Sync now runs with it once given."""
        dialog = QInputDialog(self)
        dialog.setObjectName("syncAskUrl")
        dialog.setWindowTitle(self.tr("HQ address"))
        dialog.setLabelText(
            self.tr(
                "HQ's address was not in your enrolment file. Type the address HQ gave you "
                "(for example https://hq.example.org):"
            )
        )
        dialog.setTextValue("https://")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self._url_given)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _url_given(self, text_: str) -> None:
        url = text_.strip()
        if not url.startswith(("http://", "https://")) or url in ("http://", "https://"):
            self._say(self.tr("An HQ address starts with https:// (or http://)."), "error")
            return
        self.sync_now(url)

    def _synced(self, report: Any) -> None:
        ok = bool(getattr(report, "ok", False))
        status = str(getattr(report, "status", ""))
        message = str(getattr(report, "message", "")) or (
            self.tr("Sync finished.") if ok else self.tr("Sync did not finish.")
        )
        self._record("sync", ok, status, message, synced=ok, store=False)
        window = self.window()
        bar = getattr(window, "status", None)
        if bar is not None and hasattr(bar, "set_online"):
            bar.set_online(status != "unreachable")

    def _failed_quietly(self, kind: str, exc: BaseException) -> None:
        self._record(kind, False, "error", error_text(exc), synced=False)

    # --- periodic sync ------------------------------------------------------------------------

    def _periodic_changed(self, *_args: object) -> None:
        minutes = self.period.value() if self.periodic.isChecked() else 0
        self.settings.setValue(PERIODIC_KEY, minutes)
        self.period.setEnabled(self.periodic.isChecked())
        if minutes:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def periodic_sync(self) -> Task | None:
        """The timer's tick: sync quietly when enrolled and HQ answers; otherwise mark the
        status bar offline and try again at the next tick."""
        if self.session.is_locked or self.data is None or not self.data.status["enrolled"]:
            return None
        if self.task is not None and self.task.running:
            return None
        url = self.data.hq_url
        if not url or not work.sync_available():
            return None

        def reachable(ok: bool) -> None:
            bar = getattr(self.window(), "status", None)
            if bar is not None and hasattr(bar, "set_online"):
                bar.set_online(ok)
            if ok:
                self.sync_now(quiet=True)

        run_in_background(lambda: work.hq_reachable(url), reachable, lambda _e: None, owner=self)
        return None

    # --- folder route -------------------------------------------------------------------------

    def _choose_folder(self, caption: str) -> Path | None:
        start = str(self.settings.value("sync/last_folder", str(Path.home())))
        name = QFileDialog.getExistingDirectory(self, caption, start)
        if not name:
            return None
        self.settings.setValue("sync/last_folder", name)
        return Path(name)

    def export_to_folder(self, folder: Path | None = None) -> Task | None:
        """Write the bundles for HQ onto a USB stick or shared folder (asks where when not
        given)."""
        folder = folder or self._choose_folder(self.tr("Export bundles for HQ to…"))
        if folder is None:
            return None
        ctx = self.session.ctx
        task, self.dialog = run_with_progress(
            self,
            self.tr("Exporting bundles for HQ"),
            lambda c: work.export_to_folder(ctx, folder, c),
            lambda r: self._exported(folder, r),
            lambda e: self._failed("export", self.tr("Export failed"), e),
            lambda: self._cancelled("export"),
        )
        return self._busy(task)

    def _exported(self, folder: Path, result: Any) -> None:
        if result.written:
            text = self.tr("Bundles written to {folder}: {n}. Take them to HQ.").format(
                n=len(result.written), folder=folder
            )
        else:
            text = self.tr("Nothing to send: HQ has confirmed every change.")
        self._record("export", True, "done", text, synced=False)

    def import_from_folder(self, folder: Path | None = None) -> Task | None:
        """Verify and apply HQ's bundles for this laptop from a folder (asks when not given)."""
        folder = folder or self._choose_folder(self.tr("Import HQ's bundles from…"))
        if folder is None:
            return None
        ctx = self.session.ctx
        task, self.dialog = run_with_progress(
            self,
            self.tr("Importing bundles from HQ"),
            lambda c: work.import_from_folder(ctx, folder, c),
            self._imported,
            lambda e: self._failed("import", self.tr("Import failed"), e),
            lambda: self._cancelled("import"),
        )
        return self._busy(task)

    def _imported(self, out: Any) -> None:
        applied = [r for r in out.results if r.status == "applied"]
        held = [r for r in out.results if r.status == "held"]
        parts = [
            self.tr(
                "Bundles applied: {n} (changes: {c}, conflicts: {k}, quarantined: {q}, "
                "receipts: {r})."
            ).format(
                n=sum(len(r.applied_seqs) for r in applied),
                c=sum(r.changes for r in applied),
                k=sum(r.conflicts for r in applied),
                q=sum(r.quarantined for r in applied),
                r=sum(r.receipts for r in applied),
            )
        ]
        if held:
            parts.append(self.tr("Held until an earlier bundle arrives: {n}.").format(n=len(held)))
        if not out.results and not out.rejected:
            parts = [self.tr("No bundle from HQ for this laptop in that folder.")]
        for name, reason, message in out.rejected:
            english = REASONS.get(reason, "")
            # the layer's message is "<reason text> (<code>: <detail>)."; the text is translated
            why = (
                sync_text(english) + message[len(english) :]
                if english and message.startswith(english)
                else message
            )
            parts.append(self.tr("Refused {file}: {why}").format(file=name, why=why))
        ok = not out.rejected
        self._record(
            "import", ok, "done" if ok else "rejected", " ".join(parts), synced=bool(applied)
        )
        if out.rejected:
            self.dialog = show_message(
                self,
                self.tr("Some bundles were refused"),
                " ".join(parts),
                QMessageBox.Icon.Warning,
                "syncError",
            )

    # --- enrolment ----------------------------------------------------------------------------

    def enrol_from_file(self, path: Path | None = None) -> None:
        """Read the enrolment file, show HQ's root fingerprint, enrol once confirmed."""
        self.dialog = None
        if path is None:
            name, _f = QFileDialog.getOpenFileName(
                self,
                self.tr("Enrolment file from HQ"),
                str(Path.home()),
                self.tr("Enrolment files (*.enrol *.json);;All files (*)"),
            )
            if not name:
                return
            path = Path(name)
        chosen = path
        run_in_background(
            lambda: work.preview_enrolment(chosen),
            self._confirm_enrolment,
            lambda e: self._failed("enrol", self.tr("This enrolment file cannot be used"), e),
            owner=self,
        )

    def _confirm_enrolment(self, preview: work.EnrolmentPreview) -> None:
        dialog = EnrolDialog(preview, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._enrol(preview))
        self.dialog = dialog
        dialog.open()

    def _enrol(self, preview: work.EnrolmentPreview) -> Task:
        ctx = self.session.ctx

        def enrol(control: Any) -> Any:
            control.progress(-1, QCoreApplication.translate("sync", "Creating this laptop's keys…"))
            return work.enrol(ctx, preview.path)

        task, self.dialog = run_with_progress(
            self,
            self.tr("Enrolling with HQ"),
            enrol,
            self._enrolled,
            lambda e: self._failed("enrol", self.tr("Enrolment failed"), e),
            lambda: self._cancelled("enrol"),
            cancellable=False,
        )
        return self._busy(task)

    def _enrolled(self, done: Any) -> None:
        text = self.tr(
            "Enrolled as device {id}. The enrolment request travels with the next sync or export."
        ).format(id=done.device_id)
        self._record("enrol", True, "done", text, synced=False)
