"""What every benchmark shares: result rows, timing with repeats, vault helpers, peak RSS."""

from __future__ import annotations

import resource
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pp_desktop.store import OfficerProfile, Vault

PASSPHRASE = "benchmark passphrase: correct horse battery staple"
PROFILE = OfficerProfile("Benchmark Officer", "TJK", "bench-laptop")


@dataclass
class Result:
    """One line of the table.

    ``kind`` "ratio": ``baseline`` and ``candidate`` are seconds, the value is their ratio.
    ``kind`` "time": ``candidate`` is seconds, compared with ``budget`` seconds.
    """

    name: str
    kind: str
    budget: float
    candidate: float
    baseline: float | None = None
    samples: dict[str, list[float]] = field(default_factory=dict)
    context: list[str] = field(default_factory=list)
    ok: bool | None = None  # None: decided by value <= budget
    note: str = ""
    paired: list[float] = field(default_factory=list)  # ratios of runs made side by side

    @property
    def value(self) -> float:
        """The ratio or the time that the budget applies to (a ratio: the median of the paired
        ratios when there are some, which cancels the machine's drift between pairs)."""
        if self.kind == "ratio":
            if self.paired:
                return statistics.median(self.paired)
            assert self.baseline
            return self.candidate / self.baseline
        return self.candidate

    @property
    def passed(self) -> bool:
        """Within budget (and not failed for another reason, e.g. rows differ)."""
        return self.value <= self.budget and self.ok is not False

    def as_json(self) -> dict[str, Any]:
        """The JSON form written to results/latest.json."""
        return {
            "name": self.name,
            "kind": self.kind,
            "baseline_s": self.baseline,
            "candidate_s": self.candidate,
            "value": self.value,
            "budget": self.budget,
            "unit": "x" if self.kind == "ratio" else "s",
            "pass": self.passed,
            "samples_s": self.samples,
            "paired_ratios": self.paired,
            "context": self.context,
            "note": self.note,
        }


def log(msg: str) -> None:
    """Progress on stderr (the table goes to stdout)."""
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def repeat(fn: Callable[[], Any], n: int) -> list[float]:
    """Seconds of ``n`` calls."""
    return [timed(fn)[0] for _ in range(n)]


def best(samples: list[float]) -> float:
    """The statistic the table reports: the best run (noise only ever adds time)."""
    return min(samples)


def median(samples: list[float]) -> float:
    """Median, for context lines."""
    return statistics.median(samples)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def create_template(folder: Path) -> Path:
    """A new locked vault (default Argon2id, migrations, reference data) to copy from."""
    vault, _recovery = Vault.create(folder, PASSPHRASE, PROFILE)
    vault.lock()
    return folder


def copy_vault(template: Path, target: Path) -> Vault:
    """A fresh copy of ``template`` at ``target``, unlocked (same settings, same schema)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target)
    return Vault.unlock(target, PASSPHRASE)
