"""``python -m pp_desktop`` runs the same entry point as the ``pp-desktop`` command."""

import sys

from pp_desktop.app import main

sys.exit(main())
