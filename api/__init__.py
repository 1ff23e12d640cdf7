"""The agent API: thin FastAPI routes over bot.service."""
