"""Uploaded media on S3-compatible object storage (AWS S3, Cloudflare R2, Scaleway, OVH, MinIO) when MEDIA_STORAGE=s3.

Images, renditions and share images are public: their URLs point straight at the bucket, or at the CDN in front
of it (S3_CUSTOM_DOMAIN), unsigned so browsers and the page cache can keep them. Documents are private: the bucket
policy leaves ``documents/`` unreadable to the public (README, "Media"), Wagtail's serve view streams them through
the site with its own keys, and any URL the storage gives for one is signed and short-lived.
"""

from storages.backends.s3 import S3Storage

PRIVATE_PREFIXES = ("documents/",)
SIGNED_URL_SECONDS = 300


class MediaStorage(S3Storage):
    querystring_auth = False
    # Two uploads with one name never overwrite each other (Django adds a suffix).
    file_overwrite = False

    def is_private(self, name):
        return name.lstrip("/").startswith(PRIVATE_PREFIXES)

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not self.is_private(name):
            return super().url(name, parameters, expire, http_method)
        # Signed against the bucket itself, never the public CDN domain.
        params = {**(parameters or {}), "Bucket": self.bucket.name, "Key": self._normalize_name(name)}
        return self.connection.meta.client.generate_presigned_url(
            "get_object", Params=params, ExpiresIn=expire or SIGNED_URL_SECONDS, HttpMethod=http_method
        )
