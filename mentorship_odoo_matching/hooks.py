def post_init_hook(env):
    """Programmes that exist before the addon get the shipped criteria, as new ones do."""
    env["mentorship.programme"].with_context(active_test=False).search([])._ensure_match_criteria()
