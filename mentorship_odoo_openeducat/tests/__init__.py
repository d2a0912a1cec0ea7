from . import test_student_mapping
from . import test_parent_consent
from . import test_attendance_allowance
from . import test_import
from . import test_access
from . import test_translations
