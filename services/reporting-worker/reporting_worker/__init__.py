"""reporting-worker: aggregates, comment classification, monthly analytical reports."""
