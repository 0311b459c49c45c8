"""The lead of a pattern: a lookahead of the characters its matches begin with, which changes no match."""
import re

import pytest

from quellen.extract.regex_lead import lead

TEXT = ("On the 3rd of May 1862 we sailed; Sept. 4, 1790 and 12/3/1862 follow, then 2024-01-05, MARCH 1911, "
        "ſeptember 1 1801, first of june 1700, Thursday, 4 July 1776; nothing on Monday or in the morning.")


@pytest.mark.parametrize("pattern, flags", [
    (r"(?:may|march|june)\s+\d+", re.I),
    (r"(?<![^\W\d_])(?:(?:the\s+)?(?:first|third|\d{1,2}(?:st|nd|rd|th)?)\s+(?:of\s+)?(?:may|june)|\d{4}-\d\d)", re.I),
    (r"\b(?:(?-i:[Tt]he)\s+)?(?:Sept|Mon)(?:day|\.)", 0),
    (r"(?:september|march)\s+\d{4}", re.I),
    (r"x?(?:ab|c)d", 0),
])
def test_the_lead_changes_no_match(pattern, flags):
    head = lead(pattern, flags)
    assert head.startswith("(?=")
    led = re.compile(head + pattern, flags)
    assert [m.span() for m in led.finditer(TEXT)] == [m.span() for m in re.finditer(pattern, TEXT, flags)]
    assert [m.span() for m in led.finditer(TEXT.upper())] == \
        [m.span() for m in re.finditer(pattern, TEXT.upper(), flags)]


def test_the_lead_names_the_first_two_characters():
    assert lead(r"(?:may|march|june)\s+\d+", re.I) == "(?=(?i:[JMjm]))(?=(?i:[Jj][Uu]|[Mm][Aa]))"
    assert lead(r"\d+(?:st|nd)", 0) == r"(?=(?i:[\d]))(?=(?i:[\d][\dns]))"


@pytest.mark.parametrize("pattern", [r"\w+day", r"(?:may)?\s", r"x?", r"(a)\1", r"[^a]b", "."])
def test_no_lead_where_a_match_may_begin_anywhere(pattern):
    assert lead(pattern) == ""
