"""Rasa custom actions: thin adapters from a tracker to `bot.drafting` and back to a dispatcher."""
