"""Change journal to signed bundles, keys, merge, transports (issues 4 and 5). No Qt here."""
