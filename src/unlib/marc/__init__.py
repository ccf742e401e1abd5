"""MARCXML records of the UN Digital Library: reading them and filing them as works."""
