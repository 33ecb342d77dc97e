"""A handler that answers with a string of the size the event asks for, to cross Lambda's limits."""


def handler(event, context):
    return "x" * event.get("bytes", 0)
