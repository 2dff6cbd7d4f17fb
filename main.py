"""Run COOP ou pas COOP from a checkout: `python main.py` is the `coop` command."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
