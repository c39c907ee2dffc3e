"""The `benchmark` command's work: a synthetic archive of seed-like articles (corpus.py), measured in a worker
process (timing.py), reported as a table of figures against their targets (report.py)."""
