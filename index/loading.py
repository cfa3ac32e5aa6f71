"""Find the corpus's files and turn each into a `Document` of plain, deterministic text.

Safety comes first: nothing outside the corpus root is ever opened (every path is resolved and
checked against the resolved root before it is read), and only regular files are opened, after
an `lstat`/`stat` check, so FIFOs, sockets and devices can never block or leak the build.

Hidden files and folders (names starting with ".") are ignored silently: they are not indexed and
not reported as skipped, so `.git`, editor swap files and the like stay out of the way. Every
other file that is not indexed is reported as a `Skipped` with a reason that starts with one of
these prefixes: "symlink outside the corpus", "broken symlink", "symlink loop", "not a regular
file", "file too large", "empty file", "binary file", "unsupported file type", "undecodable text",
"malformed PDF", "malformed DOCX", "malformed HTML", "no text extracted", "unreadable file",
"unreadable directory", "file name is not valid UTF-8".
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import io
import itertools
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.errors import CorpusNotFound, IndexingError
from index.types import Document, LoadResult, Page, Skipped, document_id

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUPPORTED_SUFFIXES: frozenset[str] = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"}

SNIFF_BYTES = 8192
TITLE_CHARS = 120
_TRAIL_LOOKAHEAD = 3  # lines after a breadcrumb trail in which its title is looked for
_TRAIL_SCAN = 64  # lines split off the top of a text to find those, blank ones included
LANGUAGE_SAMPLE_CHARS = 5000
MIN_LANGUAGE_LETTERS = 20
MAX_GARBLED_SHARE = 0.05

# UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that no real text contains (tab, newlines, form feed and ESC are allowed).
_GARBLED = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n?")
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_PLACEHOLDER_TITLES = frozenset({"untitled", "anonymous", "unspecified", "(anonymous)",
                                 "(unspecified)", "unknown"})
_SENTENCE_END = ".!?:…。！？"
_CLOSERS = "\"')]}»”’"

# HTML layout: dropped subtrees, blocks separated by a blank line, blocks on a line of their own.
_HTML_DROPPED = frozenset({"head", "script", "style", "nav", "header", "footer", "noscript",
                           "template"})
_HTML_PARAGRAPHS = frozenset({
    "address", "article", "aside", "blockquote", "body", "details", "dl", "div", "fieldset",
    "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "main",
    "ol", "p", "pre", "section", "summary", "table", "ul",
})
_HTML_LINES = frozenset({"br", "caption", "dd", "dt", "li", "option", "td", "th", "tr"})
_LINE, _PARAGRAPH = 1, 2  # break strengths between lines of extracted text

Piece = str | int  # text, or a break of that strength


class LoadError(IndexingError):
    """A file that must be skipped; `reason` says why, for the build report."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class _Extracted:
    text: str
    title: str | None = None
    pages: tuple[Page, ...] = ()


# --- finding files ---------------------------------------------------------------------------


def scan_corpus(root: Path, max_file_bytes: int) -> tuple[list[Path], list[Skipped]]:
    """Walk `root` recursively and return the files worth loading and the ones skipped, both
    sorted by their path relative to `root`.

    Hidden files and folders (names starting with ".") are ignored silently. Symlinks are
    followed only while they stay inside the root; directory symlinks that leave it are skipped
    and not descended into. Only metadata is consulted here, plus a peek at the first bytes of
    regular files with an unknown suffix to tell binary files apart.

    Raises CorpusNotFound if `root` is missing or not a directory.
    """
    root_real = _corpus_root(root)
    files: list[tuple[str, Path]] = []
    skipped: list[Skipped] = []
    pending: list[tuple[Path, tuple[Path, ...]]] = [(root, (root_real,))]
    while pending:
        directory, ancestors = pending.pop()
        try:
            entries = _list_directory(directory)
        except OSError as exc:
            skipped.append(Skipped(_display(root, directory), _unreadable("directory", exc)))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = directory / entry.name
            try:
                _check_name(root, path)
                if _is_directory(entry):
                    real = _inspect_directory(root_real, path, ancestors)
                    pending.append((path, (*ancestors, real)))
                else:
                    _inspect_file(root_real, path, max_file_bytes)
                    files.append((_display(root, path), path))
            except LoadError as exc:
                skipped.append(Skipped(_display(root, path), exc.reason))
    files.sort(key=lambda item: item[0])
    skipped.sort(key=lambda item: item.path)
    return [path for _, path in files], skipped


