from . import mentorship_privacy_act_report
