"""``python -m nedtrapping``: the command line (the same as the ``nedtrapping`` command)."""

import sys

from nedtrapping.cli import main

sys.exit(main())
