"""feedback-api: citizens' ratings and comments, their review and answer, surveys."""
