"""Excel and CSV exchange with national counterparts (DESIGN §6). No Qt here.

Export: :func:`export_workbook` (and :func:`export_csv`) over an :class:`ExportSource`.
Import: :func:`preview_import` -> :class:`ImportPlan` -> :func:`commit_import`, with
:func:`write_error_report` for a plan with errors.
"""
