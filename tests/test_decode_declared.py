"""A charset the sender declared (an HTTP Content-Type's) is read before detection; when it cannot be, it is said."""

from __future__ import annotations

from summarizer.ingest.decoding import decode_declared


def test_decode_declared_keeps_a_byte_order_mark_and_reads_latin_1_as_browsers_do() -> None:
    text = "\u201cThe pier at Orva is safe,\u201d the mayor said."
    assert decode_declared(text.encode("cp1252"), "iso-8859-1", "the body") == (text, "cp1252", False, [])
    assert decode_declared(b"\x81 Orva pier", "latin1", "the body")[:2] == ("\x81 Orva pier", "iso8859-1")
    assert decode_declared(text.encode("utf-8-sig"), "utf-8", "x") == (text, "utf-8-sig", False, [])
    marked = decode_declared(text.encode("utf-16"), "windows-1250", "the body")
    assert marked[:2] == (text, "utf-16") and "byte-order mark" in marked[3][0]
    assert decode_declared(text.encode("utf-16-le"), "utf-16le", "x")[:3] == (text, "utf-16-le", False)
    assert decode_declared(text.encode("utf-8"), None, "x") == (text, "utf-8", False, [])
    assert "not known" in decode_declared(text.encode("utf-8"), "rot13", "the body")[3][0]  # a codec, not a charset
