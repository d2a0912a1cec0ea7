"""Window actions that buttons return, as a pure function (no Odoo environment)."""


def window_action(
    name,
    res_model,
    view_mode="form",
    *,
    res_id=None,
    domain=None,
    context=None,
    target=None,
    views=None,
    **extra,
):
    """The ``ir.actions.act_window`` dict that opens ``res_model`` in ``view_mode``.

    Only the keys given are set: ``name`` and the keyword arguments left at None are not in the
    dict (a False ``res_id`` is, as the web client reads it as "no record"); ``extra`` adds any
    other key of a window action as it is."""
    action = {"type": "ir.actions.act_window"}
    if name is not None:
        action["name"] = name
    action["res_model"] = res_model
    action["view_mode"] = view_mode
    optional = {"res_id": res_id, "domain": domain, "context": context, "target": target, "views": views}
    action.update((key, value) for key, value in optional.items() if value is not None)
    action.update(extra)
    return action
