"""Raw Query-protocol requests for the scenario scripts: form-encoded POSTs, XML answers parsed."""
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree

from common import ENDPOINT

NS = {"sqs": "http://queue.amazonaws.com/doc/2012-11-05/"}


def query(params, headers=None):
    """POSTs `params` as a Query request; returns the HTTP status and the parsed XML answer."""
    request = urllib.request.Request(
        f"{ENDPOINT}/", data=urllib.parse.urlencode(params).encode(), method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", **(headers or {})})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, ElementTree.fromstring(response.read())
    except urllib.error.HTTPError as error:
        return error.code, ElementTree.fromstring(error.read())


def expect_query_error(params, status, code, message):
    """Asserts a Query request fails with AWS's `ErrorResponse`: the status, a Sender fault, the code and message."""
    got_status, root = query(params)
    error = root.find("sqs:Error", NS)
    assert root.tag == "{%s}ErrorResponse" % NS["sqs"] and error is not None, ElementTree.tostring(root)
    got = {name: error.findtext(f"sqs:{name}", namespaces=NS) for name in ("Type", "Code", "Message")}
    assert (got_status, got) == (status, {"Type": "Sender", "Code": code, "Message": message}), (got_status, got)
