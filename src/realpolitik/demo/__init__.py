"""The built-in demo corpus and the command that shows it off."""
