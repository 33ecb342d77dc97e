"""A module that fails while importing, as a handler with a bad dependency does."""
raise RuntimeError("broken module cannot initialise")


def handler(event, context):
    return "unreachable"
