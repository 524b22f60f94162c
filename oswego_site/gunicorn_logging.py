"""gunicorn's access log as one JSON object per line (gunicorn.conf.py sets it as logger_class).

gunicorn's own `access_log_format` pastes raw values into the line: a path
holding a quote or a percent-encoded line break would break the JSON or forge
a log line. Here every value goes through json.dumps.
"""

import datetime
import json
import os

from gunicorn.glogging import Logger


class JsonAccessLogger(Logger):
    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        atoms = self.atoms(resp, req, environ, request_time)
        status = str(atoms["s"])
        record = {
            "time": datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds"),
            "remote_addr": atoms["h"],
            "method": atoms["m"],
            "path": atoms["U"],
            "query": atoms["q"],
            "status": int(status) if status.isdigit() else status,
            "bytes": atoms["B"],
            "duration_ms": atoms["M"],
            "referer": atoms["f"],
            "user_agent": atoms["a"],
            "request_id": atoms.get("{x-request-id}i"),
            "pid": os.getpid(),
        }
        try:
            self.access_log.info("%s", json.dumps(record, default=str))
        except Exception:  # noqa: BLE001 - a log line must never fail a request
            self.exception("access log")
