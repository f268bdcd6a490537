"""The archive of past issues: reading PDF/TXT files, reflowing text, parsing items."""
