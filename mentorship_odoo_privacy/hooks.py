from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG
from odoo.addons.mentorship_odoo.hooks import _deletion_order, _own_models


def uninstall_hook(env):
    """Delete the acts' register entries, the acts and the event log before Odoo removes the
    module's data: the register entries point to the acts, the acts to core participants."""
    env = env(
        context=dict(env.context, active_test=False, tracking_disable=True, **{MODULE_UNINSTALL_FLAG: True})
    )
    if "privacy_erasure_id" in env["mentorship.document"]._fields:
        env["mentorship.document"].sudo().search(
            [("privacy_erasure_id", "!=", False)], order="id desc"
        ).unlink()
    models = _own_models(env, "mentorship_odoo_privacy")
    for name in _deletion_order(models, ("restrict", "cascade")):
        env[name].sudo().search([], order="id desc").unlink()
    env.flush_all()
