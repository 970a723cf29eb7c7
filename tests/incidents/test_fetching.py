"""The importer's fetcher refuses every address inside our network (SSRF), before and after connecting."""

import socket

import pytest

from incidents.fetching import FetchError, refused_reason, safe_fetch


@pytest.fixture
def loopback_allowed(settings):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://192.168.1.1:8080/",
        "http://0.0.0.0/",
        "http://localhost/",  # a name that resolves to a loopback address
    ],
)
def test_private_and_special_addresses_are_refused(url):
    with pytest.raises(FetchError, match="Refused"):
        safe_fetch(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/", "/relative"])
def test_only_http_and_https(url):
    with pytest.raises(FetchError, match="Only http and https"):
        safe_fetch(url)


def test_addresses_are_classified():
    assert refused_reason("93.184.216.34") is None
    assert "loopback" in refused_reason("127.0.0.1")
    assert "private" in refused_reason("172.16.0.5")
    assert "link-local" in refused_reason("fe80::1")
    assert "multicast" in refused_reason("224.0.0.1")


def test_loopback_admitted_for_tests_but_not_private_ranges(loopback_allowed, httpserver):
    httpserver.expect_request("/page").respond_with_data("<p>hello</p>", content_type="text/html")
    fetched = safe_fetch(httpserver.url_for("/page"))
    assert (fetched.content, fetched.content_type) == (b"<p>hello</p>", "text/html")
    with pytest.raises(FetchError, match="Refused"):
        safe_fetch("http://10.0.0.1/")


def test_redirect_into_private_space_is_refused(loopback_allowed, httpserver):
    httpserver.expect_request("/go").respond_with_data("", status=302, headers={"Location": "http://10.0.0.1/admin"})
    with pytest.raises(FetchError, match="10.0.0.1 is a private address"):
        safe_fetch(httpserver.url_for("/go"))


def test_redirects_are_followed_up_to_the_limit(loopback_allowed, httpserver, settings):
    for n in range(7):
        httpserver.expect_request(f"/r{n}").respond_with_data("", status=302, headers={"Location": f"/r{n + 1}"})
    httpserver.expect_request("/r2-final").respond_with_data("done")
    with pytest.raises(FetchError, match="More than 5 redirects"):
        safe_fetch(httpserver.url_for("/r0"))


def test_oversize_documents_are_refused(loopback_allowed, httpserver, settings):
    settings.IMPORT_MAX_BYTES = 1000
    httpserver.expect_request("/big").respond_with_data("x" * 5000)
    with pytest.raises(FetchError, match="limit"):
        safe_fetch(httpserver.url_for("/big"))


def test_a_name_that_changes_its_answer_is_checked_at_connect_time(monkeypatch, httpserver):
    """DNS rebinding: the check before connecting sees a public address, the socket reaches a loopback one."""
    from incidents import fetching

    httpserver.expect_request("/").respond_with_data("secret")
    monkeypatch.setattr(fetching, "resolve", lambda host, port: [(socket.AF_INET, 1, 6, "", ("93.184.216.34", port))])
    with pytest.raises(FetchError, match="Refused to connect: 127.0.0.1 is a loopback address"):
        safe_fetch(f"http://localhost:{httpserver.port}/")


def test_http_errors_are_reported(loopback_allowed, httpserver):
    httpserver.expect_request("/missing").respond_with_data("no", status=404)
    with pytest.raises(FetchError, match="HTTP 404"):
        safe_fetch(httpserver.url_for("/missing"))
