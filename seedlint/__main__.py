import sys

from seedlint.commands.cli import main

sys.exit(main())
