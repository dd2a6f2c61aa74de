from feedback_api.models import Base
from otklik_kit.migrations import run_env

run_env(Base.metadata)
