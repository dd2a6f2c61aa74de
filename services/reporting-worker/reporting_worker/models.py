"""Every ORM model of reporting-worker, imported so alembic sees the whole schema."""

from reporting_worker.aggregates.hourly import FeedbackHourly
from reporting_worker.aggregates.models import FeedbackCategoryDaily, FeedbackDaily
from reporting_worker.answers.models import AnswerRatingDaily, RatedAnswer
from reporting_worker.classification.models import CommentQuote
from reporting_worker.database import Base, inbox, outbox
from reporting_worker.directory.models import KnownAgency, KnownService, KnownTouchpoint
from reporting_worker.reports.models import ReportJob

__all__ = [
    "AnswerRatingDaily",
    "Base",
    "CommentQuote",
    "FeedbackCategoryDaily",
    "FeedbackDaily",
    "FeedbackHourly",
    "KnownAgency",
    "KnownService",
    "KnownTouchpoint",
    "RatedAnswer",
    "ReportJob",
    "inbox",
    "outbox",
]
