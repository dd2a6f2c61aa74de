"""Prometheus metrics shared by all services (one registry per process)."""

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUESTS = Counter(
    "otklik_http_requests_total",
    "HTTP requests served",
    ["service", "method", "route", "status"],
)
HTTP_LATENCY = Histogram(
    "otklik_http_request_duration_seconds",
    "HTTP request latency",
    ["service", "method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
OUTBOX_RELAYED = Counter(
    "otklik_outbox_relayed_total", "Outbox events handed to Redis", ["service", "queue"]
)
OUTBOX_REENQUEUED = Counter(
    "otklik_outbox_reenqueued_total", "Outbox batches re-sent by the sweeper", ["service"]
)
OUTBOX_PENDING = Gauge(
    "otklik_outbox_pending", "Outbox events not yet handed to Redis", ["service"]
)
EVENTS_HANDLED = Counter(
    "otklik_events_handled_total", "Events applied by a consumer", ["consumer", "type", "outcome"]
)
INGEST_BATCH_SIZE = Histogram(
    "otklik_ingest_batch_size",
    "Feedback written per group commit",
    buckets=(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000),
)
INGEST_PATH = Counter(
    "otklik_ingest_path_total",
    "Feedback posts served by the fast path, or handed on to the route (irregular ones)",
    ["path"],
)
INGEST_ACCEPTED = Counter(
    "otklik_ingest_feedback_total", "Feedback submissions by outcome", ["outcome"]
)
WEBHOOK_TRIES = Counter(
    "otklik_webhook_tries_total",
    "Webhook delivery tries by outcome (delivered, retry, failed)",
    ["outcome"],
)
