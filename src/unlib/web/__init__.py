"""The web layer: a REST API under ``/api/v1`` and server-rendered pages, served by uvicorn.

:func:`unlib.web.app.create_app` builds the application; :func:`unlib.web.server.serve` runs it
with several worker processes, each holding one :class:`unlib.services.library.Library`.
"""
