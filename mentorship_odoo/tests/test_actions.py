from odoo.tests import BaseCase

from ..tools.actions import window_action


class TestWindowAction(BaseCase):
    """The window actions buttons return, without a database."""

    def test_only_the_keys_given(self):
        self.assertEqual(
            window_action("Pairs", "mentorship.pair"),
            {
                "type": "ir.actions.act_window",
                "name": "Pairs",
                "res_model": "mentorship.pair",
                "view_mode": "form",
            },
        )
        self.assertEqual(
            window_action(None, "mentorship.pair", res_id=7),
            {
                "type": "ir.actions.act_window",
                "res_model": "mentorship.pair",
                "view_mode": "form",
                "res_id": 7,
            },
        )

    def test_every_key(self):
        views = [(False, "list"), (False, "form")]
        self.assertEqual(
            window_action(
                "Meetings",
                "mentorship.meeting",
                "list,form",
                res_id=False,
                domain=[],
                context={"default_pair_id": 3},
                target="new",
                views=views,
                help="<p>None yet</p>",
            ),
            {
                "type": "ir.actions.act_window",
                "name": "Meetings",
                "res_model": "mentorship.meeting",
                "view_mode": "list,form",
                "res_id": False,
                "domain": [],
                "context": {"default_pair_id": 3},
                "target": "new",
                "views": views,
                "help": "<p>None yet</p>",
            },
            "False and empty values are given, None ones are not",
        )
