from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content (data files under demo/content/) and the command that loads it."""

    name = "demo"
    label = "demo"
    verbose_name = "Demo content"
