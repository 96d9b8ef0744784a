"""Hybrid logical clock: wall time + counter + device, sortable as text (DESIGN §4, §5)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

MAX_SKEW_MS = 24 * 3600 * 1000  # a remote clock more than a day ahead is clamped and flagged
_COUNTER_LIMIT = 99_999


def format_hlc(wall_ms: int, counter: int, device: str) -> str:
    """``0001764316800000-00003-<device id>``: text order is clock order."""
    return f"{wall_ms:013d}-{counter:05d}-{device}"


def parse_hlc(value: str) -> tuple[int, int, str]:
    """(wall ms, counter, device) of an HLC string."""
    wall, counter, device = value.split("-", 2)
    return int(wall), int(counter), device


class HybridClock:
    """Issues strictly increasing HLC values for one device."""

    def __init__(
        self, device: str, last: str | None = None, wall: Callable[[], float] = time.time
    ) -> None:
        self.device = device
        self._wall = wall
        self._lock = threading.Lock()
        self._ms, self._counter = (0, 0)
        if last:
            self._ms, self._counter, _ = parse_hlc(last)

    def _now_ms(self) -> int:
        return int(self._wall() * 1000)

    def _advance(self, floor_ms: int) -> None:
        if floor_ms > self._ms:
            self._ms, self._counter = floor_ms, 0
        elif self._counter < _COUNTER_LIMIT:
            self._counter += 1
        else:  # counter exhausted within one millisecond: borrow the next one
            self._ms, self._counter = self._ms + 1, 0

    def now(self) -> str:
        """A new timestamp, later than every one issued or observed before."""
        with self._lock:
            self._advance(self._now_ms())
            return format_hlc(self._ms, self._counter, self.device)

    def batch(self, n: int) -> list[str]:
        """``n`` increasing timestamps at once (the bulk path)."""
        with self._lock:
            out = []
            floor = self._now_ms()
            for _ in range(n):
                self._advance(floor)
                out.append(format_hlc(self._ms, self._counter, self.device))
            return out

    def observe(self, remote: str) -> bool:
        """Merge a remote timestamp; returns False (and ignores the excess) when it was more
        than a day ahead of this clock, so one laptop with a wrong clock cannot win every
        conflict."""
        ms, counter, _ = parse_hlc(remote)
        with self._lock:
            local = self._now_ms()
            ok = ms <= local + MAX_SKEW_MS
            ms = min(ms, local + MAX_SKEW_MS)
            if ms > self._ms or (ms == self._ms and counter > self._counter):
                self._ms, self._counter = ms, min(counter, _COUNTER_LIMIT)
            return ok

    @property
    def last(self) -> str:
        """The last timestamp issued or observed (persisted in the vault)."""
        return format_hlc(self._ms, self._counter, self.device)
