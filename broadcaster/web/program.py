"""Chương trình: the script segment by segment, the audio, approve or send back, edit a segment."""

from __future__ import annotations

from flask import Blueprint, abort, flash, render_template, request, send_file

from broadcaster import review, urgent_preview
from broadcaster.errors import BroadcasterError
from broadcaster.web.context import actor, back, conf, error, requires, signed_in

bp = Blueprint("program", __name__)


@bp.route("/program/<int:program_id>")
def show(program_id: int):
    return render_template("program.html", p=review.program_view(conf(), program_id))


@bp.route("/program/<int:program_id>/approve", methods=["POST"])
@requires("approve")
def approve(program_id: int):
    try:
        done = review.approve_program(conf(), program_id, signed_in().display, actor())
        flash(f"Đã duyệt chương trình (người duyệt: {done.approved_by}).", "info")
    except BroadcasterError as exc:
        error(exc)
    return back("program.show", program_id=program_id)


@bp.route("/program/<int:program_id>/send-back", methods=["POST"])
@requires("approve")
def send_back(program_id: int):
    try:
        review.send_back(conf(), program_id, request.form.get("reason", ""), actor())
        flash("Đã trả lại chương trình cho cán bộ đài, kèm lý do.", "info")
    except BroadcasterError as exc:
        error(exc)
    return back("program.show", program_id=program_id)


@bp.route("/program/<int:program_id>/segment/<int:segment_id>", methods=["POST"])
@requires("prepare")
def edit_segment(program_id: int, segment_id: int):
    text = request.form.get("text", "")
    try:
        review.edit_segment(conf(), segment_id, text, actor())
    except BroadcasterError as exc:
        view = review.program_view(conf(), program_id)
        return render_template("program.html", p=view, editing=segment_id, draft=text, problem=exc.message), 422
    flash("Đã sửa đoạn, dựng lại âm thanh; chương trình chờ duyệt lại.", "info")
    return back("program.show", program_id=program_id, _anchor=f"seg-{segment_id}")


@bp.route("/audio/program/<int:program_id>.mp3")
def audio(program_id: int):
    """Only by id, only from the audio folder; Range requests answered (the player seeks)."""
    path = review.audio_file(conf(), program_id)
    if path is None:
        abort(404)
    return send_file(path, mimetype="audio/mpeg", conditional=True, max_age=0)


@bp.route("/audio/preview/<token>.mp3")
@requires("urgent")
def preview_audio(token: str):
    path = urgent_preview.preview_file(conf(), token)
    if path is None:
        abort(404)
    return send_file(path, mimetype="audio/mpeg", conditional=True, max_age=0)
