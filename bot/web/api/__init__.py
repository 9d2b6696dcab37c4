"""The JSON API for caseworkers' tools, at /api/v1 (see `routes`)."""
