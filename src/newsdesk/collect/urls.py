"""Canonical article URLs: one article, one key, however it was linked."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Parameters that say how a reader arrived, not what they read.
_TRACKING_EXACT = {
    "spm",
    "from",
    "fromsource",
    "share_token",
    "sharer_shareid",
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "yclid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "scene",
    "srcid",
    "isappinstalled",
    "wfr",
    "tt_from",
    "timestamp",
    "share_from",
    "_hsenc",
    "_hsmi",
    "ref",
    "ref_src",
}
_TRACKING_PREFIXES = ("utm_", "pk_", "hmsr", "hmpl", "hmcu", "hmkw", "hmci")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# The demo's outlets name canonical URLs under this reserved domain (.invalid never
# resolves), so that reruns on a new loopback port store nothing twice.
DEMO_DOMAIN = "newsdesk-demo.invalid"


def is_tracking_parameter(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_EXACT or lowered.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str, base: str | None = None) -> str:
    """Absolute URL with lower-case host, no default port, no fragment, no tracking parameters."""
    if base:
        url = urljoin(base, url.strip())
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return url.strip()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if ":" not in host else f"[{host}]"
    if port and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_parameter(k)]
    )
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, query, ""))


def same_site(url: str, other: str) -> bool:
    """True when both URLs share a registrable-looking domain (last two labels, or three for .com.cn)."""
    return _site(url) == _site(other)


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in ("com", "net", "org", "gov", "edu", "ac") and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def registrable_domain(url: str) -> str:
    """The domain a registrant controls (``people.com.cn`` for ``finance.people.com.cn``),
    from the public suffix list; an IP address or a single-label host is its own domain."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if not host or "." not in host or host.replace(".", "").isdigit() or ":" in host:
        return host
    try:
        from tld import get_fld

        found = get_fld(host, fix_protocol=True, fail_silently=True)
    except Exception:  # the list could not be loaded: the rough rule below still holds
        found = None
    return found.lower() if found else _site(url)


def canonical_link_allowed(
    canonical: str, fetched: str, allowed_domains: list[str] | tuple[str, ...] = ()
) -> bool:
    """Whether a page fetched from ``fetched`` may name ``canonical`` as its address.

    Only within its own registrable domain, or into a domain the configuration trusts
    (``collect.canonical_domains``): otherwise any page could claim another site's article
    URL and have its text stored in that article's place.
    """
    if registrable_domain(canonical) == registrable_domain(fetched):
        return True
    host = (urlsplit(canonical).hostname or "").lower().rstrip(".")
    for domain in allowed_domains:
        domain = domain.lower().strip(".")
        if domain and (host == domain or host.endswith("." + domain)):
            return True
    return False
