"""Loading: every format, language detection, and the hostile files a corpus may hold."""

from __future__ import annotations

import hashlib
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from index.errors import CorpusNotFound
from index.loading import (
    SUPPORTED_SUFFIXES,
    LoadError,
    file_fingerprint,
    load_corpus,
    load_document,
    reflow,
    scan_corpus,
)
from index.types import Document, document_id

LIMIT = 1_000_000

ENGLISH = (
    "The committee met on Tuesday to discuss the new budget. Most members agreed that the "
    "library needs more money for books, and the mayor promised to look into it next month."
)
DUTCH = (
    "De commissie kwam dinsdag bijeen om de nieuwe begroting te bespreken. De meeste leden "
    "waren het erover eens dat de bibliotheek meer geld nodig heeft voor boeken, en de "
    "burgemeester beloofde er volgende maand naar te kijken."
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    return root


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail, rather than hang, if the code under test opens a FIFO."""

    def give_up(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError("loading blocked: something opened a FIFO")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, 10)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every path passed to os.open (the loader's only way of opening files), resolved."""
    paths: list[str] = []
    real_open = os.open

    def spy(path: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
        paths.append(os.path.realpath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    return paths


def load_one(corpus: Path, name: str) -> Document:
    return load_document(corpus, corpus / name, LIMIT)


def skip_reasons(corpus: Path) -> dict[str, str]:
    return {item.path: item.reason for item in load_corpus(corpus, LIMIT).skipped}


# --- formats ---------------------------------------------------------------------------------


def test_txt_utf8_keeps_text_and_normalises_bom_and_line_endings(corpus: Path) -> None:
    (corpus / "notes").mkdir()
    path = corpus / "notes" / "kirov.txt"
    path.write_bytes(b"\xef\xbb\xbfKirov \xe2\x80\x93 the murder\r\n\r\nSt. Petersburg, 1934.\r\n")

    document = load_document(corpus, path, LIMIT)

    assert document.text == "Kirov – the murder\n\nSt. Petersburg, 1934.\n"
    assert document.source == "notes/kirov.txt"
    assert document.id == document_id("notes/kirov.txt")
    assert document.title == "Kirov – the murder"
    assert document.content_hash == hashlib.sha256(document.text.encode()).hexdigest()
    assert document.pages == ()


def test_txt_cp1252_is_decoded_right(corpus: Path) -> None:
    text = "Le café est très bon.\nNaïve coöperatie — “quoted” text for Zoë.\n"
    (corpus / "legacy.txt").write_bytes(text.encode("cp1252"))

    assert load_one(corpus, "legacy.txt").text == text


def test_txt_utf16_with_bom_is_decoded(corpus: Path) -> None:
    (corpus / "wide.txt").write_bytes("Grüße aus Köln.\r\n".encode("utf-16"))

    assert load_one(corpus, "wide.txt").text == "Grüße aus Köln.\n"


@pytest.mark.parametrize(
    ("content", "title"),
    [
        ("Some intro line.\n\n# The Real Title #\n\nBody.\n", "The Real Title"),
        ("Setext Title\n============\n\nBody text.\n", "Setext Title"),
        ("---\ntitle: \"From Front Matter\"\n---\n# Heading\n", "From Front Matter"),
        ("```bash\n# not a heading\n```\n## After The Fence\n", "After The Fence"),
        ("No heading here, just words.\nMore words.\n", "No heading here, just words."),
    ],
)
def test_markdown_title(corpus: Path, content: str, title: str) -> None:
    (corpus / "doc.md").write_text(content, encoding="utf-8")

    document = load_one(corpus, "doc.md")

    assert document.title == title
    assert document.text == content  # markdown is kept as written


@pytest.mark.parametrize(
    ("content", "title"),
    [
        # A saved web page opens with its breadcrumb trail, which ends with its title.
        ("Home Dossiers Floods The Flood of 1953\n\nThe Flood of 1953\n\nBody text.\n",
         "The Flood of 1953"),
        # Only a whole-word ending counts, and only within the next three lines.
        ("Home Dossiers TheFlood\nFlood\nBody text.\n", "Home Dossiers TheFlood"),
        ("Home Flood\nOne.\nTwo.\nThree.\nFlood\n", "Home Flood"),
        ("The Flood\nThe Flood\nBody.\n", "The Flood"),
        # A byline is no trail: its words before the name are not all labels.
        ("The Flood of 1953 by Jan Jansen\nJan Jansen\nBody.\n",
         "The Flood of 1953 by Jan Jansen"),
    ],
)
def test_a_breadcrumb_trail_gives_way_to_the_title_it_ends_with(
        corpus: Path, content: str, title: str) -> None:
    (corpus / "page.txt").write_text(content, encoding="utf-8")

    assert load_one(corpus, "page.txt").title == title


def test_long_first_line_title_is_trimmed(corpus: Path) -> None:
    (corpus / "long.txt").write_text("word " * 60 + "\nsecond line\n", encoding="utf-8")

    title = load_one(corpus, "long.txt").title

    assert 0 < len(title) <= 120
    assert title.startswith("word word")


HTML = """<!DOCTYPE html>
<html><head><title>  The  Purges </title><style>p { color: red }</style>
<script>var secret = "tracking";</script></head>
<body>
<nav><a href="/">Home</a> menu links</nav>
<header>Site banner</header>
<h1>Stalin's Purges</h1>
<p>The first   paragraph
spans lines in the source.</p>
<!-- a comment that must not show -->
<ul><li>First item</li><li>Second <b>bold</b> item</li></ul>
<div>A div block<br>after a break</div>
<noscript>Enable JavaScript</noscript>
<footer>Copyright footer</footer>
</body></html>
"""


def test_html_drops_boilerplate_and_keeps_blocks(corpus: Path) -> None:
    (corpus / "page.html").write_text(HTML, encoding="utf-8")

    document = load_one(corpus, "page.html")

    assert document.title == "The Purges"
    assert document.text == (
        "Stalin's Purges\n\n"
        "The first paragraph spans lines in the source.\n\n"
        "First item\nSecond bold item\n\n"
        "A div block\nafter a break"
    )
    for hidden in ("secret", "color", "menu", "banner", "comment", "JavaScript", "footer"):
        assert hidden not in document.text


def test_html_title_falls_back_to_h1_and_honours_declared_charset(corpus: Path) -> None:
    page = ('<html><head><meta charset="windows-1252"></head>'
            "<body><h1>Caf\xe9 Culture</h1><p>Tr\xe8s bien.</p></body></html>")
    (corpus / "page.htm").write_bytes(page.encode("cp1252"))

    document = load_one(corpus, "page.htm")

    assert document.title == "Café Culture"
    assert document.text == "Café Culture\n\nTrès bien."


def make_pdf(path: Path, pages: list[list[str]], title: str | None = None) -> None:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    if title:
        pdf.setTitle(title)
    for lines in pages:
        for row, line in enumerate(lines):
            pdf.drawString(72, 750 - 14 * row, line)
        pdf.showPage()
    pdf.save()


def test_pdf_pages_offsets_and_reflow(corpus: Path) -> None:
    make_pdf(
        corpus / "report.pdf",
        [
            ["Alpha words are wrapped over", "several lines with an exam-", "ple of hyphens.",
             "Then a new sentence."],
            ["Beta words live on page two."],
        ],
        title="Quarterly Report",
    )

    document = load_one(corpus, "report.pdf")

    assert document.title == "Quarterly Report"
    assert [page.number for page in document.pages] == [1, 2]
    first, second = document.pages
    assert document.text[first.start:first.end] == (
        "Alpha words are wrapped over several lines with an example of hyphens.\n"
        "Then a new sentence."
    )
    assert document.text[second.start:second.end] == "Beta words live on page two."
    assert document.text[first.end:second.start] == "\n\n"
    assert document.page_at(document.text.index("Beta")) == 2
    assert document.page_at(document.text.index("example")) == 1


def test_pdf_without_title_uses_first_line(corpus: Path) -> None:
    make_pdf(corpus / "plain.pdf", [["Plain heading line."]])

    assert load_one(corpus, "plain.pdf").title == "Plain heading line."


@pytest.mark.parametrize(
    ("raw", "flowed"),
    [
        ("one\ntwo\nthree.", "one two three."),
        ("Done.\nNext one", "Done.\nNext one"),
        ("Question?\nAnswer: yes\nend", "Question?\nAnswer: yes end"),
        ("para one\n\n\npara two", "para one\n\npara two"),
        ("an exam-\nple", "an example"),
        ("well-\nKnown", "well- Known"),
        ("  spaced   out \r\n text ", "spaced out text"),
        ("He said “stop.”\nThen", "He said “stop.”\nThen"),
    ],
)
def test_reflow(raw: str, flowed: str) -> None:
    assert reflow(raw) == flowed


def test_docx_paragraphs_and_table(corpus: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Meeting Notes"
    document.add_heading("Agenda", level=1)
    document.add_paragraph("First paragraph of the notes.")
    document.add_paragraph("Buy milk", style="List Bullet")
    document.add_paragraph("Buy bread", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate([("Name", "Role"), ("Ada", "Chair")]):
        for column, value in enumerate(cells):
            table.cell(row, column).text = value
    document.add_paragraph("Closing remark.")
    document.save(str(corpus / "notes.docx"))

    loaded = load_one(corpus, "notes.docx")

    assert loaded.title == "Meeting Notes"
    assert loaded.text == (
        "Agenda\n\nFirst paragraph of the notes.\n\nBuy milk\nBuy bread\n\n"
        "Name\nRole\nAda\nChair\n\nClosing remark."
    )


def test_docx_without_core_title_uses_first_line(corpus: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("")
    document.add_paragraph("Opening line of the letter.")
    document.save(str(corpus / "letter.docx"))

    assert load_one(corpus, "letter.docx").title == "Opening line of the letter."


# --- language --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "language"), [(ENGLISH, "en"), (DUTCH, "nl"),
                                                 ("Ok 42.", "und"), ("1234 5678 ----", "und")])
def test_language(corpus: Path, text: str, language: str) -> None:
    (corpus / "text.txt").write_text(text, encoding="utf-8")

    assert load_one(corpus, "text.txt").language == language


# --- hostile files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("binary.txt", b"looks like text\x00\x01\x02\x00 but is not", "binary file"),
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\t\n   \n", "no text extracted"),
        ("garbage.txt", bytes(range(1, 32)) * 20 + b"\x81\x8d\x8f\x90\x9d" * 20,
         "undecodable text"),
        ("broken.pdf", b"%PDF-1.4\nthis is not really a pdf \xff\xfe" * 10, "malformed PDF: "),
        ("noise.pdf", bytes(range(38, 256)) * 8, "malformed PDF: "),
        ("broken.docx", b"PK\x03\x04 not a zip archive at all", "malformed DOCX: "),
        ("data.xyz", b"plain words in an unknown format", "unsupported file type .xyz"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Makefile", b"all:\n\techo hi\n", "unsupported file type (no suffix)"),
        ("script.html", b"<html><script>only();</script></html>", "no text extracted"),
    ],
)
def test_bad_files_are_skipped_with_a_clear_reason(
    corpus: Path, name: str, content: bytes, reason: str
) -> None:
    (corpus / name).write_bytes(content)
    (corpus / "good.txt").write_text(ENGLISH, encoding="utf-8")

    result = load_corpus(corpus, LIMIT)

    assert [document.source for document in result.documents] == ["good.txt"]
    assert [item.path for item in result.skipped] == [name]
    assert result.skipped[0].reason.startswith(reason)


def test_load_document_raises_load_error_with_reason(corpus: Path) -> None:
    (corpus / "empty.md").write_bytes(b"")

    with pytest.raises(LoadError) as raised:
        load_one(corpus, "empty.md")

    assert raised.value.reason == "empty file"


def test_too_large_file_is_skipped_before_reading(corpus: Path, opened: list[str]) -> None:
    big = corpus / "big.txt"
    big.write_text("x" * 200, encoding="utf-8")

    result = load_corpus(corpus, 100)

    assert result.documents == []
    assert result.skipped[0].reason == (
        "file too large (200 bytes > limit 100; raise ASSISTANT_MAX_FILE_BYTES)"
    )
    assert str(big.resolve()) not in opened


@pytest.mark.parametrize("target_kind", ["fifo", "file", "directory"])
def test_symlink_leaving_the_root_is_skipped_and_never_opened(
    tmp_path: Path, corpus: Path, target_kind: str, opened: list[str], no_hang: None
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "secret.txt"
    if target_kind == "fifo":
        os.mkfifo(target)
    elif target_kind == "file":
        target.write_text("top secret password", encoding="utf-8")
    else:
        target = outside / "folder"
        target.mkdir()
        (target / "inner.txt").write_text("secret too", encoding="utf-8")
    (corpus / "link.txt").symlink_to(target)

    result = load_corpus(corpus, LIMIT)

    assert result.documents == []
    assert [(s.path, s.reason) for s in result.skipped] == [
        ("link.txt", "symlink outside the corpus")
    ]
    assert not any(path.startswith(str(outside.resolve())) for path in opened)
    with pytest.raises(LoadError, match="symlink outside the corpus"):
        load_one(corpus, "link.txt")


def test_symlinked_folder_hiding_an_outside_file_is_caught(tmp_path: Path, corpus: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("top secret", encoding="utf-8")
    (corpus / "sub").symlink_to(outside, target_is_directory=True)

    with pytest.raises(LoadError, match="symlink outside the corpus"):
        load_document(corpus, corpus / "sub" / "secret.txt", LIMIT)


def test_symlink_inside_the_root_is_followed(corpus: Path) -> None:
    (corpus / "real").mkdir()
    (corpus / "real" / "original.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus / "alias.txt").symlink_to(corpus / "real" / "original.txt")
    (corpus / "mirror").symlink_to(Path("real"), target_is_directory=True)

    result = load_corpus(corpus, LIMIT)

    assert [d.source for d in result.documents] == [
        "alias.txt", "mirror/original.txt", "real/original.txt"
    ]
    assert len({d.text for d in result.documents}) == 1
    assert result.skipped == []


def test_broken_and_looping_symlinks_are_skipped(corpus: Path) -> None:
    (corpus / "broken.txt").symlink_to(corpus / "missing.txt")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    (corpus / "folder").mkdir()
    (corpus / "folder" / "up").symlink_to(corpus, target_is_directory=True)

    assert skip_reasons(corpus) == {
        "broken.txt": "broken symlink",
        "loop.txt": "symlink loop",
        "folder/up": "symlink loop (points back to a folder being scanned)",
    }


def test_fifo_inside_the_root_is_never_opened(corpus: Path, no_hang: None) -> None:
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "good.txt").write_text(ENGLISH, encoding="utf-8")

    result = load_corpus(corpus, LIMIT)

    assert [d.source for d in result.documents] == ["good.txt"]
    assert skip_reasons(corpus) == {"pipe.txt": "not a regular file (FIFO)"}
    with pytest.raises(LoadError, match="not a regular file"):
        load_one(corpus, "pipe.txt")


def test_hidden_files_and_folders_are_ignored_silently(corpus: Path) -> None:
    (corpus / ".git").mkdir()
    (corpus / ".git" / "config.txt").write_text("hidden", encoding="utf-8")
    (corpus / ".draft.md").write_text("# Hidden\n", encoding="utf-8")
    (corpus / "visible.md").write_text("# Visible\n\nSome text here.\n", encoding="utf-8")

    result = load_corpus(corpus, LIMIT)

    assert [d.source for d in result.documents] == ["visible.md"]
    assert result.skipped == []


@pytest.mark.parametrize("make", ["missing", "file"])
def test_missing_corpus_raises_corpus_not_found(tmp_path: Path, make: str) -> None:
    root = tmp_path / "nowhere"
    if make == "file":
        root.write_text("not a folder", encoding="utf-8")

    with pytest.raises(CorpusNotFound, match="ASSISTANT_CORPUS_DIR") as raised:
        scan_corpus(root, LIMIT)
    assert "--corpus" in str(raised.value)
    with pytest.raises(CorpusNotFound):
        load_corpus(root, LIMIT)


# --- scanning, determinism, hashes -----------------------------------------------------------


def test_scan_is_sorted_and_recursive(corpus: Path) -> None:
    for name in ["b.txt", "a/z.md", "a/b/c.html", "A.TXT", "c.pdf", "skip.bin"]:
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text("text", encoding="utf-8")

    paths, skipped = scan_corpus(corpus, LIMIT)

    assert [p.relative_to(corpus).as_posix() for p in paths] == [
        "A.TXT", "a/b/c.html", "a/z.md", "b.txt", "c.pdf"
    ]
    assert [(s.path, s.reason) for s in skipped] == [("skip.bin", "unsupported file type .bin")]
    assert {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"} == SUPPORTED_SUFFIXES


def test_loading_is_deterministic(corpus: Path) -> None:
    (corpus / "one.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus / "two.html").write_text(HTML, encoding="utf-8")
    make_pdf(corpus / "three.pdf", [["Page one."], ["Page two."]])

    assert load_corpus(corpus, LIMIT) == load_corpus(corpus, LIMIT)


def test_content_hash_follows_the_text_and_id_follows_the_path(corpus: Path) -> None:
    path = corpus / "doc.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    before = load_one(corpus, "doc.txt")
    path.write_text(ENGLISH + " One more sentence.", encoding="utf-8")
    after = load_one(corpus, "doc.txt")

    assert before.content_hash != after.content_hash
    assert before.id == after.id


def test_file_fingerprint_hashes_raw_bytes(corpus: Path, no_hang: None) -> None:
    path = corpus / "doc.txt"
    path.write_bytes(b"\xef\xbb\xbfraw\r\nbytes")
    os.mkfifo(corpus / "pipe")

    assert file_fingerprint(path) == hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(LoadError, match="not a regular file"):
        file_fingerprint(corpus / "pipe")


def test_undecodable_file_name_is_skipped(corpus: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    try:
        (corpus / name).write_text(ENGLISH, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses non-UTF-8 names")

    result = load_corpus(corpus, LIMIT)

    assert result.documents == []
    assert [(s.path, s.reason) for s in result.skipped] == [
        ("caf\\udce9.txt", "file name is not valid UTF-8")
    ]
