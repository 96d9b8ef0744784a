"""The HQ side of pp-desktop sync: bundle verification, device registry, downstream bundles.

No Qt here; reuses ``pp_desktop.sync`` (issue 4), served over HTTP by issue 5.
"""
