"""Structured logs: one JSON object per line, never a record's contents (ids, counts, reasons)."""

from __future__ import annotations

import json
import sys
import threading
import time
from typing import Any, TextIO

_lock = threading.Lock()


class JsonLog:
    """Writes events as JSON lines to a stream (stderr by default)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream

    def event(self, name: str, **fields: Any) -> None:
        """Log ``name`` with scalar ``fields`` (callers pass ids, counts and reasons only)."""
        doc = {"ts": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "event": name, **fields}
        line = json.dumps(doc, separators=(",", ":"), ensure_ascii=False, default=str)
        stream = self._stream or sys.stderr
        with _lock:
            stream.write(line + "\n")
            stream.flush()
