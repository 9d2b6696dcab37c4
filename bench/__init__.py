"""Faro's throughput and latency benchmark (`make bench`); prints figures, asserts nothing."""
