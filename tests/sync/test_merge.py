"""The three-way field merge (pure) and HLC clamping, with real vault records for the latter."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from pp_desktop.services import Services
from pp_desktop.services import records as rec
from pp_desktop.services.hlc import MAX_SKEW_MS, format_hlc
from pp_desktop.services.merge import (
    CONFLICT,
    FAST_FORWARD,
    INSERT,
    MERGE,
    SKIP,
    Change,
    Local,
    clamp_hlc,
    merged_version,
    plan,
)
from pp_desktop.services.remote import apply_remote

H1, H2, H3 = "0001000000000-00000-a", "0001000000001-00000-b", "0001000000002-00000-a"


def change(**kw: object) -> Change:
    base = dict(
        entity="project", id="p", version=3, hlc=H2, base_version=2, base_hlc=H1,
        fields={"title": "theirs"}, deleted=False,
    )  # fmt: skip
    base.update(kw)
    return Change(**base)  # type: ignore[arg-type]


def test_insert_skip_and_fast_forward() -> None:
    assert plan(None, change()).action == INSERT
    same = Local(3, H2, {"title": "theirs"}, False)
    assert plan(same, change()).action == SKIP
    at_base = Local(2, H1, {"title": "old", "budget": 1.0}, False)
    p = plan(at_base, change())
    assert (p.action, p.write) == (FAST_FORWARD, {"title": "theirs"})
    assert merged_version(at_base, change(), p.action) == 3


def test_same_version_number_with_another_hlc_is_not_the_base() -> None:
    # two devices each turned v2 into a different v3: the base names (version, hlc) together
    other_v2 = Local(2, "0000999999999-00000-z", {"title": "mine"}, False)
    p = plan(other_v2, change(), frozenset({"title"}))
    assert p.action == CONFLICT


def test_disjoint_fields_merge_and_overlap_conflicts() -> None:
    local = Local(3, H3, {"title": "old", "budget": 5.0}, False)
    p = plan(local, change(fields={"title": "theirs"}), frozenset({"budget"}))
    assert (p.action, p.write) == (MERGE, {"title": "theirs"})
    assert merged_version(local, change(), MERGE) == 4
    p = plan(local, change(fields={"title": "theirs"}), frozenset({"title"}))
    assert (p.action, p.conflict_fields) == (CONFLICT, ("title",))
    assert p.write == {}  # mine (H3) is later than theirs (H2): mine stays provisionally
    p = plan(local, change(fields={"title": "old"}), frozenset({"title"}))
    assert p.action == MERGE  # both sides wrote the same value: no conflict


def test_delete_against_edit_is_a_conflict_decided_by_the_later_hlc() -> None:
    edited = Local(3, H1, {"title": "mine"}, False)
    p = plan(edited, change(deleted=True, fields={}, hlc=H3), frozenset({"title"}))
    assert (p.action, p.delete_conflict, p.deleted) == (CONFLICT, True, True)
    deleted = Local(3, H3, {"title": "x"}, True)
    p = plan(deleted, change(), frozenset(), mine_deleted=True)
    assert (p.action, p.delete_conflict, p.deleted) == (CONFLICT, True, True)


def test_a_clock_more_than_a_day_ahead_is_clamped_before_it_competes() -> None:
    now = 1_800_000_000_000
    far = format_hlc(now + 3 * MAX_SKEW_MS, 0, "b")
    clamped, flagged = clamp_hlc(far, now)
    assert flagged and clamped == format_hlc(now + MAX_SKEW_MS, 0, "b")
    assert clamp_hlc(format_hlc(now, 0, "b"), now) == (format_hlc(now, 0, "b"), False)
    mine = Local(3, format_hlc(now + MAX_SKEW_MS + 5, 0, "a"), {"title": "mine"}, False)
    p = plan(mine, change(hlc=far), frozenset({"title"}), now_ms=now)
    assert p.action == CONFLICT and not p.theirs_win  # without clamping "far" would win
    assert plan(mine, change(hlc=far), frozenset({"title"})).theirs_win


@given(
    mine=st.dictionaries(st.sampled_from("abcde"), st.integers(0, 3), max_size=5),
    theirs=st.dictionaries(st.sampled_from("abcde"), st.integers(0, 3), max_size=5),
)
def test_a_merge_never_loses_a_value_silently(mine: dict[str, int], theirs: dict[str, int]) -> None:
    base = dict.fromkeys("abcde", 9)
    local_values = {**base, **mine}
    local = Local(3, H3, local_values, False)
    p = plan(local, change(fields=theirs), frozenset(mine))
    result = {**local_values, **p.write}
    for name in set(mine) | set(theirs):
        if name in p.conflict_fields:  # both kept in the conflict; one shown provisionally
            assert result[name] in (mine[name], theirs[name]) and mine[name] != theirs[name]
        elif name in theirs:
            assert result[name] == theirs[name]
        else:
            assert result[name] == mine[name]


def test_remote_change_is_applied_with_audit_but_no_journal_entry(ctx: Services) -> None:
    pid = rec.create(ctx, "organisation", {"name": "Before"}).created[0]
    got = rec.get(ctx, "organisation", pid)
    with ctx.vault.read() as conn:
        journal = conn.execute(text("SELECT count(*) FROM sync_journal")).scalar()
    far = format_hlc(int(time.time() * 1000) + 3 * MAX_SKEW_MS, 0, "hq")
    ch = Change("organisation", pid, 2, far, got["version"], got["hlc"], {"name": "After"})
    with ctx.writing() as scope:
        outcome = apply_remote(ctx, scope, ch, "hq")
    assert (outcome.action, outcome.clamped) == (FAST_FORWARD, True)
    assert rec.get(ctx, "organisation", pid)["name"] == "After"
    with ctx.vault.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM sync_journal")).scalar() == journal
        action, changes = conn.execute(
            text("SELECT action, changes FROM audit_entry ORDER BY seq DESC LIMIT 1")
        ).one()
    assert action == "sync" and "hlc_clamped" in changes and "After" in changes
    # the local clock did not jump three days ahead with it
    assert ctx.clock.now() < far


def test_invalid_remote_change_is_quarantined_not_dropped(ctx: Services) -> None:
    ch = Change("seizure", "01900000-0000-7000-8000-00000000abcd", 1, H1, 0, "", {
        "seized_on": "not a date", "country": "TJK", "drug": "HEROIN",
    })  # fmt: skip
    with ctx.writing() as scope:
        outcome = apply_remote(ctx, scope, ch, "hq")
    assert outcome.action == "quarantined" and "seized_on" in outcome.reason
    with ctx.vault.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM seizure")).scalar() == 0
        assert conn.execute(text("SELECT entity_id FROM sync_quarantine")).scalar() == ch.id
