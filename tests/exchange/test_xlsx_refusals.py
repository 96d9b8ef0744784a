"""Files the import refuses, each with a message an officer can act on; nothing is written."""

from __future__ import annotations

import shutil
import struct
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from pp_desktop.exchange.excel.errors import ImportRefused
from pp_desktop.exchange.excel.preview import preview_import
from pp_desktop.exchange.excel.reader import Limits
from pp_desktop.services import Services
from tests.exchange.test_excel_support import audit_count, export, fill

FREE, END, FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _dir_entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0" if name else b""
    entry = raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1 if name else 0)
    entry += struct.pack("<III", FREE, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
    return entry + struct.pack("<IQ", start, size)


def encrypted_office_file(path: Path) -> None:
    """An OLE compound file laid out as Office lays out a password-protected xlsx (the
    EncryptionInfo and EncryptedPackage streams), built here byte by byte (CFB v3)."""
    info, package = b"\x04\x00\x04\x00" + b"\0" * 4092, b"\0" * 4096
    header = bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", FREE) * 108
    fat = [FAT, END, *range(3, 10), END, *range(11, 18), END]
    fat += [FREE] * (128 - len(fat))
    directory = (
        _dir_entry("Root Entry", 5, FREE, 1, END, 0)
        + _dir_entry("EncryptionInfo", 2, 2, FREE, 2, len(info))
        + _dir_entry("EncryptedPackage", 2, FREE, FREE, 10, len(package))
        + _dir_entry("", 0, FREE, FREE, 0, 0)
    )
    path.write_bytes(header + struct.pack("<128I", *fat) + directory + info + package)


@pytest.fixture
def exported(ctx: Services, tmp_path: Path) -> Path:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    export(ctx, out, entities=["seizure"])
    return out


def refused(ctx: Services, path: Path, match: str, limits: Limits | None = None) -> None:
    audits = audit_count(ctx)
    with pytest.raises(ImportRefused, match=match):
        preview_import(ctx, path, limits=limits)
    assert audit_count(ctx) == audits


def test_macro_workbook_by_extension(ctx: Services, exported: Path, tmp_path: Path) -> None:
    target = tmp_path / "e.xlsm"
    shutil.copy(exported, target)
    refused(ctx, target, "macro-enabled")


def test_macro_project_inside_an_xlsx(ctx: Services, exported: Path) -> None:
    with zipfile.ZipFile(exported, "a") as zf:
        zf.writestr("xl/vbaProject.bin", b'Attribute VB_Name = "Module1"')
    refused(ctx, exported, "contains macros")


def test_password_protected_workbook(ctx: Services, tmp_path: Path) -> None:
    target = tmp_path / "protected.xlsx"
    encrypted_office_file(target)
    refused(ctx, target, "protected by a password")


def test_not_an_xlsx(ctx: Services, tmp_path: Path) -> None:
    text = tmp_path / "notes.xlsx"
    text.write_text("date;country\n2026-01-01;TJK\n", encoding="utf-8")
    refused(ctx, text, "not an Excel workbook")
    other_zip = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(other_zip, "w") as zf:
        zf.writestr("photo.txt", "not a workbook")
    refused(ctx, other_zip, "zip file but not an Excel workbook")


def test_damaged_workbook(ctx: Services, exported: Path) -> None:
    data = exported.read_bytes()
    exported.write_bytes(data[: len(data) // 2])
    refused(ctx, exported, "damaged|cannot be read")


def test_size_cap(ctx: Services, exported: Path) -> None:
    refused(ctx, exported, "files up to", Limits(max_bytes=1000))


def test_row_cap(ctx: Services, exported: Path) -> None:
    refused(ctx, exported, "an import takes up to 10", Limits(max_rows=10))


def test_missing_file(ctx: Services, tmp_path: Path) -> None:
    refused(ctx, tmp_path / "nowhere.xlsx", "no such file")


def test_a_workbook_without_records(ctx: Services, tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["Quarterly budget", 2026])
    path = tmp_path / "budget.xlsx"
    wb.save(path)
    refused(ctx, path, "no sheet of records")
