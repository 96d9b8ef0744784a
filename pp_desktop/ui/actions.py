"""The action registry: every command of the main window, declared once (DESIGN §7).

Menus and the toolbar are built from :data:`ACTIONS`; each action has a stable ``objectName``
(tests and future shortcut settings address actions by it), a shortcut where one makes sense,
and a tooltip that says what it does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QToolBar, QWidget

from pp_desktop.ui import icons

MENUS = (("file", "&Vault"), ("edit", "&Edit"), ("view", "&View"), ("go", "&Go"), ("help", "&Help"))


@dataclass(frozen=True)
class ActionSpec:
    """One command: ``name`` becomes the QAction's objectName."""

    name: str
    text: str
    tip: str
    menu: str
    shortcut: str = ""
    icon: str = ""
    toolbar: bool = False
    separator_before: bool = False


# Navigation targets in the order of the side bar: (page key, title).
PAGES = (
    ("dashboard", "Dashboard"),
    ("seizures", "Seizures"),
    ("prices", "Prices"),
    ("projects", "Projects"),
    ("recommendations", "Recommendations"),
    ("organisations", "Organisations"),
    ("contacts", "Contacts"),
    ("audit", "Audit log"),
)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "lock_vault",
        "&Lock",
        "Lock the vault: close every view, forget the key and return to the start screen",
        "file",
        "Ctrl+L",
        "lock",
        toolbar=True,
    ),
    ActionSpec(
        "quit",
        "&Quit",
        "Lock the vault and quit pp-desktop",
        "file",
        "Ctrl+Q",
        "quit",
        separator_before=True,
    ),
    ActionSpec("find", "&Find…", "Search the current list", "edit", "Ctrl+F", "search", True),
    ActionSpec(
        "open_record",
        "&Open record",
        "Show the selected record (Enter in a list does the same)",
        "edit",
        "Ctrl+O",
    ),
    ActionSpec(
        "refresh",
        "&Refresh",
        "Read the current page again from the vault",
        "view",
        "F5",
        "refresh",
        True,
    ),
    *(
        ActionSpec(
            f"nav_{key}",
            title,
            f"Go to {title.lower()}" if key != "dashboard" else "Go to the dashboard",
            "go",
            f"Ctrl+{i}",
            key,
        )
        for i, (key, title) in enumerate(PAGES, start=1)
    ),
    ActionSpec("about", "&About pp-desktop", "Version and licence", "help", icon="about"),
)


class ActionRegistry(QObject):
    """The QActions of one main window, by name."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        for spec in ACTIONS:
            action = QAction(spec.text, window)
            action.setObjectName(spec.name)
            action.setToolTip(_tooltip(spec))
            action.setStatusTip(spec.tip)
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
            menu = bar.addMenu(title)
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
    return f"{spec.tip} ({shortcut})" if shortcut else spec.tip
