from . import wilcoxon
