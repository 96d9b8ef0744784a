"""Fixtures of the HQ tests (imported by the sync tests too)."""

from __future__ import annotations

from tests.hq.fixtures import alpha, bravo, hq, usb  # noqa: F401
from tests.hq.pg_fixture import hq_db_url  # noqa: F401
