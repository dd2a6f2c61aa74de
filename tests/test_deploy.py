"""The deploy files (Dockerfile, Compose, Kubernetes) agree with the code they run.

Docker and a cluster are not available to the test suite, so the files are parsed and checked
against the real CLI parser, the real settings classes and the repository tree.
"""

from __future__ import annotations

import fnmatch
import importlib
import json
import re
import shlex
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
DEPLOY = REPO / "deploy"
DOCKERFILE = DEPLOY / "Dockerfile"
DOCKERIGNORE = REPO / ".dockerignore"
COMPOSE = DEPLOY / "docker-compose.yml"
K8S = DEPLOY / "k8s"
KUSTOMIZATION = K8S / "kustomization.yaml"

APP_PORTS = {"plans-api": 8001, "feedback-api": 8002, "reporting-worker": 8003}
SUBCOMMANDS = {"serve", "worker", "migrate", "apikey"}
PROBE_PATHS = {"/healthz", "/readyz"}
BASE_IMAGE = "python:3.11-slim"
# The environment the services read, spelled as the settings spell it.
SETTINGS_ENV = {
    "DATABASE_URL",
    "REDIS_URL",
    "LOG_LEVEL",
    "OTKLIK_ENV",
    "HOST",
    "CONTACTS_ENCRYPTION_KEY",
    "PUBLIC_PAGES_SECRET",
    "PLANS_API_URL",
    "FEEDBACK_API_URL",
    "FORWARDED_ALLOW_IPS",
}
REQUIRED_ENV = {
    "DATABASE_URL",
    "REDIS_URL",
    "OTKLIK_ENV",
    "CONTACTS_ENCRYPTION_KEY",
    "PUBLIC_PAGES_SECRET",
}
SECRET_ENV = {"DATABASE_URL", "REDIS_URL", "CONTACTS_ENCRYPTION_KEY", "PUBLIC_PAGES_SECRET"}
POD_OWNERS = {"Deployment", "Job", "StatefulSet", "DaemonSet"}
CLUSTER_SCOPED = {"Namespace"}


# --- Dockerfile ----------------------------------------------------------------------------------


def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for raw in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        keyword, _, rest = (pending + line).partition(" ")
        instructions.append((keyword.upper(), rest.strip()))
        pending = ""
    assert not pending, "the Dockerfile ends inside a continued line"
    return instructions


def dockerfile_exec_form(keyword: str) -> list[str]:
    values = [rest for name, rest in dockerfile() if name == keyword]
    assert len(values) == 1, f"one {keyword} expected, found {len(values)}"
    parsed = json.loads(values[0])
    assert isinstance(parsed, list), f"{keyword} must use the exec (JSON) form"
    return [str(part) for part in parsed]


def final_stage() -> list[tuple[str, str]]:
    instructions = dockerfile()
    last_from = max(i for i, (name, _) in enumerate(instructions) if name == "FROM")
    return instructions[last_from:]


def copy_sources(arguments: str) -> list[str]:
    parts = [part for part in shlex.split(arguments) if not part.startswith("--")]
    return parts[:-1]


def dockerignore_patterns() -> list[str]:
    lines = DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def healthcheck_code() -> str:
    (arguments,) = [rest for name, rest in dockerfile() if name == "HEALTHCHECK"]
    command = json.loads(arguments[arguments.index("CMD") + len("CMD") :])
    assert command[:2] == ["python", "-c"], "the image has no curl: check with python"
    return str(command[2])


def test_dockerfile_builds_in_stages_from_python_311_slim() -> None:
    instructions = dockerfile()
    args = {
        rest.partition("=")[0]: rest.partition("=")[2]
        for name, rest in instructions
        if name == "ARG" and "=" in rest
    }
    bases = [rest.split()[0] for name, rest in instructions if name == "FROM"]
    resolved = [re.sub(r"\$\{(\w+)\}", lambda m: args[m.group(1)], base) for base in bases]
    assert len(resolved) >= 2, "a build stage and a runtime stage"
    assert set(resolved) == {BASE_IMAGE}
    assert any(name == "COPY" and rest.startswith("--from=") for name, rest in final_stage()), (
        "the runtime stage copies the build stage's result"
    )


