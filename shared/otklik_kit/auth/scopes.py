from enum import StrEnum


class Scope(StrEnum):
    FEEDBACK_WRITE = "feedback:write"
    FEEDBACK_READ = "feedback:read"
    # operators: assign, answer, close, propose; set the agency's review policy
    FEEDBACK_REVIEW = "feedback:review"
    # citizens' contact details (every read is recorded)
    FEEDBACK_CONTACTS = "feedback:contacts"
    # a publishable key of a portal's widget: posts single feedback for its one agency, from
    # its allowed origins only, nothing else (its secret is in the page, so public)
    FEEDBACK_PUBLISH = "feedback:publish"
    PLANS_READ = "plans:read"
    PLANS_WRITE = "plans:write"
    REPORTS_READ = "reports:read"
    ADMIN = "admin"


def parse_scopes(text: str) -> frozenset[Scope]:
    """`admin,plans:read` → scopes; raises ValueError naming an unknown scope."""
    scopes = set()
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        try:
            scopes.add(Scope(part))
        except ValueError:
            known = ", ".join(s.value for s in Scope)
            raise ValueError(f"unknown scope {part!r}; known: {known}") from None
    if not scopes:
        raise ValueError("at least one scope is required")
    return frozenset(scopes)
