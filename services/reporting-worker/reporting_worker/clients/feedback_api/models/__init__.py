"""Contains all the data models used in inputs/outputs"""

from .assignment_in import AssignmentIn
from .batch_feedback_item import BatchFeedbackItem
from .batch_item_result import BatchItemResult
from .batch_item_result_outcome import BatchItemResultOutcome
from .batch_report import BatchReport
from .channel import Channel
from .client_type import ClientType
from .contact_access_read import ContactAccessRead
from .contact_in import ContactIn
from .contact_read import ContactRead
from .criteria_ratings import CriteriaRatings
from .criterion import Criterion
from .erasure_report import ErasureReport
from .erasure_request import ErasureRequest
from .feedback_answer_in import FeedbackAnswerIn
from .feedback_batch import FeedbackBatch
from .feedback_batch_batch_feedback_item import FeedbackBatchBatchFeedbackItem
from .feedback_create import FeedbackCreate
from .feedback_payload import FeedbackPayload
from .feedback_payload_criteria import FeedbackPayloadCriteria
from .feedback_read import FeedbackRead
from .feedback_read_sentiment_type_0 import FeedbackReadSentimentType0
from .feedback_receipt import FeedbackReceipt
from .feedback_status import FeedbackStatus
from .feedback_status_read import FeedbackStatusRead
from .field_error import FieldError
from .instrument_summary import InstrumentSummary
from .liveness import Liveness
from .nps_breakdown import NpsBreakdown
from .option_count import OptionCount
from .option_read import OptionRead
from .page_feedback_payload import PageFeedbackPayload
from .page_feedback_read import PageFeedbackRead
from .page_survey_run_read import PageSurveyRunRead
from .page_webhook_attempt_read import PageWebhookAttemptRead
from .pain_category import PainCategory
from .problem import Problem
from .proposal_create import ProposalCreate
from .proposal_read import ProposalRead
from .public_survey_form import PublicSurveyForm
from .question import Question
from .question_kind import QuestionKind
from .question_read import QuestionRead
from .question_result import QuestionResult
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .review_policy_in import ReviewPolicyIn
from .review_policy_read import ReviewPolicyRead
from .run_period_facts import RunPeriodFacts
from .run_status import RunStatus
from .stage import Stage
from .survey_answer_in import SurveyAnswerIn
from .survey_audience import SurveyAudience
from .survey_facts import SurveyFacts
from .survey_period_facts import SurveyPeriodFacts
from .survey_response_in import SurveyResponseIn
from .survey_response_receipt import SurveyResponseReceipt
from .survey_results import SurveyResults
from .survey_run_create import SurveyRunCreate
from .survey_run_read import SurveyRunRead
from .survey_template_create import SurveyTemplateCreate
from .survey_template_list import SurveyTemplateList
from .survey_template_read import SurveyTemplateRead
from .value_count import ValueCount
from .webhook_attempt_read import WebhookAttemptRead
from .webhook_endpoint_created import WebhookEndpointCreated
from .webhook_endpoint_in import WebhookEndpointIn
from .webhook_endpoint_read import WebhookEndpointRead

__all__ = (
    "AssignmentIn",
    "BatchFeedbackItem",
    "BatchItemResult",
    "BatchItemResultOutcome",
    "BatchReport",
    "Channel",
    "ClientType",
    "ContactAccessRead",
    "ContactIn",
    "ContactRead",
    "CriteriaRatings",
    "Criterion",
    "ErasureReport",
    "ErasureRequest",
    "FeedbackAnswerIn",
    "FeedbackBatch",
    "FeedbackBatchBatchFeedbackItem",
    "FeedbackCreate",
    "FeedbackPayload",
    "FeedbackPayloadCriteria",
    "FeedbackRead",
    "FeedbackReadSentimentType0",
    "FeedbackReceipt",
    "FeedbackStatus",
    "FeedbackStatusRead",
    "FieldError",
    "InstrumentSummary",
    "Liveness",
    "NpsBreakdown",
    "OptionCount",
    "OptionRead",
    "PageFeedbackPayload",
    "PageFeedbackRead",
    "PageSurveyRunRead",
    "PageWebhookAttemptRead",
    "PainCategory",
    "Problem",
    "ProposalCreate",
    "ProposalRead",
    "PublicSurveyForm",
    "Question",
    "QuestionKind",
    "QuestionRead",
    "QuestionResult",
    "Readiness",
    "ReadinessChecks",
    "ReviewPolicyIn",
    "ReviewPolicyRead",
    "RunPeriodFacts",
    "RunStatus",
    "Stage",
    "SurveyAnswerIn",
    "SurveyAudience",
    "SurveyFacts",
    "SurveyPeriodFacts",
    "SurveyResponseIn",
    "SurveyResponseReceipt",
    "SurveyResults",
    "SurveyRunCreate",
    "SurveyRunRead",
    "SurveyTemplateCreate",
    "SurveyTemplateList",
    "SurveyTemplateRead",
    "ValueCount",
    "WebhookAttemptRead",
    "WebhookEndpointCreated",
    "WebhookEndpointIn",
    "WebhookEndpointRead",
)
