from . import mentorship_pair_terminate_wizard
from . import mentorship_pair_replace_wizard
from . import mentorship_allowance_generate_wizard
from . import mentorship_allowance_cancel_wizard
from . import mentorship_absence_import_wizard
