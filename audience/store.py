"""Where views wait, by day, language, channel and path, until the scheduler folds them into the database.

- **Redis** (``REDIS_URL``): each process holds its views for up to ``AUDIENCE_BUFFER_SECONDS`` (a second) and
  sends them in one pipeline; for each view a Lua script checks the flood limit and adds the view
  (``HINCRBY`` on the day's hash ``<prefix>views:<day>``, field ``<language> <channel> <path>``). The flood limit
  counts ``sha1(salt, address, path)`` for a minute; the salt is random, made by Redis for the day, never leaves
  it and expires, so neither the address nor anything that could find it again is kept. A fold renames the day's
  hash to a batch of its own (atomic: views keep arriving in a fresh hash), and deletes the batch once the
  database holds it.
- **The Django cache** otherwise (files under var/cache with ``make run``, local memory in the tests): the same
  counters through ``add``/``incr``, with a per-day index of the fields. For ``make run`` and the tests: the file
  cache's ``incr`` is not atomic, so two workers counting the same page at the same instant may count one view;
  production uses Redis. A fold takes what it read by decrementing exactly that much, so a view counted meanwhile
  is kept for the next fold.

Nothing here touches the database.
"""

import atexit
import contextlib
import hashlib
import secrets
import threading
import time
import uuid
from functools import cache as memoize

import redis
from django.conf import settings
from django.core.cache import cache

SEPARATOR = " "
# A process holding this many views sends them at once, whatever the time.
MAX_PENDING = 200

_HIT = """
local salt = redis.call('GET', KEYS[1])
if not salt then
  salt = ARGV[1]
  redis.call('SET', KEYS[1], salt, 'EX', 172800, 'NX')
  salt = redis.call('GET', KEYS[1])
end
if tonumber(ARGV[4]) > 0 then
  local flood = KEYS[3] .. redis.sha1hex(salt .. ' ' .. ARGV[2] .. ' ' .. ARGV[3])
  local seen = redis.call('INCR', flood)
  if seen == 1 then redis.call('EXPIRE', flood, 60) end
  if seen > tonumber(ARGV[4]) then return 0 end
end
redis.call('HINCRBY', KEYS[2], ARGV[5], 1)
redis.call('EXPIRE', KEYS[2], 1209600)
return 1
"""


def field(language, channel, path):
    return SEPARATOR.join((language, channel, path))


def parse_field(value):
    language, channel, path = value.split(SEPARATOR, 2)
    return language, channel, path


class RedisStore:
    """The counters in Redis. Each process keeps the views it saw for at most ``BUFFER_SECONDS`` and sends them in
    one pipeline (one round trip for all of them, each still checked against the flood limit by the script):
    a page view then costs a list append, not a round trip. A process that dies loses at most that second."""

    def __init__(self, url, prefix, buffer_seconds=0):
        self.client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        self.prefix = prefix
        self.script = self.client.register_script(_HIT)
        self.buffer_seconds = buffer_seconds
        self.pending = []
        self.lock = threading.Lock()
        self.flushed_at = time.monotonic()
        if buffer_seconds:
            atexit.register(self.flush)

    def _call(self, client, day, key_field, address, path, limit):
        keys = [f"{self.prefix}salt:{day}", f"{self.prefix}views:{day}", f"{self.prefix}flood:"]
        args = [secrets.token_hex(16), address or "", path, limit, key_field]
        return self.script(keys=keys, args=args, client=client)

    def add(self, day, key_field, address, path, limit):
        if not self.buffer_seconds:
            return bool(self._call(self.client, day, key_field, address, path, limit))
        with self.lock:
            self.pending.append((day, key_field, address, path, limit))
            due = len(self.pending) >= MAX_PENDING or time.monotonic() - self.flushed_at >= self.buffer_seconds
        if due:
            self.flush()
        return True

    def flush(self):
        """Send the views this process holds, in one round trip."""
        with self.lock:
            pending, self.pending = self.pending, []
            self.flushed_at = time.monotonic()
        if not pending:
            return
        pipeline = self.client.pipeline(transaction=False)
        for view in pending:
            self._call(pipeline, *view)
        pipeline.execute()

    def take(self):
        """Move every day's counters into batches; return every batch waiting (those of a fold that crashed too)
        as (batch id, day, {field: views})."""
        for key in self.client.scan_iter(match=f"{self.prefix}views:*", count=500):
            day = key.decode().rsplit(":", 1)[1]
            with contextlib.suppress(redis.ResponseError):  # emptied by another fold meanwhile
                self.client.rename(key, f"{self.prefix}batch:{day}:{uuid.uuid4().hex}")
        batches = []
        for key in self.client.scan_iter(match=f"{self.prefix}batch:*", count=500):
            _prefix, day, batch = key.decode().rsplit(":", 2)
            counts = {name.decode(): int(value) for name, value in self.client.hgetall(key).items()}
            batches.append((batch, day, counts))
        return batches

    def done(self, batch, day):
        self.client.delete(f"{self.prefix}batch:{day}:{batch}")


class CacheStore:
    """The counters in Django's cache, for a site without Redis."""

    TIMEOUT = 14 * 86400

    def __init__(self, prefix):
        self.prefix = prefix
        self.lock = threading.Lock()

    def _salt(self, day):
        return cache.get_or_set(f"{self.prefix}salt:{day}", secrets.token_hex(16), 2 * 86400)

    def _incr(self, key, timeout):
        cache.add(key, 0, timeout)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout)
            return 1

    def add(self, day, key_field, address, path, limit):
        if limit > 0:
            digest = hashlib.sha1(f"{self._salt(day)} {address or ''} {path}".encode(), usedforsecurity=False)
            if self._incr(f"{self.prefix}flood:{digest.hexdigest()}", 60) > limit:
                return False
        counter = f"{self.prefix}views:{day}:{hashlib.sha1(key_field.encode(), usedforsecurity=False).hexdigest()}"
        if self._incr(counter, self.TIMEOUT) == 1:
            with self.lock:
                self._index_add(f"{self.prefix}days", day)
                self._index_add(f"{self.prefix}fields:{day}", key_field)
        return True

    def _index_add(self, key, value):
        values = cache.get(key) or set()
        if value not in values:
            cache.set(key, values | {value}, self.TIMEOUT)

    def flush(self):
        """Nothing held: every view is written at once."""

    def take(self):
        pending = cache.get(f"{self.prefix}batches") or {}
        for day in sorted(cache.get(f"{self.prefix}days") or ()):
            counts = {}
            for key_field in cache.get(f"{self.prefix}fields:{day}") or ():
                key = f"{self.prefix}views:{day}:{hashlib.sha1(key_field.encode(), usedforsecurity=False).hexdigest()}"
                views = cache.get(key) or 0
                if views:
                    # Exactly what was read: a view added since stays for the next fold.
                    cache.decr(key, views)
                    counts[key_field] = views
            if counts:
                pending[uuid.uuid4().hex] = (day, counts)
        cache.set(f"{self.prefix}batches", pending, self.TIMEOUT)
        return [(batch, day, counts) for batch, (day, counts) in pending.items()]

    def done(self, batch, day):
        pending = cache.get(f"{self.prefix}batches") or {}
        pending.pop(batch, None)
        cache.set(f"{self.prefix}batches", pending, self.TIMEOUT)


@memoize
def _store(url, prefix, buffer_seconds):
    return RedisStore(url, prefix, buffer_seconds) if url else CacheStore(prefix)


def get_store():
    audience = settings.AUDIENCE
    return _store(settings.REDIS_URL if audience["REDIS"] else "", audience["KEY_PREFIX"], audience["BUFFER_SECONDS"])
