"""minisign format: signatures round-trip, every tampering is refused with the right reason."""

from __future__ import annotations

import base64

import pytest

from pp_desktop.sync import minisign
from pp_desktop.sync.errors import BundleRejected, KeyFileError

DATA = b"some ciphertext bytes \x00\x01\x02" * 10


def _lines(sig: bytes) -> list[str]:
    return sig.decode().split("\n")


def test_sign_verify_returns_trusted_comment() -> None:
    key = minisign.SigningKey.generate()
    sig = key.sign(DATA, '{"seq":1}')
    assert minisign.verify(key.public, DATA, sig) == '{"seq":1}'
    assert minisign.signature_key_id(sig) == key.key_id
    assert minisign.unverified_trusted_comment(sig) == '{"seq":1}'


def test_key_id_is_minisign_display_form() -> None:
    key = minisign.SigningKey(bytes(range(8)), bytes(32))
    # minisign prints the key number as a little-endian uint64 in upper-case hex
    assert key.key_id == "0706050403020100"
    assert key.public.to_pub_file().startswith(
        "untrusted comment: minisign public key 0706050403020100\n"
    )


def test_key_round_trips() -> None:
    key = minisign.SigningKey.generate()
    again = minisign.SigningKey.from_bytes(key.to_bytes())
    assert again.public == key.public
    assert minisign.VerifyKey.from_pub_file(key.public.to_pub_file()) == key.public
    assert minisign.VerifyKey.from_b64(key.public.to_b64()) == key.public
    secret = minisign.SigningKey.from_minisign_secret_file(key.to_minisign_secret_file())
    assert secret.to_bytes() == key.to_bytes()


def test_altered_data_is_bad_signature() -> None:
    key = minisign.SigningKey.generate()
    sig = key.sign(DATA, "c")
    with pytest.raises(BundleRejected) as exc:
        minisign.verify(key.public, DATA[:-1] + b"X", sig)
    assert exc.value.reason == "bad-signature"


def test_edited_trusted_comment_is_bad_signature() -> None:
    key = minisign.SigningKey.generate()
    lines = _lines(key.sign(DATA, '{"seq":1}'))
    lines[2] = 'trusted comment: {"seq":2}'
    with pytest.raises(BundleRejected) as exc:
        minisign.verify(key.public, DATA, "\n".join(lines).encode())
    assert exc.value.reason == "bad-signature"
    assert "trusted comment" in exc.value.detail


def test_other_key_is_wrong_key_and_forged_key_number_is_bad_signature() -> None:
    mine, other = minisign.SigningKey.generate(), minisign.SigningKey.generate()
    sig = other.sign(DATA, "c")
    with pytest.raises(BundleRejected) as exc:
        minisign.verify(mine.public, DATA, sig)
    assert exc.value.reason == "wrong-key"
    # another key claiming my key number
    forged = minisign.SigningKey(mine.keynum, other.to_bytes()[8:]).sign(DATA, "c")
    with pytest.raises(BundleRejected) as exc:
        minisign.verify(mine.public, DATA, forged)
    assert exc.value.reason == "bad-signature"


def test_legacy_unhashed_algorithm_is_refused() -> None:
    key = minisign.SigningKey.generate()
    lines = _lines(key.sign(DATA, "c"))
    raw = bytearray(base64.b64decode(lines[1]))
    raw[:2] = b"Ed"
    lines[1] = base64.b64encode(bytes(raw)).decode()
    with pytest.raises(BundleRejected) as exc:
        minisign.verify(key.public, DATA, "\n".join(lines).encode())
    assert exc.value.reason == "malformed"


@pytest.mark.parametrize(
    "mangle",
    [
        lambda s: s[: len(s) // 2],
        lambda s: b"",
        lambda s: s.replace(b"untrusted comment: ", b"untrusted: "),
        lambda s: s.replace(b"trusted comment: ", b"trusted-comment: "),
        lambda s: s + b"extra line\n",
        lambda s: b"\xff\xfe" + s,
        lambda s: s.replace(b"=\n", b"=!\n"),
        lambda s: b"x" * (minisign.MAX_SIG_FILE + 1),
    ],
)
def test_malformed_signature_files(mangle: object) -> None:
    key = minisign.SigningKey.generate()
    sig = key.sign(DATA, "c")
    with pytest.raises(BundleRejected) as exc:
        minisign.verify(key.public, DATA, mangle(sig))  # type: ignore[operator]
    assert exc.value.reason in {"malformed", "too-large"}


def test_malformed_public_keys() -> None:
    for text in ["", "untrusted comment: x\nAAAA\n", "no comment\n" + "A" * 56 + "\n"]:
        with pytest.raises(BundleRejected):
            minisign.VerifyKey.from_pub_file(text)


def test_damaged_secret_key_files() -> None:
    key = minisign.SigningKey.generate()
    text = key.to_minisign_secret_file()
    lines = text.split("\n")
    raw = bytearray(base64.b64decode(lines[1]))
    raw[70] ^= 1  # inside the secret key: the checksum no longer matches
    lines[1] = base64.b64encode(bytes(raw)).decode()
    with pytest.raises(KeyFileError, match="checksum"):
        minisign.SigningKey.from_minisign_secret_file("\n".join(lines))
    raw[70] ^= 1
    raw[2:4] = b"Sc"  # password-protected: we say so rather than fail obscurely
    lines[1] = base64.b64encode(bytes(raw)).decode()
    with pytest.raises(KeyFileError, match="password"):
        minisign.SigningKey.from_minisign_secret_file("\n".join(lines))
    with pytest.raises(KeyFileError):
        minisign.SigningKey.from_bytes(b"short")
