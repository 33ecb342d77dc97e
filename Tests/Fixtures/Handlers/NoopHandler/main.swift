import LambdaHandler

// The smallest possible handler: what cold start and warm invoke benchmarks measure.
LambdaRuntime.runBytes { _, _ in Array("{}".utf8) }