def _corpus_root(root: Path) -> Path:
    if not root.is_dir():
        raise CorpusNotFound(
            f"corpus folder {str(root)!r} does not exist or is not a directory; "
            "set ASSISTANT_CORPUS_DIR or pass --corpus"
        )
    return root.resolve()


def _list_directory(directory: Path) -> list[os.DirEntry[str]]:
    with os.scandir(directory) as iterator:
        return sorted(iterator, key=lambda entry: entry.name)


def _is_directory(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows symlinks; whether the target may be entered comes next
    except OSError:
        return False


def _inspect_directory(root_real: Path, path: Path, ancestors: tuple[Path, ...]) -> Path:
    real = _resolve(path)
    if not real.is_relative_to(root_real):
        raise LoadError("symlink outside the corpus")
    if real in ancestors:
        raise LoadError("symlink loop (points back to a folder being scanned)")
    return real


def _inspect_file(root_real: Path, path: Path, max_file_bytes: int) -> tuple[Path, int]:
    """Decide from metadata (and, for unknown suffixes, the first bytes) whether `path` may be
    loaded. Returns its real path and size; raises LoadError otherwise."""
    real = _resolve(path)
    if not real.is_relative_to(root_real):
        raise LoadError("symlink outside the corpus")
    try:
        info = os.stat(real)
    except OSError as exc:
        raise LoadError(_unreadable("file", exc)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(f"not a regular file ({_file_kind(info.st_mode)})")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(_unsupported(real, suffix, info.st_size))
    if info.st_size == 0:
        raise LoadError("empty file")
    if info.st_size > max_file_bytes:
        raise LoadError(_too_large(info.st_size, max_file_bytes))
    return real, info.st_size


def _resolve(path: Path) -> Path:
    try:
        return path.resolve(strict=True)
    except RuntimeError as exc:  # Python 3.11 reports symlink loops this way
        raise LoadError("symlink loop") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LoadError("symlink loop") from exc
        if os.path.islink(path):
            raise LoadError("broken symlink") from exc
        raise LoadError(_unreadable("file", exc)) from exc


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "device"),
             (stat.S_ISBLK, "device"), (stat.S_ISDIR, "directory"))
    return next((name for test, name in kinds if test(mode)), "special file")


def _unsupported(real: Path, suffix: str, size: int) -> str:
    kind = f"unsupported file type {suffix}" if suffix else "unsupported file type (no suffix)"
    if size and b"\x00" in _read(real, SNIFF_BYTES, whole=False):
        return f"binary file ({kind})"
    return kind


def _too_large(size: int, limit: int) -> str:
    return f"file too large ({size} bytes > limit {limit}; raise ASSISTANT_MAX_FILE_BYTES)"


def _unreadable(kind: str, exc: OSError) -> str:
    return f"unreadable {kind} ({exc.strerror or exc})"


def _check_name(root: Path, path: Path) -> None:
    try:
        path.relative_to(root).as_posix().encode("utf-8")
    except UnicodeEncodeError as exc:
        raise LoadError("file name is not valid UTF-8") from exc


def _display(root: Path, path: Path) -> str:
    """The path relative to the root, printable even when the name is not valid UTF-8."""
    relative = path.relative_to(root).as_posix()
    return relative.encode("utf-8", "backslashreplace").decode("utf-8")


