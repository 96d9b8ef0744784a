"""The FastAPI application: enrolment and bundle upload, downstream bundles, root, health.

Routes (JSON; bundle bytes travel base64 so both files of a bundle arrive together or not at all):

* ``GET  /health`` - 200 once HQ's keys and database are open.
* ``GET  /v1/root`` - HQ's current root document (public: devices check it against the pin).
* ``POST /v1/bundles`` - ``{"age": b64, "minisig": b64}``: a device bundle (an enrolment is the
  device's first bundle). Verified and applied by ``pp_hq.exchange.receive_bytes``; the answer
  says applied / held / replay, a rejection is 422 with the reason code. The bundle is its own
  authentication (signature by the enrolled key, or the enrolment token's proof).
* ``GET  /v1/devices/{id}/downstream?after=N`` - signed request (``pp_hq.server.auth``): HQ seals
  what is new for the device, then lists its downstream bundles after seq N.
* ``GET  /v1/devices/{id}/downstream/{seq}`` - signed request: one downstream bundle.
"""

from __future__ import annotations

import base64
import binascii
import json
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from pp_desktop.sync.errors import BundleRejected
from pp_desktop.sync.limits import DEFAULT_LIMITS
from pp_hq.context import Hq
from pp_hq.db import hq_device, hq_outbound, lock_writes
from pp_hq.downstream import build_for
from pp_hq.exchange import receive_bytes
from pp_hq.server import auth
from pp_hq.server.logs import JsonLog

# base64 of the largest bundle and signature, plus the JSON around them
MAX_UPLOAD_BYTES = (DEFAULT_LIMITS.max_age_bytes + DEFAULT_LIMITS.max_sig_bytes) * 4 // 3 + 4096
MAX_BUILD_PER_REQUEST = 64  # downstream bundles sealed per fetch (the device asks again)
LIST_LIMIT = 256


class _Writers:
    """Serialises writes: one writer at a time for SQLite (its own rule), one per device
    elsewhere (two fetches of the same device must not race for the next downstream seq)."""

    def __init__(self, dialect: str) -> None:
        self._global = threading.Lock() if dialect == "sqlite" else None
        self._per: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    @contextmanager
    def hold(self, device: str) -> Iterator[None]:
        if self._global is not None:
            with self._global:
                yield
            return
        with self._guard:
            lock = self._per.setdefault(device, threading.Lock())
        with lock:
            yield


def _error(status: int, reason: str, message: str) -> JSONResponse:
    return JSONResponse({"reason": reason, "message": message}, status_code=status)


