"""Radio scripts: Vietnamese Jinja2 templates turned into the text the officer reads and approves."""
