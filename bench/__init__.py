"""Benchmarks and baselines: `python -m bench …` (also `python -m align bench …` from a checkout). Outside the library package."""
