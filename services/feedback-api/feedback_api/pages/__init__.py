"""Citizens' pages: server-rendered Russian HTML behind public links (no API key)."""
