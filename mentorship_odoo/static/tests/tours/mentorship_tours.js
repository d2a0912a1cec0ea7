import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// The curator opens the Mentoring app, finds a draft pair and tries to activate it: the mentor's
// written consent to appointment is missing, so Odoo refuses and names the consent and the person.
registry.category("web_tour.tours").add("mentorship_activation_blocked_by_consent", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Mentoring app",
            trigger: '.o_app[data-menu-xmlid="mentorship_odoo.mentorship_menu_root"]',
            run: "click",
        },
        {
            content: "Open Programmes > Pairs and Groups",
            trigger: '.o_main_navbar button:contains("Programmes")',
            run: "click",
        },
        {
            trigger: '.dropdown-item:contains("Pairs and Groups")',
            run: "click",
        },
        {
            content: "Open the draft pair of the young teacher",
            trigger: '.o_data_row:contains("Тестов Молодой Педагог") .o_data_cell[name="mentor_id"]',
            run: "click",
        },
        {
            content: "Try to activate it",
            trigger: 'button[name="action_activate"]',
            run: "click",
        },
        {
            content: "Odoo names the missing consent and the mentor",
            trigger:
                '.modal-body:contains("Written Consent to Appointment as Mentor"):contains("Тестов Опытный Наставник")',
        },
        {
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The pair is still a draft",
            trigger: '.o_statusbar_status button.o_arrow_button_current:contains("Draft")',
        },
    ],
});

// A mentor opens "My Pairs" and sees their own pair only.
registry.category("web_tour.tours").add("mentorship_mentor_sees_own_pairs", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="mentorship_odoo.mentorship_menu_root"]',
            run: "click",
        },
        {
            content: "My Pairs opens as kanban; switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The mentor's own pair is listed",
            trigger: '.o_data_row:contains("Тестов Молодой Педагог")',
        },
        {
            content: "…and only that one",
            trigger: ".o_list_view:not(:has(.o_data_row:contains('Чужой Наставляемый')))",
        },
    ],
});
