"""NLU helpers: text normalisation, entity extraction, and reading Rasa's parse results."""
