from . import mentorship_pair_terminate_wizard
from . import mentorship_pair_replace_wizard
