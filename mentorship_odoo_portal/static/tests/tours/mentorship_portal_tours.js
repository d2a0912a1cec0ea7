import { registry } from "@web/core/registry";

// The mentee opens the Mentoring tile, ticks the plan's activity done with a file of evidence and a
// reflection, then rates the last held meeting and asks for help.
registry.category("web_tour.tours").add("mentorship_portal_mentee", {
    url: "/my",
    steps: () => [
        {
            content: "Open the Mentoring tile",
            trigger: '.o_portal_index_card a[href="/my/mentorship"]',
            run: "click",
        },
        {
            content: "Open the plan of the pair",
            trigger: '.o_mentorship_pair_card a:contains("Plan")',
            run: "click",
        },
        {
            content: "Tick the activity done",
            trigger: ".o_mentorship_mentee_form input[name=done]",
            run: "click",
        },
        {
            content: "Attach a file of evidence",
            trigger: ".o_mentorship_mentee_form input[name=evidence]",
            run() {
                const input = document.querySelector(".o_mentorship_mentee_form input[name=evidence]");
                const transfer = new DataTransfer();
                transfer.items.add(new File(["конспект"], "конспект.txt", { type: "text/plain" }));
                input.files = transfer.files;
            },
        },
        {
            content: "Write the reflection",
            trigger: ".o_mentorship_mentee_form textarea[name=mentee_reflection]",
            run: "edit Понял, как работать безопасно",
        },
        {
            content: "Save the activity",
            trigger: ".o_mentorship_activity_save",
            run: "click",
        },
        {
            content: "The activity shows the evidence and waits for the mentor",
            trigger: '.o_mentorship_activity:contains("конспект.txt"):contains("reported done")',
        },
        {
            content: "Go to the meetings",
            trigger: 'a.nav-link[href="/my/mentorship/meetings"]',
            run: "click",
        },
        {
            content: "Open the held meeting to rate it",
            trigger: '.o_mentorship_past_meeting a:contains("Rate")',
            run: "click",
        },
        {
            content: "Give 2 out of 5",
            trigger: 'label[for="rating_2"]',
            run: "click",
        },
        {
            content: "Ask for help",
            trigger: "input#needs_help",
            run: "click",
        },
        {
            content: "Send the rating",
            trigger: ".o_mentorship_rate_submit",
            run: "click",
        },
        {
            content: "The rating is recorded",
            trigger: '.o_mentorship_my_rating:contains("2/5")',
        },
    ],
});

// The employer mentor logs a held meeting from /my in three clicks: the tile, «Log a Meeting» and
// «Save the Meeting» (the date, duration and attendees are filled in; the topic is typed).
registry.category("web_tour.tours").add("mentorship_portal_mentor", {
    url: "/my",
    steps: () => [
        {
            content: "Click 1: the Mentoring tile",
            trigger: '.o_portal_index_card a[href="/my/mentorship"]',
            run: "click",
        },
        {
            content: "Click 2: log a meeting of the pair with Студент A",
            trigger: '.o_mentorship_pair_card:contains("Студент A") .o_mentorship_log_meeting_link',
            run: "click",
        },
        {
            content: "Type the topic",
            trigger: "#meeting_topic",
            run: "edit Техника безопасности на участке",
        },
        {
            content: "Click 3: save the meeting",
            trigger: ".o_mentorship_log_meeting_submit",
            run: "click",
        },
        {
            content: "The meeting is logged, waiting for the mentee's confirmation",
            trigger: '.o_mentorship_success:contains("logged")',
        },
        {
            trigger: '.o_mentorship_confirmed:contains("not yet")',
        },
    ],
});

// The legal representative opens the consent to sign from /my, signs it with name and signature,
// then withdraws it.
registry.category("web_tour.tours").add("mentorship_portal_representative", {
    url: "/my",
    steps: () => [
        {
            content: "Open the consents to sign",
            trigger: '.o_portal_index_card a[href="/my/mentorship/consents"]',
            run: "click",
        },
        {
            content: "Open the consent",
            trigger: ".o_mentorship_consent_open",
            run: "click",
        },
        {
            content: "Read the text and sign",
            trigger: '.o_mentorship_consent_text:contains("Студент A")',
        },
        {
            trigger: ".o_mentorship_consent_sign",
            run: "click",
        },
        {
            content: "The name is filled in",
            trigger: ".modal .o_web_sign_name_and_signature input:value(Родитель A)",
        },
        {
            content: "Choose a style of the signature (it is drawn from the name)",
            trigger: ".modal .o_web_sign_auto_select_style button",
            run: "click",
        },
        {
            trigger: ".o-dropdown-item:eq(1)",
            run: "click",
        },
        {
            content: "Submit the signature",
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: "click",
        },
        {
            content: "The consent is signed",
            trigger: ".o_mentorship_consent_withdraw",
        },
        {
            content: "Withdraw it",
            trigger: ".o_mentorship_consent_withdraw",
            run: "click",
        },
        {
            content: "The consent is withdrawn",
            trigger: '.o_mentorship_success:contains("withdrawn")',
        },
    ],
});
