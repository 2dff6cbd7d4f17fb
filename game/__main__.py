"""`python -m game` is the `coop` command."""

import sys

from game.cli import main

sys.exit(main())
