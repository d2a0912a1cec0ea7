{
    "name": "Mentoring Portal (Наставничество: личный кабинет)",
    "summary": "Mentees, student and employer mentors and legal representatives work on their own "
    "portal pages: pairs, plan, meetings with ratings, questionnaires, consents with signature, "
    "documents",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Mentoring",
    "website": "https://github.com/mentorship-odoo/mentorship_odoo",
    "author": "mentorship_odoo",
    "maintainers": ["mentorship_odoo"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["mentorship_odoo", "portal"],
    "data": [
        "security/mentorship_portal_security.xml",
        "security/ir.model.access.csv",
        "security/mentorship_portal_rules.xml",
        "data/mail_activity_type_data.xml",
        "views/mentorship_portal_templates.xml",
        "views/mentorship_consent_request_views.xml",
        "views/mentorship_meeting_rating_views.xml",
        "views/mentorship_views.xml",
        "views/mentorship_consent_request_report.xml",
    ],
    "demo": ["demo/mentorship_portal_demo.xml"],
    "assets": {
        "web.assets_tests": ["mentorship_odoo_portal/static/tests/tours/**/*"],
    },
    "auto_install": True,
}
