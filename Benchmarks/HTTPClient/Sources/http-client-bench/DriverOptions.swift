import Glibc

/// `http-client-bench --port PORT --bin-dir DIR [--stripped-dir DIR] [--rounds N] [--requests N] [--cold-starts N]`
struct DriverOptions {
    /// The running `bench-server`'s port.
    var port = 0
    /// Where the client executables are, as built.
    var binaryDirectory = ""
    /// Stripped copies of the client executables, for their size without symbols; optional.
    var strippedDirectory: String?
    var rounds = 3
    /// Measured requests of each kind in one warm run.
    var requests = 2_000
    /// Cold starts of each client in one round.
    var coldStarts = 20

    init(arguments: [String]) {
        var words = arguments.dropFirst().makeIterator()
        while let option = words.next() {
            guard let value = words.next() else { Self.usage("\(option) needs a value") }
            switch option {
            case "--port": port = Self.positive(option, value)
            case "--bin-dir": binaryDirectory = value
            case "--stripped-dir": strippedDirectory = value
            case "--rounds": rounds = Self.positive(option, value)
            case "--requests": requests = Self.positive(option, value)
            case "--cold-starts": coldStarts = Self.positive(option, value)
            default: Self.usage("unknown option \(option)")
            }
        }
        if port == 0 || binaryDirectory.isEmpty { Self.usage("--port and --bin-dir are required") }
    }

    private static func positive(_ option: String, _ value: String) -> Int {
        guard let number = Int(value), number > 0 else { usage("\(option) takes a positive number, not '\(value)'") }
        return number
    }

    private static func usage(_ problem: String) -> Never {
        print("http-client-bench: \(problem)")
        print("usage: http-client-bench --port PORT --bin-dir DIR [--stripped-dir DIR] [--rounds N] [--requests N] [--cold-starts N]")
        exit(2)
    }
}
