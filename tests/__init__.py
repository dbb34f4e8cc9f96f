"""The project's tests. A regular package, so that the top-level `tests` package that argostranslate's
wheel installs into site-packages cannot shadow it."""
