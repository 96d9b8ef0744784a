"""pp-desktop: the offline field tool of the Paris Pact Research and Liaison Officers."""

__version__ = "0.1.0"
APP_NAME = "pp-desktop"
