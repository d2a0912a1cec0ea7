from . import mentorship_monitoring_report
