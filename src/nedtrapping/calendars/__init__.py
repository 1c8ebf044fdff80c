"""Grant calendars: the deadlines a deck or a Statsforvalter lists for many schemes at once, one module each."""
