"""click's own messages reach the officer in Vietnamese: usage errors keep exit code 2, --debug keeps click's."""

from __future__ import annotations

import pytest
from conftest import invoke

ENGLISH = (
    "Usage",
    "Error",
    "Try ",
    "Missing",
    "No such",
    "Invalid value",
    "Got unexpected",
    "requires",
    "is not",
    "does not",
    "Did you mean",
    "Show this message",
    "Aborted",
)


def refused(*args: str) -> str:
    """Run the CLI, check it was refused as a usage error (exit 2) in Vietnamese only; return the output."""
    result = invoke(list(args), prog_name="broadcaster")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    for word in ENGLISH:
        assert word not in result.output, result.output
    return result.output


@pytest.mark.parametrize(
    "args, expected",
    [
        (["nosuch"], "Lỗi: Không có lệnh “nosuch”."),
        (["slotz"], "Lỗi: Không có lệnh “slotz”. Có phải ý bạn là slots?"),
        (["slots", "nosuch"], "Lỗi: Không có lệnh “nosuch”."),
        (["announce", "add", "--body", "x"], "Lỗi: Thiếu tùy chọn '--title'."),
        (["slots", "add", "tue"], "Lỗi: Thiếu tham số 'TIME'."),
        (["slots", "remove", "abc"], "Lỗi: Giá trị không hợp lệ cho 'SLOT_ID': 'abc' không phải là số nguyên."),
        (
            ["cache", "prune", "--days", "-1"],
            "Lỗi: Giá trị không hợp lệ cho '--days': -1.0 nằm ngoài khoảng cho phép (x>=0).",
        ),
        (["normalize", "--bogus"], "Lỗi: Không có tùy chọn --bogus."),
        (["slots", "list", "--jsn"], "Lỗi: Không có tùy chọn --jsn. Có phải ý bạn là --json?"),
        (["--config"], "Lỗi: Tùy chọn '--config' cần một giá trị."),
        (["slots", "list", "extra"], "Lỗi: Thừa tham số: extra."),
        (
            ["urgent", "--file", "/no/such/file.txt"],
            "Lỗi: Giá trị không hợp lệ cho '--file': Tệp '/no/such/file.txt' không tồn tại.",
        ),
    ],
)
def test_usage_errors_are_vietnamese_with_exit_code_2(args, expected):
    assert expected in refused(*args).splitlines()


def test_a_usage_error_shows_the_usage_line_and_where_to_find_help():
    lines = refused("slots", "add", "tue").splitlines()
    assert lines[:2] == [
        "Cách dùng: broadcaster slots add [TÙY CHỌN] WEEKDAY TIME",
        "Xem hướng dẫn: broadcaster slots add --help",
    ]


def test_a_file_where_a_directory_is_given(tmp_path):
    output = refused("say", "xin chào", "-o", str(tmp_path))
    assert f"Tệp '{tmp_path}' là một thư mục, cần một tệp." in output


def test_debug_keeps_clicks_own_message():
    result = invoke(["--debug", "nosuch"])
    assert result.exit_code == 2 and "No such command 'nosuch'." in result.output


def test_help_pages_are_vietnamese():
    result = invoke(["slots", "add", "--help"], prog_name="broadcaster")
    assert result.exit_code == 0
    assert "Cách dùng: broadcaster slots add [TÙY CHỌN] WEEKDAY TIME" in result.output
    assert "Tùy chọn:" in result.output and "Hiện hướng dẫn này rồi thoát." in result.output
    assert "--max CHUỖI" in result.output and "[mặc định: 30m]" in result.output
    top = invoke(["--help"], prog_name="broadcaster").output
    assert "Lệnh:" in top and "broadcaster [TÙY CHỌN] LỆNH [THAM SỐ]..." in top and "--config TỆP" in top


def test_help_pages_say_cach_dung():
    assert "Cách dùng: broadcaster slots add" in invoke(["slots", "add", "--help"], prog_name="broadcaster").output


def test_our_own_errors_keep_their_exit_code_and_words(tmp_path):
    result = invoke(["--config", str(tmp_path / "nope.yaml"), "slots", "list"])
    assert result.exit_code == 1 and "Lỗi: Không tìm thấy tệp cấu hình" in result.output


def test_ctrl_c_is_said_in_vietnamese(monkeypatch, project):
    from broadcaster.cli import normalize as command

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(command, "_emit", interrupted)
    result = invoke(["--config", str(project / "config.yaml"), "normalize", "x"])
    assert result.exit_code == 1 and "Đã dừng theo yêu cầu" in result.output and "Aborted" not in result.output
