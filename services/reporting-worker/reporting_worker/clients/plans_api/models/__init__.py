"""Contains all the data models used in inputs/outputs"""

from .agency_create import AgencyCreate
from .agency_level import AgencyLevel
from .agency_plan_progress import AgencyPlanProgress
from .agency_plan_progress_plans_by_status import AgencyPlanProgressPlansByStatus
from .agency_read import AgencyRead
from .agency_update import AgencyUpdate
from .answer import Answer
from .answer_counts import AnswerCounts
from .body_import_services import BodyImportServices
from .body_upload_plan_item_evidence import BodyUploadPlanItemEvidence
from .checklist_create import ChecklistCreate
from .checklist_create_answers import ChecklistCreateAnswers
from .checklist_create_comments import ChecklistCreateComments
from .checklist_read import ChecklistRead
from .checklist_read_answers import ChecklistReadAnswers
from .checklist_read_comments import ChecklistReadComments
from .checklist_update import ChecklistUpdate
from .checklist_update_answers import ChecklistUpdateAnswers
from .checklist_update_comments import ChecklistUpdateComments
from .client_need import ClientNeed
from .criterion import Criterion
from .custom_item_create import CustomItemCreate
from .custom_item_create_origin import CustomItemCreateOrigin
from .direction import Direction
from .done_item import DoneItem
from .done_item_origin import DoneItemOrigin
from .evidence_in import EvidenceIn
from .evidence_read import EvidenceRead
from .executor_in import ExecutorIn
from .executor_read import ExecutorRead
from .executor_status import ExecutorStatus
from .executor_status_update import ExecutorStatusUpdate
from .executors_replace import ExecutorsReplace
from .field_error import FieldError
from .import_result import ImportResult
from .internal_subkind import InternalSubkind
from .item_status import ItemStatus
from .item_update import ItemUpdate
from .life_situation_create import LifeSituationCreate
from .life_situation_read import LifeSituationRead
from .life_situation_ref import LifeSituationRef
from .life_situation_update import LifeSituationUpdate
from .liveness import Liveness
from .overdue_item import OverdueItem
from .page_agency_read import PageAgencyRead
from .page_life_situation_read import PageLifeSituationRead
from .page_proposal_read import PageProposalRead
from .page_service_read import PageServiceRead
from .page_touchpoint_read import PageTouchpointRead
from .plan_approval import PlanApproval
from .plan_header_update import PlanHeaderUpdate
from .plan_progress import PlanProgress
from .plan_read import PlanRead
from .plan_row_read import PlanRowRead
from .plan_row_read_kind import PlanRowReadKind
from .plan_row_read_origin import PlanRowReadOrigin
from .plan_status import PlanStatus
from .plan_summary import PlanSummary
from .plan_template import PlanTemplate
from .plans_progress import PlansProgress
from .problem import Problem
from .progress_counts import ProgressCounts
from .proposal_accept import ProposalAccept
from .proposal_read import ProposalRead
from .proposal_reject import ProposalReject
from .proposal_status import ProposalStatus
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .result_document import ResultDocument
from .revision_read import RevisionRead
from .revision_read_changes_item import RevisionReadChangesItem
from .service_create import ServiceCreate
from .service_read import ServiceRead
from .service_update import ServiceUpdate
from .stage import Stage
from .survey_facts import SurveyFacts
from .template_footnote import TemplateFootnote
from .template_node import TemplateNode
from .template_node_kind import TemplateNodeKind
from .touchpoint_create import TouchpointCreate
from .touchpoint_kind import TouchpointKind
from .touchpoint_read import TouchpointRead
from .touchpoint_update import TouchpointUpdate
from .tracked_plan_progress import TrackedPlanProgress

__all__ = (
    "AgencyCreate",
    "AgencyLevel",
    "AgencyPlanProgress",
    "AgencyPlanProgressPlansByStatus",
    "AgencyRead",
    "AgencyUpdate",
    "Answer",
    "AnswerCounts",
    "BodyImportServices",
    "BodyUploadPlanItemEvidence",
    "ChecklistCreate",
    "ChecklistCreateAnswers",
    "ChecklistCreateComments",
    "ChecklistRead",
    "ChecklistReadAnswers",
    "ChecklistReadComments",
    "ChecklistUpdate",
    "ChecklistUpdateAnswers",
    "ChecklistUpdateComments",
    "ClientNeed",
    "Criterion",
    "CustomItemCreate",
    "CustomItemCreateOrigin",
    "Direction",
    "DoneItem",
    "DoneItemOrigin",
    "EvidenceIn",
    "EvidenceRead",
    "ExecutorIn",
    "ExecutorRead",
    "ExecutorStatus",
    "ExecutorStatusUpdate",
    "ExecutorsReplace",
    "FieldError",
    "ImportResult",
    "InternalSubkind",
    "ItemStatus",
    "ItemUpdate",
    "LifeSituationCreate",
    "LifeSituationRead",
    "LifeSituationRef",
    "LifeSituationUpdate",
    "Liveness",
    "OverdueItem",
    "PageAgencyRead",
    "PageLifeSituationRead",
    "PageProposalRead",
    "PageServiceRead",
    "PageTouchpointRead",
    "PlanApproval",
    "PlanHeaderUpdate",
    "PlanProgress",
    "PlanRead",
    "PlanRowRead",
    "PlanRowReadKind",
    "PlanRowReadOrigin",
    "PlanStatus",
    "PlanSummary",
    "PlanTemplate",
    "PlansProgress",
    "Problem",
    "ProgressCounts",
    "ProposalAccept",
    "ProposalRead",
    "ProposalReject",
    "ProposalStatus",
    "Readiness",
    "ReadinessChecks",
    "ResultDocument",
    "RevisionRead",
    "RevisionReadChangesItem",
    "ServiceCreate",
    "ServiceRead",
    "ServiceUpdate",
    "Stage",
    "SurveyFacts",
    "TemplateFootnote",
    "TemplateNode",
    "TemplateNodeKind",
    "TouchpointCreate",
    "TouchpointKind",
    "TouchpointRead",
    "TouchpointUpdate",
    "TrackedPlanProgress",
)
