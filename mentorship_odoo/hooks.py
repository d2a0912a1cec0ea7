import graphlib
import logging

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from .models.res_company import DOCUMENTS_LANG

_logger = logging.getLogger(__name__)


def _own_models(env, module):
    """The models ``module`` defines and stores in tables of their own (dropped on uninstall)."""
    return {
        name: model
        for name, model in env.registry.items()
        if model._original_module == module and not model._abstract and model._auto
    }


def _deletion_order(models, ondeletes):
    """Model names so that a model comes before the models its many2one fields with one of
    ``ondeletes`` point to (lines before their document, a pair before its programme)."""
    graph = {name: set() for name in models}
    for name, model in models.items():
        for field in model._fields.values():
            if (
                field.type == "many2one"
                and field.store
                and field.ondelete in ondeletes
                and field.comodel_name in models
                and field.comodel_name != name
            ):
                graph[field.comodel_name].add(name)
    return list(graphlib.TopologicalSorter(graph).static_order())


def post_init_hook(env):
    """Printed mentoring documents are Russian: their catalogue and selection labels (forms, kinds,
    directions, statuses) come from the translations, so Russian is loaded with the addon, for
    every installed module, and becomes the documents language of the companies that have none.
    """
    if not env["res.lang"]._get_data(code=DOCUMENTS_LANG):
        _logger.info(
            "Mentoring documents are printed in Russian: loading the language %s (with the "
            "translations of the installed modules)",
            DOCUMENTS_LANG,
        )
        if not env["res.lang"]._activate_lang(DOCUMENTS_LANG):
            env["res.lang"]._create_lang(DOCUMENTS_LANG)
        modules = env["ir.module.module"].search([("state", "in", ("installed", "to install", "to upgrade"))])
        modules._update_translations(DOCUMENTS_LANG)
    companies = env["res.company"].search([("mentorship_document_lang", "=", False)])
    companies.mentorship_document_lang = DOCUMENTS_LANG


def uninstall_hook(env):
    """Delete every mentoring record before Odoo removes the module's data.

    Odoo deletes the records that have an external id of the module one by one, newest first,
    and drops the tables only at the end. A record still referenced through a restricting link
    by one without an external id (a pair by the accrual lines generated for it, a road-map stage
    by the items generated from a template, a participant by the pair of a replaced mentor…)
    cannot be deleted, and each attempt logs an ERROR; the demo data is full of such records. The
    tables are dropped anyway, so empty them first, through the ORM so that what lives outside
    them goes too (calendar events, chatter, attachments): lines before the records they belong
    to, and records before those they restrict. The business rules that refuse these deletions
    in use (only draft pairs, accruals, documents…) do not apply while uninstalling.
    """
    env = env(
        context=dict(env.context, active_test=False, tracking_disable=True, **{MODULE_UNINSTALL_FLAG: True})
    )
    models = _own_models(env, "mentorship_odoo")
    try:
        order = _deletion_order(models, ("restrict", "cascade"))
    except graphlib.CycleError:
        try:
            order = _deletion_order(models, ("restrict",))
        except graphlib.CycleError:
            _logger.warning("Mentoring models refer to each other in a cycle: deleting in any order.")
            order = list(models)
    for name in order:
        # Newest first: a record that points to an older one of its model (the previous version
        # of a document) goes before it.
        records = env[name].sudo().search([], order="id desc")
        if records:
            _logger.info("Uninstalling mentoring: deleting %s %s records", len(records), name)
            records.unlink()
    env.flush_all()
