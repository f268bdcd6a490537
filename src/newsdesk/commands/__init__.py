"""CLI commands, one module per area; each module adds its commands to ``newsdesk.cli.app``."""
