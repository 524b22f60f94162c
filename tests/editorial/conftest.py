from tests.security.conftest import _demo_content, demo_site  # noqa: F401  the demo site, for the admin walk
