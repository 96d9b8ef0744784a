"""The HTTP route to HQ (``pp-desktop sync now``): the same bundle bytes as the USB route.

Each bundle travels on its own request, so a broken connection costs at most the bundle in flight:
every bundle HQ applied is recorded there, every downstream bundle the device applied is recorded
here, and the next attempt resumes from those records. Requests have timeouts and are retried with
a bounded exponential back-off; a bundle HQ refuses (422) is not retried. Downstream bundles go
through ``pp_desktop.sync.inbox.import_bundle``: the same verification as the folder route.

The outcome of every attempt is written to ``vault_meta`` (``sync_last_result``; ``last_sync`` on
success), which the status bar and the Sync page read.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy import text

from pp_desktop.services import Services
from pp_desktop.store.vault import utc_now
from pp_desktop.sync import minisign
from pp_desktop.sync.errors import REASONS, BundleRejected, SyncError
from pp_desktop.sync.inbox import import_bundle
from pp_desktop.sync.outbox import build, unsent
from pp_desktop.sync.state import (
    NEEDS_RECONCILE,
    NeedsReconcile,
    get_meta,
    load_identity,
    set_meta,
)

HQ_URL = "sync_hq_url"  # vault_meta: the HQ address last used successfully or given at enrolment
LAST_SYNC = "last_sync"  # vault_meta: UTC time of the last successful sync
LAST_RESULT = "sync_last_result"  # vault_meta: JSON of the last attempt's outcome

Progress = Callable[[int, int, str], None]  # (bundles done, bundles total or 0, text)
Cancelled = Callable[[], bool]


class HqUnreachable(SyncError):
    """HQ did not answer (after the retries)."""

    exit_code = 39
    default_message = "HQ cannot be reached."


class HqRefused(SyncError):
    """HQ answered with an error that retrying does not fix (not a bundle rejection)."""

    exit_code = 39


class SyncCancelled(SyncError):
    """The officer cancelled; what was done so far is kept."""

    exit_code = 39
    default_message = "Sync cancelled."


@dataclass
class SyncReport:
    """What one ``sync now`` did (the GUI and the CLI show it)."""

    ok: bool
    status: str  # "done" | "unreachable" | "rejected" | "cancelled" | "not-enrolled" | "no-hq"
    message: str
    sent: int = 0
    confirmed: int = 0
    received: int = 0
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # (bundle, reason, msg)
    hq_url: str = ""


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries: ``attempts`` tries, waits of ``base_s`` x 2^n capped at ``max_s``."""

    attempts: int = 4
    base_s: float = 0.5
    max_s: float = 8.0


DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=60.0, write=60.0, pool=5.0)
_RETRY_STATUS = {502, 503, 504}


def _signed_headers(
    key: minisign.SigningKey, device: str, method: str, path: str, query: str
) -> dict[str, str]:
    # the scheme of pp_hq.server.auth (documented in docs/sync-protocol.md, "HTTP")
    import secrets

    ts = int(time.time())
    nonce = secrets.token_urlsafe(24)
    msg = "\n".join(("pp-http/v1", method, path, query, device, str(ts), nonce)).encode()
    sig = base64.b64encode(key.sign_raw(msg)).decode("ascii")
    return {"X-PP-Device": device, "X-PP-Time": str(ts), "X-PP-Nonce": nonce, "X-PP-Signature": sig}