def test_dockerfile_runs_otklik_as_a_non_root_user() -> None:
    assert dockerfile_exec_form("ENTRYPOINT") == ["otklik"]
    assert dockerfile_exec_form("CMD") == ["serve", "plans-api", "--host", "0.0.0.0"]
    users = [rest for name, rest in final_stage() if name == "USER"]
    assert users, "the runtime stage must switch to an unprivileged user"
    assert users[-1].split(":")[0] not in {"root", "0"}


def test_dockerfile_installs_the_lock_without_dev_tools() -> None:
    runs = " ".join(rest for name, rest in dockerfile() if name == "RUN")
    lock = (REPO / "requirements.lock").read_text(encoding="utf-8")
    if "-r requirements.lock" in runs:
        dev = re.findall(r"^(pytest|ruff|mypy)==", lock, re.MULTILINE)
        assert not dev, f"installing the whole lock puts dev tools {dev} in the image"
    else:
        assert "-c requirements.lock" in runs, "runtime dependencies must be pinned by the lock"
    assert "pip install --no-deps ." in runs
    assert "[dev]" not in runs


def test_dockerfile_copy_sources_exist_and_reach_the_context() -> None:
    patterns = dockerignore_patterns()
    sources = [
        source
        for name, rest in dockerfile()
        if name in {"COPY", "ADD"} and "--from=" not in rest
        for source in copy_sources(rest)
    ]
    assert {"requirements.lock", "pyproject.toml", "shared", "services"} <= set(sources)
    for source in sources:
        assert (REPO / source).exists(), f"COPY {source}: not in the repository"
        for pattern in patterns:
            bare = pattern.removeprefix("**/")
            assert not fnmatch.fnmatch(source, pattern), f"{source} excluded by {pattern}"
            assert not fnmatch.fnmatch(source, bare), f"{source} excluded by {pattern}"


def test_dockerignore_keeps_local_state_out_of_the_context() -> None:
    patterns = {pattern.removeprefix("**/") for pattern in dockerignore_patterns()}
    required = {".venv", ".otklik", ".git", "__pycache__", ".mypy_cache", ".ruff_cache"}
    assert required | {".pytest_cache"} <= patterns


