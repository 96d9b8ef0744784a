"""The action registry: every command of the main window, declared once (DESIGN §7).

Menus and the toolbar are built from :data:`ACTIONS`; each action has a stable ``objectName``
(tests and future shortcut settings address actions by it), a shortcut where one makes sense,
and a tooltip that says what it does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QToolBar, QWidget

from pp_desktop.ui import icons
from pp_desktop.ui.tr_marks import QT_TRANSLATE_NOOP

MENUS = (
    ("file", QT_TRANSLATE_NOOP("actions", "&Vault")),
    ("edit", QT_TRANSLATE_NOOP("actions", "&Edit")),
    ("view", QT_TRANSLATE_NOOP("actions", "&View")),
    ("go", QT_TRANSLATE_NOOP("actions", "&Go")),
    ("sync", QT_TRANSLATE_NOOP("actions", "S&ync")),
    ("help", QT_TRANSLATE_NOOP("actions", "&Help")),
)


@dataclass(frozen=True)
class ActionSpec:
    """One command: ``name`` becomes the QAction's objectName.

    ``text`` and ``tip`` are English source texts marked for Qt Linguist (context ``actions``);
    the registry translates them when it makes the QActions.
    """

    name: str
    text: str
    tip: str
    menu: str
    shortcut: str = ""
    icon: str = ""
    toolbar: bool = False
    separator_before: bool = False


# Navigation targets in the order of the side bar: (page key, title; context "pages").
PAGES = (
    ("dashboard", QT_TRANSLATE_NOOP("pages", "Dashboard")),
    ("seizures", QT_TRANSLATE_NOOP("pages", "Seizures")),
    ("prices", QT_TRANSLATE_NOOP("pages", "Prices")),
    ("projects", QT_TRANSLATE_NOOP("pages", "Projects")),
    ("recommendations", QT_TRANSLATE_NOOP("pages", "Recommendations")),
    ("organisations", QT_TRANSLATE_NOOP("pages", "Organisations")),
    ("contacts", QT_TRANSLATE_NOOP("pages", "Contacts")),
    ("audit", QT_TRANSLATE_NOOP("pages", "Audit log")),
)
# Pages of other issues, below the record pages (issue 5: ui/sync makes them).
SYNC_PAGES = (
    ("sync", QT_TRANSLATE_NOOP("pages", "Sync")),
    ("conflicts", QT_TRANSLATE_NOOP("pages", "Conflicts")),
)
NAV_PAGES = PAGES + SYNC_PAGES  # the whole side bar
_NAV_TIPS = {
    "dashboard": QT_TRANSLATE_NOOP("actions", "Go to the dashboard"),
    "seizures": QT_TRANSLATE_NOOP("actions", "Go to seizures"),
    "prices": QT_TRANSLATE_NOOP("actions", "Go to prices"),
    "projects": QT_TRANSLATE_NOOP("actions", "Go to projects"),
    "recommendations": QT_TRANSLATE_NOOP("actions", "Go to recommendations"),
    "organisations": QT_TRANSLATE_NOOP("actions", "Go to organisations"),
    "contacts": QT_TRANSLATE_NOOP("actions", "Go to contacts"),
    "audit": QT_TRANSLATE_NOOP("actions", "Go to the audit log"),
    "sync": QT_TRANSLATE_NOOP("actions", "Go to sync: status, exchange with HQ, history"),
    "conflicts": QT_TRANSLATE_NOOP("actions", "Go to the conflicts waiting for your decision"),
}

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "lock_vault",
        QT_TRANSLATE_NOOP("actions", "&Lock"),
        QT_TRANSLATE_NOOP(
            "actions",
            "Lock the vault: close every view, forget the key and return to the start screen",
        ),
        "file",
        "Ctrl+L",
        "lock",
        toolbar=True,
    ),
    ActionSpec(
        "settings",
        QT_TRANSLATE_NOOP("actions", "&Settings…"),
        QT_TRANSLATE_NOOP(
            "actions", "Officer profile, auto-lock delay and language of the interface"
        ),
        "file",
        "Ctrl+,",
        "settings",
    ),
    ActionSpec(
        "verify_chain",
        QT_TRANSLATE_NOOP("actions", "&Verify audit chain"),
        QT_TRANSLATE_NOOP("actions", "Check that no entry of the audit log was altered or removed"),
        "file",
        "",
        "shield",
    ),
    # the exchange actions of issues 6 and 7 (wired in ui/exchange/wiring.py)
    ActionSpec(
        "file.export",
        QT_TRANSLATE_NOOP("actions", "&Export to Excel…"),
        QT_TRANSLATE_NOOP(
            "actions", "Write records to an Excel workbook (or CSV) for a national counterpart"
        ),
        "file",
        "Ctrl+Shift+E",
        separator_before=True,
    ),
    ActionSpec(
        "file.export_list",
        QT_TRANSLATE_NOOP("actions", "Export this &list…"),
        QT_TRANSLATE_NOOP(
            "actions", "Export the records of the current list, with its search and filters"
        ),
        "file",
    ),
    ActionSpec(
        "file.export_template",
        QT_TRANSLATE_NOOP("actions", "Export blank &template…"),
        QT_TRANSLATE_NOOP(
            "actions", "A workbook with headers and drop-down lists for a counterpart to fill in"
        ),
        "file",
    ),
    ActionSpec(
        "file.import",
        QT_TRANSLATE_NOOP("actions", "&Import from Excel…"),
        QT_TRANSLATE_NOOP(
            "actions", "Preview and import a workbook a counterpart sent back (all or nothing)"
        ),
        "file",
        "Ctrl+Shift+I",
    ),
    ActionSpec(
        "iati.export",
        QT_TRANSLATE_NOOP("actions", "Export projects to IA&TI…"),
        QT_TRANSLATE_NOOP("actions", "Write assistance projects as an IATI 2.03 activity file"),
        "file",
        separator_before=True,
    ),
    ActionSpec(
        "iati.import",
        QT_TRANSLATE_NOOP("actions", "Import projects from IAT&I…"),
        QT_TRANSLATE_NOOP(
            "actions",
            "Preview and import donors' activities from an IATI file, by country and sector",
        ),
        "file",
    ),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("actions", "&Quit"),
        QT_TRANSLATE_NOOP("actions", "Lock the vault and quit pp-desktop"),
        "file",
        "Ctrl+Q",
        "quit",
        separator_before=True,
    ),
    ActionSpec(
        "find",
        QT_TRANSLATE_NOOP("actions", "&Find…"),
        QT_TRANSLATE_NOOP("actions", "Search the current list"),
        "edit",
        "Ctrl+F",
        "search",
        True,
    ),
    ActionSpec(
        "open_record",
        QT_TRANSLATE_NOOP("actions", "&Open record"),
        QT_TRANSLATE_NOOP("actions", "Show the selected record (Enter in a list does the same)"),
        "edit",
        "Ctrl+O",
    ),
    # the write actions of issue 3's forms (wired in ui/write_actions.py)
    ActionSpec(
        "record.new",
        QT_TRANSLATE_NOOP("actions", "&New record…"),
        QT_TRANSLATE_NOOP(
            "actions", "Create a record of the current list (a seizure from the dashboard)"
        ),
        "edit",
        "Ctrl+N",
        separator_before=True,
    ),
    ActionSpec(
        "record.edit",
        QT_TRANSLATE_NOOP("actions", "&Edit record…"),
        QT_TRANSLATE_NOOP(
            "actions", "Edit the selected record (double-click or Enter in a list does the same)"
        ),
        "edit",
        "Ctrl+E",
    ),
    ActionSpec(
        "record.delete",
        QT_TRANSLATE_NOOP("actions", "&Delete records…"),
        QT_TRANSLATE_NOOP(
            "actions", "Delete the selected records after confirmation (undo brings them back)"
        ),
        "edit",
        "Del",
    ),
    ActionSpec(
        "edit.undo",
        QT_TRANSLATE_NOOP("actions", "&Undo"),
        QT_TRANSLATE_NOOP("actions", "Undo your last change of this session"),
        "edit",
        "Ctrl+Z",
        separator_before=True,
    ),
    ActionSpec(
        "edit.redo",
        QT_TRANSLATE_NOOP("actions", "&Redo"),
        QT_TRANSLATE_NOOP("actions", "Redo the change you undid"),
        "edit",
        "Ctrl+Shift+Z",
    ),
    ActionSpec(
        "refresh",
        QT_TRANSLATE_NOOP("actions", "&Refresh"),
        QT_TRANSLATE_NOOP("actions", "Read the current page again from the vault"),
        "view",
        "F5",
        "refresh",
        True,
    ),
    *(
        ActionSpec(f"nav_{key}", title, _NAV_TIPS[key], "go", f"Ctrl+{i}" if i <= 9 else "", key)
        for i, (key, title) in enumerate(NAV_PAGES, start=1)
    ),
    # the sync actions of issue 5 (wired in ui/sync/wiring.py)
    ActionSpec(
        "sync.now",
        QT_TRANSLATE_NOOP("actions", "Sync &now"),
        QT_TRANSLATE_NOOP(
            "actions", "Send pending changes to HQ and fetch what HQ has for this laptop"
        ),
        "sync",
        "F9",
        "sync",
        toolbar=True,
    ),
    ActionSpec(
        "sync.export",
        QT_TRANSLATE_NOOP("actions", "&Export to folder…"),
        QT_TRANSLATE_NOOP(
            "actions", "Write the bundles for HQ onto a USB stick or a shared folder"
        ),
        "sync",
        separator_before=True,
    ),
    ActionSpec(
        "sync.import",
        QT_TRANSLATE_NOOP("actions", "&Import from folder…"),
        QT_TRANSLATE_NOOP(
            "actions", "Check and apply HQ's bundles for this laptop from a USB stick or folder"
        ),
        "sync",
    ),
    ActionSpec(
        "sync.enrol",
        QT_TRANSLATE_NOOP("actions", "En&rol from file…"),
        QT_TRANSLATE_NOOP(
            "actions", "Enrol this vault with HQ's enrolment file, after checking HQ's fingerprint"
        ),
        "sync",
    ),
    ActionSpec(
        "conflicts.show",
        QT_TRANSLATE_NOOP("actions", "&Conflicts…"),
        QT_TRANSLATE_NOOP(
            "actions", "Records changed here and elsewhere: compare both versions and decide"
        ),
        "sync",
        "Ctrl+Shift+K",
        "conflicts",
        separator_before=True,
    ),
    ActionSpec(
        "about",
        QT_TRANSLATE_NOOP("actions", "&About pp-desktop"),
        QT_TRANSLATE_NOOP("actions", "Version and licence"),
        "help",
        icon="about",
    ),
)


def _tr(text: str, context: str = "actions") -> str:
    return QCoreApplication.translate(context, text)


class ActionRegistry(QObject):
    """The QActions of one main window, by name."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        for spec in ACTIONS:
            context = "pages" if spec.name.startswith("nav_") else "actions"
            action = QAction(_tr(spec.text, context), window)
            action.setObjectName(spec.name)
            action.setToolTip(_tooltip(spec))
            action.setStatusTip(_tr(spec.tip))
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if spec.icon:
                action.setIcon(icons.icon(spec.icon))
            window.addAction(action)  # shortcuts work even when menus are hidden
            self.actions[spec.name] = action

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def on(self, name: str, slot: Callable[[], object]) -> None:
        """Run ``slot`` when action ``name`` triggers."""
        self.actions[name].triggered.connect(lambda _checked=False: slot())

    def build_menus(self, bar: QMenuBar) -> None:
        """Fill the menu bar, menu by menu, in the order of :data:`ACTIONS`."""
        for key, title in MENUS:
            menu = bar.addMenu(_tr(title))
            menu.setObjectName(f"menu_{key}")
            for spec in ACTIONS:
                if spec.menu != key:
                    continue
                if spec.separator_before:
                    menu.addSeparator()
                menu.addAction(self.actions[spec.name])

    def build_toolbar(self, toolbar: QToolBar) -> None:
        """Put the toolbar actions on ``toolbar``."""
        for spec in ACTIONS:
            if spec.toolbar:
                toolbar.addAction(self.actions[spec.name])


def _tooltip(spec: ActionSpec) -> str:
    shortcut = QKeySequence(spec.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
    tip = _tr(spec.tip)
    return f"{tip} ({shortcut})" if shortcut else tip
