from . import mentorship_match_criterion
from . import mentorship_match_engine
from . import mentorship_participant
from . import mentorship_programme
