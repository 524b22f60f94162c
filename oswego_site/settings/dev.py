"""Local settings used by `make run`: the production shape on plain HTTP.

DEBUG stays off unless DEBUG=1 is exported. The secret key is generated once
and kept in var/ (git-ignored), so sessions survive restarts without a secret
ever being committed.
"""

import os
import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool, env_list

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

if not SECRET_KEY:  # noqa: F405
    _key_file = VAR_DIR / "secret_key"
    if not _key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        _key_file.write_text(secrets.token_urlsafe(50))
        _key_file.chmod(0o600)
    SECRET_KEY = _key_file.read_text().strip()

# Mail the site sends (review requests, approvals, leads) lands as files in var/mail, one per message, where a
# newcomer can read it; `make run` prints the folder. The worker sends through this transport (ops/mail.py).
EMAIL_TRANSPORT = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# `make run` signs in with a password alone unless STAFF_TWO_FACTOR_REQUIRED=1 (production asks for a code).
STAFF_TWO_FACTOR_REQUIRED = env_bool("STAFF_TWO_FACTOR_REQUIRED", False)
