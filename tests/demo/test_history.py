"""The demo's review dates (demo/history.py): never before what an item reports as done, never after today."""

from datetime import date

from demo.history import last_review

TODAY = date(2026, 12, 5)


def test_a_review_is_the_given_months_ago():
    assert last_review({"reviewed_months_ago": 13}, TODAY) == date(2025, 11, 5)


def test_a_review_comes_no_earlier_than_what_the_item_reports():
    # A network update written after its conference; a case study reviewed before its period ended.
    assert last_review({"reviewed_months_ago": 7, "date": date(2026, 5, 29)}, TODAY) == date(2026, 5, 29)
    assert last_review({"reviewed_months_ago": 11, "period_end": "2026-05-31"}, TODAY) == date(2026, 5, 31)
    assert last_review({"reviewed_months_ago": 1, "period_end": date(2025, 12, 31)}, TODAY) == date(2026, 11, 5)


def test_a_review_is_never_in_the_future():
    assert last_review({"reviewed_months_ago": 0, "period_end": date(2027, 6, 30)}, TODAY) == TODAY
