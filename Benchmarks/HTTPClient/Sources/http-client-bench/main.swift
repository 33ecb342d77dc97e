import Foundation

// Runs every client against the running bench-server: per round, one warm run each, then cold
// starts taking turns (the first client rotates from round to round), and prints the table.
let options = DriverOptions(arguments: CommandLine.arguments)
let clients: [(title: String, executable: String)] = [
    ("HTTPConnection", "client-httpconnection"),
    ("URLSession", "client-urlsession"),
    ("AsyncHTTPClient", "client-asynchttpclient"),
]
let binaries = clients.map { options.binaryDirectory + "/" + $0.executable }

func mebibytes(ofFile path: String) -> String {
    guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else { return "—" }
    return ComparisonTable.significant(Double(size) / 1_048_576)
}

var table = ComparisonTable(clients: clients.map(\.title))
do {
    var rounds: [[ClientFigures]] = []
    for round in 0..<options.rounds {
        var figures = Array(repeating: ClientFigures(), count: clients.count)
        let order = clients.indices.map { ($0 + round) % clients.count }
        for client in order {
            try figures[client].measureWarm(binary: binaries[client], port: options.port, requests: options.requests)
        }
        for _ in 0..<options.coldStarts {
            for client in order { try figures[client].measureColdStart(binary: binaries[client], port: options.port) }
        }
        rounds.append(figures)
        print("\nRound \(round + 1) of \(options.rounds):\n")
        print(table.render([figures]))
    }
    table.fixedRows.append(("executable size, MiB", binaries.map(mebibytes(ofFile:))))
    if let stripped = options.strippedDirectory {
        table.fixedRows.append(("stripped, MiB", clients.map { mebibytes(ofFile: stripped + "/" + $0.executable) }))
    }
    print("\nAll \(options.rounds) rounds (\(options.requests) warm requests of each kind, \(options.coldStarts) cold starts of each client a round; a range is the rounds' lowest–highest):\n")
    print(table.render(rounds))
} catch {
    print("http-client-bench: \(error)")
    exit(1)
}
