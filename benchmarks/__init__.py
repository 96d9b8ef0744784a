"""Performance benchmarks of DESIGN §8: run with ``python -m benchmarks`` (``make bench``)."""
