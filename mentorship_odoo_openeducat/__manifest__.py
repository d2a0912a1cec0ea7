{
    "name": "Mentoring: OpenEduCat Bridge",
    "summary": "Students, parents, faculty and attendance of OpenEduCat in mentoring: one student "
    "record, parents as legal representatives, absences that suspend the mentor allowance, import "
    "of students by course and batch",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Mentoring",
    "website": "https://github.com/mentorship-odoo/mentorship_odoo",
    "author": "mentorship_odoo",
    "maintainers": ["mentorship_odoo"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["mentorship_odoo", "openeducat_core", "openeducat_parent", "openeducat_attendance"],
    "data": [
        "security/ir.model.access.csv",
        "security/mentorship_openeducat_rules.xml",
        "data/ir_cron_data.xml",
        "views/op_student_views.xml",
        "views/hr_employee_views.xml",
        "views/mentorship_allowance_line_views.xml",
        "wizards/mentorship_openeducat_import_wizard_views.xml",
        "views/mentorship_programme_views.xml",
    ],
    "demo": [
        "demo/openeducat_demo.xml",
    ],
    # With both mentoring and OpenEduCat's core installed, the bridge installs by itself and
    # brings OpenEduCat's parent and attendance apps, which it needs (Odoo 18: auto_install
    # lists the dependencies that trigger it).
    "auto_install": ["mentorship_odoo", "openeducat_core"],
}
