"""What every view needs: the settings, the job registry, the signed-in user and their rights."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable

from flask import abort, current_app, flash, g, redirect, url_for

from broadcaster.accounts import Account
from broadcaster.config import Settings
from broadcaster.errors import BroadcasterError
from broadcaster.web.jobs import Jobs

# right -> roles that have it; every signed-in user may look at every page
RIGHTS: dict[str, frozenset[str]] = {
    "prepare": frozenset({"officer"}),  # import, edit, build, preview
    "urgent": frozenset({"officer"}),  # send an emergency
    "approve": frozenset({"approver"}),  # approve or send back
    "admin": frozenset({"admin"}),  # accounts, slots, settings
}


@dataclasses.dataclass
class WebState:
    settings: Settings
    jobs: Jobs


def state() -> WebState:
    return current_app.extensions["broadcaster"]


def conf() -> Settings:
    return state().settings


def user() -> Account | None:
    return g.get("user")


def signed_in() -> Account:
    """The account of a request that passed `requires` (the decorator refused it otherwise)."""
    account = user()
    if account is None:
        abort(401)
    return account


def actor() -> str:
    """The name written in the audit trail: the login name."""
    account = user()
    return account.name if account else "?"


def can(right: str) -> bool:
    account = user()
    return account is not None and account.role in RIGHTS[right]


def requires(right: str) -> Callable:
    """The view refuses (403) a user whose role lacks `right`; checked on the server for every request."""

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            if not can(right):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorate


def error(exc: BroadcasterError) -> None:
    flash(exc.message, "error")


def back(endpoint: str, **values):
    return redirect(url_for(endpoint, **values), code=303)
