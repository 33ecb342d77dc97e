"""Raw Query-protocol requests for the scenario scripts: form-encoded requests, XML answers parsed."""
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree

from common import ENDPOINT

NS = {"sqs": "http://queue.amazonaws.com/doc/2012-11-05/"}


def send(request):
    """The status and the raw body of the answer."""
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def call(params, path="/", method="POST", headers=None):
    """Sends `params` as a Query request (form-encoded POST, or a GET's query string); the status and the parsed XML."""
    data = urllib.parse.urlencode(params).encode()
    if method == "GET":
        request = urllib.request.Request(f"{ENDPOINT}{path}?{data.decode()}", method="GET", headers=headers or {})
    else:
        request = urllib.request.Request(f"{ENDPOINT}{path}", data=data, method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded", **(headers or {})})
    status, body = send(request)
    return status, ElementTree.fromstring(body)


def expect_query_error(result, status, code, message=None):
    """A Query error answer: HTTP status, `<Type>Sender</Type>`, `<Code>` and `<Message>`."""
    got_status, root = result
    assert root.tag == "{%s}ErrorResponse" % NS["sqs"], ElementTree.tostring(root)
    assert (got_status, text(root, "sqs:Error/sqs:Code")) == (status, code), (got_status, ElementTree.tostring(root))
    assert text(root, "sqs:Error/sqs:Type") == "Sender"
    assert text(root, "sqs:RequestId")
    if message is not None:
        assert text(root, "sqs:Error/sqs:Message") == message, ElementTree.tostring(root)


def text(root, path):
    return root.findtext(path, namespaces=NS)
