"""Start the GUI: one QApplication, themed, showing the start screen."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from pp_desktop import APP_NAME, __version__
from pp_desktop.paths import default_vault_dir
from pp_desktop.ui import i18n, icons, theme
from pp_desktop.ui.controller import AppController

ORGANIZATION = "UNODC Paris Pact Initiative"
ORGANIZATION_DOMAIN = "paris-pact.net"


def application(argv: list[str] | None = None) -> QApplication:
    """The process's QApplication (made and themed on first call)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setApplicationName(APP_NAME)
    QGuiApplication.setApplicationDisplayName("pp-desktop")
    QGuiApplication.setOrganizationName(ORGANIZATION)
    QGuiApplication.setOrganizationDomain(ORGANIZATION_DOMAIN)
    QGuiApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    theme.apply_theme(app)
    app.setWindowIcon(icons.icon("lock"))
    return app


def run_gui(vault_dir: Path | None) -> int:
    """Show the start screen for ``vault_dir`` (or the last vault used) and run until closed."""
    app = application()
    settings = QSettings()
    try:  # the language chosen in Settings (English when its catalogue is not built)
        i18n.install_language(i18n.language_setting(settings))
    except i18n.CatalogueMissing:
        i18n.install_language(i18n.DEFAULT_LANGUAGE)
    folder = Path(vault_dir) if vault_dir else None
    controller = AppController(folder, settings)
    if controller.start.folder is None:
        controller.start.folder_edit.setText(str(default_vault_dir()))
    controller.show()
    code = app.exec()
    controller.quit()  # lock if the loop ended any other way (session end, signal)
    return int(code)
