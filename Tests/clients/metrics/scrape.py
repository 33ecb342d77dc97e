"""Scrapes a Prometheus endpoint as Prometheus would and prints what it read as JSON.

Usage: scrape.py URL [METHOD]

Prints {"status", "contentType", "families": [{"name", "type", "samples": [{"name", "labels",
"value"}]}]}; the body of a 200 answer to GET is parsed with the official client's parser
(prometheus_client.parser.text_string_to_metric_families), which fails on anything that is not
valid exposition text.
"""
import json
import sys
import urllib.error
import urllib.request

from prometheus_client.parser import text_string_to_metric_families


def main():
    url = sys.argv[1]
    method = sys.argv[2] if len(sys.argv) > 2 else "GET"
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=30) as response:
            status, headers, body = response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, ""
    families = []
    if status == 200 and method == "GET":
        for family in text_string_to_metric_families(body):
            samples = [{"name": s.name, "labels": s.labels, "value": s.value} for s in family.samples]
            families.append({"name": family.name, "type": family.type, "samples": samples})
    print(json.dumps({"status": status, "contentType": headers.get("Content-Type"), "families": families}))


if __name__ == "__main__":
    main()
