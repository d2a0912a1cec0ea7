from datetime import date

from freezegun import freeze_time

from odoo import Command

from .test_roadmap import RoadmapCase


@freeze_time("2025-10-25")
class TestRoadmapReminders(RoadmapCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity_type = cls.env.ref("mentorship_odoo.mail_activity_type_roadmap_deadline")
        responsible = [Command.set((cls.teacher_senior | cls.teacher_old).ids)]
        cls.soon = cls._make_item("Скоро", date(2025, 10, 30), responsible_employee_ids=responsible)
        cls.far = cls._make_item("Нескоро", date(2025, 12, 1), responsible_employee_ids=responsible)
        cls.late = cls._make_item("Просрочено", date(2025, 10, 1), responsible_employee_ids=responsible)
        cls.done = cls._make_item("Сделано", date(2025, 10, 28), responsible_employee_ids=responsible)
        cls.done.state = "done"
        cls.continuous = cls._make_item(
            "Постоянно", False, deadline_kind="continuous", responsible_employee_ids=responsible
        )
        cls.nobody = cls._make_item("Без ответственного", date(2025, 10, 27))

    @classmethod
    def _make_item(cls, name, deadline, **vals):
        return cls.env["mentorship.roadmap.item"].create(
            {
                "programme_id": cls.programme.id,
                "stage_id": cls.env.ref("mentorship_odoo.roadmap_stage_work").id,
                "name": name,
                "deadline_kind": "by_date",
                "date_deadline": deadline,
                **vals,
            }
        )

    def _activities(self, items=None):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "mentorship.roadmap.item"),
                ("res_id", "in", (items or self.env["mentorship.roadmap.item"].search([])).ids),
                ("activity_type_id", "=", self.activity_type.id),
            ]
        )

    def _run(self):
        return self.env["mentorship.roadmap.item"]._cron_send_deadline_reminders()

    def test_reminders_go_to_responsible_users_before_the_deadline(self):
        self._run()
        activities = self._activities()
        self.assertEqual(
            set(activities.mapped(lambda a: (a.res_id, a.user_id))),
            {
                (self.soon.id, self.user_mentor),  # teacher_old has no user
                (self.late.id, self.user_mentor),  # overdue and never reminded
                (self.nobody.id, self.user_curator),  # no responsible: the programme's curators
            },
        )
        soon = activities.filtered(lambda a: a.res_id == self.soon.id)
        self.assertEqual(soon.date_deadline, date(2025, 10, 30))
        self.assertIn(self.programme.name, soon.summary)
        # The responsible mentor can open the item the activity is on.
        self.soon.with_user(self.user_mentor).read(["name"])

    def test_no_duplicates_on_rerun_or_after_the_activity_is_done(self):
        self._run()
        count = len(self._activities())
        self._run()
        self.assertEqual(len(self._activities()), count)
        self._activities(self.soon).action_feedback(feedback="Приказ подписан")
        self._run()
        self.assertFalse(self._activities(self.soon), "done once is reminded once")
        # A moved deadline is a new deadline.
        self.soon.date_deadline = date(2025, 10, 31)
        self._run()
        self.assertEqual(len(self._activities(self.soon)), 1)

    def test_reminder_days_are_a_setting(self):
        self.env["ir.config_parameter"].set_param("mentorship_odoo.roadmap_reminder_days", "40")
        self._run()
        self.assertTrue(self._activities(self.far))

    def test_programmes_not_running_are_left_alone(self):
        draft = self._programme(date(2025, 9, 1), date(2026, 8, 31), name="Черновик")
        item = self._item(
            draft,
            deadline_kind="by_date",
            date_deadline=date(2025, 10, 26),
            responsible_employee_ids=[Command.set(self.teacher_senior.ids)],
        )
        self._run()
        self.assertFalse(self._activities(item))
