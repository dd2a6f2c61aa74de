"""Otklik's shared schema package: the contract between services (pydantic only, no I/O)."""
