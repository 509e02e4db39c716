import sys

from seedlint.cli import main

sys.exit(main())
