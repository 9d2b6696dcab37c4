"""The caseworkers' desk: server-rendered pages at /desk (see `routes`)."""
