from . import mentorship_pair_terminate_wizard
from . import mentorship_pair_replace_wizard
from . import mentorship_document_print_wizard
from . import mentorship_award_wizard
