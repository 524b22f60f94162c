from tests.security.conftest import _demo_content, demo_site  # noqa: F401  the demo site, for the admin walk
from tests.security.test_role_matrix import staff, things  # noqa: F401  the roles and what they open
