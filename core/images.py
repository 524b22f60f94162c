"""Every image size the site shows, in one place: the templates ask for these roles, the worker makes them ahead.

A role (``hero``, ``card``, ``block``, ``avatar``, ``portrait``, ``share``) names a crop, a ladder of widths, the
formats and the ``sizes`` a browser needs to pick among them. ``{% responsive_image %}`` (core/templatetags/
image_tags.py) renders a role; :func:`generate` makes every rendition of every role for one image. Both read the
same :data:`ROLES`, so the pre-generation cannot drift from what the templates show.

Renditions are made by a job (:func:`make_renditions`) when an image is uploaded and when a page that shows it is
published, never by a reader: a rendition still missing at render time is queued, and the page shows what exists
meanwhile (the smaller renditions already made, or the original file), is not kept in the page cache, and is
complete for the next reader once the worker has run.
"""

import html
from dataclasses import dataclass
from functools import lru_cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models import Prefetch
from django.db.models.signals import post_save
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from wagtail.images import get_image_model
from wagtail.images.image_operations import FormatOperation
from wagtail.images.models import AbstractRendition, Filter, Picture
from wagtail.models import Page, ReferenceIndex, get_page_models
from wagtail.signals import page_published as wagtail_page_published

from core.prepared import Key, prepared

# Phone to wide desktop: a 390 px phone at 2× takes the 720, a 1280 px desktop at 1× the 1280.
WIDTHS = (360, 480, 720, 960, 1280, 1920)
MODERN_AND_JPEG = ("avif", "webp", "jpeg")
# A reader who found a rendition missing queues its making once for this long (every instance shares the cache).
QUEUED_SECONDS = 600


@dataclass(frozen=True)
class Role:
    """One way the site shows an image: its crop (``ratio``, or None to keep the image's own), widths and formats."""

    name: str
    widths: tuple
    sizes: str
    ratio: tuple | None = None
    formats: tuple = MODERN_AND_JPEG

    def resize(self, width):
        if self.ratio is None:
            return f"width-{width}"
        ratio_w, ratio_h = self.ratio
        return f"fill-{width}x{round(width * ratio_h / ratio_w)}"

    def widths_for(self, image):
        """The widths of the ladder the image can give without being enlarged (at least the smallest)."""
        if self.ratio is None:
            largest = image.width
        else:
            ratio_w, ratio_h = self.ratio
            largest = min(image.width, image.height * ratio_w / ratio_h)
        fitting = [width for width in self.widths if width <= largest]
        return fitting or [self.widths[0]]

    def all_specs(self):
        """Every spec this role may ask of any image (whatever its size, a vector's ``original`` included)."""
        return ["original", *(f"{self.resize(width)}|format-{fmt}" for fmt in self.formats for width in self.widths)]

    def filters(self, image):
        """Wagtail filters of this role for ``image``, by format (the browser's order) then by width."""
        if image.is_svg():  # a vector needs neither widths nor formats
            return [_filter("original")]
        widths = self.widths_for(image)
        return [_filter(f"{self.resize(width)}|format-{fmt}") for fmt in self.formats for width in widths]


@lru_cache(maxsize=512)
def _filter(spec):
    """One Wagtail ``Filter`` per spec for the process: a new one parses its spec again on first use, and checks
    each operation's arguments through ``inspect`` (about a hundred times per page with three pictures). A filter
    keeps only its parsed spec, never an image's data, so sharing it is safe; a role has a few dozen specs."""
    return Filter(spec=spec)


ROLES = {
    role.name: role
    for role in (
        # The article's hero: full width up to the container (75rem).
        Role("hero", WIDTHS, "(min-width: 75rem) 75rem, 100vw", ratio=(16, 9)),
        # Article cards: one column on a phone, two from 40rem, three 22rem columns from 64rem.
        Role("card", WIDTHS[:4], "(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 100vw", ratio=(16, 9)),
        # Images in an article's body: the text column (45rem) or the whole phone.
        Role("block", WIDTHS[:5], "(min-width: 48rem) 45rem, 100vw"),
        # A person beside their name (cards 80 px, bylines and contact smaller): 1× and 2×.
        Role("avatar", (80, 160), "80px", ratio=(1, 1)),
        # The portrait on a person's page: 128 px on a phone, 160 px from 40em; 1× and 2×.
        Role("portrait", (128, 160, 256, 320), "(min-width: 40em) 160px, 128px", ratio=(1, 1)),
        # Link previews (Open Graph, JSON-LD): one JPEG every network reads.
        Role("share", (1200,), "1200px", ratio=(1200, 630), formats=("jpeg",)),
    )
}