class HqClient:
    """A small client for HQ's HTTP routes (one ``httpx.Client``; close it or use ``with``)."""

    def __init__(
        self,
        url: str,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy = RetryPolicy(),
        cancelled: Cancelled | None = None,
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise HqRefused(f"'{url}' is not an HQ address (expected https://host:port).")
        self.url = url.rstrip("/")
        self._prefix = parts.path.rstrip("/")
        self._retry = retry
        self._cancelled = cancelled or (lambda: False)
        self._http = httpx.Client(base_url=self.url, timeout=timeout)

    def __enter__(self) -> HqClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def _send(
        self,
        method: str,
        path: str,
        query: str = "",
        body: dict[str, Any] | None = None,
        signer: tuple[minisign.SigningKey, str] | None = None,
    ) -> httpx.Response:
        last: Exception | None = None
        for attempt in range(self._retry.attempts):
            if attempt:
                self._wait(min(self._retry.max_s, self._retry.base_s * 2 ** (attempt - 1)))
            headers = {}
            if signer is not None:  # a fresh nonce per attempt
                headers = _signed_headers(signer[0], signer[1], method, self._prefix + path, query)
            try:
                r = self._http.request(
                    method, path + (f"?{query}" if query else ""), json=body, headers=headers
                )
            except httpx.TransportError as exc:
                last = exc
                continue
            if r.status_code in _RETRY_STATUS:
                last = HqRefused(f"HQ answered {r.status_code}")
                continue
            return r
        raise HqUnreachable(f"HQ at {self.url} cannot be reached ({_describe(last)}).")

    def _wait(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if self._cancelled():
                raise SyncCancelled()
            time.sleep(min(0.1, max(0.0, end - time.monotonic())))

    def health(self) -> bool:
        """True when HQ answers ``/health`` with 200."""
        return self._send("GET", "/health").status_code == 200

    def upload(self, age: bytes, minisig: bytes) -> dict[str, Any]:
        """Send one bundle; HQ's answer (applied / held / replay) or ``BundleRejected``."""
        body = {"age": _b64(age), "minisig": _b64(minisig)}
        r = self._send("POST", "/v1/bundles", body=body)
        doc = _json(r)
        if r.status_code == 422:
            reason = str(doc.get("reason", "malformed"))
            if reason in REASONS:
                raise BundleRejected(reason, str(doc.get("message", "")))
            raise HqRefused(f"HQ refused the bundle: {doc.get('message', reason)}")
        _ok(r, doc)
        return doc

    def downstream(self, key: minisign.SigningKey, device: str, after: int) -> list[int]:
        """Seqs of HQ's bundles for ``device`` after ``after`` (HQ seals new ones first)."""
        path = f"/v1/devices/{device}/downstream"
        r = self._send("GET", path, query=f"after={after}", signer=(key, device))
        doc = _json(r)
        _ok(r, doc)
        return [int(b["seq"]) for b in doc.get("bundles", [])]

    def fetch(self, key: minisign.SigningKey, device: str, seq: int) -> tuple[bytes, bytes]:
        """One downstream bundle's two files."""
        r = self._send("GET", f"/v1/devices/{device}/downstream/{seq}", signer=(key, device))
        doc = _json(r)
        _ok(r, doc)
        try:
            return (
                base64.b64decode(doc["age"], validate=True),
                base64.b64decode(doc["minisig"], validate=True),
            )
        except (KeyError, TypeError, binascii.Error, ValueError):
            raise HqRefused("HQ sent a damaged answer.") from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _json(r: httpx.Response) -> dict[str, Any]:
    try:
        doc = r.json()
    except ValueError:
        return {}
    return doc if isinstance(doc, dict) else {}


def _ok(r: httpx.Response, doc: dict[str, Any]) -> None:
    if r.status_code == 401:
        raise HqRefused(
            "HQ does not recognise this device yet (is the enrolment accepted, or was the "
            "device revoked?)."
        )
    if r.status_code >= 400:
        raise HqRefused(f"HQ answered {r.status_code}: {doc.get('message', r.reason_phrase)}")


def _describe(exc: Exception | None) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "no answer in time"
    if isinstance(exc, httpx.ConnectError):
        return "connection refused or no network"
    if isinstance(exc, httpx.TransportError):
        return "the connection broke"
    return str(exc) if exc else "no answer"


def hq_reachable(url: str, timeout: float = 3.0) -> bool:
    """True when HQ answers ``GET /health`` with 200 within ``timeout``; never raises."""
    try:
        r = httpx.get(url.rstrip("/") + "/health", timeout=timeout)
    except (httpx.HTTPError, ValueError):
        return False
    return r.status_code == 200


def remembered_url(ctx: Services) -> str | None:
    """The HQ address remembered in the vault (from the enrolment file or the last sync)."""
    with ctx.reading() as conn:
        return get_meta(conn, HQ_URL)


def remember_url(ctx: Services, url: str) -> None:
    """Remember HQ's address in the vault."""
    with ctx.writing() as scope:
        set_meta(scope.conn, HQ_URL, url)


def _last_inbound(ctx: Services) -> int:
    with ctx.reading() as conn:
        n = conn.execute(text("SELECT coalesce(max(seq), 0) FROM sync_inbound")).scalar()
    return int(n or 0)


def _needs_reconcile(ctx: Services) -> bool:
    with ctx.reading() as conn:
        return get_meta(conn, NEEDS_RECONCILE) == "1"


class _Run:
    """One sync attempt's counters and callbacks."""

    def __init__(self, ctx: Services, client: HqClient, progress: Progress, cancelled: Cancelled):
        self.ctx = ctx
        self.client = client
        self.progress = progress
        self.cancelled = cancelled
        self.report = SyncReport(True, "done", "", hq_url=client.url)

    def check_cancel(self) -> None:
        if self.cancelled():
            raise SyncCancelled()

    def send(self) -> None:
        """Seal new changes (unless the vault must reconcile first), send every unsent bundle."""
        try:
            build(self.ctx)
        except NeedsReconcile:
            return
        out = unsent(self.ctx)
        for i, bundle in enumerate(out):
            self.check_cancel()
            self.progress(i, len(out), f"Sending bundle {bundle.seq}")
            try:
                self.client.upload(bundle.age, bundle.minisig)
            except BundleRejected as exc:
                self.report.rejected.append((bundle.names[0], exc.reason, exc.message))
                continue
            self.report.sent += 1
            self.progress(i + 1, len(out), f"sent bundle {bundle.seq}")

    def receive(self, key: minisign.SigningKey, device: str) -> None:
        """Fetch and apply HQ's bundles for this device after the last one held here."""
        while True:
            seqs = self.client.downstream(key, device, _last_inbound(self.ctx))
            if not seqs:
                return
            for i, seq in enumerate(seqs):
                self.check_cancel()
                self.progress(i, len(seqs), f"Receiving bundle {seq} from HQ")
                age, sig = self.client.fetch(key, device, seq)
                try:
                    got = import_bundle(self.ctx, age, sig)
                except BundleRejected as exc:
                    self.report.rejected.append((f"hq-{device}-{seq}.age", exc.reason, exc.message))
                    return  # later bundles would only be held behind it
                self.report.received += 1
                self.report.confirmed += got.receipts
            self.progress(len(seqs), len(seqs), "received")


def sync_now(
    ctx: Services,
    url: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    retry: RetryPolicy = RetryPolicy(),
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
) -> SyncReport:
    """Send every unconfirmed bundle to HQ over HTTP and apply HQ's answers.

    Never raises for a network problem: the report says what happened (nothing is lost, the
    next sync resumes). A restored vault first fetches HQ's state, then sends.
    """
    progress = progress or (lambda _d, _t, _s: None)
    cancelled = cancelled or (lambda: False)
    with ctx.reading() as conn:
        ident = load_identity(conn)
        remembered = get_meta(conn, HQ_URL)
    target = url or remembered
    if ident is None:
        report = SyncReport(
            False, "not-enrolled", "This vault is not enrolled with HQ yet.", hq_url=target or ""
        )
        _record(ctx, report, None)
        return report
    if not target:
        report = SyncReport(
            False,
            "no-hq",
            "No HQ address known: give it with --hq URL (HQ's enrolment file may carry it).",
        )
        _record(ctx, report, None)
        return report
    try:
        client = HqClient(target, timeout=timeout, retry=retry, cancelled=cancelled)
    except HqRefused as exc:
        report = SyncReport(False, "no-hq", exc.message, hq_url=target)
        _record(ctx, report, None)
        return report
    run = _Run(ctx, client, progress, cancelled)
    try:
        with client:
            if _needs_reconcile(ctx):
                run.receive(ident.signer, ident.device_id)
            run.send()
            run.receive(ident.signer, ident.device_id)
            if run.report.sent and _pending_bundles(ctx):
                # a reconciliation during receive re-bundled changes: send them now
                run.send()
                run.receive(ident.signer, ident.device_id)
    except HqUnreachable as exc:
        run.report.ok, run.report.status = False, "unreachable"
        run.report.message = (
            f"{exc.message} Nothing is lost: your changes stay in the vault and go at the next "
            "sync."
        )
    except SyncCancelled:
        run.report.ok, run.report.status = False, "cancelled"
        run.report.message = "Sync cancelled; what was sent or received so far is kept."
    except HqRefused as exc:
        run.report.ok, run.report.status = False, "refused"
        run.report.message = exc.message
    else:
        if run.report.rejected:
            run.report.ok, run.report.status = False, "rejected"
            run.report.message = f"{len(run.report.rejected)} bundle(s) refused; see the list."
        else:
            run.report.message = (
                f"Sync done: {run.report.sent} bundle(s) sent, {run.report.received} received, "
                f"{run.report.confirmed} confirmed by HQ."
            )
    _record(ctx, run.report, target if run.report.ok else None)
    return run.report


def _pending_bundles(ctx: Services) -> bool:
    with ctx.reading() as conn:
        n = conn.execute(
            text("SELECT count(*) FROM sync_outbound WHERE receipt_at IS NULL AND age IS NOT NULL")
        ).scalar()
        j = conn.execute(
            text("SELECT count(*) FROM sync_journal WHERE bundle_seq IS NULL")
        ).scalar()
    return bool(n) or bool(j)


def _record(ctx: Services, report: SyncReport, good_url: str | None) -> None:
    """Write the attempt's outcome (and, on success, the time and the address) in one go."""
    at = utc_now()
    doc = {k: v for k, v in asdict(report).items() if k in ("status", "message", "sent")}
    doc.update(at=at, confirmed=report.confirmed, received=report.received)
    with ctx.writing() as scope:
        set_meta(scope.conn, LAST_RESULT, json.dumps(doc, sort_keys=True, separators=(",", ":")))
        if report.ok:
            set_meta(scope.conn, LAST_SYNC, at)
        if good_url:
            set_meta(scope.conn, HQ_URL, good_url)


def enrol_and_remember(ctx: Services, path: Path) -> Any:
    """Enrol from the file (``device.enrol``) and remember the HQ address it carries."""
    from pp_desktop.sync.device import enrol
    from pp_desktop.sync.enrolment_file import EnrolmentFile

    done = enrol(ctx, path)
    url = EnrolmentFile.read(path).hq_url
    if url:
        remember_url(ctx, url)
    return done
