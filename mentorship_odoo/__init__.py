from . import tools
from . import models
from . import reports
from . import wizards
from .hooks import uninstall_hook
