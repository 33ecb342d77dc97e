// Replaced by the first chart tests.
