"""Command line of pp-desktop."""
