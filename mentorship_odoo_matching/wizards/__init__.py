from . import mentorship_match_suggestion
from . import mentorship_match_suggestion_line
from . import mentorship_match_wizard
from . import mentorship_match_wizard_line
