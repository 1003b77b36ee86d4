"""Reader: encodings detected, bad files refused with a named error."""

from __future__ import annotations

import codecs
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banmian.errors import (BinaryInput, BrokenDocument, EmptyInput, InputTooLarge, MissingInput, UndecodableInput,
                            UnsupportedFormat)
from banmian.stages.read import decode_bytes, read_source

PAGE = (
    "25日，区委书记黄卫锋主持召开区委常委会（扩大）会议。会议强调，要进一步提高政治站位，"
    "充分认清争当“全方位融入苏南的桥头堡、高科技产业发展的排头兵”的新使命。\n"
    "区委副书记、区长曹金海主持召开区政府常务会议，研究部署安置房建设、河道整治等工作。\n"
)


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk", "big5"])
def test_detects_encoding(tmp_path, codec):
    text = PAGE if codec != "big5" else PAGE.encode("big5", errors="ignore").decode("big5")
    f = tmp_path / "page.txt"
    f.write_bytes(text.encode(codec))
    src = read_source(f)
    assert src.text.lstrip("\ufeff") == text


def test_gb18030_only_characters(tmp_path):
    text = "王䶮同志出席会议，会议门票€5。" * 20
    f = tmp_path / "p.txt"
    f.write_bytes(text.encode("gb18030"))
    assert read_source(f).text == text
    assert read_source(f).encoding == "gb18030"


def test_gb2312_verdict_decoded_as_gb18030():
    # 镕 is GBK but not GB2312: pages declared GB2312 often hold such characters.
    text = ("朱镕基同志在北京会见外宾。" + PAGE) * 3
    decoded, codec = decode_bytes(text.encode("gbk"))
    assert decoded == text and codec == "gb18030"


def test_encoding_override(tmp_path):
    f = tmp_path / "p.txt"
    f.write_bytes(PAGE.encode("gb18030"))
    assert read_source(f, encoding="gbk").text == PAGE
    with pytest.raises(UndecodableInput):
        read_source(f, encoding="utf-8")
    with pytest.raises(UndecodableInput, match="unknown encoding"):
        read_source(f, encoding="klingon")


def test_empty_and_whitespace_only(tmp_path):
    for content in (b"", b"\n\n  \r\n", "\u3000\u3000\n".encode()):
        f = tmp_path / "empty.txt"
        f.write_bytes(content)
        with pytest.raises(EmptyInput):
            read_source(f)


def test_binary_files(tmp_path):
    png = tmp_path / "scan.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(BinaryInput, match="PNG"):
        read_source(png)
    z = tmp_path / "pages.txt"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.txt", PAGE)
    with pytest.raises(BinaryInput, match="ZIP"):
        read_source(z)
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 64)
    with pytest.raises((BinaryInput, UndecodableInput)):
        read_source(blob)


def test_truncated_pdf_is_named(tmp_path):
    f = tmp_path / "page.pdf"
    f.write_bytes(b"%PDF-1.7\n1 0 obj <<")
    with pytest.raises(BrokenDocument, match="cannot open the PDF"):
        read_source(f)


def test_huge_file_refused_without_reading(tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)
    with pytest.raises(InputTooLarge, match="200.0 MB"):
        read_source(f)


def test_missing_directory_and_empty_html(tmp_path):
    with pytest.raises(MissingInput):
        read_source(tmp_path / "nope.txt")
    with pytest.raises(UnsupportedFormat):
        read_source(tmp_path)
    h = tmp_path / "a.html"
    h.write_text("<html></html>")
    with pytest.raises(EmptyInput, match="HTML page holds no text"):
        read_source(h)


def test_error_line_names_the_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    with pytest.raises(EmptyInput) as info:
        read_source(f)
    assert str(f) in str(info.value) and "\n" not in str(info.value)


han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
chinese_text = st.text(alphabet=st.one_of(han, st.sampled_from("，。、；：“”（）《》\n 0123456789")), min_size=1, max_size=400)


@settings(max_examples=60, deadline=None)
@given(chinese_text.filter(lambda s: s.strip()))
def test_round_trip_utf8_and_boms(text):
    for codec in ("utf-8", "utf-8-sig", "utf-16"):
        decoded, _ = decode_bytes(text.encode(codec))
        assert decoded.lstrip("\ufeff") == text


@settings(max_examples=40, deadline=None)
@given(chinese_text.filter(lambda s: s.strip()), st.sampled_from(["gb18030", "big5", "utf-16-le"]))
def test_round_trip_with_declared_encoding(text, codec):
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return
    decoded, _ = decode_bytes(data, encoding=codec)
    assert decoded == text


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(data):
    from banmian.errors import InputError

    try:
        text, codec = decode_bytes(data)
    except InputError:
        return
    assert isinstance(text, str) and codecs.lookup(codec)
