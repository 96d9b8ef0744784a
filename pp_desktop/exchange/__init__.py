"""Excel, CSV and IATI import and export (issues 6 and 7). No Qt here."""
