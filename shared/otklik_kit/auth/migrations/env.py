from otklik_kit.auth.models import AuthBase
from otklik_kit.migrations import run_env

run_env(AuthBase.metadata)
