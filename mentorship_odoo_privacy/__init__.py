from . import models, reports, wizards
from .hooks import uninstall_hook
