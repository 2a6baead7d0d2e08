"""Reading the news: trips extracted from articles, merged, and queued for review."""
