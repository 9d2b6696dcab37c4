"""Service-side language tools: the Rasa client and server, language identification, places."""
