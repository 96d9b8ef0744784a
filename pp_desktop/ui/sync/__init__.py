"""The Sync page and the Conflicts view (issue 5, GUI part): sync status, Sync now, folder
export and import, enrolment with the root fingerprint confirmed first, receipt history,
conflicts resolved side by side, quarantined changes with their reason."""
