extension RunReportBuilder {
    /// Lambda requests and GB-seconds per function's memory, provisioned concurrency for the whole
    /// run, and SQS requests at the standard or FIFO price.
    func cost(functions: [RunReport.Function], queues: [RunReport.Queue], runSeconds: Double) -> CostEstimate {
        let prices = input.prices
        let invocations = Double(functions.reduce(0) { $0 + $1.invocations })
        let gbSeconds = functions.reduce(0) { $0 + $1.gbSeconds }
        let provisionedGBSeconds = functions.reduce(0.0) {
            $0 + Double($1.provisionedConcurrency) * Double($1.memorySize) / 1024 * runSeconds
        }
        let fifoRequests = Double(queues.filter(\.fifo).reduce(0) { $0 + $1.requests })
        let standardRequests = Double(queues.filter { !$0.fifo }.reduce(0) { $0 + $1.requests })
        let lines = [
            CostEstimate.Line(
                price: "lambda.requestsPerMillion", description: "Lambda requests", quantity: invocations, unit: "requests",
                dollars: invocations / 1_000_000 * prices["lambda.requestsPerMillion"]),
            CostEstimate.Line(
                price: "lambda.gbSecond", description: "Lambda duration", quantity: gbSeconds, unit: "GB-seconds",
                dollars: gbSeconds * prices["lambda.gbSecond"]),
            CostEstimate.Line(
                price: "lambda.provisionedGbSecond", description: "Provisioned concurrency", quantity: provisionedGBSeconds,
                unit: "GB-seconds", dollars: provisionedGBSeconds * prices["lambda.provisionedGbSecond"]),
            CostEstimate.Line(
                price: "sqs.standardRequestsPerMillion", description: "SQS requests (standard queues)", quantity: standardRequests,
                unit: "requests", dollars: standardRequests / 1_000_000 * prices["sqs.standardRequestsPerMillion"]),
            CostEstimate.Line(
                price: "sqs.fifoRequestsPerMillion", description: "SQS requests (FIFO queues)", quantity: fifoRequests,
                unit: "requests", dollars: fifoRequests / 1_000_000 * prices["sqs.fifoRequestsPerMillion"]),
        ]
        return CostEstimate(prices: prices.values, lines: lines, totalDollars: lines.reduce(0) { $0 + $1.dollars })
    }
}
