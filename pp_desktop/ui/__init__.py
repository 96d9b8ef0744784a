"""The Qt user interface: the only package that imports PySide6."""

from pp_desktop.ui.pyside_compat import protect_none

protect_none()  # before any widget exists: see pyside_compat
