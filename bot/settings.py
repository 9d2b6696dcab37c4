"""Service settings, read from the environment and an optional `.env` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot import PROJECT_ROOT
from bot.core.messages import LAUNCH_LANGUAGES

# Values people copy from examples; a channel configured with one of these would be
# trivially forgeable, so the service refuses them rather than running insecurely.
PLACEHOLDER_SECRETS = frozenset({"changeme", "change-me", "secret", "token", "xxx", "test"})


class Settings(BaseSettings):
    """Everything the service reads from its environment."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'var' / 'faro.db'}", alias="DATABASE_URL"
    )
    faro_nlu_url: str | None = Field(default=None, alias="FARO_NLU_URL")
    faro_nlu_token: SecretStr | None = Field(default=None, alias="FARO_NLU_TOKEN")
    faro_nlu_timeout: float = Field(default=2.0, alias="FARO_NLU_TIMEOUT")
    faro_nlu_threshold: float = Field(default=0.5, alias="FARO_NLU_THRESHOLD")
    faro_content_dir: Path = Field(default=PROJECT_ROOT / "content", alias="FARO_CONTENT_DIR")
    # The languages Faro speaks, comma-separated ISO codes, Spanish among them. Read from the
    # process environment at start (bot.core.messages); named here to be checked and listed.
    faro_languages: str = Field(default=",".join(LAUNCH_LANGUAGES), alias="FARO_LANGUAGES")
    # Where the models live: every service process serves the newest, and a publish puts a
    # new one there. On several machines, a shared folder reaches them all.
    faro_models_dir: Path = Field(default=PROJECT_ROOT / "nlu" / "models", alias="FARO_MODELS_DIR")

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_webhook_secret: SecretStr | None = Field(default=None, alias="TELEGRAM_WEBHOOK_SECRET")
    telegram_api_base_url: str = Field(
        default="https://api.telegram.org/bot", alias="TELEGRAM_API_BASE_URL"
    )

    whatsapp_token: SecretStr | None = Field(default=None, alias="WHATSAPP_TOKEN")
    whatsapp_app_secret: SecretStr | None = Field(default=None, alias="WHATSAPP_APP_SECRET")
    whatsapp_verify_token: SecretStr | None = Field(default=None, alias="WHATSAPP_VERIFY_TOKEN")
    whatsapp_phone_number_id: str | None = Field(default=None, alias="WHATSAPP_PHONE_NUMBER_ID")
    whatsapp_api_base_url: str = Field(
        default="https://graph.facebook.com/v21.0", alias="WHATSAPP_API_BASE_URL"
    )

    faro_workers: int = Field(default=1, ge=1, le=64, alias="FARO_WORKERS")

    outbound_timeout: float = Field(default=10.0, gt=0, alias="FARO_OUTBOUND_TIMEOUT")
    # Platform limits: Telegram about 30 messages/s per bot, WhatsApp 80/s per number.
    telegram_rate: float = Field(default=30.0, gt=0, alias="FARO_TELEGRAM_RATE")
    whatsapp_rate: float = Field(default=80.0, gt=0, alias="FARO_WHATSAPP_RATE")
    # How long a message may keep failing before the failure is recorded and it is dropped.
    outbox_give_up: float = Field(default=600.0, gt=0, alias="FARO_OUTBOX_GIVE_UP")
    # Web chat limits, per session and per client address ("N/second|minute|hour").
    web_rate_session: str = Field(default="30/minute", alias="FARO_WEB_RATE_SESSION")
    web_rate_address: str = Field(default="120/minute", alias="FARO_WEB_RATE_ADDRESS")
    # memory:// counts per process; redis://host:6379 shares the counts between processes.
    rate_limit_storage: str = Field(default="memory://", alias="FARO_RATE_LIMIT_STORAGE")
    # Proxies (addresses or networks, comma-separated) whose X-Forwarded-For is believed.
    trusted_proxies: str = Field(default="", alias="FARO_TRUSTED_PROXIES")
    turn_workers: int = Field(default=2, ge=1, le=32, alias="FARO_TURN_WORKERS")
    # "development" allows a generated local data key and insecure (http) desk cookies;
    # anything else is treated as production and refuses a missing or placeholder key.
    environment: str = Field(default="development", alias="FARO_ENV")
    # 32 random bytes, urlsafe base64: the AES-GCM key of personal data at rest.
    data_key: SecretStr | None = Field(default=None, alias="FARO_DATA_KEY")
    # Signs the desk's CSRF tokens.
    secret_key: SecretStr | None = Field(default=None, alias="FARO_SECRET_KEY")
    retention_days: int = Field(default=90, ge=1, le=3650, alias="FARO_RETENTION_DAYS")
    # How long a process serves its copy of the live content before reading it again: a
    # publish reaches every process within this many seconds.
    content_ttl: float = Field(default=30.0, ge=0, le=3600, alias="FARO_CONTENT_TTL")
    claim_lease_minutes: int = Field(default=30, ge=1, le=1440, alias="FARO_CLAIM_LEASE_MINUTES")
    # Approved WhatsApp templates for messages outside the 24-hour window, as JSON:
    # {"status_update": {"name": "faro_status_update", "language": "es"}, ...}
    whatsapp_templates: dict[str, dict[str, str]] = Field(
        default_factory=dict, alias="FARO_WHATSAPP_TEMPLATES"
    )

    @field_validator(
        "telegram_webhook_secret",
        "whatsapp_app_secret",
        "whatsapp_verify_token",
        "telegram_bot_token",
        "whatsapp_token",
        "data_key",
        "secret_key",
    )
    @classmethod
    def _refuse_placeholder(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        raw = value.get_secret_value().strip()
        if not raw:
            return None
        if raw.lower() in PLACEHOLDER_SECRETS:
            raise ValueError("is a placeholder value; set a real secret")
        return value

    @property
    def is_development(self) -> bool:
        """True for a local development run (the default)."""
        return self.environment.strip().lower() in {"development", "dev", "local"}

    @property
    def telegram_enabled(self) -> bool:
        """Telegram is on when the bot token and the webhook secret are both set."""
        return self.telegram_bot_token is not None and self.telegram_webhook_secret is not None

    @property
    def whatsapp_enabled(self) -> bool:
        """WhatsApp is on when every Cloud API setting is present."""
        return all(
            (
                self.whatsapp_token,
                self.whatsapp_app_secret,
                self.whatsapp_verify_token,
                self.whatsapp_phone_number_id,
            )
        )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Build the settings once, on first use (never at import time)."""
    return Settings()
