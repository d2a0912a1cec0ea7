from . import (
    mail_activity,
    mentorship_consent,
    mentorship_consent_request,
    mentorship_meeting,
    mentorship_meeting_rating,
    mentorship_pair,
    mentorship_participant,
    mentorship_plan_line,
    mentorship_programme,
    res_partner,
)
