// swift-tools-version: 6.0
// The handler's own HTTP client (`LambdaHandler.HTTPConnection`) against URLSession and
// AsyncHTTPClient. A package of its own so that AsyncHTTPClient never enters the main build.
// Run it with `Benchmarks/HTTPClient/run` from the repository root.
import PackageDescription

/// A path dependency is known by its folder's name, which differs between checkouts (a worktree,
/// CI's clone), so QueueLab's is read off this package's own location, two folders up.
let queueLab = String(Context.packageDirectory.split(separator: "/").dropLast(2).last ?? "").lowercased()

let package = Package(
    name: "HTTPClientBenchmark",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    ],
    targets: [
        // What every client executable shares: arguments, the workload, clocks and the report line.
        .target(name: "BenchmarkSupport"),
        // One minimal executable per client, so that each cold start and binary size is its own.
        .executableTarget(
            name: "client-httpconnection",
            dependencies: ["BenchmarkSupport", .product(name: "LambdaHandler", package: queueLab)]
        ),
        .executableTarget(name: "client-urlsession", dependencies: ["BenchmarkSupport"]),
        .executableTarget(
            name: "client-asynchttpclient",
            dependencies: ["BenchmarkSupport", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        // The loopback server all three clients talk to.
        .executableTarget(
            name: "bench-server",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // Spawns the clients (warm runs, cold starts), and prints the comparison.
        .executableTarget(
            name: "http-client-bench",
            dependencies: ["BenchmarkSupport", .product(name: "LambdaHandler", package: queueLab)]
        ),
    ]
)
