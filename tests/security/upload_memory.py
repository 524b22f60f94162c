"""Run alone (``python -m tests.security.upload_memory FILE``): what accepting an image upload and making its first
rendition cost a fresh process, in MB of peak resident memory above its size once Django is loaded.

A subprocess, because Pillow allocates pixels outside Python's allocator (tracemalloc does not see them): the
kernel's count of the process's peak resident memory (VmHWM) sees everything."""

import io
import os
import sys


def status_mb(key):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(f"{key}:"):
                return int(line.split()[1]) / 1024
    raise LookupError(key)


def reset_peak():
    # The peak (VmHWM, like ru_maxrss) survives fork and exec: the test runner's own would count. Linux resets it.
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")


def main(path):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oswego_site.settings.test")
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from willow.image import Image as WillowImage

    from editorial.uploads import DecodedImageField

    with open(path, "rb") as source:
        data = source.read()
    # The admin's upload field (editorial/uploads.py): Wagtail's checks, then the whole image decoded once.
    field = DecodedImageField()
    reset_peak()
    before = status_mb("VmRSS")
    upload = field.clean(SimpleUploadedFile("upload.png", data, content_type="image/png"))
    # The admin's upload answers with a thumbnail: Wagtail's rendition path (Willow on Pillow).
    upload.seek(0)
    image = WillowImage.open(upload)
    width, height = image.get_size()
    image.resize((165, max(1, height * 165 // width))).save_as_png(io.BytesIO())
    print(round(status_mb("VmHWM") - before))


if __name__ == "__main__":
    main(sys.argv[1])
