"""One module per Processing algorithm; the provider discovers them here."""
