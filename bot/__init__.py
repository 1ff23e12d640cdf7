"""huashu core: shop profile, tactics, drafting, storage and NLU helpers.

Nothing here imports rasa_sdk or fastapi; `actions/` and `api/` adapt this package to them."""
