"""HQ over HTTP (issue 5): the same bundle bytes as the USB route, through FastAPI/uvicorn.

The HTTP layer only moves bytes: every bundle goes through ``pp_hq.exchange.receive_bytes`` and
every answer comes from ``pp_hq.downstream`` (no second verification path).
"""
