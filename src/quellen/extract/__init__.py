"""Pure extraction functions over a source's text: dates, entities, places."""
