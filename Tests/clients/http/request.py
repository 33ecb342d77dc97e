"""Sends one HTTP request and prints the response as JSON, for the HTTP API tests.

argv[1] is a JSON object: url (the path and query sent as written, percent-encoding kept),
method (default GET), headers ([name, value] pairs, repeats kept) and body (base64). The output
is {"status", "headers": [[name, value], …] in order, "body": base64}."""
import base64
import http.client
import json
import sys
import urllib.parse

spec = json.loads(sys.argv[1])
url = urllib.parse.urlsplit(spec["url"])
target = url.path + ("?" + url.query if url.query else "")
body = base64.b64decode(spec["body"]) if "body" in spec else None
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
connection.putrequest(spec.get("method", "GET"), target, skip_accept_encoding=True)
for name, value in spec.get("headers", []):
    connection.putheader(name, value)
if body is not None:
    connection.putheader("Content-Length", str(len(body)))
connection.endheaders(body)
response = connection.getresponse()
data = response.read()
print(json.dumps({
    "status": response.status,
    "headers": response.getheaders(),
    "body": base64.b64encode(data).decode(),
}))