def prefetch_renditions(lookup, role_name):
    """A prefetch of the renditions a listing's pictures show in ``role_name`` (``lookup`` ends in ``renditions``,
    e.g. ``"hero_image__renditions"``): the cards read them without a query each, and the image's other renditions
    (a hero has some forty-six, a card shows twelve) stay in the database."""
    rendition_model = get_image_model().get_rendition_model()
    specs = ROLES[role_name].all_specs()
    return Prefetch(lookup, queryset=rendition_model.objects.filter(filter_spec__in=specs))


def filter_specs(image, role_name):
    return [f.spec for f in ROLES[role_name].filters(image)]


def all_filters(image):
    """Every rendition the templates may ask of ``image``, once each."""
    return list(dict.fromkeys(f for role in ROLES.values() for f in role.filters(image)))


def generate(image):
    """Make every missing rendition of ``image`` (the job's work); the number made."""
    filters = all_filters(image)
    missing = [f for f in filters if f not in image.find_existing_renditions(*filters)]
    if missing:
        image.get_renditions(*missing)
    return len(missing)


# --- Ahead of the readers: the jobs and what enqueues them -------------------------


@task()
def make_renditions(image_id):
    """Make every rendition the templates may ask of one image (after an upload, a publish or a reader's miss)."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:  # deleted since
        return 0
    made = generate(image)
    cache.delete(queued_key(image_id))
    return made


@task()
def make_page_renditions(page_id):
    """Make the renditions of every image a just-published page shows (Wagtail's reference index knows them)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    # Wagtail updates the index by a job of its own, which another worker may not have run yet.
    ReferenceIndex.create_or_update_for_object(page.specific)
    image_type = ContentType.objects.get_for_model(get_image_model())
    image_ids = (
        ReferenceIndex.get_references_for_object(page)
        .filter(to_content_type=image_type)
        .values_list("to_object_id", flat=True)
    )
    return sum(generate(image) for image in get_image_model().objects.filter(pk__in=set(image_ids)))


def queued_key(image_id):
    return f"core.images.queued:{image_id}"


def runs_at_once():
    """True when jobs run inside the request that enqueues them (no worker): the test suite's default."""
    return isinstance(make_renditions.get_backend(), ImmediateBackend)


# After the commit: the worker must find the image (or the page) as saved, and a rolled-back save queues nothing.


def image_saved(sender, instance, **kwargs):
    """post_save of the image model: an upload, a new file or a moved focal point all call for renditions."""
    transaction.on_commit(lambda: make_renditions.enqueue(instance.pk))


def page_published(sender, instance, **kwargs):
    """page_published: the images the page shows are ready before its first reader."""
    transaction.on_commit(lambda: make_page_renditions.enqueue(instance.pk))


def connect():
    setting_changed.connect(storage_changed, dispatch_uid="core.images.storage_changed")
    post_save.connect(image_saved, sender=get_image_model(), dispatch_uid="core.images.image_saved")
    for model in get_page_models():
        wagtail_page_published.connect(page_published, sender=model, dispatch_uid=f"core.images.{model.__name__}")


# --- At render time ---------------------------------------------------------------

PENDING_ATTRIBUTE = "renditions_pending"


def renditions_pending(request):
    """True when the page for ``request`` was drawn with a stand-in image (the page cache does not keep it)."""
    return getattr(request, PENDING_ATTRIBUTE, False)


@prepared(int, [str])
def _renditions_by_spec(image_id, specs):
    return get_image_model().get_rendition_model().objects.filter(image_id=image_id, filter_spec__in=specs)


@prepared([int], Key)
def _renditions_in_role(image_ids, role_name):
    return (
        get_image_model()
        .get_rendition_model()
        .objects.filter(image_id__in=image_ids, filter_spec__in=ROLES[role_name].all_specs())
        .values_list("image_id", "filter_spec", "file", "width", "height", "focal_point_key")
    )


@lru_cache(maxsize=1)
def _rendition_storage():
    # The rendition model's file storage: Django fixes a field's storage when the model class is made.
    return get_image_model().get_rendition_model()._meta.get_field("file").storage


class ListedRendition:
    """A rendition as a listing reads it (``attach_renditions``): the columns a picture shows, without a model
    instance — and its file object — built per row; a card shows twelve renditions, a card list thirty-six. What a
    picture asks of a rendition (``url``, ``width``, ``height``, ``alt``) answers as Wagtail's does."""

    __slots__ = ("filter_spec", "name", "width", "height", "focal_point_key", "image")

    def __init__(self, filter_spec, name, width, height, focal_point_key):
        self.filter_spec, self.name, self.width, self.height = filter_spec, name, width, height
        self.focal_point_key = focal_point_key
        self.image = None

    @property
    def url(self):
        return media_url(_rendition_storage(), self.name)

    # Wagtail's rule (the image's contextual or default alternative text), read from this row's image.
    alt = AbstractRendition.alt


def attach_renditions(listed_images, role_name):
    """Read the renditions a listing's pictures show in ``role_name`` (each image's, whatever its size) in one
    prepared query, and keep them on each image for ``{% responsive_image %}``: a card list then reads no more
    (Django's ``prefetch_related`` would build its queries and a queryset per image on every render)."""
    listed_images = [image for image in listed_images if image is not None]
    if not listed_images:
        return
    by_image = {}
    for image_id, *columns in _renditions_in_role(sorted({image.pk for image in listed_images}), role_name):
        by_image.setdefault(image_id, []).append(ListedRendition(*columns))
    for image in listed_images:
        if not hasattr(image, "_listed_renditions"):
            image._listed_renditions = {}
        image._listed_renditions[role_name] = by_image.get(image.pk, [])


def _stored_renditions(image, filters, role_name=None):
    """Wagtail's ``find_existing_renditions``, by filter: those a listing attached for the role
    (``attach_renditions``) or prefetched, otherwise in one prepared query for the specs (Wagtail's asks for each
    spec and focal point in an ``OR`` that Django builds anew every time, after a round trip to the rendition
    cache), keeping the rows of the image's focal point. By spec (a filter's hash is Python code)."""
    listed = getattr(image, "_listed_renditions", {}).get(role_name)
    if listed is None:
        if image._get_prefetched_renditions() is not None:
            return {f.spec: rendition for f, rendition in image.find_existing_renditions(*filters).items()}
        listed = _renditions_by_spec(image.pk, [f.spec for f in filters])
    by_spec = {}
    for rendition in listed:
        by_spec.setdefault(rendition.filter_spec, []).append(rendition)
    found = {}
    for spec_filter in filters:
        key = spec_filter.get_cache_key(image)
        for rendition in by_spec.get(spec_filter.spec, ()):
            if rendition.focal_point_key == key:
                rendition.image = image
                found[spec_filter.spec] = rendition
                break
    return found


def existing_renditions(image, role_name, request=None):
    """The role's renditions of ``image`` that exist, by spec; the missing ones are queued, never made here.

    The queue may be the immediate backend (the test suite, a site run without a worker): then the job has run by
    the time ``enqueue`` returns and every rendition is there.
    """
    filters = ROLES[role_name].filters(image)
    found = _stored_renditions(image, filters, role_name)
    missing = [f for f in filters if f.spec not in found]
    if missing:
        if runs_at_once():
            # No worker will come: make them now, as Wagtail's own tags do.
            made = image.get_renditions(*missing)
            found.update({f.spec: made[f.spec] for f in missing})
        else:
            if cache.add(queued_key(image.pk), True, QUEUED_SECONDS):
                make_renditions.enqueue(image.pk)
            if request is not None:
                setattr(request, PENDING_ATTRIBUTE, True)
    return {f.spec: found[f.spec] for f in filters if f.spec in found}


def picture(image, role_name, request=None, **attrs):
    """The ``<picture>`` of ``image`` in a role, with what exists now; the original file while nothing does."""
    role = ROLES[role_name]
    attrs = {"sizes": role.sizes, **attrs}
    renditions = existing_renditions(image, role_name, request)
    if renditions:
        return picture_html(renditions, attrs)
    attrs.pop("sizes")
    original = {"src": image.file.url, "width": image.width, "height": image.height, **attrs}
    return format_html("<picture><img{}></picture>", flatatt(original))


# Wagtail's ``Picture`` markup, written from the rendition rows: the same elements, attributes and order (a
# test compares the two), without the per-rendition work of Wagtail's classes — a file object and a URL join per
# rendition for each of its two uses, an ordered dict, Django's attribute helpers. A card shows twelve renditions.


def picture_html(renditions, attrs):
    """What ``Picture(renditions, attrs)`` renders: a ``<source>`` per format but the fallback one (JPEG), then the
    fallback's ``<img>`` with its ``srcset``; with a single format, a plain ``<img srcset>`` in the ``<picture>``."""
    by_format = {}
    for spec, rendition in renditions.items():
        for fmt in FormatOperation.supported_formats:
            if f"format-{fmt}" in spec:
                by_format.setdefault(fmt, []).append(rendition)
                break
    if len(by_format) < 2:
        listed = list(renditions.values())
        if len(listed) > 1:
            attrs["srcset"] = _srcset(listed)
        return mark_safe(f"<picture>{_img(listed[0], attrs)}</picture>")  # noqa: S308  # nosec B308 B703
    fallback = next(fmt.name for fmt in reversed(Picture.source_format_order) if fmt.name in by_format)
    sources = "".join(
        f"<source{_attributes({'srcset': _srcset(by_format[fmt]), 'sizes': attrs.get('sizes'), 'type': mime})}>"
        for fmt, mime in Picture.source_format_order
        if fmt != fallback and fmt in by_format
    )
    if len(by_format[fallback]) > 1:
        attrs["srcset"] = _srcset(by_format[fallback])
    # Every value is escaped by _attributes.
    return mark_safe(f"<picture>{sources}{_img(by_format[fallback][0], attrs)}</picture>")  # noqa: S308  # nosec B308 B703


def _src(rendition):
    return rendition.url if isinstance(rendition, ListedRendition) else file_url(rendition.file)


def _srcset(renditions):
    if len(renditions) == 1:
        return _src(renditions[0])
    return ", ".join([f"{_src(rendition)} {rendition.width}w" for rendition in renditions])


def _img(rendition, extra):
    # Wagtail's Rendition.img_tag: its own attributes, the images app's defaults, then the template's.
    attrs = {
        "src": _src(rendition),
        "width": rendition.width,
        "height": rendition.height,
        "alt": rendition.alt,
    }
    attrs.update(apps.get_app_config("wagtailimages").default_attrs)
    attrs.update(extra)
    return f"<img{_attributes(attrs)}>"


def _attributes(attrs):
    """Django's ``flatatt``: ``name="escaped value"`` in the names' order, then the names whose value is True;
    False and None give nothing."""
    pairs = sorted((name, value) for name, value in attrs.items() if value is not None and not isinstance(value, bool))
    flags = sorted(name for name, value in attrs.items() if value is True)
    return "".join(
        [f' {_escape(name)}="{_escape(value)}"' for name, value in pairs] + [f" {_escape(name)}" for name in flags]
    )


def _escape(value):
    # Django's conditional_escape without its lazy-string wrapper: a safe string as it is, anything else escaped.
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


# Files on this machine's disk: their URL is the media URL joined with the file's name, the same for every request
# until the storage settings change (then forgotten).
LOCAL_URLS = 4096
_local_urls = {}


def file_url(file):
    """``file.url``, worked out once per name when the storage is Django's own local one (its URL is a pure
    function of MEDIA_URL and the name); on object storage, asked of the storage every time."""
    return media_url(file.storage, file.name) if file else file.url


def media_url(storage, name):
    """``storage.url(name)``, remembered for Django's local storage."""
    key = (id(storage), name)
    url = _local_urls.get(key)
    if url is None:
        url = storage.url(name)
        # __class__, not type(): the default storage is a lazy object standing for the configured one.
        if storage.__class__.url is FileSystemStorage.url:
            if len(_local_urls) >= LOCAL_URLS:
                _local_urls.clear()
            _local_urls[key] = url
    return url


def storage_changed(setting, **kwargs):
    """setting_changed (tests): URLs worked out for other storage settings are forgotten."""
    if setting in {"MEDIA_URL", "STORAGES", "MEDIA_ROOT"}:
        _local_urls.clear()


def rendition_url(image, role_name, request=None):
    """The URL of the role's largest existing rendition, JPEG first, for readers of any age (link previews,
    JSON-LD); the original's while none exists."""
    renditions = existing_renditions(image, role_name, request)
    if not renditions:
        return image.file.url
    jpegs = [rendition for spec, rendition in renditions.items() if spec.endswith("|format-jpeg")]
    return max(jpegs or renditions.values(), key=lambda rendition: rendition.width).url
