"""Hybrid logical clock: strictly increasing under any wall clock, clamps remote skew."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pp_desktop.services.hlc import MAX_SKEW_MS, HybridClock, format_hlc, parse_hlc

DEVICE = "01900000-0000-7000-8000-00000000abcd"
OTHER = "01900000-0000-7000-8000-00000000ffff"
DAY_MS = 24 * 3600 * 1000


class FakeWall:
    """A settable wall clock in seconds (the clock under test takes any callable)."""

    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> float:
        return self.ms / 1000


def test_format_and_parse_round_trip():
    value = format_hlc(1_764_316_800_123, 42, DEVICE)
    assert value == f"1764316800123-00042-{DEVICE}"
    assert parse_hlc(value) == (1_764_316_800_123, 42, DEVICE)


def test_text_order_is_clock_order():
    values = [
        format_hlc(999, 5, DEVICE),
        format_hlc(1000, 0, DEVICE),
        format_hlc(1000, 1, DEVICE),
        format_hlc(1000, 10, DEVICE),
        format_hlc(10_000_000_000_000 - 1, 0, DEVICE),
    ]
    assert values == sorted(values)


def test_clock_follows_the_wall_when_it_moves_forward():
    wall = FakeWall(1_000_000)
    clock = HybridClock(DEVICE, wall=wall)
    assert parse_hlc(clock.now())[:2] == (1_000_000, 0)
    wall.ms += 5
    assert parse_hlc(clock.now())[:2] == (1_000_005, 0)


def test_same_millisecond_increments_the_counter():
    clock = HybridClock(DEVICE, wall=FakeWall(1_000_000))
    assert [parse_hlc(clock.now())[:2] for _ in range(3)] == [
        (1_000_000, 0),
        (1_000_000, 1),
        (1_000_000, 2),
    ]


def test_monotonic_when_the_wall_clock_goes_backwards():
    wall = FakeWall(2_000_000)
    clock = HybridClock(DEVICE, wall=wall)
    first = clock.now()
    wall.ms -= 3_600_000  # NTP correction, an officer fixing the date...
    later = [clock.now() for _ in range(5)]
    assert all(v > first for v in later)
    assert later == sorted(later)
    assert {parse_hlc(v)[0] for v in later} == {2_000_000}  # stays on the high-water mark


def test_restart_continues_after_the_persisted_value():
    wall = FakeWall(5_000_000)
    clock = HybridClock(DEVICE, wall=wall)
    for _ in range(3):
        clock.now()
    persisted = clock.last
    wall.ms = 4_000_000  # the laptop boots with a wrong clock
    again = HybridClock(DEVICE, persisted, wall=wall)
    assert again.now() > persisted


def test_counter_overflow_borrows_the_next_millisecond():
    wall = FakeWall(7_000_000)
    clock = HybridClock(DEVICE, format_hlc(7_000_000, 99_998, DEVICE), wall=wall)
    a = clock.now()
    b = clock.now()
    c = clock.now()
    assert parse_hlc(a)[:2] == (7_000_000, 99_999)
    assert parse_hlc(b)[:2] == (7_000_001, 0)
    assert parse_hlc(c)[:2] == (7_000_001, 1)
    assert a < b < c
    assert all(len(v) == len(a) for v in (b, c))  # the counter never grows a sixth digit


def test_batch_is_strictly_increasing_through_an_overflow():
    clock = HybridClock(DEVICE, format_hlc(7_000_000, 99_990, DEVICE), wall=FakeWall(1))
    values = clock.batch(200_005)
    assert values == sorted(values)
    assert len(set(values)) == len(values)
    assert clock.last == values[-1]
    assert clock.now() > values[-1]


def test_observe_moves_the_clock_past_a_remote_value():
    wall = FakeWall(1_000_000)
    clock = HybridClock(DEVICE, wall=wall)
    remote = format_hlc(1_000_000 + 60_000, 7, OTHER)  # a minute ahead: fine
    assert clock.observe(remote) is True
    nxt = clock.now()
    assert parse_hlc(nxt)[:2] == (1_060_000, 8)
    assert nxt.split("-", 2)[2] == DEVICE


def test_observe_of_an_older_value_changes_nothing():
    clock = HybridClock(DEVICE, wall=FakeWall(9_000_000))
    clock.now()
    before = clock.last
    assert clock.observe(format_hlc(1_000, 3, OTHER)) is True
    assert clock.last == before


def test_observe_clamps_a_remote_more_than_a_day_ahead():
    wall = FakeWall(1_000_000)
    clock = HybridClock(DEVICE, wall=wall)
    remote = format_hlc(1_000_000 + 30 * DAY_MS, 0, OTHER)
    assert clock.observe(remote) is False
    nxt = clock.now()
    assert nxt < remote
    assert parse_hlc(nxt)[0] <= 1_000_000 + MAX_SKEW_MS


def test_observe_exactly_a_day_ahead_is_accepted():
    clock = HybridClock(DEVICE, wall=FakeWall(1_000_000))
    remote = format_hlc(1_000_000 + MAX_SKEW_MS, 0, OTHER)
    assert clock.observe(remote) is True
    assert clock.now() > remote.replace(OTHER, DEVICE)


def test_observe_caps_an_oversized_counter():
    clock = HybridClock(DEVICE, wall=FakeWall(1_000_000))
    clock.observe(format_hlc(1_000_000, 99_999, OTHER))
    a = clock.now()
    assert parse_hlc(a)[:2] == (1_000_001, 0)


# --- property: whatever the wall clock and remote values do, issued values strictly increase ---

steps = st.lists(
    st.one_of(
        st.tuples(st.just("wall"), st.integers(-10 * DAY_MS, 10 * DAY_MS)),
        st.tuples(st.just("now"), st.just(0)),
        st.tuples(st.just("batch"), st.integers(1, 20)),
        st.tuples(
            st.just("observe"),
            st.tuples(st.integers(-40 * DAY_MS, 40 * DAY_MS), st.integers(0, 99_999)),
        ),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(st.integers(DAY_MS * 100, DAY_MS * 30_000), steps)
def test_issued_values_strictly_increase(start_ms, ops):
    wall = FakeWall(start_ms)
    clock = HybridClock(DEVICE, wall=wall)
    issued: list[str] = []
    for op, arg in ops:
        if op == "wall":
            wall.ms = max(0, wall.ms + arg)
        elif op == "now":
            issued.append(clock.now())
        elif op == "batch":
            issued.extend(clock.batch(arg))
        else:
            delta, counter = arg
            remote_ms = max(0, wall.ms + delta)
            ok = clock.observe(format_hlc(remote_ms, counter, OTHER))
            assert ok == (remote_ms <= wall.ms + MAX_SKEW_MS)
            # never further ahead than a day beyond the local wall (plus counter borrowing)
            assert (
                parse_hlc(clock.last)[0]
                <= max(wall.ms + MAX_SKEW_MS, parse_hlc(issued[-1])[0] if issued else 0) + 1
            )
            issued.append(clock.now())
    assert issued == sorted(issued)
    assert len(set(issued)) == len(issued)
