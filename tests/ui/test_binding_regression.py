"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call and aborts the
process after some tens of thousands of calls ("Fatal Python error: none_dealloc"). The
dependency is pinned below 6.12 for that; this test proves the installed binding survives."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range(200_000):
    label.setText(str(i % 7))
print("survived", sys.getrefcount(None))
"""


def test_many_void_calls_do_not_abort_the_process() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert "survived" in r.stdout
