"""The review page's inline stylesheet, its few lines of script, and the Content-Security-Policy that allows just them.

Colours and font follow the digest (`rendering`): the same greys, link blue and
escalation level colours. Highlight backgrounds are translucent so that nested
or overlapping highlights show as a darker mix rather than one hiding another.
"""

from __future__ import annotations

import base64
import hashlib

from .rendering import LEVEL_COLOURS

__all__ = ["CONTENT_SECURITY_POLICY", "KIND_COLOURS", "PAGE_POLICY", "SCRIPT", "STYLE"]

# kind -> (translucent background, solid colour of its label)
KIND_COLOURS = {
    "evidence": ("rgba(220,38,38,.16)", "#b91c1c"),
    "figure": ("rgba(37,99,235,.17)", "#1d4ed8"),
    "hedge": ("rgba(217,119,6,.18)", "#b45309"),
    "cue": ("rgba(217,119,6,.42)", "#92400e"),
    "missed": ("rgba(124,58,237,.14)", "#6d28d9"),
}

# colours are classes, never style="" attributes: the policy below allows this stylesheet and nothing else
_KINDS = (
    "\n".join(
        f".hl.{kind}{{background:{back};}} .tag.{kind}::before,.key.{kind},.label.{kind}{{background:{solid};}}"
        for kind, (back, solid) in KIND_COLOURS.items()
    )
    + "\n"
    + " ".join(f".badge.level{n}{{background:{colour};}}" for n, colour in enumerate(LEVEL_COLOURS))
)

STYLE = (
    """
*{box-sizing:border-box;}
html{-webkit-text-size-adjust:100%;}
body{margin:0;background:#f3f4f6;color:#1f2937;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;
  overflow-wrap:break-word;}
a{color:#1d4ed8;}
.page{max-width:1200px;margin:0 auto;background:#ffffff;padding:16px;}
header h1{font-size:24px;line-height:1.25;margin:0 0 4px 0;color:#111827;overflow-wrap:break-word;}
.meta{font-size:12px;color:#6b7280;margin:0 0 10px 0;overflow-wrap:anywhere;}
.badge{display:inline-block;padding:2px 8px;border-radius:10px;color:#ffffff;font-size:13px;}
.summary{font-size:16px;margin:10px 0;color:#111827;}
.points{margin:0 0 10px 0;font-size:14px;}
.points summary{cursor:pointer;color:#374151;}
.points ul{margin:4px 0 0 20px;padding:0;}
.checks{margin:12px 0;padding:8px 10px;background:#f9fafb;border-left:4px solid #9ca3af;font-size:14px;}
.checks.bad{background:#fef2f2;border-left-color:#dc2626;color:#7f1d1d;}
.checks ul{margin:4px 0 0 18px;padding:0;}
nav.toc{font-size:13px;margin:8px 0 0 0;}
nav.toc a{margin-right:10px;white-space:nowrap;}
.layout{display:block;}
main,aside{min-width:0;}
h2{font-size:18px;margin:22px 0 6px 0;color:#111827;}
h3{font-size:15px;margin:16px 0 4px 0;color:#111827;}
.legend{font-size:12px;color:#374151;margin:0 0 8px 0;}
.keyed{white-space:nowrap;}
aside p{font-size:14px;margin:4px 0 8px 0;}
.key{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 3px 0 8px;vertical-align:0;}
.article{white-space:pre-wrap;overflow-wrap:anywhere;font-size:16px;line-height:1.65;color:#111827;margin:0;}
.hl{color:inherit;border-radius:2px;cursor:pointer;}
.hl.cue{font-weight:bold;}
.hl.missed{outline:1px dashed #6d28d9;outline-offset:-1px;}
.hl.bad{outline:2px solid #dc2626;}
.hl.flash{box-shadow:0 0 0 2px #111827;}
.tag{text-decoration:none;}
.tag::before{content:attr(data-label);display:inline;font-size:10px;line-height:13px;font-weight:bold;
  color:#ffffff;padding:0 3px;margin:0 2px 0 1px;border-radius:3px;vertical-align:2px;white-space:nowrap;}
ol.items,ul.items{list-style:none;margin:0;padding:0;}
.items li{padding:7px 0;border-bottom:1px solid #e5e7eb;font-size:14px;overflow-wrap:break-word;}
.items li:target{background:#fffbeb;}
.label{display:inline-block;font-size:11px;font-weight:bold;color:#ffffff;padding:0 4px;border-radius:3px;
  margin-right:4px;}
.q{color:#374151;font-size:13px;}
.sub{color:#6b7280;font-size:13px;}
.status{display:inline-block;font-size:12px;padding:0 6px;border-radius:8px;background:#e5e7eb;color:#111827;}
.status.unconfirmed,.status.claimed{background:#fef3c7;}
.status.official{background:#dcfce7;}
.warn{color:#b91c1c;font-weight:bold;}
.none{color:#6b7280;font-size:13px;margin:2px 0 8px 0;}
dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 10px;font-size:13px;margin:0;}
dl.facts dt{color:#6b7280;}
dl.facts dd{margin:0;overflow-wrap:anywhere;}
footer{font-size:12px;color:#6b7280;margin-top:20px;border-top:1px solid #e5e7eb;padding-top:8px;}
@media (min-width:900px){
  .page{padding:20px 28px;}
  .layout{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:28px;align-items:start;}
  aside{position:sticky;top:0;max-height:100vh;overflow-y:auto;padding:0 4px 20px 0;}
}
@media print{
  body{background:#ffffff;}
  aside{position:static;max-height:none;overflow:visible;}
  nav.toc{display:none;}
}
"""
    + _KINDS
    + "\n"
)

# Clicking any piece of a highlight goes to its entry in the side list; arriving at a highlight
# (from a side-list link) outlines every piece of it, also the pieces a crossing span split off.
SCRIPT = """
document.addEventListener('click', function (e) {
  var hl = e.target.closest && e.target.closest('.hl');
  if (hl && !e.target.closest('a') && hl.dataset.entry) { location.hash = hl.dataset.entry; }
});
function flash() {
  document.querySelectorAll('.flash').forEach(function (el) { el.classList.remove('flash'); });
  var id = decodeURIComponent(location.hash.slice(1));
  var el = id && document.getElementById(id);
  if (el && el.dataset.span) {
    document.querySelectorAll('.hl[data-span="' + el.dataset.span + '"]').forEach(function (p) {
      p.classList.add('flash');
    });
  }
}
window.addEventListener('hashchange', flash);
flash();
"""


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


# The page loads nothing and runs nothing but its own <style> and <script> (by hash); links still navigate.
# The page carries it in a <meta> too, so a file opened from disk is held to it; frame-ancestors works only
# as a header.
PAGE_POLICY = (
    f"default-src 'none'; script-src {_sha256(SCRIPT)}; style-src {_sha256(STYLE)}; base-uri 'none'; form-action 'none'"
)
CONTENT_SECURITY_POLICY = PAGE_POLICY + "; frame-ancestors 'none'"
