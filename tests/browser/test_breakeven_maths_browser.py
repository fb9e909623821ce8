"""The break-even maths (lib/breakeven.js) against worked examples computed by hand.

The library is pure (no DOM); it is loaded into a page and called through page.evaluate.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def lib(page):
    """A page with IOM.lib.breakeven loaded; returns a function running JS against it."""
    page.goto("sources/")
    page.add_script_tag(url="/assets/javascripts/lib/breakeven.js")
    page.wait_for_function("() => window.IOM && IOM.lib && IOM.lib.breakeven")

    def run(script: str, arg=None):
        return page.evaluate(f"(arg) => {{ const b = IOM.lib.breakeven; {script} }}", arg)

    return run


def calc(lib, raw: dict) -> dict:
    checked = lib("return b.check(arg);", raw)
    assert checked["errors"] == [], checked["errors"]
    return lib("return b.calculate(b.check(arg).values);", raw)


def _raw(**overrides) -> dict:
    raw = {
        "cohort": "",
        "reduction": "",
        "uprating": "",
        "interventions": "",
        "other": "",
        "staff": [],
        "crimes": [],
    }
    raw.update(overrides)
    return raw


# Worked example 1 (by hand):
#   staff 2 × £40,000 + 1 × £30,000 = £110,000; + interventions £50,000 + other £20,000
#   total £180,000 a year; per offender £180,000 / 40 = £4,500.
#   Per offender a year: 2 burglaries × £5,000 + 5 thefts from vehicles × £800 = £14,000.
#   Cohort: 40 × £14,000 = £560,000 and 40 × 7 = 280 offences; average £2,000 an offence.
#   Break-even: £180,000 / £560,000 = 32.142857…%, i.e. 90 offences (= £180,000 / £2,000).
#   At 25%: 70 offences prevented, savings £140,000, net −£40,000, −£1,000 per offender.
EXAMPLE_1 = _raw(
    cohort="40",
    reduction="25",
    interventions="50,000",
    other="£20000",
    staff=[
        {"role": "Police officer", "posts": "2", "cost": "40000"},
        {"role": "Probation officer", "posts": "1", "cost": "£30,000"},
        {"role": "", "posts": "", "cost": ""},
    ],
    crimes=[
        {"id": "burglary", "label": "Domestic burglary", "rate": "2", "unitCost": "5000"},
        {"id": "tfv", "label": "Theft from vehicle", "rate": "5", "unitCost": "800"},
        {"id": "unused", "label": "Robbery", "rate": "", "unitCost": ""},
    ],
)


def test_worked_example_costs_and_break_even(lib):
    result = calc(lib, EXAMPLE_1)
    assert result["staffCost"] == 110_000
    assert result["totalCost"] == 180_000
    assert result["costPerOffender"] == 4_500
    assert result["baselineOffences"] == 280
    assert result["baselineCost"] == 560_000
    assert result["costPerOffence"] == 2_000
    assert result["breakEven"]["possible"] is True
    assert result["breakEven"]["percent"] == pytest.approx(32.142857, abs=1e-6)
    assert result["breakEven"]["offences"] == pytest.approx(90)


def test_worked_example_net_position_at_expected_reduction(lib):
    expected = calc(lib, EXAMPLE_1)["expected"]
    assert expected["offencesPrevented"] == pytest.approx(70)
    assert expected["savings"] == pytest.approx(140_000)
    assert expected["net"] == pytest.approx(-40_000)
    assert expected["netPerOffender"] == pytest.approx(-1_000)
    assert expected["savingsPerPound"] == pytest.approx(140_000 / 180_000)


def test_net_table_steps_and_marks_break_even_and_expected(lib):
    rows = lib("return b.netTable(b.calculate(b.check(arg).values), 10);", EXAMPLE_1)
    percents = [round(r["percent"], 4) for r in rows]
    assert percents == [0, 10, 20, 25, 30, 32.1429, 40, 50, 60, 70, 80, 90, 100]
    by_percent = {round(r["percent"], 4): r for r in rows}
    assert by_percent[0]["net"] == pytest.approx(-180_000)
    assert by_percent[50]["net"] == pytest.approx(100_000)  # 0.5 × 560,000 − 180,000
    assert by_percent[100]["net"] == pytest.approx(380_000)
    assert by_percent[32.1429]["marks"] == ["break-even"]
    assert by_percent[32.1429]["net"] == pytest.approx(0, abs=1e-6)
    assert by_percent[25]["marks"] == ["expected"]


# Worked example 2 (by hand), with a multiplier for unrecorded crime and uprating:
#   total 1 × £50,000 + £10,000 = £60,000; per offender £6,000 (cohort 10).
#   Robbery: 1 recorded a year × multiplier 2 = 2 offences; unit cost £10,000 × 1.2 = £12,000.
#   Cohort: 20 offences, £240,000. Break-even £60,000 / £240,000 = 25% = 5 offences.
#   At 40%: 8 offences, savings £96,000, net +£36,000 (£3,600 per offender).
def test_worked_example_with_multiplier_and_uprating(lib):
    result = calc(
        lib,
        _raw(
            cohort="10",
            reduction="40%",
            uprating="1.2",
            other="10000",
            staff=[{"role": "", "posts": "1", "cost": "50000"}],
            crimes=[
                {
                    "id": "robbery",
                    "label": "Robbery",
                    "rate": "1",
                    "multiplier": "2",
                    "unitCost": "10000",
                }
            ],
        ),
    )
    assert result["totalCost"] == 60_000
    assert result["costPerOffender"] == 6_000
    assert result["crimes"][0]["unitCost"] == pytest.approx(12_000)
    assert result["baselineOffences"] == 20
    assert result["baselineCost"] == pytest.approx(240_000)
    assert result["breakEven"]["percent"] == pytest.approx(25)
    assert result["breakEven"]["offences"] == pytest.approx(5)
    assert result["expected"]["offencesPrevented"] == pytest.approx(8)
    assert result["expected"]["savings"] == pytest.approx(96_000)
    assert result["expected"]["net"] == pytest.approx(36_000)
    assert result["expected"]["netPerOffender"] == pytest.approx(3_600)


# Worked example 3 (by hand): break-even is impossible.
#   Cost £100,000 a year; cohort 5 × 2 offences × £5,000 = £50,000 of offending a year.
#   Preventing every offence saves £50,000, half the cost: net −£50,000 at 100%.
def test_break_even_impossible_when_cost_exceeds_all_offending(lib):
    raw = _raw(
        cohort="5",
        reduction="100",
        staff=[{"role": "", "posts": "1", "cost": "100000"}],
        crimes=[{"id": "burglary", "label": "Burglary", "rate": "2", "unitCost": "5000"}],
    )
    result = calc(lib, raw)
    assert result["baselineCost"] == 50_000
    assert result["breakEven"] == {"possible": False, "reason": "cost-exceeds-all-offending"}
    assert result["expected"]["net"] == pytest.approx(-50_000)
    rows = lib("return b.netTable(b.calculate(b.check(arg).values), 10);", raw)
    assert all("break-even" not in r["marks"] for r in rows)
    assert len(rows) == 11  # 0…100 by 10; the expected 100% is marked on the last row
    assert rows[-1]["marks"] == ["expected"]


def test_break_even_impossible_when_offending_costs_nothing(lib):
    result = calc(
        lib,
        _raw(
            cohort="5",
            reduction="10",
            interventions="1000",
            crimes=[{"id": "a", "label": "A", "rate": "2", "unitCost": "0"}],
        ),
    )
    assert result["breakEven"] == {"possible": False, "reason": "no-offending-cost"}
    assert result["costPerOffence"] == 0


# The Lancashire preset (ET-2018, theme 2): one offender's costs over four years, a year:
#   (£73,000 + £12,000 + £74,000 + £157,000) / 4 = £79,000. The case study gives no IOM cost;
#   with £20,000 entered, break-even is 20,000 / 79,000 = 25.3164…%; at 33%: savings £26,070,
#   net +£6,070.
def test_lancashire_case_study_figures(lib):
    result = calc(
        lib,
        _raw(
            cohort="1",
            reduction="33",
            interventions="20000",
            crimes=[{"id": "case", "label": "Case study", "rate": "1", "unitCost": "79000"}],
        ),
    )
    assert result["breakEven"]["percent"] == pytest.approx(25.316456, abs=1e-6)
    assert result["expected"]["savings"] == pytest.approx(26_070)
    assert result["expected"]["net"] == pytest.approx(6_070)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("cohort", "", "Enter the number of offenders in the cohort"),
        ("cohort", "0", "Number of offenders must be more than 0"),
        ("cohort", "-3", "Number of offenders must be more than 0"),
        ("cohort", "forty", "Number of offenders must be a number, like 40"),
        ("cohort", "2.5", "Number of offenders must be a whole number"),
        ("reduction", "", "Enter the reduction in offending you expect"),
        ("reduction", "120", "Expected reduction must be between 0 and 100"),
        ("reduction", "a lot", "Expected reduction must be a number, like 20"),
        ("uprating", "0", "Uprating factor must be more than 0"),
        ("uprating", "1,2", "Uprating factor must be a number, like 1.1"),
        ("interventions", "-5", "Interventions must be 0 or more"),
        ("other", "12k", "Premises and other costs must be a number, like 1500"),
    ],
)
def test_bad_input_gives_one_message_naming_the_field(lib, field, value, message):
    raw = dict(EXAMPLE_1, **{field: value})
    checked = lib("return b.check(arg);", raw)
    assert checked["values"] is None
    assert checked["errors"] == [{"field": field, "message": message}]


def test_row_problems_name_the_row(lib):
    raw = dict(
        EXAMPLE_1,
        staff=[{"role": "Police officer", "posts": "2", "cost": ""}],
        crimes=[
            {"id": "burglary", "label": "Domestic burglary", "rate": "2", "unitCost": ""},
            {
                "id": "tfv",
                "label": "Theft from vehicle",
                "rate": "1",
                "multiplier": "0.5",
                "unitCost": "8",
            },
        ],
    )
    errors = lib("return b.check(arg).errors;", raw)
    assert errors == [
        {
            "field": "staff-0-cost",
            "message": "Police officer: enter the cost per post, or clear the number of posts",
        },
        {
            "field": "crime-burglary-cost",
            "message": "Domestic burglary: enter the unit cost, or clear the offences a year",
        },
        {
            "field": "crime-tfv-multiplier",
            "message": "Theft from vehicle: multiplier must be 1 or more",
        },
    ]


def test_no_costs_or_no_offending_is_an_error(lib):
    raw = dict(EXAMPLE_1, interventions="", other="", staff=[{"role": "", "posts": "", "cost": ""}])
    no_cost = "Enter at least one cost: staff posts, interventions or premises and other costs"
    assert lib("return b.check(arg).errors;", raw) == [
        {"field": "staff-0-posts", "message": no_cost}
    ]
    raw = dict(EXAMPLE_1, crimes=[{"id": "a", "label": "A", "rate": "", "unitCost": "500"}])
    assert lib("return b.check(arg).errors;", raw) == [
        {
            "field": "crime-a-rate",
            "message": "Enter offences a year and a unit cost for at least one crime type",
        }
    ]


def test_formatting_never_shows_nan_or_infinity(lib):
    shown = lib(
        "return [b.formatMoney(-40000), b.formatMoney(NaN), b.formatMoney(Infinity),"
        " b.formatPercent(32.142857), b.formatNumber(1/0), b.formatNumber(-0.00001, 1)];"
    )
    assert shown == ["−£40,000", "not available", "not available", "32.1%", "not available", "0"]


def test_price_years_name_only_the_years_given(lib):
    years = lib("return b.priceYears(arg, 'Not stated');", ["2015/16", " 2015/16 ", "2016/17"])
    assert years == {"years": ["2015/16", "2016/17"], "unstated": False}
    # A blank and the page's "Not stated" (the Lancashire preset's) are no year at all.
    years = lib("return b.priceYears(arg, 'Not stated');", ["2015/16", "", "not stated"])
    assert years == {"years": ["2015/16"], "unstated": True}
    assert lib("return b.priceYears([], 'Not stated');") == {"years": [], "unstated": False}
