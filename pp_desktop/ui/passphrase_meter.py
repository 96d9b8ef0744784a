"""Strength feedback for a new passphrase: a five-step bar, its word, and zxcvbn's advice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from pp_desktop.store.passphrase_policy import MIN_SCORE, Strength, strength
from pp_desktop.ui.tr_marks import QT_TRANSLATE_NOOP

# the strength words of the passphrase policy, for Qt Linguist
STRENGTH_WORDS = (
    QT_TRANSLATE_NOOP("PassphraseMeter", "very weak"),
    QT_TRANSLATE_NOOP("PassphraseMeter", "weak"),
    QT_TRANSLATE_NOOP("PassphraseMeter", "fair"),
    QT_TRANSLATE_NOOP("PassphraseMeter", "good"),
    QT_TRANSLATE_NOOP("PassphraseMeter", "strong"),
)
# bar colour per zxcvbn score 0..4: red, orange, amber, green, deep green
_COLOURS = ("#c0392b", "#d35400", "#d4a017", "#3c8d40", "#1e6b3a")


class PassphraseMeter(QWidget):
    """Shows how hard a passphrase is to guess, and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseMeter")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 5)  # score + 1, so that "very weak" still shows a sliver
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.word = QLabel(self)
        self.word.setObjectName("strengthWord")
        self.word.setMinimumWidth(110)
        self.advice = QLabel(self)
        self.advice.setObjectName("strengthAdvice")
        self.advice.setWordWrap(True)
        self.advice.setProperty("role", "hint")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.word)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.advice)
        self.estimate: Strength = strength("")
        self.show_passphrase("")

    def show_passphrase(self, passphrase: str) -> Strength:
        """Estimate ``passphrase`` and show the result; returns the estimate."""
        est = strength(passphrase)
        self.estimate = est
        score = est.score if passphrase else 0
        self.bar.setValue(score + 1 if passphrase else 0)
        colour = _COLOURS[score]
        self.bar.setStyleSheet(
            "QProgressBar { border: none; background: #e6e9ee; border-radius: 4px; }"
            f"QProgressBar::chunk {{ background: {colour}; border-radius: 4px; }}"
        )
        label = QCoreApplication.translate("PassphraseMeter", est.label)
        self.word.setText(self.tr("Strength: {label}").format(label=label) if passphrase else "")
        self.word.setStyleSheet(f"color: {colour}; font-weight: 600;" if passphrase else "")
        tips = [est.warning, *est.suggestions] if passphrase and est.score < MIN_SCORE + 1 else []
        self.advice.setText(" ".join(t for t in tips if t))
        self.advice.setVisible(bool(self.advice.text()))
        return est
