import FunctionHost
import Logging
import QueueStore
import ServiceLifecycle

/// One event source mapping at work: as many pollers as the scaling state machine allows, each
/// receiving a batch, invoking the function with it and settling it, one batch at a time. The
/// actor owns the scaling state; the pollers are child tasks of `run()`.
actor MappingPoller {
    let mapping: MappingConfiguration
    let store: QueueStore
    let host: FunctionHost
    let settings: MappingSettings
    let logger: Logger
    let encoder: EventRecordEncoder
    var scaling: ScalingStateMachine
    /// Pollers running now; one leaves when there are more than `scaling.concurrency`.
    private var pollers = 0
    /// Each element starts one poller.
    private let starts: AsyncStream<Void>
    private let starter: AsyncStream<Void>.Continuation

    init(mapping: MappingConfiguration, store: QueueStore, host: FunctionHost, settings: MappingSettings, logger: Logger) {
        self.mapping = mapping
        self.store = store
        self.host = host
        self.settings = settings
        self.logger = logger
        encoder = EventRecordEncoder(queueARN: mapping.queueARN, region: mapping.region)
        scaling = ScalingStateMachine(rates: settings.rates, maximumConcurrency: mapping.maximumConcurrency, now: store.clock.now())
        (starts, starter) = AsyncStream.makeStream(of: Void.self)
    }

    func run() async {
        startPollers(scaling.concurrency)
        await withDiscardingTaskGroup { group in
            await withGracefulShutdownHandler {
                for await _ in starts {
                    group.addTask { await self.poll() }
                }
            } onGracefulShutdown: { [starter] in
                starter.finish()
            }
        }
    }

    var now: Int64 { store.clock.now() }

    private func startPollers(_ count: Int) {
        pollers += count
        for _ in 0..<count { starter.yield() }
    }

    /// One poller: batch after batch until shutdown, or until the mapping scales below it.
    private func poll() async {
        var carried = CarriedMessages()
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            if carried.messages.isEmpty, pollers > scaling.concurrency { break }
            guard let batch = await collect(carrying: carried) else { continue }
            carried = await deliver(batch)
        }
        pollers -= 1
    }

    /// A receive came back full: more messages are waiting, so scale up as fast as the rate allows.
    func messagesWaiting() {
        startPollers(scaling.messagesWaiting(at: now, running: pollers))
    }
}
