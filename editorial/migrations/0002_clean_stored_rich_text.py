"""Rich text stored before core/sanitise.py cleaned it on save (pages, snippets, settings, revisions) is cleaned once,
with the same allow-lists. The models are walked generically, through the historical app registry."""

from django.db import migrations
from wagtail.fields import RichTextField

from core.sanitise import clean_block_value, clean_html, clean_revision_content, rich_fields


def clean_stored_rich_text(apps, schema_editor):
    for model in apps.get_models():
        fields = rich_fields(model)
        if not fields:
            continue
        for instance in model._base_manager.only("pk", *(field.attname for field in fields)).iterator():
            changed = {}
            for field in fields:
                value = getattr(instance, field.attname)
                if isinstance(field, RichTextField):
                    cleaned = clean_html(value, field.features)
                else:
                    raw = field.get_prep_value(value)
                    cleaned = clean_block_value(field.stream_block, raw) if isinstance(raw, list) else raw
                    if cleaned == raw:
                        continue
                if cleaned != value:
                    changed[field.attname] = cleaned
            if changed:
                model._base_manager.filter(pk=instance.pk).update(**changed)

    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.select_related("content_type").iterator():
        try:
            model = apps.get_model(revision.content_type.app_label, revision.content_type.model)
        except LookupError:
            continue
        before = repr(revision.content)
        clean_revision_content(model, revision.content)
        if repr(revision.content) != before:
            Revision.objects.filter(pk=revision.pk).update(content=revision.content)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("articles", "0004_region_map_block"),
        ("core", "0003_home_sections"),
        ("offices", "0002_region_map"),
        ("people", "0002_image_text_alternatives"),
    ]

    operations = [migrations.RunPython(clean_stored_rich_text, migrations.RunPython.noop)]
