"""The local dev stack: embedded PostgreSQL and Redis, and the `otklik run` supervisor."""
