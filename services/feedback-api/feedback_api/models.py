"""Every ORM model of feedback-api, imported so alembic sees the whole schema."""

from feedback_api.answers.models import AnswerRating
from feedback_api.catalog.models import CatalogAgency, CatalogService, CatalogTouchpoint
from feedback_api.contacts.models import Contact, ContactAccess
from feedback_api.database import Base, inbox, outbox
from feedback_api.feedback.models import Feedback, IdempotencyKey, ReviewPolicy
from feedback_api.pages.models import TouchpointRating
from feedback_api.review.models import FeedbackAnswer, Proposal
from feedback_api.surveys.models import SurveyAnswer, SurveyResponse, SurveyRun, SurveyTemplate
from feedback_api.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint

__all__ = [
    "AnswerRating",
    "Base",
    "CatalogAgency",
    "CatalogService",
    "CatalogTouchpoint",
    "Contact",
    "ContactAccess",
    "Feedback",
    "FeedbackAnswer",
    "IdempotencyKey",
    "Proposal",
    "ReviewPolicy",
    "SurveyAnswer",
    "SurveyResponse",
    "SurveyRun",
    "SurveyTemplate",
    "TouchpointRating",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "inbox",
    "outbox",
]
