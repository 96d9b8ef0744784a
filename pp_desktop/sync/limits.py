"""Size and count caps of bundles: what a sender chunks to and what a receiver refuses.

A bundle is refused as ``too-large`` before anything is allocated for it: the ciphertext and
signature sizes are checked on the raw files, and the body is decompressed with an output bound,
so a compression bomb stops at the cap instead of filling memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from pp_desktop.models import MAX_ATTACHMENT_BYTES

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Caps checked when reading a bundle (receiver) and used to chunk (sender)."""

    # Raw files. One attachment (10 MiB) travels base64 (x4/3) in a single change: it must fit.
    max_age_bytes: int = 24 * MiB
    max_sig_bytes: int = 16 * 1024
    max_comment_bytes: int = 4096  # the header in the trusted comment (minisign allows 8 KiB)
    # Decompressed body (JSON lines) and items.
    max_body_bytes: int = 32 * MiB
    max_items: int = 10_000
    # What a sender aims for (well under the reading caps, so every sealed bundle is readable).
    chunk_items: int = 5_000
    chunk_bytes: int = 10 * MiB


DEFAULT_LIMITS = Limits()

# A single change bigger than this cannot travel (its own bundle would exceed the body cap).
MAX_ITEM_BYTES = DEFAULT_LIMITS.max_body_bytes - 1024
assert MAX_ATTACHMENT_BYTES * 4 // 3 + 64 * 1024 < MAX_ITEM_BYTES
