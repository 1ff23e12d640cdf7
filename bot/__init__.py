"""huashu core: shop profile, tactics, drafting, storage and NLU helpers (no rasa_sdk, no fastapi)."""
