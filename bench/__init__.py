"""Benchmarks: `python -m bench [--quick] [--users N]`. Not part of the test suite."""
