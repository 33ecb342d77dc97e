"""Shared helpers for the scenario scripts: a boto3 client on the endpoint and error assertions."""
import sys
import time

import boto3
import botocore.config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
# One attempt only: a retried call would hide a server error or a dropped connection, and could
# send a message twice (botocore's `max_attempts` counts retries after the first attempt).
CONFIG = botocore.config.Config(retries={"total_max_attempts": 1, "mode": "standard"}, read_timeout=30)


def client(region="us-east-1", parameter_validation=True):
    config = CONFIG.merge(botocore.config.Config(parameter_validation=parameter_validation))
    return boto3.client("sqs", endpoint_url=ENDPOINT, region_name=region, config=config,
                        aws_access_key_id="AKIDQUEUELABTEST", aws_secret_access_key="secret")


def expect_error(code, call, *args, status=400, message=None, shape=None, **kwargs):
    """Calls and asserts it fails with `code` (as boto3 reports it: the `x-amzn-query-error` code),
    the HTTP status and, when given, the message (a part of it) and the error's shape (the JSON
    `__type`, which boto3 reports as `QueryErrorCode`)."""
    try:
        call(*args, **kwargs)
    except ClientError as error:
        got = error.response["Error"]["Code"]
        assert got == code, f"expected {code}, got {got}: {error.response['Error']}"
        if shape is not None:
            got_shape = error.response["Error"].get("QueryErrorCode")
            assert got_shape == shape, f"expected shape {shape} for {code}, got {got_shape}"
        got_status = error.response["ResponseMetadata"]["HTTPStatusCode"]
        assert got_status == status, f"expected HTTP {status} for {code}, got {got_status}"
        if message is not None:
            assert message in error.response["Error"]["Message"], error.response["Error"]["Message"]
        return error
    raise AssertionError(f"expected {code}, but the call succeeded")


def attributes(sqs, url, *names):
    return sqs.get_queue_attributes(QueueUrl=url, AttributeNames=list(names) or ["All"])["Attributes"]


def eventually(predicate, timeout=10.0, interval=0.05):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError("condition not met in time")


def done():
    print("ok")
