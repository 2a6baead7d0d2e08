"""The web pages: server-rendered HTML over the HTTP API, with every asset shipped offline."""
