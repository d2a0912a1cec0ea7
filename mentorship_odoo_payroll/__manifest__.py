{
    "name": "Mentoring: OCA Payroll Bridge",
    "summary": "Pay confirmed mentor allowances through OCA payroll payslips",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Mentoring",
    "website": "https://github.com/mentorship-odoo/mentorship_odoo",
    "author": "mentorship_odoo",
    "maintainers": ["mentorship_odoo"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["mentorship_odoo", "payroll"],
    "data": [
        "data/hr_salary_rule_data.xml",
        "views/mentorship_allowance_views.xml",
    ],
    "auto_install": True,
}
