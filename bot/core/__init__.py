"""The conversation core: decides what Faro says. Knows no platform, web framework or Rasa."""
