"""Where an interaction happens: the stage of the path a feedback is about, and the channel,
by how much of the service is done in person and what the agency actually offers."""

from collections.abc import Mapping, Sequence

from otklik_kit.demo.region import ServiceSpec
from otklik_shared.vocab import Channel, Stage

STAGE_VOLUME = {
    Stage.INFORMATION: 0.12,
    Stage.CONSULTATION: 0.08,
    Stage.APPOINTMENT: 0.2,
    Stage.APPLICATION: 0.25,
    Stage.PAYMENT: 0.05,
    Stage.PROCESSING: 0.07,
    Stage.ADDITIONAL_DOCUMENTS: 0.04,
    Stage.INSPECTION: 0.04,
    Stage.DECISION: 0.08,
    Stage.RESULT: 0.22,
    Stage.AFTER_RESULT: 0.04,
}
# channels every agency has without a touchpoint of its own
ALWAYS = frozenset({Channel.EPGU, Channel.REGIONAL_PORTAL, Channel.EMAIL, Channel.POST})
ASKING_STAGES = frozenset({Stage.INFORMATION, Stage.CONSULTATION, Stage.APPOINTMENT})
# Saturday, Sunday: offices close, MFCs work shorter, the call centre is quieter
WEEKEND = {
    5: {Channel.MFC: 0.6, Channel.TERMINAL: 0.6, Channel.AGENCY_OFFICE: 0.05},
    6: {
        Channel.MFC: 0.15,
        Channel.TERMINAL: 0.15,
        Channel.AGENCY_OFFICE: 0.0,
        Channel.CONTACT_CENTER: 0.3,
    },
}


def stage_weights(service: ServiceSpec) -> dict[Stage, float]:
    return {stage: STAGE_VOLUME[stage] for stage in service.stages}


def channel_weights(
    service: ServiceSpec,
    stage: Stage,
    weekday: int,
    offered: Mapping[Channel, Sequence[str]],
    *,
    in_mfc: bool,
) -> dict[Channel, float]:
    """`offered`: the agency's touchpoints by channel; `in_mfc`: served in the MFC offices."""
    available = set(offered) | ALWAYS
    in_person, online = service.offline_share, 1 - service.offline_share
    has_office = Channel.AGENCY_OFFICE in available
    weights = {
        Channel.MFC: in_person * (0.7 if has_office else 0.96) if in_mfc else 0.0,
        Channel.TERMINAL: in_person * 0.04 if in_mfc else 0.0,
        Channel.AGENCY_OFFICE: in_person * (0.3 if in_mfc else 1.0) if has_office else 0.0,
        Channel.EPGU: online * 0.5,
        Channel.REGIONAL_PORTAL: online * 0.25,
        Channel.OFFICIAL_SITE: online * 0.1,
        Channel.MOBILE_APP: online * 0.15,
        Channel.EMAIL: 0.01,
        Channel.POST: 0.004,
    }
    if stage in ASKING_STAGES:
        weights |= {
            Channel.CONTACT_CENTER: 0.3,
            Channel.CHAT_BOT: 0.08,
            Channel.VOICE_ASSISTANT: 0.12,
            Channel.MESSENGER: 0.04,
            Channel.SOCIAL_NETWORK: 0.03,
        }
    if stage in (Stage.DECISION, Stage.RESULT):
        weights[Channel.SMS] = 0.02
    for channel, factor in WEEKEND.get(weekday, {}).items():
        weights[channel] = weights.get(channel, 0.0) * factor
    return {
        channel: weight
        for channel, weight in weights.items()
        if weight > 0 and (channel in available or channel == Channel.SMS)
    }
