"""The binding defect that would abort the process after enough widget calls (pyside_compat)."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QLabel

from pp_desktop.ui.pyside_compat import binding_drops_none_references, protect_none


def test_many_void_calls_do_not_use_up_none(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(50_000):
        label.setText(str(i % 7))  # a void method: the defect costs one reference per call
    if binding_drops_none_references():
        assert before > 1 << 39  # protected when pp_desktop.ui was imported
        assert protect_none()
    assert sys.getrefcount(None) > 1_000
