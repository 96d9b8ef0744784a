"""The look of the application: Fusion with a calm, light palette and a few named styles.

Fusion looks the same on Windows and Linux, so screenshots, tests and the officer's laptop agree.
Widget-specific styling is keyed on object names and dynamic properties (never on class names),
so the style sheet cannot leak into widgets it was not written for.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory

# Colours used by painted widgets (charts, highlights) as well as by the palette.
INK = QColor("#1f2933")
MUTED_INK = QColor("#616e7c")
WINDOW = QColor("#f3f5f8")
SURFACE = QColor("#ffffff")
ALT_SURFACE = QColor("#f7f9fb")
LINE = QColor("#d9dee5")
ACCENT = QColor("#2f6f9f")
ACCENT_SOFT = QColor("#dbe9f4")
WARN_BG = QColor("#fdf1dc")
WARN_INK = QColor("#8a5300")
ERROR_BG = QColor("#fbe4e4")
ERROR_INK = QColor("#9b1c1c")
OK_INK = QColor("#1e6b3a")
CHART_BARS = (QColor("#2f6f9f"), QColor("#4c8fbf"), QColor("#6aa6cf"))

# Preferred UI fonts, first available wins; every one of them covers Cyrillic.
FONT_FAMILIES = ["Segoe UI", "Noto Sans", "DejaVu Sans", "Sans Serif"]
FONT_POINT_SIZE = 9.5

_STYLE_SHEET = """
QWidget#startBackground, QWidget#workspace { background: %(window)s; }
QFrame#card {
    background: %(surface)s; border: 1px solid %(line)s; border-radius: 8px;
}
QLabel#appTitle { font-size: 17pt; font-weight: 600; color: %(ink)s; }
QLabel#appSubtitle, QLabel[role="hint"] { color: %(muted)s; }
QLabel#pageTitle { font-size: 15pt; font-weight: 600; color: %(ink)s; }
QLabel#sectionTitle { font-size: 11pt; font-weight: 600; color: %(ink)s; }
QLabel#rowCount { color: %(muted)s; }
QLabel[role="message"] { border-radius: 5px; padding: 8px 10px; }
QLabel[role="message"][severity="error"] {
    background: %(error_bg)s; color: %(error_ink)s; border: 1px solid #f0b4b4;
}
QLabel[role="message"][severity="warning"] {
    background: %(warn_bg)s; color: %(warn_ink)s; border: 1px solid #f1d39b;
}
QLabel[role="message"][severity="success"] {
    background: #e3f3e8; color: %(ok_ink)s; border: 1px solid #a9d8b8;
}
QLabel[role="message"][severity="info"] {
    background: %(accent_soft)s; color: %(ink)s; border: 1px solid #b5d0e6;
}
QLabel#recoveryKey {
    font-family: "DejaVu Sans Mono", "Consolas", monospace; font-size: 15pt;
    background: %(alt)s; border: 1px dashed %(muted)s; border-radius: 6px; padding: 12px;
}
QPushButton[primary="true"] {
    background: %(accent)s; color: white; border: 1px solid #245a82; border-radius: 4px;
    padding: 6px 18px; font-weight: 600;
}
QPushButton[primary="true"]:hover { background: #2a6590; }
QPushButton[primary="true"]:disabled { background: #9db7cc; border-color: #9db7cc; }
QPushButton[flat="true"] { border: none; color: %(accent)s; padding: 4px 2px; }
QPushButton[flat="true"]:hover { text-decoration: underline; }
QListWidget#navigation {
    background: %(surface)s; border: none; border-right: 1px solid %(line)s;
    padding-top: 8px; outline: 0;
}
QListWidget#navigation::item { padding: 8px 12px; margin: 1px 6px; border-radius: 5px; }
QListWidget#navigation::item:selected { background: %(accent_soft)s; color: %(ink)s; }
QListWidget#navigation::item:hover:!selected { background: %(alt)s; }
QFrame#tile {
    background: %(surface)s; border: 1px solid %(line)s; border-radius: 6px;
}
QLabel#tileValue { font-size: 17pt; font-weight: 600; color: %(ink)s; }
QLabel#tileLabel { color: %(muted)s; }
QTableView { gridline-color: #e6e9ee; selection-background-color: %(accent)s; }
QHeaderView::section {
    background: %(alt)s; border: none; border-bottom: 1px solid %(line)s;
    border-right: 1px solid #e6e9ee; padding: 5px 6px; font-weight: 600; color: %(ink)s;
}
QLineEdit { lineedit-password-character: 8226; padding: 3px 4px; }
QStatusBar { background: %(surface)s; border-top: 1px solid %(line)s; color: %(muted)s; }
QStatusBar QLabel { padding: 0 8px; }
QToolBar { background: %(surface)s; border: none; border-bottom: 1px solid %(line)s;
    spacing: 4px; padding: 3px 6px; }
"""


def style_sheet() -> str:
    """The application style sheet with the palette colours filled in."""
    return _STYLE_SHEET % {
        "window": WINDOW.name(),
        "surface": SURFACE.name(),
        "alt": ALT_SURFACE.name(),
        "line": LINE.name(),
        "ink": INK.name(),
        "muted": MUTED_INK.name(),
        "accent": ACCENT.name(),
        "accent_soft": ACCENT_SOFT.name(),
        "warn_bg": WARN_BG.name(),
        "warn_ink": WARN_INK.name(),
        "error_bg": ERROR_BG.name(),
        "error_ink": ERROR_INK.name(),
        "ok_ink": OK_INK.name(),
    }


def palette() -> QPalette:
    """A light, low-contrast-chrome palette with a single blue accent."""
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.WindowText: INK,
        QPalette.ColorRole.Base: SURFACE,
        QPalette.ColorRole.AlternateBase: ALT_SURFACE,
        QPalette.ColorRole.Text: INK,
        QPalette.ColorRole.Button: QColor("#eef1f5"),
        QPalette.ColorRole.ButtonText: INK,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.ToolTipBase: QColor("#fffdf5"),
        QPalette.ColorRole.ToolTipText: INK,
        QPalette.ColorRole.PlaceholderText: QColor("#8a96a3"),
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.Mid: LINE,
        QPalette.ColorRole.Midlight: QColor("#e9edf2"),
    }
    for role, colour in roles.items():
        pal.setColor(role, colour)
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(disabled, role, QColor("#9aa5b1"))
    return pal


def ui_font() -> QFont:
    """The application font: the first installed family of :data:`FONT_FAMILIES`."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(FONT_POINT_SIZE)
    return font


def apply_theme(app: QApplication) -> None:
    """Give ``app`` the Fusion style, the palette, the font and the style sheet."""
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    app.setPalette(palette())
    app.setFont(ui_font())
    app.setStyleSheet(style_sheet())


def set_message(label: QLabel, text: str, severity: str = "error") -> None:
    """Show ``text`` in an inline message label (``role="message"``) styled by ``severity``."""
    label.setProperty("role", "message")
    label.setProperty("severity", severity)
    label.setText(text)
    label.setVisible(bool(text))
    # a dynamic property change needs a re-polish to restyle
    label.style().unpolish(label)
    label.style().polish(label)
