from . import mentorship_pair_terminate_wizard
from . import mentorship_pair_replace_wizard
from . import mentorship_plan_template_apply_wizard
from . import mentorship_meeting_schedule_wizard
from . import mentorship_meeting_joint_wizard
from . import mentorship_roadmap_generate_wizard
from . import mentorship_document_print_wizard
from . import mentorship_award_wizard
