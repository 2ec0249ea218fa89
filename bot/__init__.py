"""The shell around the pure conversation: channels, effect runners, the web
app, the worker, configuration and the command line."""
