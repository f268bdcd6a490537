"""Settings: one file (``newsdesk.toml``) plus ``NEWSDESK_*`` environment variables.

Precedence, highest first: explicit arguments (CLI flags), environment variables,
the TOML file, the defaults below. The file is looked up at ``$NEWSDESK_CONFIG`` or
``./newsdesk.toml``; a missing file is fine, a malformed one is an error that names it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from newsdesk.config_file import CONFIG_ENV, DEFAULT_CONFIG_FILE, DEFAULT_DATA_DIR, config_file_path

__all__ = [
    "CONFIG_ENV",
    "DEFAULT_CONFIG_FILE",
    "ConfigError",
    "Settings",
    "config_file_path",
    "load_settings",
]


class ConfigError(Exception):
    """The configuration file cannot be read."""


class PublicationSettings(BaseModel):
    """The digest this office publishes. Learned from imported issues when left empty."""

    name: str | None = Field(None, description="Journal name without 《》, e.g. 电子商务动态")
    office: str | None = Field(None, description="Editorial office as printed, e.g. 《电子商务动态》编辑部")
    columns: list[str] = Field(default_factory=list, description="Column names in the publication's order")
    sponsor: str | None = Field(
        None, description="主办: the organisation behind the digest, printed in the masthead"
    )
    logo: Path | None = Field(None, description="Image printed in the masthead (PNG, JPEG or SVG)")
    # Jinja2 templates here override the bundled ones of the same name (issue.html.j2, ...).
    templates_dir: Path | None = Field(None, description="Folder of template overrides")
    # Items per column that ``compose --auto`` fills; columns not listed get ``default``.
    column_quotas: dict[str, int] = Field(
        default_factory=lambda: {
            "行业资讯": 22,
            "政策法规": 4,
            "数据观察": 15,
            "专家视点": 4,
            "悦读电商": 2,
            "default": 4,
        }
    )
    # ``compose --auto`` leaves out candidates less relevant than this (0–1; 0 takes all)
    auto_min_relevance: float = 0.55
    # Where the static site is served, for absolute links in the Atom feed and in e-mail.
    site_url: str | None = Field(None, description="Public URL of the static archive site")


class ArchiveSettings(BaseModel):
    """What ``import`` accepts as one issue. A digest issue has about 45 items in about five
    columns; a file far beyond that is not an issue (a whole export, a generated file) and
    would swamp the archive and the column model, so it is refused with the reason."""

    # 0 lifts a limit
    max_items_per_issue: int = 500
    max_columns_per_issue: int = 30


class MailSettings(BaseModel):
    """SMTP for ``newsdesk send``; the password is best given as NEWSDESK_MAIL__PASSWORD."""

    host: str = "localhost"
    port: int = 25
    username: str | None = None
    password: str | None = None
    security: str = Field("none", description="none | starttls | ssl")
    timeout_seconds: float = 30.0
    from_address: str = "newsdesk@localhost"
    from_name: str | None = None
    reply_to: str | None = None
    # {email} and {token} are filled per recipient; a mailto: address also works.
    unsubscribe_url: str = "mailto:newsdesk@localhost?subject=unsubscribe"
    # messages sent over one SMTP connection before it is reopened
    messages_per_connection: int = 100


class CollectSettings(BaseModel):
    user_agent: str = "newsdesk/0.1 (+https://example.invalid/newsdesk; digest compiler)"
    timeout_seconds: float = 20.0
    max_body_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 3
    backoff_seconds: float = 1.0
    concurrency: int = 8
    per_host_concurrency: int = 2
    per_host_interval_seconds: float = 1.0
    respect_robots_txt: bool = True
    default_interval: str = "30m"
    # Private, loopback and link-local targets are refused unless listed here
    # ("loopback", "private", "link-local"): a feed must not make us probe the LAN.
    allow_networks: list[str] = Field(default_factory=list)
    # A server may ask us to wait (429/503 Retry-After); longer waits count as a failure.
    max_retry_after_seconds: float = 120.0
    # Processes that run text extraction (CPU-bound) while fetching goes on; 0 = one per core.
    extract_workers: int = 0
    # Article links followed per feed or listing page and run (newest first).
    max_articles_per_source: int = 300
    # Extra certificate authorities (PEM file) trusted for HTTPS, e.g. an intranet's own CA.
    ca_bundle: Path | None = None
    # A page's canonical link is honoured within its own registrable domain only, or into
    # one of these domains (e.g. a mirror naming the main site): any other would let a page
    # claim another site's article address.
    canonical_domains: list[str] = Field(default_factory=list)


class EditorialSettings(BaseModel):
    """The editorial stage: clustering, relevance, columns, condensation."""

    # The condensed body's length follows the kind of item (company news cut to 30–50%, a
    # government document kept nearly whole: editorial/house.py). Set (min, max) characters
    # per column here, "default" for columns not listed, to override it.
    condense_lengths: dict[str, tuple[int, int]] = Field(default_factory=dict)
    include_keywords: list[str] = Field(
        default_factory=list, description="Words that make a story more relevant"
    )
    exclude_keywords: list[str] = Field(default_factory=list, description="Words that make a story off-beat")
    # how a cluster's lead article is chosen, first criterion first
    lead_preference: list[str] = Field(default_factory=lambda: ["outlet_rank", "completeness", "earliest"])
    outlet_ranks: dict[str, int] = Field(
        default_factory=dict, description="Outlet → rank, lower is preferred"
    )
    # 《》 for newspapers and magazines, “” for websites and agencies; guessed from the name otherwise
    outlet_marks: dict[str, str] = Field(default_factory=dict)
    user_dictionary: Path | None = Field(
        None, description="Extra tags: 'name kind' lines (platform/org/place)"
    )
    model_path: Path | None = Field(
        None,
        description="Column model file; default <data_dir>/models/columns.pkl, one per database",
    )
    # articles published this many days apart are never the same story
    max_days_apart: int = 10
    # clusters of the last days are reopened when new articles arrive
    cluster_window_days: int = 14
    # processes that analyse, classify and condense new articles; 0 = one per core
    workers: int = 0


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSDESK_", env_nested_delimiter="__", extra="ignore")

    data_dir: Path = Path(DEFAULT_DATA_DIR)
    database_url: str | None = Field(None, description="SQLAlchemy URL; default an SQLite file in data_dir")
    publication: PublicationSettings = Field(default_factory=PublicationSettings)
    archive: ArchiveSettings = Field(default_factory=ArchiveSettings)
    collect: CollectSettings = Field(default_factory=CollectSettings)
    editorial: EditorialSettings = Field(default_factory=EditorialSettings)
    mail: MailSettings = Field(default_factory=MailSettings)
    log_level: str = "INFO"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, _TomlFileSource(settings_cls))

    @property
    def editorial_model_path(self) -> Path:
        """The column model belongs to its database: another database in the same data
        folder (``--database``) gets a file of its own, named by its URL."""
        if self.editorial.model_path:
            return self.editorial.model_path
        if not self.database_url:
            return self.data_dir / "models" / "columns.pkl"
        import hashlib

        key = hashlib.sha256(self.database_url.encode("utf-8")).hexdigest()[:12]
        return self.data_dir / "models" / f"columns-{key}.pkl"

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'newsdesk.db').as_posix()}"


class _TomlFileSource(PydanticBaseSettingsSource):
    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:  # pragma: no cover
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        path = config_file_path()
        if path is None:
            return {}
        try:
            with path.open("rb") as fh:
                return tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc


def load_settings(**overrides: Any) -> Settings:
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
