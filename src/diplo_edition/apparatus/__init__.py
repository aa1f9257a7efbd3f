"""The scholarly apparatus: mentions, dates, citations and corrections found in the reading text."""
