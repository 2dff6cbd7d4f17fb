"""`coop simulate`: N whole games headless (placeholder until the fast loop lands)."""


def run_simulate(args) -> int:
    raise SystemExit("coop simulate: not ready yet")
