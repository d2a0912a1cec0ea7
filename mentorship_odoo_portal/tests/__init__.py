from . import test_portal_access, test_portal_tours, test_portal_work, test_translations
