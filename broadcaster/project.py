"""A new station folder: the commented config.yaml, the data folders and the migrated database.

The config written is broadcaster/sample/config.yaml, a copy of the repository's config.yaml
(a test keeps the two identical).
"""

from __future__ import annotations

import dataclasses
import shutil
from importlib import resources
from pathlib import Path

from broadcaster.config import DEFAULT_FILE, read_settings
from broadcaster.errors import ConfigError
from broadcaster.files import write_text_atomic


@dataclasses.dataclass(frozen=True)
class InitReport:
    config: Path
    config_action: str  # written | unchanged | overwritten
    backup: Path | None  # the previous config.yaml, kept when overwritten
    folders: tuple[tuple[Path, bool], ...]  # (folder, created now)
    database: str  # SQLAlchemy URL
    database_created: bool


def sample_config() -> str:
    """The commented config.yaml shipped with the package."""
    return (resources.files("broadcaster") / "sample" / "config.yaml").read_text(encoding="utf-8")


def init_project(folder: Path, force: bool = False) -> InitReport:
    """Write config.yaml into `folder` (never over a different one unless `force`), create the data
    folders and the database. Running it again changes nothing."""
    folder = folder.expanduser().absolute()
    if folder.exists() and not folder.is_dir():
        raise ConfigError(f"{folder} không phải là thư mục.", None, "chọn một thư mục (mới hoặc đã có).")
    target = folder / DEFAULT_FILE
    text, backup = sample_config(), None
    if not target.exists():
        action = "written"
    elif _read(target) == text:
        action = "unchanged"
    elif not force:
        raise ConfigError(
            f"Thư mục {folder} đã có tệp cấu hình {DEFAULT_FILE} khác bản mẫu; không ghi đè.",
            "đài đã được cài ở đây, ghi đè sẽ làm mất các chỉnh sửa trong tệp đó.",
            f"dùng cấu hình đó (cd {folder} && broadcaster status), hoặc thêm --force để ghi bản "
            f"mẫu mới (bản cũ được giữ lại thành {DEFAULT_FILE}.bak).",
        )
    else:
        action, backup = "overwritten", target.with_name(DEFAULT_FILE + ".bak")
        shutil.copy2(target, backup)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if action != "unchanged":
            write_text_atomic(target, text)
    except OSError as exc:
        raise ConfigError(
            f"Không ghi được {target}.",
            exc.strerror or str(exc),
            "chọn thư mục mà người dùng hiện tại có quyền ghi, hoặc chạy bằng sudo.",
        ) from exc
    settings = read_settings(target)
    folders = []
    for path in (settings.paths.scripts, settings.paths.audio, settings.paths.data, settings.cache_dir):
        existed = path.is_dir()
        path.mkdir(parents=True, exist_ok=True)
        folders.append((path, not existed))
    url = settings.database_url
    sqlite_file = Path(url[len("sqlite:///") :]) if url.startswith("sqlite:///") and ":memory:" not in url else None
    created = sqlite_file is not None and not sqlite_file.exists()
    from broadcaster.store import db  # late: SQLAlchemy and Alembic only when a database is made

    db.engine_for(url)  # creates the file and migrates to the newest schema
    return InitReport(target, action, backup, tuple(folders), url, created)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
