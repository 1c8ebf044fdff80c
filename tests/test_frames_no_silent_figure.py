"""A notebook never gets a silently wrong figure: shares, notices and positions in one plan only (issue 18)."""

from __future__ import annotations

import warnings
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nedtrapping.errors import InvalidValueError, NedtrappingError
from nedtrapping.example import example_positions
from nedtrapping.plan import plan_municipality
from nedtrapping.readers.table import PositionsCSVError

pd = pytest.importorskip("pandas")
from nedtrapping.frames import PositionsNoticeWarning, compare, positions_from_frame  # noqa: E402


def _frame(percent: list[object], growth: list[object] | None = None) -> object:
    data: dict[str, list[object]] = {
        "kommune": ["K"] * len(percent), "stilling": [f"P{i}" for i in range(len(percent))],
        "stillingsprosent": percent, "første_tilskuddsår": [2021] * len(percent),
        "årskostnad": [700_000] * len(percent)}
    if growth is not None:
        data["lønnsvekst"] = growth
    return pd.DataFrame(data)


def test_a_frame_of_shares_as_read_excel_gives_them_is_refused_naming_the_column_and_percent_scale() -> None:
    with pytest.raises(PositionsCSVError) as caught:
        positions_from_frame(_frame([0.5, 1.0]))
    problem = caught.value.problems[0]
    assert problem.column == "stillingsprosent" and "0.5" in (problem.value or "")
    assert "percent_scale=100" in problem.expected.text("en") and "percent_scale=100" in str(problem)


def test_percent_scale_100_reads_shares_as_percentages_including_growth() -> None:
    positions = positions_from_frame(_frame([0.5, 1.0], [0.035, 0.035]), percent_scale=100)
    assert [p.percent for p in positions] == [50, 100]
    assert positions[0].cost.growth_percent == Fraction(7, 2)


def test_percent_scale_1_keeps_small_percentages_and_the_notices_reach_the_caller() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        positions = positions_from_frame(_frame([0.5, 1.0], [3.5, 3.5]), percent_scale=1)
    assert positions[0].percent == Fraction(1, 2)
    notices = [w.message for w in caught if isinstance(w.message, PositionsNoticeWarning)]
    assert [n.notice.key for n in notices] == ["read.small_percent"]  # 0,5 %; 1 % is not below 1


def test_a_growth_written_as_a_share_is_a_warning_not_silence() -> None:
    with pytest.warns(PositionsNoticeWarning, match="0,035"):
        positions_from_frame(_frame([100, 50], [0.035, 3.5]))


@pytest.mark.parametrize("scale", [0, 10, True, "100", 100.0])
def test_a_percent_scale_other_than_1_or_100_is_refused_by_field(scale: object) -> None:
    with pytest.raises(InvalidValueError) as caught:
        positions_from_frame(_frame([50]), percent_scale=scale)  # type: ignore[arg-type]
    assert caught.value.field == "percent_scale" and caught.value.expected is not None
    assert caught.value.expected.text("en") == "1 (percentages) or 100 (shares, 0.5 = 50 %)"
    assert str(caught.value).startswith("felt «percent_scale»: forventet 1 (prosenter) eller 100 (andeler")


def test_a_mix_of_percentages_and_one_small_value_is_read_with_a_notice() -> None:
    with pytest.warns(PositionsNoticeWarning):
        positions = positions_from_frame(_frame([100, 0.5]))
    assert [p.percent for p in positions] == [100, Fraction(1, 2)]


def test_removing_the_first_example_position_shows_its_whole_own_financing_as_the_change() -> None:
    positions = example_positions()
    delta = compare(plan_municipality(positions), plan_municipality(positions[1:]))
    totals = delta.groupby("year").own_financing_delta.sum()
    assert totals[2022] == -230_000 and totals[2023] == -477_300
    removed = delta[delta.position == positions[0].position]
    assert set(removed.present_in) == {"a"} and removed.own_financing_b.isna().all()
    assert (delta[delta.position != positions[0].position].present_in == "both").all()


def test_adding_a_position_shows_its_whole_cost_and_where_it_is() -> None:
    positions = example_positions()
    delta = compare(plan_municipality(positions[1:]), plan_municipality(positions), names=("før", "etter"))
    added = delta[(delta.position == positions[0].position) & (delta.year == 2022)].iloc[0]
    assert added.present_in == "etter" and added.cost_delta == 780_000 and added.own_financing_delta == 230_000


@given(st.sets(st.integers(min_value=0, max_value=3), max_size=4), st.sets(st.integers(min_value=0, max_value=3),
                                                                           min_size=1, max_size=4))
def test_compare_keeps_every_position_and_its_deltas_add_up_to_the_difference_of_totals(
        left: set[int], right: set[int]) -> None:
    positions = example_positions()
    plans = [plan_municipality([positions[i] for i in sorted(chosen)]) if chosen else None
             for chosen in (left, right)]
    if plans[0] is None:
        return
    delta = compare(plans[0], plans[1])  # type: ignore[arg-type]
    assert set(delta.position) == {positions[i].position for i in left | right}
    for year in plans[0].years:
        a = sum(r.own_financing.ore for r in plans[0].rows if r.year == year and r.own_financing is not None)
        b = sum(r.own_financing.ore for r in plans[1].rows if r.year == year and r.own_financing is not None)  # type: ignore[union-attr]
        assert delta[delta.year == year].own_financing_delta.sum() * 100 == b - a


def test_positions_from_frame_refuses_what_is_not_a_frame_with_the_library_s_error() -> None:
    with pytest.raises(NedtrappingError) as caught:
        positions_from_frame([["kommune"]])
    assert caught.value.field == "frame"
