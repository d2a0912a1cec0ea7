from . import mentorship_pair_terminate_wizard
from . import mentorship_pair_replace_wizard
from . import mentorship_survey_send_wizard
from . import mentorship_monitoring_report_wizard
