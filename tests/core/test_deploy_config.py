"""deploy/nginx/oswego.conf: what it promises, and valid nginx as `make bench` runs it."""

import re
import shutil
import subprocess

import pytest

from bench import run

CONFIG = (run.ROOT / "deploy" / "nginx" / "oswego.conf").read_text()


def test_the_proxy_cache_keys_on_host_and_uri_and_lets_django_decide_what_to_keep():
    assert "proxy_cache_key $host$request_uri;" in CONFIG
    # No proxy_cache_valid: only what Django marks public (s-maxage) is stored.
    assert "proxy_cache_valid" not in CONFIG
    assert "proxy_cache_methods GET HEAD;" in CONFIG


@pytest.mark.parametrize(
    "path", ["/admin/", "/admin", "/documents/1/", "/fr/recherche/", "/en/search/", "/fr/contact/", "/en/contact/"]
)
def test_private_paths_bypass_the_proxy_cache(path):
    patterns = re.findall(r"^\s+~(\S+) 1;$", CONFIG.split("map $uri $oswego_private_path")[1].split("}")[0], re.M)
    assert any(re.search(pattern, path) for pattern in patterns), path
    assert "proxy_cache_bypass $oswego_has_session $oswego_private_path" in CONFIG
    assert "proxy_no_cache $oswego_has_session $oswego_private_path" in CONFIG


def test_a_session_cookie_bypasses_the_proxy_cache_and_only_this_machine_may_purge():
    session = re.search(r'"~\(\^\|;\)\\s\*\(__Host-\)\?sessionid=" 1;', CONFIG)
    assert session is not None
    purge = CONFIG.split("location = /.purge")[1].split("}")[0]
    assert "allow 127.0.0.1;" in purge and "deny all;" in purge and "internal;" in purge


@pytest.mark.skipif(
    not shutil.which("nginx") or not run.PURGE_MODULE.exists(),
    reason="Debian's nginx and libnginx-mod-http-cache-purge are not installed (make bench installs them)",
)
def test_the_shipped_configuration_is_valid_nginx(tmp_path, monkeypatch):
    monkeypatch.setattr(run, "VAR", tmp_path)
    (tmp_path / "nginx" / "temp").mkdir(parents=True)
    conf = tmp_path / "nginx" / "nginx.conf"
    conf.write_text(run.nginx_config(18801, 18802, (18803, 18804)))
    result = subprocess.run(  # noqa: S603 - nginx's own syntax check
        [shutil.which("nginx"), "-t", "-c", str(conf), "-p", str(tmp_path / "nginx")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
