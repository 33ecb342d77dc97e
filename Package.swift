// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "QueueLab",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "queuelab", targets: ["queuelab"]),
        .library(name: "LambdaHandler", targets: ["LambdaHandler"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.30.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/onevcat/Rainbow", from: "4.0.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // A strict RFC 8259 parser with line and column errors, for definitions and SQS requests.
        .target(name: "StrictJSON"),
        // Integration definitions, validation and manifest generation.
        .target(
            name: "IntegrationManifest",
            dependencies: ["StrictJSON", .product(name: "Yams", package: "Yams")]
        ),
        // Leaf primitives every layer may use: random identifiers, a value set once and awaited,
        // blocking work on a thread of its own.
        .target(name: "Primitives"),
        // What the servers share: a lean HTTP/1.1 server on SwiftNIO, tasks on event loops.
        .target(
            name: "ServerSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // SQS semantics on SQLite.
        .target(
            name: "QueueStore",
            dependencies: [
                "Primitives", "StrictJSON",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // SQS wire protocols (AWS JSON 1.0 and Query/XML).
        .target(
            name: "SQSServer",
            dependencies: [
                "QueueStore", "ServerSupport", "StrictJSON", "Primitives",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Execution environments, Runtime API, Invoke API, concurrency, timeouts, memory, logs.
        .target(
            name: "FunctionHost",
            dependencies: [
                "Primitives", "ServerSupport", "StrictJSON", "SpawnFileActions",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Pollers from a queue to a function: batching, window, scaling, throttles, partial batch
        // responses, filters, attempt records. Uses the store and the host in-process.
        .target(
            name: "EventSourceMapping",
            dependencies: [
                "QueueStore", "FunctionHost", "LambdaHandler", "StrictJSON", "Primitives",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // What a Swift handler links: Runtime API client loop, SQS event types, a small SQS client.
        .target(name: "LambdaHandler", dependencies: ["GlibcCompat"]),
        // Keeps a packaged handler's glibc needs within Amazon Linux 2023's (see hypotf.c).
        .target(name: "GlibcCompat"),
        // The spawn file action glibc has and Swift's Glibc module leaves out: close every descriptor from one up.
        .target(name: "SpawnFileActions"),
        // Charts and self-contained HTML pages (inline SVG) for `queuelab report` and `queuelab tune`.
        .target(name: "ReportCharts", dependencies: ["Primitives", .product(name: "Plot", package: "Plot")]),
        // Seeing what happens and what happened: runtime snapshots, the live status view, the
        // Prometheus endpoint, the run report and dead-letter forensics.
        .target(
            name: "Observability",
            dependencies: [
                "QueueStore", "FunctionHost", "ServerSupport", "ReportCharts", "StrictJSON", "Primitives",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Rainbow", package: "Rainbow"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The seed's CRM sync framework: queue events, the five integrations, the Process store.
        .target(
            name: "CRMSync",
            dependencies: ["StrictJSON", "Primitives", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Wires the services into one lifecycle.
        .target(
            name: "QueueLab",
            dependencies: [
                "QueueStore", "SQSServer", "FunctionHost", "EventSourceMapping", "IntegrationManifest", "Observability", "CRMMock",
                "CRMSync", "LambdaHandler", "StrictJSON", "Primitives",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // Offline Pipedrive, Attio, AxisCare, Zoho CRM, ScalingTest and Quo on one loopback port, with
        // realism knobs (latency, rate limit, error rate, poison records), for the CRM sync workers.
        .target(
            name: "CRMMock",
            dependencies: [
                "ServerSupport", "StrictJSON", "Primitives",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Measurements of the runtime's own overhead (`queuelab bench`).
        .target(
            name: "QueueLabBenchmarks",
            dependencies: [
                "QueueLab", "QueueStore", "FunctionHost", "LambdaHandler", "StrictJSON", "Primitives",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "queuelab",
            dependencies: [
                "QueueLab", "IntegrationManifest", "Observability", "QueueLabBenchmarks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // BEGIN handler executables (functions/, examples/ and test fixtures)
        // The CRM sync worker and webhook receiver every integration runs (INTEGRATION_NAME tells which).
        .executableTarget(name: "crm-sync", dependencies: ["LambdaHandler", "CRMSync"], path: "functions/crm-sync"),
        .executableTarget(name: "queue-worker", dependencies: ["LambdaHandler"], path: "examples/worker"),
        .executableTarget(name: "NoopHandler", dependencies: ["LambdaHandler"], path: "Tests/Fixtures/Handlers/NoopHandler"),
        .executableTarget(name: "ProbeHandler", dependencies: ["LambdaHandler"], path: "Tests/Fixtures/Handlers/ProbeHandler"),
        .executableTarget(name: "BatchHandler", dependencies: ["LambdaHandler"], path: "Tests/Fixtures/Handlers/BatchHandler"),
        // END handler executables
        // Marks pages of one Process from its own OS process, for the Process store's race tests.
        .executableTarget(name: "ProcessRaceWorker", dependencies: ["CRMSync"], path: "Tests/Fixtures/ProcessRaceWorker"),

        // Paths, client processes and the built queuelab, shared by the end-to-end test targets.
        .target(
            name: "TestSupport", dependencies: ["QueueLab", "QueueStore", "Primitives", .product(name: "Logging", package: "swift-log")],
            path: "Tests/TestSupport"),
        .testTarget(name: "StrictJSONTests", dependencies: ["StrictJSON"]),
        .testTarget(name: "PrimitivesTests", dependencies: ["Primitives"]),
        .testTarget(
            name: "CRMIntegrationTests",
            dependencies: ["CRMSync", "CRMMock", "IntegrationManifest", "StrictJSON", "TestSupport"]),
        .testTarget(name: "CRMSyncTests", dependencies: ["CRMSync", "StrictJSON", "Primitives", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "IntegrationManifestTests",
            dependencies: ["IntegrationManifest", "StrictJSON", "TestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(
            name: "ServerSupportTests",
            dependencies: [
                "ServerSupport", "Primitives",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "CRMMockTests",
            dependencies: [
                "CRMMock", "ServerSupport", "StrictJSON", "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "QueueStoreTests", dependencies: ["QueueStore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "EventSourceMappingTests", dependencies: ["EventSourceMapping", "QueueStore", "FunctionHost", "StrictJSON"]),
        .testTarget(
            name: "SQSServerTests",
            dependencies: ["SQSServer", "QueueStore", "QueueLab", "TestSupport"]
        ),
        .testTarget(
            name: "FunctionHostTests",
            dependencies: [
                "FunctionHost", "ServerSupport", "LambdaHandler", "StrictJSON", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        .testTarget(name: "ReportChartsTests", dependencies: ["ReportCharts", "TestSupport"]),
        .testTarget(name: "ObservabilityTests", dependencies: ["Observability", "QueueStore", "FunctionHost", "TestSupport"]),
        .testTarget(name: "QueueLabBenchmarksTests", dependencies: ["QueueLabBenchmarks", "TestSupport"]),
        .testTarget(
            name: "QueueLabTests",
            dependencies: [
                "QueueLab", "CRMMock", "EventSourceMapping", "FunctionHost", "IntegrationManifest", "QueueStore", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