@pytest.mark.parametrize(
    ("pid1", "url"),
    [
        (["otklik", "serve", "feedback-api", "--host", "0.0.0.0"], "http://127.0.0.1:8002/healthz"),
        (["otklik", "serve", "plans-api"], "http://127.0.0.1:8001/healthz"),
        (["otklik", "worker"], None),
        (["otklik", "migrate"], None),
    ],
)
def test_image_healthcheck_probes_the_served_app(
    pid1: list[str], url: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    class Answer:
        status = 200

    def fake_urlopen(address: str, timeout: float) -> Answer:
        assert timeout > 0
        opened.append(address)
        return Answer()

    class FakeCmdline:
        def read(self) -> str:
            return "\0".join([*pid1, ""])

    def fake_open(path: str) -> FakeCmdline:
        assert path == "/proc/1/cmdline"
        return FakeCmdline()

    monkeypatch.setattr(urllib.request, "urlopen", fake_urlopen)
    with pytest.raises(SystemExit) as exit_info:
        exec(healthcheck_code(), {"open": fake_open})
    assert exit_info.value.code == 0
    assert opened == ([] if url is None else [url])
    assert all(urlsplit(address).path in PROBE_PATHS for address in opened)


# --- Compose -------------------------------------------------------------------------------------


def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def otklik_services() -> dict[str, dict[str, Any]]:
    """The Compose services built from the Otklik image."""
    return {name: svc for name, svc in compose()["services"].items() if "build" in svc}


def as_argv(value: str | list[str]) -> list[str]:
    return shlex.split(value) if isinstance(value, str) else [str(part) for part in value]


def compose_command_lines() -> dict[str, list[str]]:
    lines = {}
    for name, svc in otklik_services().items():
        entrypoint = as_argv(svc.get("entrypoint", dockerfile_exec_form("ENTRYPOINT")))
        command = as_argv(svc.get("command", dockerfile_exec_form("CMD")))
        lines[f"compose:{name}"] = entrypoint + command
    return lines


def served_app(argv: list[str]) -> str | None:
    return argv[2] if argv[1:2] == ["serve"] and len(argv) > 2 else None


def container_port(published: str | int) -> int:
    return int(str(published).split(":")[-1].split("/")[0])


def test_compose_runs_every_app_from_the_one_dockerfile() -> None:
    services = otklik_services()
    assert {"migrate", "worker", *APP_PORTS} <= set(services)
    images = {svc["image"] for svc in services.values()}
    assert len(images) == 1, f"one image for every app, found {images}"
    for name, svc in services.items():
        context = (COMPOSE.parent / svc["build"]["context"]).resolve()
        assert context == REPO, f"{name}: build context is not the repository root"
        assert (context / svc["build"]["dockerfile"]).resolve() == DOCKERFILE


def test_compose_apps_publish_default_ports_and_check_readyz() -> None:
    lines = compose_command_lines()
    for name, svc in otklik_services().items():
        app = served_app(lines[f"compose:{name}"])
        if app is None:
            assert "ports" not in svc, f"{name} serves no HTTP"
            continue
        port = APP_PORTS[app]
        assert [container_port(p) for p in svc["ports"]] == [port]
        test = " ".join(as_argv(svc["healthcheck"]["test"]))
        urls = [urlsplit(url) for url in re.findall(r"https?://[^'\"\s]+", test)]
        assert urls, f"{name}: the healthcheck requests no URL"
        assert {(url.port, url.path) for url in urls} == {(port, "/readyz")}


def test_compose_apps_wait_for_migrations_and_healthy_stores() -> None:
    data = compose()
    migrate = data["services"]["migrate"]
    assert as_argv(migrate["command"]) == ["migrate"]
    assert migrate["restart"] == "no"
    for name, svc in otklik_services().items():
        if name == "migrate":
            continue
        depends = svc["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully", name
    assert data["services"]["postgres"]["image"] == "postgres:16"
    assert data["services"]["redis"]["image"] == "redis:7"
    assert "--appendonly yes" in " ".join(as_argv(data["services"]["redis"]["command"]))
    for store in ("postgres", "redis"):
        assert data["services"][store]["healthcheck"]["test"]
        volume = data["services"][store]["volumes"][0].split(":")[0]
        assert volume in data["volumes"], f"{store} must keep its data in a named volume"


def test_compose_env_comes_from_the_shared_anchor() -> None:
    assert re.search(r"^x-otklik-env: &otklik-env$", COMPOSE.read_text(), re.MULTILINE)
    shared = compose()["x-otklik-env"]
    for name, svc in otklik_services().items():
        assert svc["environment"] == shared, f"{name} must take its env from x-otklik-env"
    assert set(shared) >= REQUIRED_ENV
    assert urlsplit(shared["DATABASE_URL"]).hostname == "postgres"
    assert urlsplit(shared["REDIS_URL"]).hostname == "redis"


# --- Kubernetes ----------------------------------------------------------------------------------


def kustomization() -> dict[str, Any]:
    data = yaml.safe_load(KUSTOMIZATION.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def manifests() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for path in sorted(K8S.glob("*.y*ml")):
        if path != KUSTOMIZATION:
            docs += [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]
    return docs


def of_kind(kind: str) -> list[dict[str, Any]]:
    return [doc for doc in manifests() if doc["kind"] == kind]


def pod_template(doc: dict[str, Any]) -> dict[str, Any]:
    template = doc["spec"]["template"]
    assert isinstance(template, dict)
    return template


def pod_owners() -> list[dict[str, Any]]:
    return [doc for doc in manifests() if doc["kind"] in POD_OWNERS]


def containers(pod_spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [*pod_spec.get("initContainers", []), *pod_spec["containers"]]


def k8s_argv(container: dict[str, Any]) -> list[str]:
    """The command line as Kubernetes builds it over the image's ENTRYPOINT and CMD."""
    if "command" in container:
        return as_argv(container["command"]) + as_argv(container.get("args", []))
    args = container.get("args", dockerfile_exec_form("CMD"))
    return dockerfile_exec_form("ENTRYPOINT") + as_argv(args)


def k8s_command_lines() -> dict[str, list[str]]:
    return {
        f"k8s:{doc['kind']}/{doc['metadata']['name']}/{container['name']}": k8s_argv(container)
        for doc in pod_owners()
        for container in containers(pod_template(doc)["spec"])
    }


def matches(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return selector.items() <= labels.items()


def api_deployments() -> dict[str, dict[str, Any]]:
    """Served app -> the Deployment running it."""
    found = {}
    for doc in of_kind("Deployment"):
        for container in pod_template(doc)["spec"]["containers"]:
            app = served_app(k8s_argv(container))
            if app is not None:
                found[app] = doc
    return found


def resolve_port(port: str | int, container: dict[str, Any]) -> int:
    by_name = {p["name"]: p["containerPort"] for p in container.get("ports", []) if "name" in p}
    return int(by_name[port]) if isinstance(port, str) else port


def test_kustomization_lists_every_manifest() -> None:
    files = {path.name for path in K8S.glob("*.y*ml")} - {KUSTOMIZATION.name}
    resources = kustomization()["resources"]
    assert len(resources) == len(set(resources)), "a resource listed twice"
    assert set(resources) == files


def test_k8s_objects_live_in_the_otklik_namespace() -> None:
    assert [doc["metadata"]["name"] for doc in of_kind("Namespace")] == ["otklik"]
    for doc in manifests():
        if doc["kind"] not in CLUSTER_SCOPED:
            assert doc["metadata"].get("namespace") == "otklik", doc["metadata"]["name"]


def test_k8s_containers_use_the_image_kustomize_sets() -> None:
    names = {image["name"] for image in kustomization()["images"]}
    for doc in pod_owners():
        for container in containers(pod_template(doc)["spec"]):
            assert container["image"] in names, container["name"]


def test_k8s_deployment_selectors_match_their_pods() -> None:
    for doc in of_kind("Deployment"):
        labels = pod_template(doc)["metadata"]["labels"]
        assert matches(doc["spec"]["selector"]["matchLabels"], labels), doc["metadata"]["name"]


def test_k8s_apis_serve_default_ports_behind_a_service() -> None:
    deployments = api_deployments()
    assert set(deployments) == set(APP_PORTS)
    services = of_kind("Service")
    for app, doc in deployments.items():
        template = pod_template(doc)
        (container,) = template["spec"]["containers"]
        assert [p["containerPort"] for p in container["ports"]] == [APP_PORTS[app]]
        annotations = template["metadata"]["annotations"]
        assert annotations["prometheus.io/scrape"] == "true"
        assert annotations["prometheus.io/port"] == str(APP_PORTS[app])
        assert annotations["prometheus.io/path"] == "/metrics"
        selecting = [
            s for s in services if matches(s["spec"]["selector"], template["metadata"]["labels"])
        ]
        assert len(selecting) == 1, f"{app}: one Service expected"
        (port,) = selecting[0]["spec"]["ports"]
        assert port["port"] == APP_PORTS[app]
        assert resolve_port(port["targetPort"], container) == APP_PORTS[app]


def test_k8s_worker_and_migration_run_without_a_service() -> None:
    lines = k8s_command_lines()
    assert ["otklik", "worker"] in lines.values()
    jobs = [
        doc
        for doc in of_kind("Job")
        if any(
            k8s_argv(c) == ["otklik", "migrate"] for c in pod_template(doc)["spec"]["containers"]
        )
    ]
    assert len(jobs) == 1, "one migration Job running `otklik migrate`"
    assert pod_template(jobs[0])["spec"]["restartPolicy"] in {"Never", "OnFailure"}
    labels = [
        pod_template(doc)["metadata"]["labels"]
        for doc in pod_owners()
        if served_app(k8s_argv(pod_template(doc)["spec"]["containers"][0])) is None
    ]
    for service in of_kind("Service"):
        assert not any(matches(service["spec"]["selector"], label) for label in labels)


def test_k8s_probes_use_health_endpoints_on_the_app_port() -> None:
    for app, doc in api_deployments().items():
        (container,) = pod_template(doc)["spec"]["containers"]
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz", app
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz", app
    for doc in pod_owners():
        for container in containers(pod_template(doc)["spec"]):
            for key in ("readinessProbe", "livenessProbe", "startupProbe"):
                http = container.get(key, {}).get("httpGet")
                if http is None:
                    continue
                assert http["path"] in PROBE_PATHS, f"{container['name']} {key}"
                served = served_app(k8s_argv(container))
                assert served is not None, f"{container['name']} serves no HTTP"
                assert resolve_port(http["port"], container) == APP_PORTS[served]


def test_k8s_pods_are_non_root_read_only_and_bounded() -> None:
    for doc in pod_owners():
        spec = pod_template(doc)["spec"]
        assert spec["securityContext"]["runAsNonRoot"] is True, doc["metadata"]["name"]
        empty_dirs = {v["name"] for v in spec.get("volumes", []) if "emptyDir" in v}
        for container in containers(spec):
            name = container["name"]
            security = container["securityContext"]
            assert security["readOnlyRootFilesystem"] is True, name
            assert security["allowPrivilegeEscalation"] is False, name
            tmp = [m for m in container["volumeMounts"] if m["mountPath"] == "/tmp"]
            assert len(tmp) == 1, f"{name}: /tmp must be mounted"
            assert tmp[0]["name"] in empty_dirs, f"{name}: /tmp must be an emptyDir"
            for bound in ("requests", "limits"):
                assert {"cpu", "memory"} <= set(container["resources"][bound]), name


def test_k8s_apis_autoscale_on_cpu_and_keep_a_disruption_budget() -> None:
    deployments = api_deployments()
    hpas = {
        doc["spec"]["scaleTargetRef"]["name"]: doc for doc in of_kind("HorizontalPodAutoscaler")
    }
    pdbs = of_kind("PodDisruptionBudget")
    for app, doc in deployments.items():
        name = doc["metadata"]["name"]
        hpa = hpas[name]
        assert hpa["apiVersion"] == "autoscaling/v2"
        assert hpa["spec"]["scaleTargetRef"]["kind"] == "Deployment"
        (metric,) = hpa["spec"]["metrics"]
        assert metric["resource"]["name"] == "cpu"
        assert metric["resource"]["target"] == {"type": "Utilization", "averageUtilization": 70}
        labels = pod_template(doc)["metadata"]["labels"]
        assert any(matches(p["spec"]["selector"]["matchLabels"], labels) for p in pdbs), app
    assert set(hpas) == {doc["metadata"]["name"] for doc in deployments.values()}


def test_k8s_secret_holds_only_marked_placeholders() -> None:
    (secret,) = of_kind("Secret")
    (config,) = of_kind("ConfigMap")
    assert set(secret["stringData"]) == SECRET_ENV
    for key, value in secret["stringData"].items():
        assert "REPLACE_ME" in value, f"{key} must be a placeholder marked REPLACE_ME"
    assert not SECRET_ENV & set(config["data"]), "secrets belong in the Secret"
    for doc in pod_owners():
        for container in containers(pod_template(doc)["spec"]):
            refs = {next(iter(source.values()))["name"] for source in container.get("envFrom", [])}
            assert refs == {secret["metadata"]["name"], config["metadata"]["name"]}


# --- Across the deploy files ---------------------------------------------------------------------


def command_lines() -> dict[str, list[str]]:
    lines = {"Dockerfile:CMD": dockerfile_exec_form("ENTRYPOINT") + dockerfile_exec_form("CMD")}
    return lines | compose_command_lines() | k8s_command_lines()


def manifest_env() -> dict[str, str]:
    """Every env var the deploy files set for an Otklik container, with where it is set."""
    found = {name: "compose" for svc in otklik_services().values() for name in svc["environment"]}
    for doc in of_kind("ConfigMap"):
        found |= dict.fromkeys(doc["data"], f"ConfigMap/{doc['metadata']['name']}")
    for doc in of_kind("Secret"):
        found |= dict.fromkeys(doc["stringData"], f"Secret/{doc['metadata']['name']}")
    for doc in pod_owners():
        for container in containers(pod_template(doc)["spec"]):
            found |= {
                env["name"]: f"container {container['name']}" for env in container.get("env", [])
            }
    return found


def settings_classes() -> dict[str, Any]:
    """Each served app's settings class, as the CLI finds it."""
    from otklik_kit.services import SERVICES

    found = {}
    for name, entry in SERVICES.items():
        module, _, attribute = entry.settings.partition(":")
        found[name] = getattr(importlib.import_module(module), attribute)
    return found


def env_names(settings: Any) -> set[str]:
    """The env var names a pydantic-settings class reads (case-insensitive, so upper-cased)."""
    from pydantic import AliasChoices, AliasPath

    names: set[str] = set()
    prefix = str(settings.model_config.get("env_prefix", ""))
    for field_name, field in settings.model_fields.items():
        alias = field.validation_alias or field.alias
        choices = alias.choices if isinstance(alias, AliasChoices) else [alias]
        for choice in choices:
            if isinstance(choice, AliasPath):
                choice = choice.path[0]
            names.add(str(choice if choice else prefix + field_name).upper())
    return names


COMMAND_LINES = sorted(command_lines().items())


@pytest.mark.parametrize(("where", "argv"), COMMAND_LINES, ids=[w for w, _ in COMMAND_LINES])
def test_command_line_names_a_known_subcommand_and_app(where: str, argv: list[str]) -> None:
    assert argv[0] == "otklik", f"{where}: runs {argv[0]}, not otklik"
    assert argv[1] in SUBCOMMANDS, f"{where}: unknown subcommand {argv[1]}"
    if argv[1] == "serve":
        assert served_app(argv) in APP_PORTS, f"{where}: serves an unknown app {argv[2:3]}"


@pytest.mark.parametrize(("where", "argv"), COMMAND_LINES, ids=[w for w, _ in COMMAND_LINES])
def test_command_line_is_accepted_by_the_cli(where: str, argv: list[str]) -> None:
    from otklik_kit.cli import build_parser

    try:
        build_parser().parse_args(argv[1:])
    except SystemExit as error:
        pytest.fail(f"{where}: `{shlex.join(argv)}` rejected by the CLI (exit {error.code})")


def test_manifest_env_is_spelled_as_the_settings_spell_it() -> None:
    env = manifest_env()
    unknown = {name: where for name, where in env.items() if name not in SETTINGS_ENV}
    assert not unknown, f"env vars no setting reads: {unknown}"
    assert set(env) >= REQUIRED_ENV


def test_manifest_env_urls_point_at_the_apps() -> None:
    config = of_kind("ConfigMap")[0]["data"]
    for source in (compose()["x-otklik-env"], config):
        for name, app in (("PLANS_API_URL", "plans-api"), ("FEEDBACK_API_URL", "feedback-api")):
            url = urlsplit(source[name])
            assert (url.hostname, url.port) == (app, APP_PORTS[app]), name
    for source in (compose()["x-otklik-env"], of_kind("Secret")[0]["stringData"]):
        assert urlsplit(source["DATABASE_URL"]).scheme == "postgresql+asyncpg"
        assert urlsplit(source["REDIS_URL"]).scheme in {"redis", "rediss"}


def test_app_ports_are_the_settings_defaults() -> None:
    classes = settings_classes()
    assert set(classes) == set(APP_PORTS)
    for app, settings in classes.items():
        assert settings.model_fields["port"].default == APP_PORTS[app], app


def test_every_manifest_env_var_is_read_by_the_settings() -> None:
    read = set().union(*(env_names(settings) for settings in settings_classes().values()))
    assert {"DATABASE_URL", "REDIS_URL", "LOG_LEVEL", "OTKLIK_ENV", "HOST"} <= read
    unread = sorted(set(manifest_env()) - read)
    assert not unread, f"set by the deploy files but read by no settings class: {unread}"