def _read(real: Path, limit: int, *, whole: bool = True) -> bytes:
    """Read at most `limit` bytes (all of the file if `whole`, else a prefix). Opens without
    blocking and re-checks the opened file, in case the path was swapped after it was checked."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(real, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise LoadError(_unreadable("file", exc)) from exc
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(f"not a regular file ({_file_kind(info.st_mode)})")
        data = handle.read(limit + 1 if whole else limit)
    if whole and len(data) > limit:
        raise LoadError(_too_large(max(len(data), info.st_size), limit))
    return data


# --- loading files ---------------------------------------------------------------------------


def load_corpus(root: Path, max_file_bytes: int) -> LoadResult:
    """Scan `root` and load every candidate. A bad file becomes a `Skipped`, never an error;
    only a missing corpus raises (CorpusNotFound)."""
    paths, skipped = scan_corpus(root, max_file_bytes)
    documents: list[Document] = []
    for path in paths:
        try:
            documents.append(load_document(root, path, max_file_bytes))
        except LoadError as exc:
            skipped.append(Skipped(_display(root, path), exc.reason))
    skipped.sort(key=lambda item: item.path)
    return LoadResult(documents=documents, skipped=skipped)


def load_document(root: Path, path: Path, max_file_bytes: int) -> Document:
    """Load one file of the corpus at `root`. Raises LoadError(reason) when it must be skipped."""
    root_real = _corpus_root(root)
    source = _source(root, path)
    real, _ = _inspect_file(root_real, path, max_file_bytes)
    data = _read(real, max_file_bytes)
    if not data:
        raise LoadError("empty file")
    extracted = _extract(path.suffix.lower(), data)
    if not extracted.text.strip():
        raise LoadError("no text extracted")
    return Document(
        id=document_id(source),
        source=source,
        title=_tidy_title(extracted.title) or _tidy_title(_first_line(extracted.text)) or path.stem,
        language=detect_language(extracted.text),
        text=extracted.text,
        content_hash=hashlib.sha256(extracted.text.encode("utf-8")).hexdigest(),
        pages=extracted.pages,
    )


def file_fingerprint(path: Path) -> str:
    """SHA-256 (hex) of the file's raw bytes. Refuses anything but a regular file."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    with os.fdopen(os.open(path, flags), "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise LoadError("not a regular file")
        return hashlib.file_digest(handle, "sha256").hexdigest()


def detect_language(text: str) -> str:
    """Two-letter language code of `text`, or "und" when there is too little text to tell."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if sum(character.isalpha() for character in sample) < MIN_LANGUAGE_LETTERS:
        return "und"
    import py3langid

    code = str(py3langid.classify(sample)[0])
    return code if len(code) == 2 else "und"


def _source(root: Path, path: Path) -> str:
    try:
        relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
    except ValueError as exc:
        raise LoadError("file outside the corpus") from exc
    source = relative.as_posix()
    try:
        source.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise LoadError("file name is not valid UTF-8") from exc
    return source


def _extract(suffix: str, data: bytes) -> _Extracted:
    if suffix in TEXT_SUFFIXES:
        text = decode_text(data)
        return _Extracted(text, _markdown_title(text) if suffix != ".txt" else None)
    if suffix in HTML_SUFFIXES:
        return _extract_html(data)
    if suffix == ".pdf":
        return _extract_pdf(data)
    if suffix == ".docx":
        return _extract_docx(data)
    raise LoadError(f"unsupported file type {suffix}")


# --- plain text ------------------------------------------------------------------------------


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode a text file: a byte-order mark wins, then UTF-8, then the `declared` encoding,
    then charset-normalizer's guess. Line endings become "\\n" and a leading BOM goes."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(codec))
            except UnicodeDecodeError as exc:
                raise LoadError("undecodable text") from exc
    data = data.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in data[:SNIFF_BYTES]:
        raise LoadError("binary file")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if declared and _is_codec(declared):
        try:
            return _checked(data.decode(declared))
        except (UnicodeDecodeError, LoadError):
            pass
    return _checked(_guess_decode(data))


def _is_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _guess_decode(data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise LoadError("undecodable text")
    best = matches[0]
    # Short texts fit many code pages equally well; Windows-1252, by far the most common legacy
    # encoding, wins such ties so that "café" stays "café" rather than becoming "cafč".
    tied = [m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence]
    if any("cp1252" in m.could_be_from_charset for m in tied):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _checked(text: str) -> str:
    text = _NEWLINES.sub("\n", text).removeprefix("\ufeff")
    if len(_GARBLED.findall(text)) > MAX_GARBLED_SHARE * len(text):
        raise LoadError("undecodable text")
    return text


def _markdown_title(text: str) -> str | None:
    """YAML front matter's `title:`, else the first ATX or setext heading outside code fences."""
    lines = text.split("\n")
    body_start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is not None:
            for line in lines[1:end]:
                key, _, value = line.partition(":")
                if key.strip().lower() == "title" and value.strip().strip("\"'"):
                    return value.strip().strip("\"'")
            body_start = end + 1
    in_fence = False
    previous = ""
    for line in lines[body_start:]:
        if _FENCE.match(line):
            in_fence, previous = not in_fence, ""
            continue
        if in_fence:
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            return heading.group(1)
        if previous.strip() and _SETEXT_UNDERLINE.match(line):
            return previous
        previous = line
    return _first_line("\n".join(lines[body_start:]))


