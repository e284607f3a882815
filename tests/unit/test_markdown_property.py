"""Any translation a translator can type: build-md either writes a file that reads back as
exactly the blocks it wrote, or refuses with a RenderError naming the file and line."""

from __future__ import annotations

from pathlib import Path

from hypothesis import event, example, given, settings
from hypothesis import strategies as st
from test_markdown import AZ, SOURCE, lookup

from pubtool.errors import RenderError
from pubtool.publish.documents import Missing
from pubtool.publish.markdown import translate_statement
from pubtool.statements import parse_statement

# Characters that mean something at the start or the end of a Markdown line, and words.
PIECES = st.sampled_from(
    ["#", "##", "-", "+", "*", "**", "_", "1.", "1990.", "2)", ">", "<b>", "<!--", "```", "~~~",
     "===", "---", "[a]: /x", "[a](b)", "\\", "|", ":", "'", '"', "!", "&amp;", " ", "  ",
     "\u00a0", "\t", "\n", "Bakı", "январь", "20", "söz", "a"]
)  # fmt: skip
TEXT = st.lists(PIECES, min_size=1, max_size=8).map("".join).filter(str.strip)


@settings(max_examples=150, deadline=None)
@given(heading=TEXT, item=TEXT, paragraph=TEXT, title=TEXT, signature=TEXT)
@example(heading="a #", item="1990. il", paragraph="[a]: /x", title="- a", signature="a\nb")
def test_a_translated_file_reads_back_as_what_was_written_or_is_refused(
    heading: str, item: str, paragraph: str, title: str, signature: str
) -> None:
    odd = {
        **AZ,
        "A heading": heading,
        "First item": item,
        "A quote over two lines.": paragraph,
        "Rich: a statement": title,
        "E. Suleymanova": signature,
    }
    raw = SOURCE
    statement = parse_statement(raw, Path("statements/2020-01-15-rich.md"))
    try:
        result = translate_statement(raw, statement, lookup(odd), Missing.mark)
    except RenderError as error:
        assert error.file == "statements/2020-01-15-rich.md" and error.line
        event(f"refused: {error.message}")
        return
    again = parse_statement(result.text, Path("2020-01-15-rich.md"))
    assert [b.kind for b in again.blocks()] == [b.kind for b in statement.blocks()]
    assert len(again.body) == len(statement.body)
