"""No accepted image upload costs a worker more than 200 MB: the pixel cap (WAGTAILIMAGES_MAX_IMAGE_PIXELS) is set
from this measure, on the costliest kind of image Pillow decodes (4 bytes a pixel: RGBA)."""

import math
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from PIL import Image as PillowImage

ROOT = Path(__file__).resolve().parents[2]
BUDGET_MB = 200


def test_the_largest_accepted_image_costs_a_worker_less_than_200_mb(tmp_path):
    pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    width = 6000
    height = pixels // width
    assert width * height <= pixels
    path = tmp_path / "largest.png"
    # One colour: a few hundred kilobytes on disk, well under the byte cap, and every pixel decoded all the same.
    PillowImage.new("RGBA", (width, height), (10, 120, 200, 255)).save(path, "PNG")
    assert path.stat().st_size < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE

    result = subprocess.run(  # noqa: S603  # nosec B603: our own interpreter and module, no shell
        [sys.executable, "-m", "tests.security.upload_memory", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    cost = int(result.stdout.strip().splitlines()[-1])
    # The measure is real: decoding alone is 4 bytes a pixel.
    assert cost >= math.floor(pixels * 4 / 1024 / 1024)
    assert cost < BUDGET_MB, f"{cost} MB for {pixels:,} pixels"


def test_the_pixel_cap_leaves_room_for_a_camera_photo():
    # 5000 × 4000: what a 20-megapixel camera takes; larger photos are resized before upload (docs/editors.md).
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS >= 20_000_000
