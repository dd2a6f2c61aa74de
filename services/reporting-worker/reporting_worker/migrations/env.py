from otklik_kit.migrations import run_env
from reporting_worker.models import Base

run_env(Base.metadata)
