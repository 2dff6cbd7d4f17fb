"""Headless play: the `coop simulate` command and its fast game loop."""
