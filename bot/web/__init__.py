"""The ASGI app: webhooks, the web chat and (later) the desk and the studio."""
