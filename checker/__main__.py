"""``python -m checker``: the same as the ``etiquette`` command."""

from checker.cli import main

raise SystemExit(main())
