"""Typed errors of the Excel exchange, with messages written for an officer."""

from __future__ import annotations

from pp_desktop.services.errors import ServiceError


class ExchangeError(ServiceError):
    """Base of export and import errors (exit code 2: the input or the request is wrong)."""

    exit_code = 2


class ImportRefused(ExchangeError):
    """The file cannot be imported at all (macros, password, not xlsx, too big...)."""


class ImportHasErrors(ExchangeError):
    """Some rows have errors: nothing was written."""

    exit_code = 21


class ExportCancelled(ExchangeError):
    """The officer cancelled; no file was written and every temporary file is gone."""

    exit_code = 130
