"""FastAPI dependencies: the process's library, its settings, the write token."""

from __future__ import annotations

import hmac
from typing import Annotated, Any, Final

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.datastructures import FormData

from unlib.services.library import Library
from unlib.settings import Settings
from unlib.web.views import N_

# Documents the scheme in OpenAPI; the check itself is :func:`require_token`.
bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="The server's `api_token` setting (UNLIB_API_TOKEN), sent as a Bearer token.",
)


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def library_of(app: Any) -> Library:
    """The one :class:`Library` of this worker process, opened on first use."""
    library: Library | None = getattr(app.state, "library", None)
    if library is None:
        library = Library(app.state.settings, create=True)
        app.state.library = library
    return library


def get_library(request: Request) -> Library:
    return library_of(request.app)


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Write endpoints: ``Authorization: Bearer <api_token>``; none at all without a token."""
    token: str = get_settings(request).api_token
    if not token:
        raise HTTPException(
            403,
            "writes are disabled on this server: its administrator can allow uploads by "
            "setting api_token (environment variable UNLIB_API_TOKEN)",
        )
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        raise HTTPException(
            401,
            "this endpoint needs the server's API token: send the header "
            "'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": 'Bearer realm="unlib"'},
        )


LibraryDep = Annotated[Library, Depends(get_library)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
TokenDep = Depends(require_token)


# What an HTML form that writes says when its token field will not do (translated on the page).
NO_TOKEN: Final = N_(
    "Writing is disabled on this server: its administrator can allow it by setting api_token."
)
BAD_TOKEN: Final = N_("The API token is not right.")


def form_token_error(request: Request, form: FormData) -> str | None:
    """Web forms that write: the ``token`` field against the ``api_token`` setting; the
    message to show, or None when it is right."""
    token: str = get_settings(request).api_token
    if not token:
        return NO_TOKEN
    given = str(form.get("token") or "")
    if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        return BAD_TOKEN
    return None
