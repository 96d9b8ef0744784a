"""The standard tools read our bundles, and our code reads theirs (real `minisign` and `age`)."""

from __future__ import annotations

import subprocess
import zlib
from pathlib import Path

from pp_desktop.sync import agecrypt, bundle, minisign

DEVICE = "dev-interop"


def _run(*args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(a) for a in args], input=stdin, capture_output=True, timeout=60)


def _sealed_on_disk(folder: Path) -> tuple[bundle.Sealed, minisign.SigningKey, str]:
    key = minisign.SigningKey.generate()
    identity, recipient = agecrypt.new_identity()
    items = [
        {
            "t": "change",
            "entity": "seizure",
            "id": f"id-{n}",
            "version": 1,
            "hlc": f"{n:013d}-00000-{DEVICE}",
            "base_version": 0,
            "base_hlc": "",
            "fields": {"country": "AFG", "quantity": n + 0.5, "notes": "Героин"},
            "deleted": False,
        }
        for n in range(50)
    ]
    sealed = bundle.seal(
        kind="up",
        sender=DEVICE,
        seq=3,
        prev="",
        audit_head="a" * 64,
        items=items,
        signer=key,
        recipients=[recipient],
    )
    age_name, sig_name = sealed.names
    (folder / age_name).write_bytes(sealed.age)
    (folder / sig_name).write_bytes(sealed.minisig)
    (folder / "device.pub").write_text(key.public.to_pub_file())
    (folder / "hq.key").write_text(identity + "\n")
    return sealed, key, identity


def test_minisign_verifies_our_bundle_and_prints_the_header(tmp_path: Path) -> None:
    sealed, _key, _identity = _sealed_on_disk(tmp_path)
    age_file = tmp_path / sealed.names[0]
    out = _run("minisign", "-V", "-p", tmp_path / "device.pub", "-m", age_file)
    assert out.returncode == 0, out.stderr
    assert f"Trusted comment: {sealed.header.to_comment()}" in out.stdout.decode()
    # a flipped byte: the real tool refuses it too
    bad = bytearray(sealed.age)
    bad[len(bad) // 2] ^= 1
    age_file.write_bytes(bytes(bad))
    out = _run("minisign", "-V", "-p", tmp_path / "device.pub", "-m", age_file)
    assert out.returncode != 0


def test_age_decrypts_our_bundle(tmp_path: Path) -> None:
    sealed, _key, _identity = _sealed_on_disk(tmp_path)
    out = _run("age", "-d", "-i", tmp_path / "hq.key", tmp_path / sealed.names[0])
    assert out.returncode == 0, out.stderr
    plain = out.stdout
    assert plain.startswith(bundle.MAGIC)
    end = plain.index(b"\n", len(bundle.MAGIC))
    lines = zlib.decompress(plain[end + 1 :]).split(b"\n")
    assert len(lines) == 50 and "Героин" in lines[0].decode()


def test_we_read_what_age_encrypts_and_age_reads_what_we_encrypt(tmp_path: Path) -> None:
    keygen = _run("age-keygen")
    identity = next(
        line for line in keygen.stdout.decode().splitlines() if line.startswith("AGE-SECRET")
    )
    recipient = agecrypt.recipient_of(identity)
    ct = _run("age", "-r", recipient, stdin=b"from the age tool").stdout
    assert agecrypt.decrypt(ct, identity) == b"from the age tool"
    (tmp_path / "id").write_text(identity + "\n")
    (tmp_path / "ct").write_bytes(agecrypt.encrypt(b"from pyrage", [recipient]))
    assert _run("age", "-d", "-i", tmp_path / "id", tmp_path / "ct").stdout == b"from pyrage"


def test_minisign_made_key_and_signature_verify_with_our_code(tmp_path: Path) -> None:
    pub, sec, msg = tmp_path / "k.pub", tmp_path / "k.key", tmp_path / "msg"
    made = _run("minisign", "-G", "-W", "-p", pub, "-s", sec)
    assert made.returncode == 0, made.stderr
    msg.write_bytes(b"signed by the minisign tool\n")
    signed = _run("minisign", "-S", "-s", sec, "-m", msg, "-t", "tool comment")
    assert signed.returncode == 0, signed.stderr
    key = minisign.VerifyKey.from_pub_file(pub.read_text())
    sig = (tmp_path / "msg.minisig").read_bytes()
    assert minisign.verify(key, msg.read_bytes(), sig) == "tool comment"
    # and the tool's secret key file signs with our code, checked by the tool
    ours = minisign.SigningKey.from_minisign_secret_file(sec.read_text())
    assert ours.public == key
    (tmp_path / "msg.minisig").write_bytes(ours.sign(msg.read_bytes(), "our comment"))
    out = _run("minisign", "-V", "-p", pub, "-m", msg)
    assert out.returncode == 0 and b"our comment" in out.stdout


def test_our_secret_key_file_works_with_the_tool(tmp_path: Path) -> None:
    key = minisign.SigningKey.generate()
    sec, msg = tmp_path / "ours.key", tmp_path / "msg"
    sec.write_text(key.to_minisign_secret_file())
    msg.write_bytes(b"data")
    signed = _run("minisign", "-S", "-s", sec, "-m", msg, "-t", "by the tool with our key")
    assert signed.returncode == 0, signed.stderr
    sig = (tmp_path / "msg.minisig").read_bytes()
    assert minisign.verify(key.public, b"data", sig) == "by the tool with our key"
