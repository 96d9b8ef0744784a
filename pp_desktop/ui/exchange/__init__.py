"""Dialogs of the Excel exchange (issue 6) and of IATI (issue 7).

Every long step runs on the shared task mechanism (:mod:`pp_desktop.ui.background`) with
:class:`~pp_desktop.ui.task_progress.TaskProgressDialog`; :mod:`.wiring` connects the actions
of the main window to the dialogs.
"""
