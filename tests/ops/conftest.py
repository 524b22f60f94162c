"""The backup, fault and two-instance tests run only when asked for by marker (`-m backup`, `-m faults`,
`-m instances`).

They need PostgreSQL and its command-line tools (the two-instance test Redis too), and the fault tests stop the
server: .ci/run selects them, against PostgreSQL, last. Any other run leaves
them out (deselected, not skipped).
"""

SELECTED_ONLY_BY_NAME = ("backup", "faults", "instances")


def pytest_collection_modifyitems(config, items):
    expression = config.option.markexpr or ""
    keep, drop = [], []
    for item in items:
        markers = {marker.name for marker in item.iter_markers()}
        wanted = [name for name in SELECTED_ONLY_BY_NAME if name in markers]
        if wanted and not any(name in expression and f"not {name}" not in expression for name in wanted):
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
