"""The findings of the service-layer validation at the top of a form: errors (saving is blocked)
and warnings (saving asks once)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from pp_desktop.services.errors import Issue
from pp_desktop.ui import theme
from pp_desktop.ui.i18n import service_message

MAX_SHOWN = 6


class ValidationBanner(QLabel):
    """One message label; ``title_of`` turns a field name into its caption on the form."""

    def __init__(self, title_of: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("validationBanner")
        self.setWordWrap(True)
        self.title_of = title_of
        self.issues: list[Issue] = []
        self.hide()

    def show_issues(self, issues: list[Issue]) -> None:
        """Show errors first, then warnings; hide when there are none."""
        self.issues = list(issues)
        errors = [i for i in issues if i.is_error]
        warnings = [i for i in issues if not i.is_error]
        lines: list[str] = []
        if errors:
            lines.append(self.tr("Fix these before saving:"))
            lines += [self._line(i) for i in errors[:MAX_SHOWN]]
        if warnings:
            lines.append(self.tr("Please check (you can still save):"))
            lines += [self._line(i) for i in warnings[:MAX_SHOWN]]
        theme.set_message(self, "\n".join(lines), "error" if errors else "warning")

    def show_text(self, text: str, severity: str = "error") -> None:
        """Show a message that is not a field finding (a stale record, a failed write)."""
        self.issues = []
        theme.set_message(self, text, severity)

    def _line(self, issue: Issue) -> str:
        return f"• {self.title_of(issue.field)}: {service_message(issue.message)}"

    def clear_issues(self) -> None:
        """Hide the banner."""
        self.show_text("")
