from . import mentorship_document_report
from . import mentorship_report_orders
from . import mentorship_report_agreements
from . import mentorship_report_consent
from . import mentorship_report_awards
from . import mentorship_report_plan
from . import mentorship_report_register
from . import mentorship_monitoring_report
