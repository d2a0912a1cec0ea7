{
    "name": "Mentoring: Matching",
    "summary": "Suggested mentors for each mentee with a score and its explanation, and the optimal "
    "assignment of a whole cohort within the mentors' free places",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Mentoring",
    "website": "https://github.com/mentorship-odoo/mentorship_odoo",
    "author": "mentorship_odoo",
    "maintainers": ["mentorship_odoo"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["mentorship_odoo"],
    "external_dependencies": {"python": ["scipy"]},
    "data": [
        "security/ir.model.access.csv",
        "security/mentorship_match_rules.xml",
        "views/mentorship_match_criterion_views.xml",
        "views/mentorship_participant_views.xml",
        "views/mentorship_programme_views.xml",
        "wizards/mentorship_match_suggestion_views.xml",
        "wizards/mentorship_match_wizard_views.xml",
    ],
    "demo": [
        "demo/mentorship_match_demo.xml",
    ],
    "post_init_hook": "post_init_hook",
}
