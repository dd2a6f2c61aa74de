"""Infrastructure every Otklik service uses, written once: settings, DB, auth, errors, events."""
