import os
from datetime import date

import pytest
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError

from .common import OpenEduCatCase

# Without OpenEduCat there is nothing to test: reported as skipped with the reason (scripts/lib.sh).
if os.environ.get("OPENEDUCAT_MISSING"):
    pytest.skip(os.environ["OPENEDUCAT_MISSING"], allow_module_level=True)


@freeze_time("2026-10-01")
class TestParentConsent(OpenEduCatCase):
    """OpenEduCat's parents are the legal representatives of their students: a minor's consent
    is given by them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.minor = cls._op_student("Соколов Кирилл Дмитриевич", date(2010, 3, 15), cls.batch)
        cls.mother = cls.env["res.partner"].create({"name": "Соколова Елена Андреевна"})
        cls.parent = cls.env["op.parent"].create(
            {
                "name": cls.mother.id,
                "relationship_id": cls.relationship.id,
                "student_ids": [Command.set(cls.minor.ids)],
            }
        )

    def _give_consent(self, **vals):
        return (
            self.env["mentorship.consent"]
            .with_user(self.user_curator)
            .create(
                {
                    "consent_type": "personal_data",
                    "partner_id": self.minor.partner_id.id,
                    "date": date(2026, 9, 15),
                    **vals,
                }
            )
        )

    def test_parent_is_legal_representative(self):
        self.assertEqual(self.minor.partner_id.legal_representative_ids, self.mother)
        self.assertIn(self.minor.partner_id, self.mother.represented_partner_ids)

    def test_minor_consent_through_the_parent(self):
        consent = self._give_consent(given_by="representative", representative_id=self.mother.id)
        self.assertEqual(consent.state, "valid")
        self.assertEqual(consent.representative_id, self.mother)
        with self.assertRaisesText(ValidationError, "minor"):
            self._give_consent(consent_type="participation")
        stranger = self.env["res.partner"].create({"name": "Иванов Пётр Сергеевич"})
        with self.assertRaisesText(ValidationError, "not a legal representative"):
            self._give_consent(
                consent_type="participation", given_by="representative", representative_id=stranger.id
            )

    def test_links_follow_openeducat(self):
        """Representatives added by hand stay; those who are OpenEduCat parents follow it."""
        partner = self.minor.partner_id
        aunt = self.env["res.partner"].create({"name": "Соколова Ирина Павловна"})
        partner.legal_representative_ids = [Command.link(aunt.id)]
        father = self.env["res.partner"].create({"name": "Соколов Дмитрий Олегович"})
        father_parent = self.env["op.parent"].create(
            {"name": father.id, "relationship_id": self.relationship.id}
        )
        self.minor.parent_ids = [Command.link(father_parent.id)]
        self.assertEqual(partner.legal_representative_ids, self.mother | aunt | father)
        # The parent record now names another contact: the first one stops representing.
        stepmother = self.env["res.partner"].create({"name": "Соколова Дарья Игоревна"})
        self.parent.name = stepmother
        self.assertEqual(partner.legal_representative_ids, stepmother | aunt | father)
        self.parent.student_ids = [Command.clear()]
        self.assertEqual(partner.legal_representative_ids, aunt | father)
        father_parent.unlink()
        self.assertEqual(partner.legal_representative_ids, aunt)
