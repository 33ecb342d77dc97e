// Replaced by the first observability tests.
