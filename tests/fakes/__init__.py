"""Real, tiny stand-ins for outside services, run on 127.0.0.1 by the tests."""
