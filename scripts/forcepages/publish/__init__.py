"""publish: chart JSON and CSV, data package copies, zips, spreadsheets (ODS), CSV slices, the JSON API and the feed."""
