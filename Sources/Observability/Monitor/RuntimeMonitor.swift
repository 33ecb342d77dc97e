import Foundation
import FunctionHost
import Logging
import Primitives
import QueueStore
import ServiceLifecycle
import Synchronization

/// Takes a `RuntimeSnapshot` of the host and the store every `interval` and hands it to every
/// subscriber: the live view, `/metrics` and the run recorder. On graceful shutdown it takes one
/// last snapshot and ends their streams, so each can finish with the final figures.
///
/// Its consumers (`attach`) run as its child tasks: a consumer ends when its stream does, which a
/// service group would take for a service ending out of turn.
public final class RuntimeMonitor: Service, Sendable {
    private let store: QueueStore
    /// The function host, once the runtime has created it (it waits for the SQS endpoint's URL).
    private let host: OneShot<FunctionHost>
    private let interval: Duration
    private let logger: Logger
    private let subscribers = Mutex<[AsyncStream<RuntimeSnapshot>.Continuation]>([])
    private let consumers = Mutex<[any Service]>([])

    public init(store: QueueStore, host: OneShot<FunctionHost>, interval: Duration = .milliseconds(250), logger: Logger) {
        self.store = store
        self.host = host
        self.interval = interval
        self.logger = logger
    }

    /// A stream of snapshots that ends when the monitor stops; a slow reader gets the newest.
    /// Subscribe before the monitor runs.
    public func snapshots() -> AsyncStream<RuntimeSnapshot> {
        let (stream, continuation) = AsyncStream.makeStream(of: RuntimeSnapshot.self, bufferingPolicy: .bufferingNewest(1))
        subscribers.withLock { $0.append(continuation) }
        return stream
    }

    /// Runs `consumer` (made from `snapshots()`) alongside the monitor; attach before it runs.
    public func attach(_ consumer: any Service) {
        consumers.withLock { $0.append(consumer) }
    }

    /// Takes snapshots until graceful shutdown, then the last one; returns once every consumer has
    /// finished with it.
    public func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            for consumer in consumers.withLock({ $0 }) {
                group.addTask { try await consumer.run() }
            }
            await takeSnapshots()
        }
    }

    private func takeSnapshots() async {
        var assembler = SnapshotAssembler(startedAt: .now)
        defer { subscribers.withLock { $0.forEach { $0.finish() } } }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await cancelOnGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
            } catch {
                break
            }
            await publish(&assembler)
        }
        await publish(&assembler)
    }

    private func publish(_ assembler: inout SnapshotAssembler) async {
        do {
            let functions = await host.current?.functionStates() ?? []
            let queues = try await store.overview().map {
                SnapshotAssembler.QueueReading(queue: $0.queue, counts: $0.counts, oldestMessageAge: $0.oldestMessageAge)
            }
            let snapshot = assembler.snapshot(
                functions: functions, queues: queues, activity: store.queueActivity(), now: .now, date: Date())
            for subscriber in subscribers.withLock({ $0 }) { subscriber.yield(snapshot) }
        } catch {
            logger.warning("could not read the state file for the live status: \(error)")
        }
    }
}
