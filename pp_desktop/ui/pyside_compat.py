"""Work-arounds for defects of the Qt binding that the application cannot live with.

PySide6 6.12.0 on Python 3.11 returns ``None`` from every void method (``setText``,
``update``, ``processEvents``…) without taking a reference to it. Each call lowers ``None``'s
reference count by one; after some tens of thousands of calls it reaches zero and the process
aborts ("Fatal Python error: none_dealloc"). On Python 3.12+ ``None`` is immortal and the
defect is harmless; PySide6 6.11 does not have it. Until the dependency is pinned past it,
:func:`protect_none` gives ``None`` the immortality Python 3.12 gives it: a reference count so
large that no run of the application can use it up.
"""

from __future__ import annotations

import ctypes
import platform
import sys

import PySide6

# ~10^12 void calls: centuries of clicking.
_BALLAST = 1 << 40


def binding_drops_none_references() -> bool:
    """True when this PySide6 / Python pair has the missing-reference defect."""
    version = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    return (
        sys.version_info < (3, 12)
        and version >= (6, 12)
        and platform.python_implementation() == "CPython"
    )


def protect_none() -> bool:
    """Raise ``None``'s reference count out of reach when needed; True when it did."""
    if not binding_drops_none_references():
        return False
    # ob_refcnt is the first field of every CPython object (a Py_ssize_t at id(obj)).
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _BALLAST:
        refcount.value += _BALLAST
    return True
