"""The trainer workflow: labelled examples, the review queue, gated training runs and the
served model's hot swap and rollback."""