def _first_line(text: str) -> str | None:
    """The first line with text. A web page saved as text often opens with its breadcrumb
    trail, which ends with the page's title ("Home Dossiers Joris Dekker Dekker en de Grote
    Staking", then "Dekker en de Grote Staking"): then the title is that shorter line."""
    lines = list(itertools.islice(
        (" ".join(line.split()) for line in text.split("\n", _TRAIL_SCAN) if line.strip()),
        _TRAIL_LOOKAHEAD + 1))
    if not lines:
        return None
    first = lines[0]
    return next((line for line in lines[1:] if _trail_ends_with(first, line)), first)


def _trail_ends_with(first: str, line: str) -> bool:
    """A trail of capitalised labels ("Home Dossiers Joris Dekker") before the title, not a
    byline ("… door Jan Jansen") or a sentence."""
    if len(line) >= len(first) or not first.endswith(" " + line):
        return False
    return all(word[:1].isupper() for word in first[:-len(line)].split())


def _tidy_title(title: str | None) -> str | None:
    if not title:
        return None
    title = " ".join(title.split())
    if not title or title.lower() in _PLACEHOLDER_TITLES:
        return None
    if len(title) <= TITLE_CHARS:
        return title
    cut = title[: TITLE_CHARS - 1]
    if cut.rfind(" ") > TITLE_CHARS // 2:  # end on a word boundary when there is one nearby
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip() + "…"


def _clean(line: str) -> str:
    """Drop stray control characters and lone surrogates from extracted (non-.txt) text."""
    line = _CONTROL.sub("", line)
    return line.encode("utf-8", "replace").decode("utf-8")


def _assemble(pieces: list[Piece]) -> str:
    """Join text pieces into lines: whitespace inside a line collapses to single spaces, a break
    of strength 1 starts a new line, one of strength 2 leaves a blank line before the next."""
    out: list[str] = []
    buffer: list[str] = []
    pending = 0
    for piece in [*pieces, _PARAGRAPH]:
        if isinstance(piece, str):
            buffer.append(piece)
            continue
        line = _clean(" ".join("".join(buffer).split()))
        buffer.clear()
        if line:
            if out:
                out.append("\n\n" if pending >= _PARAGRAPH else "\n")
            out.append(line)
            pending = 0
        pending = max(pending, piece)
    return "".join(out)


# --- HTML ------------------------------------------------------------------------------------


def _extract_html(data: bytes) -> _Extracted:
    from bs4 import BeautifulSoup
    from bs4.dammit import EncodingDetector

    declared = EncodingDetector.find_declared_encoding(data, is_html=True)
    text = decode_text(data, declared)
    try:
        soup = BeautifulSoup(text, "html.parser")
        title = _html_title(soup)
        return _Extracted(_assemble(_html_pieces(soup)), title)
    except Exception as exc:  # a parser bug on hostile markup must not stop the build
        raise LoadError(f"malformed HTML: {_describe(exc)}") from exc


def _html_title(soup: BeautifulSoup) -> str | None:
    for name in ("title", "h1"):
        element = soup.find(name)
        if element is not None and element.get_text().strip():
            return element.get_text()
    return None


