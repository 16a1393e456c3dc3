"""Thông báo and TTHC: lists with search and filters, add/edit/remove forms, file upload (all or nothing)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from flask import Blueprint, flash, render_template, request
from werkzeug.utils import secure_filename

from broadcaster import timeutil
from broadcaster.errors import BroadcasterError, ImportDataError
from broadcaster.intake import catalog, manage
from broadcaster.intake.announcements import FORMATS as ANNOUNCEMENT_FORMATS
from broadcaster.intake.tthc import FORMATS as TTHC_FORMATS
from broadcaster.web.context import actor, back, conf, error, requires

bp = Blueprint("catalog", __name__)

ANNOUNCEMENT_FIELDS = ("title", "body", "category", "priority", "valid_from", "valid_until", "repeat")
TTHC_FIELDS = (
    "code",
    "name",
    "field",
    "change_type",
    "effective_date",
    "decision",
    "processing_time",
    "fee",
    "submit_place",
    "online_level",
    "details",
    "replaces",
    "source_url",
    "retrieved_at",
)
# Signatures of files that are never a data file, whatever their name says.
BINARY = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"MZ", b"\xd0\xcf\x11\xe0")


def _page() -> int:
    return request.args.get("page", 1, type=int) or 1


# ---- announcements ---------------------------------------------------------------------------


@bp.route("/announcements")
def announcements(upload_error: str | None = None, status: int = 200):
    args = {k: request.args.get(k, "") for k in ("q", "category", "priority", "when")}
    page = manage.search_announcements(
        conf(), args["q"], args["category"], args["priority"], args["when"], timeutil.now().date(), _page()
    )
    return render_template(
        "announcements.html", page=page, args=args, upload_error=upload_error, formats=ANNOUNCEMENT_FORMATS
    ), status


@bp.route("/announcements/new", methods=["GET", "POST"])
@bp.route("/announcements/<int:item_id>", methods=["GET", "POST"])
def announcement(item_id: int | None = None):
    if request.method == "POST":
        return _save_announcement(item_id)
    values = {}
    if item_id is not None:
        row = manage.get_announcement(conf(), item_id)
        values = {f: getattr(row, f) for f in ANNOUNCEMENT_FIELDS}
    return render_template("announcement_form.html", item_id=item_id, values=values, problems={})


@requires("prepare")
def _save_announcement(item_id: int | None):
    values = {f: request.form.get(f, "") for f in ANNOUNCEMENT_FIELDS}
    try:
        report = manage.save_announcement(conf(), values, actor(), item_id)
    except manage.FormError as exc:
        return render_template(
            "announcement_form.html", item_id=item_id, values=values, problems=exc.fields, message=exc.message
        ), 422
    flash(f"Đã ghi thông báo “{values['title'].strip()}”.", "info")
    for warning in report.warnings:  # the same text under another id, no broadcast left before it ends
        flash(f"Cảnh báo: {warning}", "warn")
    return back("catalog.announcements")


@bp.route("/announcements/<int:item_id>/remove", methods=["POST"])
@requires("prepare")
def remove_announcement(item_id: int):
    title = manage.remove_announcement(conf(), item_id, actor())
    flash(f"Đã xóa thông báo “{title}”.", "info")
    return back("catalog.announcements")


@bp.route("/announcements/upload", methods=["POST"])
@requires("prepare")
def upload_announcements():
    return _upload(
        ANNOUNCEMENT_FORMATS + ("yml",),
        catalog.import_announcements,
        "thông báo",
        announcements,
        "catalog.announcements",
    )


# ---- TTHC ------------------------------------------------------------------------------------


@bp.route("/tthc")
def tthc_list(upload_error: str | None = None, status: int = 200):
    args = {k: request.args.get(k, "") for k in ("q", "change_type", "field")}
    page = manage.search_tthc(conf(), args["q"], args["change_type"], args["field"], _page())
    return render_template(
        "tthc.html",
        page=page,
        args=args,
        fields=manage.tthc_fields(conf()),
        upload_error=upload_error,
        formats=TTHC_FORMATS,
    ), status


@bp.route("/tthc/new", methods=["GET", "POST"])
@bp.route("/tthc/<int:item_id>", methods=["GET", "POST"])
def tthc_item(item_id: int | None = None):
    if request.method == "POST":
        return _save_tthc(item_id)
    values = {}
    if item_id is not None:
        row = manage.get_tthc(conf(), item_id)
        values = {f: getattr(row, f) for f in TTHC_FIELDS}
    return render_template("tthc_form.html", item_id=item_id, values=values, problems={})


@requires("prepare")
def _save_tthc(item_id: int | None):
    values = {f: request.form.get(f, "") for f in TTHC_FIELDS}
    try:
        saved = manage.save_tthc(conf(), values, actor(), item_id)
    except manage.FormError as exc:
        return render_template(
            "tthc_form.html", item_id=item_id, values=values, problems=exc.fields, message=exc.message
        ), 422
    flash(f"Đã ghi TTHC {saved.code}.", "info")
    for warning in saved.warnings:
        flash(f"Cảnh báo: {warning}", "warn")
    return back("catalog.tthc_list")


@bp.route("/tthc/<int:item_id>/remove", methods=["POST"])
@requires("prepare")
def remove_tthc(item_id: int):
    what = manage.remove_tthc(conf(), item_id, actor())
    flash(f"Đã xóa TTHC {what}.", "info")
    return back("catalog.tthc_list")


@bp.route("/tthc/upload", methods=["POST"])
@requires("prepare")
def upload_tthc():
    return _upload(TTHC_FORMATS, catalog.import_tthc, "thủ tục", tthc_list, "catalog.tthc_list")


# ---- upload ----------------------------------------------------------------------------------


def check_content(suffix: str, head: bytes) -> str | None:
    """Why these bytes cannot be a .suffix data file, or None. The readers check the rest: the text's
    encoding (UTF-8, or UTF-16 whose every other byte may be zero; Windows-1258 and TCVN3 are named)."""
    if suffix == "xlsx":
        return None if head.startswith(b"PK\x03\x04") else "không phải tệp Excel .xlsx (nội dung không đúng định dạng)."
    if head.startswith(BINARY) or head.startswith(b"PK\x03\x04"):
        return f"không phải tệp văn bản .{suffix} (nội dung là tệp nhị phân: ảnh, PDF, Word, Excel…)."
    return None


def _upload(formats, importer, noun: str, page, endpoint: str):
    settings = conf()
    sent = request.files.get("file")
    if sent is None or not sent.filename:
        flash("Chọn một tệp để nhập.", "error")
        return back(endpoint)
    shown = Path(sent.filename).name
    name = secure_filename(shown) or "tep"
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix not in formats:
        return page(
            f"Tệp {shown}: định dạng .{suffix or '?'} không được hỗ trợ; dùng "
            + ", ".join(f".{f}" for f in formats)
            + ". Chưa có gì được nhập.",
            422,
        )
    data = sent.stream.read()
    problem = check_content(suffix, data[:8192])
    if problem is None and suffix == "xlsx":
        problem = None if zipfile.is_zipfile(io.BytesIO(data)) else "tệp Excel bị hỏng."
    if problem:
        return page(f"Tệp {shown}: {problem} Chưa có gì được nhập.", 422)
    folder = settings.paths.data / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{timeutil.now():%Y%m%d-%H%M%S}-{actor()}-{name}"
    path.write_bytes(data)
    try:
        report = importer(settings, path, actor())
    except ImportDataError as exc:
        path.unlink(missing_ok=True)  # nothing was imported: keep no copy
        return page(exc.message.replace(str(path), shown), 422)
    except BroadcasterError as exc:
        path.unlink(missing_ok=True)
        error(exc)
        return back(endpoint)
    flash(
        f"Đã nhập {report.total} {noun} từ {shown}: {report.created} mới, {report.updated} cập nhật, "
        f"{report.unchanged} không đổi.",
        "info",
    )
    _report_extras(report, str(path), shown)
    return back(endpoint)


def _report_extras(report: catalog.ImportReport, path: str, shown: str) -> None:
    """How the file was read and what did not stop the import, as `broadcaster tthc import` prints them."""
    if report.notes:
        flash("Cách đọc tệp: " + "; ".join(report.notes).replace(path, shown) + ".", "info")
    for warning in report.warnings:
        flash(f"Cảnh báo: {warning.replace(path, shown)}", "warn")
