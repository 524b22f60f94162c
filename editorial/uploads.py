"""Image uploads that fail cleanly: whatever the file holds, the editor gets a message, never a 500.

Wagtail checks the format, the byte size and the pixel count, but a file that
starts like a PNG and is not one (or stops halfway) makes Pillow raise while
Wagtail reads its size, and a truncated image would only fail later, when a
page asks for a rendition. Here the image is decoded once, after Wagtail's own
checks have bounded its size, and any decoding error becomes a form error.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What Pillow raises on a file it cannot read (UnidentifiedImageError is an OSError).
DECODING_ERRORS = (OSError, SyntaxError, ValueError, IndexError, TypeError, EOFError)


class DecodedImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except DECODING_ERRORS as exc:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from exc

    def to_python(self, data):
        f = super().to_python(data)
        if f is None:
            return None
        try:
            f.seek(0)
            with PillowImage.open(f) as image:
                image.load()
        except (*DECODING_ERRORS, PillowImage.DecompressionBombError) as exc:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from exc
        finally:
            f.seek(0)
        return f


# The part of an uploaded image every crop keeps in view (its focal point), chosen in the upload form itself: the
# image chooser's Upload tab shows no picture to click on, and the image's own page, which does, is one detour too
# many while writing a page. (x, y) as fractions of the width and height; the point's box is a third of each.
FOCUS_POINTS = {
    "top-left": (1 / 6, 1 / 6),
    "top": (1 / 2, 1 / 6),
    "top-right": (5 / 6, 1 / 6),
    "left": (1 / 6, 1 / 2),
    "center": (1 / 2, 1 / 2),
    "right": (5 / 6, 1 / 2),
    "bottom-left": (1 / 6, 5 / 6),
    "bottom": (1 / 2, 5 / 6),
    "bottom-right": (5 / 6, 5 / 6),
}
FOCUS_CHOICES = [
    ("", _("No focus (crops keep the middle)")),
    ("top-left", _("Top left")),
    ("top", _("Top")),
    ("top-right", _("Top right")),
    ("left", _("Left")),
    ("center", _("Centre")),
    ("right", _("Right")),
    ("bottom-left", _("Bottom left")),
    ("bottom", _("Bottom")),
    ("bottom-right", _("Bottom right")),
]


def focal_box(width, height, focus):
    """(x, y, width, height) of the focal point for the chosen part of a width × height image, or None."""
    point = FOCUS_POINTS.get(focus or "")
    if point is None or not width or not height:
        return None
    return round(width * point[0]), round(height * point[1]), max(width // 3, 1), max(height // 3, 1)


class ImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), single and multiple upload alike; an upload (the
    image chooser's Upload tab, Images → Add an image) also asks which part of the image every crop keeps."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and "focal_point_x" in self.fields:
            self.fields["focus"] = forms.ChoiceField(
                label=_("Part to keep in every crop"),
                choices=FOCUS_CHOICES,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "oswego-focus"}),
                help_text=_(
                    "Cards and share images crop the picture: choose where the face or the subject is. You can "
                    "refine it later on the image's page (Images), by drawing the focal point."
                ),
            )
        if "file" in self.fields:
            # Built per form, as Wagtail's own field is, so the caps follow the settings.
            wagtail_field = self.fields["file"]
            field = DecodedImageField(label=wagtail_field.label, required=wagtail_field.required)
            field.widget.attrs.update(wagtail_field.widget.attrs)
            self.fields["file"] = field

    def save(self, commit=True):
        image = super().save(commit=False)
        box = focal_box(image.width, image.height, self.cleaned_data.get("focus"))
        if box is not None:
            image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = box
        if commit:
            image.save()
            self.save_m2m()
        return image