def _html_pieces(soup: BeautifulSoup) -> list[Piece]:
    """Text and line breaks in document order. Iterative, so deep nesting cannot overflow."""
    from bs4 import NavigableString, Tag
    from bs4.element import PreformattedString

    pieces: list[Piece] = []
    stack: list[Any] = list(reversed(soup.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, int):
            pieces.append(node)
        elif isinstance(node, Tag):
            stack.extend(_open_tag(node, pieces))
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            pieces.append(str(node))  # comments, doctypes and CDATA are PreformattedStrings
    return pieces


def _open_tag(tag: Tag, pieces: list[Piece]) -> list[Any]:
    """Record what starts at `tag` and return what to visit next, in reverse order."""
    name = tag.name.lower()
    if name in _HTML_DROPPED:
        return []
    if name == "pre":
        pieces.append(_PARAGRAPH)
        for line in tag.get_text().split("\n"):
            pieces.extend((line, _LINE))
        pieces.append(_PARAGRAPH)
        return []
    strength = _PARAGRAPH if name in _HTML_PARAGRAPHS else _LINE if name in _HTML_LINES else 0
    if not strength:
        return list(reversed(tag.contents))
    pieces.append(strength)
    return [strength, *reversed(tag.contents)]


# --- PDF -------------------------------------------------------------------------------------


def _extract_pdf(data: bytes) -> _Extracted:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _unlock(reader):
            raise LoadError("malformed PDF: encrypted (needs a password)")
        title = _pdf_title(reader)
        raw_pages = [page.extract_text() or "" for page in reader.pages]
    except LoadError:
        raise
    except Exception as exc:  # pypdf raises many types on broken files
        raise LoadError(f"malformed PDF: {_describe(exc)}") from exc
    text, pages = _join_pages([reflow(raw) for raw in raw_pages])
    return _Extracted(text, title, pages)


def _unlock(reader: Any) -> bool:
    """Open PDFs that are encrypted with an empty user password, as every viewer does."""
    from pypdf import PasswordType

    try:
        return bool(reader.decrypt("") != PasswordType.NOT_DECRYPTED)
    except Exception:  # e.g. AES without the optional cryptography package
        return False


def _pdf_title(reader: Any) -> str | None:
    try:
        metadata = reader.metadata
        return str(metadata.title) if metadata is not None and metadata.title else None
    except Exception:  # a broken info dictionary only costs the title
        return None


def _join_pages(bodies: list[str]) -> tuple[str, tuple[Page, ...]]:
    """Join page texts with blank lines; a page without text gets an empty span."""
    parts: list[str] = []
    pages: list[Page] = []
    position = 0
    for number, body in enumerate(bodies, start=1):
        if body and position:
            parts.append("\n\n")
            position += 2
        pages.append(Page(number, position, position + len(body)))
        parts.append(body)
        position += len(body)
    return "".join(parts), tuple(pages)


def reflow(raw: str) -> str:
    """Re-join a PDF page's wrapped lines into paragraphs, one per line, and undo hyphenation
    at line ends ("exam-" + "ple" -> "example"). A blank line stays a paragraph break."""
    lines: list[str] = []
    for raw_line in _NEWLINES.sub("\n", raw).split("\n"):
        line = _clean(" ".join(raw_line.split()))
        if not line:
            if lines and lines[-1]:
                lines.append("")
        elif lines and lines[-1] and not _ends_sentence(lines[-1]):
            lines[-1] = _join_wrapped(lines[-1], line)
        else:
            lines.append(line)
    return "\n".join(lines).strip("\n")


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS)[-1:] in tuple(_SENTENCE_END)


def _join_wrapped(previous: str, line: str) -> str:
    if len(previous) > 1 and previous[-1] == "-" and previous[-2].isalpha() and line[0].islower():
        return previous[:-1] + line
    return f"{previous} {line}"


# --- DOCX ------------------------------------------------------------------------------------


def _extract_docx(data: bytes) -> _Extracted:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        title = document.core_properties.title
        pieces = _docx_pieces(document.iter_inner_content(), _PARAGRAPH)
    except Exception as exc:  # python-docx raises zip, XML and key errors on broken files
        raise LoadError(f"malformed DOCX: {_describe(exc)}") from exc
    return _Extracted(_assemble(pieces), title or None)


def _docx_pieces(blocks: Any, separator: int) -> list[Piece]:
    """Paragraphs (split at manual line breaks) and tables, one cell per line."""
    from docx.table import Table

    pieces: list[Piece] = []
    for block in blocks:
        if isinstance(block, Table):
            pieces.append(_PARAGRAPH)
            for cell in _unique_cells(block):
                pieces.extend(_docx_pieces(cell.iter_inner_content(), _LINE))
            pieces.append(_PARAGRAPH)
            continue
        for line in block.text.split("\n"):
            pieces.extend((line, _LINE))
        pieces.append(_LINE if _is_list_item(block) else separator)
    return pieces


def _unique_cells(table: Any) -> list[Any]:
    """Cells in reading order; a merged cell is reported once, not once per grid position."""
    seen: set[Any] = set()
    cells: list[Any] = []
    for row in table.rows:
        for cell in row.cells:
            if cell._tc not in seen:
                seen.add(cell._tc)
                cells.append(cell)
    return cells


def _is_list_item(paragraph: Any) -> bool:
    properties = paragraph._p.pPr
    if properties is not None and properties.numPr is not None:
        return True
    style = paragraph.style
    return bool(style is not None and str(style.name or "").startswith("List"))


def _describe(exc: BaseException) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message[:200]
