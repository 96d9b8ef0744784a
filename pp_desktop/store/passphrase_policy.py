"""Passphrase policy (at least 12 characters, not a common password) and a strength meter.

Commonness and strength come from zxcvbn, which matches against lists of leaked passwords,
dictionary words, keyboard patterns, dates and repeats: a passphrase it can guess in fewer
than 10^8 attempts (score below 3) counts as common.
"""

from __future__ import annotations

from dataclasses import dataclass

from zxcvbn import zxcvbn

from pp_desktop.store.errors import WeakPassphrase

MIN_LENGTH = 12
MIN_SCORE = 3  # zxcvbn: 3 = "safely unguessable: moderate protection from offline slow-hash attack"
_LABELS = ("very weak", "weak", "fair", "good", "strong")


@dataclass(frozen=True)
class Strength:
    """What the strength meter shows."""

    score: int  # 0..4
    label: str
    warning: str
    suggestions: tuple[str, ...]


def strength(passphrase: str) -> Strength:
    """Estimate the strength of ``passphrase`` (zxcvbn looks at the first 100 characters)."""
    if not passphrase:
        return Strength(0, _LABELS[0], "", ())
    result = zxcvbn(passphrase[:100])
    score = int(result["score"])
    feedback = result.get("feedback") or {}
    return Strength(
        score=score,
        label=_LABELS[score],
        warning=str(feedback.get("warning") or ""),
        suggestions=tuple(str(s) for s in feedback.get("suggestions") or ()),
    )


def policy_problem(passphrase: str) -> str | None:
    """Return why ``passphrase`` is refused, or None when it meets the policy."""
    if len(passphrase) < MIN_LENGTH:
        return f"The passphrase must have at least {MIN_LENGTH} characters."
    estimate = strength(passphrase)
    if estimate.score < MIN_SCORE:
        hint = estimate.warning or "It is too easy to guess."
        return f"That passphrase is too common or predictable: {hint} Use several unrelated words."
    return None


def check_passphrase(passphrase: str) -> None:
    """Raise :class:`WeakPassphrase` when ``passphrase`` does not meet the policy."""
    problem = policy_problem(passphrase)
    if problem:
        raise WeakPassphrase(problem)