async def _read_capped(request: Request, cap: int) -> bytes | None:
    """The request body, or None once it passes ``cap`` (a lying Content-Length included)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > cap:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _decode_upload(body: bytes) -> tuple[bytes, bytes] | None:
    try:
        doc = json.loads(body)
        if not isinstance(doc, dict) or set(doc) != {"age", "minisig"}:
            return None
        age = base64.b64decode(doc["age"], validate=True)
        sig = base64.b64decode(doc["minisig"], validate=True)
    except (ValueError, TypeError, binascii.Error, RecursionError):
        return None
    return age, sig


def create_app(
    home: Path,
    url: str | None = None,
    passphrase: str | None = None,
    log: JsonLog | None = None,
    hq_factory: Callable[[], Hq] | None = None,
) -> FastAPI:
    """The HQ application over ``home`` (database ``url``; SQLite in the home by default)."""
    log = log or JsonLog()
    state: dict[str, Any] = {}
    nonces = auth.NonceCache()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        hq = hq_factory() if hq_factory else Hq(home, url=url, passphrase=passphrase)
        state["hq"] = hq
        state["writers"] = _Writers(hq.engine.dialect.name)
        log.event("ready", db=hq.engine.dialect.name, root_version=hq.keys.root.version)
        try:
            yield
        finally:
            hq.dispose()
            log.event("stopped")

    app = FastAPI(title="pp-hq", lifespan=lifespan, docs_url=None, redoc_url=None)

    def hq_() -> Hq:
        return state["hq"]  # type: ignore[no-any-return]

    @app.middleware("http")
    async def access_log(request: Request, call_next: Any) -> Response:
        started = time.perf_counter()
        response: Response = await call_next(request)
        log.event(
            "request",
            method=request.method,
            path=request.url.path,
            status=response.status_code,
            ms=round((time.perf_counter() - started) * 1000, 1),
            client=request.client.host if request.client else "",
        )
        return response

    @app.get("/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "root_version": hq_().keys.root.version}

    @app.get("/v1/root")
    def root() -> dict[str, Any]:
        doc = hq_().keys.root
        return {"document": doc.to_dict(), "fingerprint": doc.fingerprint()}

    @app.post("/v1/bundles")
    async def upload(request: Request) -> Response:
        body = await _read_capped(request, MAX_UPLOAD_BYTES)
        if body is None:
            log.event("rejected", reason="too-large")
            return _error(413, "too-large", "The bundle is larger than HQ accepts.")
        pair = _decode_upload(body)
        if pair is None:
            return _error(400, "malformed", "Expected JSON with base64 'age' and 'minisig'.")
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(_receive, pair[0], pair[1])

    def _receive(age: bytes, sig: bytes) -> Response:
        hq = hq_()
        try:
            from pp_desktop.sync import bundle

            sender = bundle.read_outer(age, sig).sender
        except BundleRejected as exc:
            log.event("rejected", reason=exc.reason)
            return _error(422, exc.reason, exc.message)
        try:
            with state["writers"].hold(sender):
                got = receive_bytes(hq, age, sig)
        except BundleRejected as exc:
            log.event("rejected", device=sender, reason=exc.reason)
            return _error(422, exc.reason, exc.message)
        except OperationalError:
            log.event("busy", device=sender)
            return _error(503, "busy", "HQ's database is busy; try again.")
        log.event(
            "bundle", device=got.device, seq=got.seq, status=got.status, applied=len(got.applied)
        )
        return JSONResponse(
            {
                "status": got.status,
                "device": got.device,
                "seq": got.seq,
                "hash": got.hash,
                "applied": got.applied,
            }
        )

    def _authenticate(request: Request, device: str) -> str | JSONResponse:
        headers = {k.lower(): v for k, v in request.headers.items()}
        with hq_().engine.connect() as conn:
            row = conn.execute(
                select(hq_device.c.sign_pub, hq_device.c.revoked_at).where(hq_device.c.id == device)
            ).first()
        sign_pub = None if row is None or row[1] is not None else row[0]
        try:
            who = auth.check(
                headers,
                request.method,
                request.url.path,
                request.url.query,
                sign_pub,
                nonces,
            )
        except auth.AuthError as exc:
            log.event("unauthorised", device=device, reason=exc.reason)
            return _error(401, exc.reason, "The request is not signed by this enrolled device.")
        if who != device:
            return _error(401, "wrong-device", "The request is signed for another device.")
        return who

    @app.get("/v1/devices/{device}/downstream")
    def downstream_list(device: str, request: Request, after: int = 0) -> Response:
        who = _authenticate(request, device)
        if isinstance(who, JSONResponse):
            return who
        hq = hq_()
        built = 0
        try:
            with state["writers"].hold(device):
                while built < MAX_BUILD_PER_REQUEST:
                    with hq.engine.begin() as conn:
                        lock_writes(conn)  # HQ's rule for every write transaction (pp_hq.db)
                        if build_for(conn, hq, device) is None:
                            break
                    built += 1
        except OperationalError:
            return _error(503, "busy", "HQ's database is busy; try again.")
        with hq.engine.connect() as conn:
            rows = conn.execute(
                select(hq_outbound.c.seq, hq_outbound.c.bundle_hash)
                .where(hq_outbound.c.device == device, hq_outbound.c.seq > after)
                .order_by(hq_outbound.c.seq)
                .limit(LIST_LIMIT)
            ).all()
        log.event("downstream", device=device, built=built, listed=len(rows), after=after)
        return JSONResponse(
            {"bundles": [{"seq": int(r[0]), "hash": str(r[1])} for r in rows], "more": built}
        )

    @app.get("/v1/devices/{device}/downstream/{seq}")
    def downstream_one(device: str, seq: int, request: Request) -> Response:
        who = _authenticate(request, device)
        if isinstance(who, JSONResponse):
            return who
        with hq_().engine.connect() as conn:
            row = conn.execute(
                select(hq_outbound.c.age, hq_outbound.c.minisig).where(
                    hq_outbound.c.device == device, hq_outbound.c.seq == seq
                )
            ).first()
        if row is None:
            return _error(404, "no-bundle", f"No downstream bundle {seq} for {device}.")
        return JSONResponse(
            {
                "age": base64.b64encode(bytes(row[0])).decode("ascii"),
                "minisig": base64.b64encode(bytes(row[1])).decode("ascii"),
            }
        )

    return app
