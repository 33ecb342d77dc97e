"""Python handlers for the function host's tests, run through awslambdaric."""
import os
import time


def echo(event, context):
    print(f"python saw {event.get('message', '')}")
    return {
        "requestId": context.aws_request_id,
        "functionName": context.function_name,
        "memoryLimitMB": int(context.memory_limit_in_mb),
        "event": event,
        "sqsEndpoint": os.environ.get("AWS_ENDPOINT_URL_SQS"),
    }


def fail(event, context):
    raise ValueError("python handler failed on purpose")


def sleep(event, context):
    time.sleep(event.get("seconds", 0))
    return "slept"


def allocate(event, context):
    """Fills `megabytes` of memory at once: past the memory size a memory cgroup kills the
    process, while the rlimit refuses the allocation and Python raises MemoryError."""
    data = b"x" * (event["megabytes"] * 1024 * 1024)
    return len(data)
