from datetime import date

from odoo.tests import BaseCase

from ..tools.roadmap_dates import (
    clip_day,
    deadline_date,
    first_year_of_month,
    month_end,
    programme_year_end,
)


class TestRoadmapDates(BaseCase):
    """The calendar arithmetic of road-map deadlines, without a database."""

    def test_month_end(self):
        self.assertEqual(month_end(2025, 11), date(2025, 11, 30))
        self.assertEqual(month_end(2025, 12), date(2025, 12, 31))
        self.assertEqual(month_end(2024, 2), date(2024, 2, 29))
        self.assertEqual(month_end(2025, 2), date(2025, 2, 28))

    def test_clip_day(self):
        self.assertEqual(clip_day(2025, 9, 15), date(2025, 9, 15))
        self.assertEqual(clip_day(2025, 9, 31), date(2025, 9, 30), "a shorter month ends earlier")
        self.assertEqual(clip_day(2026, 2, 30), date(2026, 2, 28))
        self.assertEqual(clip_day(2025, 10, 0), date(2025, 10, 31), "no day: the last one")
        self.assertEqual(clip_day(2025, 10, None), date(2025, 10, 31))

    def test_first_year_of_month(self):
        start = date(2022, 9, 1)
        self.assertEqual(first_year_of_month(start, 9), 2022, "the month of the start itself")
        self.assertEqual(first_year_of_month(start, 10), 2022)
        self.assertEqual(first_year_of_month(start, 1), 2023, "January comes after the start")
        self.assertEqual(first_year_of_month(start, 8), 2023)
        self.assertEqual(first_year_of_month(start, 10, year_offset=1), 2023)
        self.assertEqual(first_year_of_month(date(2022, 9, 30), 9), 2022, "the day does not count")

    def test_programme_year_end(self):
        start = date(2022, 9, 1)
        self.assertEqual(programme_year_end(start, 2023), date(2023, 8, 31))
        self.assertEqual(programme_year_end(start, 2025), date(2025, 8, 31))
        january = date(2023, 1, 1)
        self.assertEqual(programme_year_end(january, 2023), date(2023, 12, 31))
        self.assertEqual(programme_year_end(january, 2024), date(2024, 12, 31))

    def test_deadline_of_each_kind(self):
        programme = {"programme_start": date(2025, 9, 1), "programme_end": date(2027, 6, 30)}
        day = date(2025, 10, 1)
        self.assertEqual(deadline_date("exact", date_deadline=day, **programme), day)
        self.assertEqual(deadline_date("by_date", date_deadline=day, **programme), day)
        self.assertEqual(deadline_date("month", month=11, year=2025, **programme), date(2025, 11, 30))
        self.assertEqual(deadline_date("range", date_to=date(2026, 4, 30), **programme), date(2026, 4, 30))
        self.assertEqual(deadline_date("yearly", month=5, year=2026, **programme), date(2026, 5, 31))
        self.assertEqual(
            deadline_date("yearly", year=2026, **programme),
            date(2026, 8, 31),
            "a yearly item without a month is due at the end of the programme year",
        )
        self.assertEqual(deadline_date("whole_period", **programme), date(2027, 6, 30))
        self.assertIsNone(deadline_date("continuous", date_deadline=day, **programme))

    def test_deadline_not_filled_in(self):
        self.assertIsNone(deadline_date("exact"))
        self.assertIsNone(deadline_date("month", month=11))
        self.assertIsNone(deadline_date("month", year=2025))
        self.assertIsNone(deadline_date("range"))
        self.assertIsNone(deadline_date("yearly", month=5))
        self.assertIsNone(deadline_date("yearly", year=2026), "no programme start to count from")
        self.assertIsNone(deadline_date("whole_period"))
