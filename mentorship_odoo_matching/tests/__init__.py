from . import test_matching_tools
from . import test_matching
from . import test_matching_access
from . import test_translations
