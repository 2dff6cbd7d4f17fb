"""COOP ou pas COOP: a cooperation debate game projected in workshops."""

__version__ = "0.1.0"
