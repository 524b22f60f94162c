"""The share image's URL for the editor's link preview (core.panels.LinkPreviewPanel asks it through a hook)."""

from wagtail import hooks

from seo.share_images import share_image_url


@hooks.register("link_preview_image_url")
def link_preview_image_url(page, request, language):
    """The image the page's link shows in ``language``: the chosen share image, or the one drawn for its live
    revision; None while neither exists (a draft never published, with no image chosen)."""
    if not getattr(page, "social_image_id", None) and not page.live:
        return None
    return share_image_url(page, request, language)
