"""Image uploads that fail cleanly: whatever the file holds, the editor gets a message, never a 500.

Wagtail checks the format, the byte size and the pixel count, but a file that
starts like a PNG and is not one (or stops halfway) makes Pillow raise while
Wagtail reads its size, and a truncated image would only fail later, when a
page asks for a rendition. Here the image is decoded once, after Wagtail's own
checks have bounded its size, and any decoding error becomes a form error.
"""

from django.core.exceptions import ValidationError
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


class ImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), single and multiple upload alike."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # Built per form, as Wagtail's own field is, so the caps follow the settings.
            wagtail_field = self.fields["file"]
            field = DecodedImageField(label=wagtail_field.label, required=wagtail_field.required)
            field.widget.attrs.update(wagtail_field.widget.attrs)
            self.fields["file"] = field
