"""Dates with precision: formatting, checks, lags and ordering."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from attribution.dates import date_errors, format_date, lag_between, sort_key

D = dt.date


def test_format_never_shows_more_than_the_precision():
    assert format_date(D(2022, 7, 15), "day") == "15 July 2022"
    assert format_date(D(2022, 7, 1), "month") == "July 2022"
    assert format_date(D(2022, 1, 1), "year") == "2022"
    assert format_date(None, "unknown") == "date unknown"


def test_date_errors_refuse_future_and_invented_days():
    assert date_errors(D(2022, 7, 15), "day", label="start") == []
    assert "future" in date_errors(dt.date.today() + dt.timedelta(days=1), "day", label="start")[0]
    assert "first day" in date_errors(D(2022, 7, 15), "month", label="start")[0]
    assert "1 January" in date_errors(D(2022, 7, 1), "year", label="start")[0]
    assert date_errors(D(2022, 7, 1), "month", label="start") == []


def test_lag_in_days_when_both_dates_are_days():
    lag = lag_between(D(2022, 7, 15), "day", D(2022, 9, 7), "day")
    assert (lag.days, lag.text) == (54, "54 days after")
    assert lag_between(D(2022, 7, 15), "day", D(2022, 7, 16), "day").text == "1 day after"
    assert lag_between(D(2022, 7, 15), "day", D(2022, 7, 15), "day").text == "the same day as"
    assert lag_between(D(2022, 7, 15), "day", D(2022, 7, 10), "day").text == "5 days before"


def test_lag_is_only_as_precise_as_the_coarser_date():
    month = lag_between(D(2022, 7, 1), "month", D(2022, 9, 7), "day")
    assert (month.days, month.text) == (None, "about 2 months after")
    assert lag_between(D(2022, 7, 15), "day", D(2022, 7, 1), "month").text == "in the same month as"
    assert lag_between(D(2021, 1, 1), "year", D(2022, 9, 7), "day").text == "about 1 year after"
    assert lag_between(D(2022, 1, 1), "year", D(2022, 9, 7), "day").text == "in the same year as"


def test_sort_puts_the_coarser_date_first_and_unknown_last():
    events = [(D(2022, 7, 15), "day"), (None, "unknown"), (D(2022, 7, 1), "month"), (D(2022, 7, 1), "day")]
    ordered = sorted(events, key=lambda e: sort_key(*e))
    assert ordered == [(D(2022, 7, 1), "day"), (D(2022, 7, 1), "month"), (D(2022, 7, 15), "day"), (None, "unknown")]


@given(
    st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31)),
    st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31)),
)
def test_day_lags_agree_with_date_arithmetic(anchor, when):
    lag = lag_between(anchor, "day", when, "day")
    assert lag.days == (when - anchor).days
    assert ("after" in lag.text) == (when > anchor)
    assert ("before" in lag.text) == (when < anchor)
