"""One module per screen; each reads what it may show and turns keys and clicks into actions."""
