"""Device enrolment: keys made and kept inside the encrypted vault, typed errors for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from pp_desktop.services import Services
from pp_desktop.store import Vault
from pp_desktop.sync import device
from pp_desktop.sync.errors import EnrolmentFileError
from pp_desktop.sync.state import NotEnrolled, load_identity, status
from pp_hq.context import Hq
from pp_hq.registry import add_device
from tests.hq.fixtures import *  # noqa: F403 (the real HQ, folder and device fixtures)
from tests.hq.helpers import PASSPHRASE, Device, new_vault


def test_enrolment_keeps_the_keys_inside_the_encrypted_vault(hq: Hq, alpha: Device) -> None:
    with alpha.ctx.reading() as conn:
        ident = load_identity(conn)
    assert ident is not None
    assert ident.root_fingerprint == hq.keys.root.fingerprint()
    assert ident.age_identity.startswith("AGE-SECRET-KEY-1")
    alpha.vault.lock()
    secret = ident.age_identity.encode()
    for f in alpha.folder.iterdir():  # database, WAL, key files: no plaintext secret anywhere
        if f.is_file():
            assert secret not in f.read_bytes(), f.name
    v = Vault.unlock(alpha.folder, PASSPHRASE)
    alpha.vault, alpha.ctx = v, Services(v)
    s = status(alpha.ctx)
    assert s["enrolled"] and s["unsent_bundles"] == 1  # the enrolment request waits


def test_enrolment_refuses_a_damaged_file_and_a_second_enrolment(
    hq: Hq, alpha: Device, template_vault: tuple[Path, str], tmp_path: Path
) -> None:
    good = tmp_path / "e.enrol"
    add_device(hq, "delta", good)
    damaged = tmp_path / "damaged.enrol"
    damaged.write_bytes(good.read_bytes().replace(b'"delta"', b'"Delta"'))
    v, ctx = new_vault(template_vault[0], tmp_path / "v")
    with pytest.raises(EnrolmentFileError):
        device.enrol(ctx, damaged)
    assert status(ctx)["enrolled"] is False  # nothing half-written
    with pytest.raises(NotEnrolled):
        device.export(ctx, tmp_path)
    with pytest.raises(device.AlreadyEnrolled):
        device.enrol(alpha.ctx, good)
    v.lock()
