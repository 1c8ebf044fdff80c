"""``python -m nedtrapping.cli``: the command line."""

import sys

from nedtrapping.cli import main

sys.exit(main())
