"""Turn a folder of documents into a crash-safe, incrementally rebuilt search index."""
