"""A handler that keeps its execution environment busy until the test releases it, so a test can
fill a function's reserved concurrency for exactly as long as it needs, without timing luck."""
import os
import time


def handler(event, context):
    with open(event["started"], "w"):
        pass
    deadline = time.monotonic() + 20
    while not os.path.exists(event["release"]):
        if time.monotonic() > deadline:
            raise TimeoutError("the test never released the hold")
        time.sleep(0.01)
    return "released"
