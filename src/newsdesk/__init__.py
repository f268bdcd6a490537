"""newsdesk: compile periodic Chinese industry digests from the reporting of many outlets."""

__version__ = "0.1.0"
