"""`make bench`: Otklik's figures against references measured in the same run on this machine.

Starts its own servers on 127.0.0.1 (real uvicorn processes, a private Redis, dedicated
databases on the local PostgreSQL), loads them for a bounded time, stops them, prints one table
and writes it to docs/BENCHMARKS.md.
"""
