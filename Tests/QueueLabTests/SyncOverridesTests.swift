import CRMMock
import QueueLab
import Testing

/// `queuelab sync --set`: queueConfig keys and `crm.` knobs, each checked with a did-you-mean.
@Suite("queuelab sync --set")
struct SyncOverridesTests {
    @Test func readsQueueConfigKeysAndCRMKnobs() throws {
        let overrides = try SyncOverrides(parsing: ["maxWorkers=10", "crm.rateLimit=20/s", "batchSize=5", "crm.poison=3,9"], crm: .scalingTest)
        #expect(overrides.queueConfig == ["maxWorkers": 10, "batchSize": 5])
        #expect(overrides.crmKnobs == ["rateLimit=20/s", "poison=3,9"])
    }

    @Test("bad keys and values are refused, naming the key and the fix", arguments: [
        ("maxWorker=10", "--set 'maxWorker=10': unknown key 'maxWorker'; did you mean 'maxWorkers'?"),
        ("rateLimit=20/s", "--set 'rateLimit=20/s': unknown key 'rateLimit'; did you mean 'crm.rateLimit'?"),
        ("maxWorkers=ten", "--set 'maxWorkers=ten': queueConfig.maxWorkers takes a whole number, not 'ten'"),
        ("maxWorkers", "--set 'maxWorkers': expected key=value, e.g. maxWorkers=10 or crm.rateLimit=20/s"),
    ])
    func refused(_ assignment: String, _ message: String) {
        #expect(throws: SyncRunError(.invalidSetting, message)) { try SyncOverrides(parsing: [assignment], crm: .scalingTest) }
    }

    @Test func badCRMKnobsAreRefusedWithTheKnobsOwnMessage() {
        do {
            _ = try SyncOverrides(parsing: ["crm.rateLimt=20/s"], crm: .scalingTest)
            Issue.record("accepted")
        } catch {
            #expect(error.code == .invalidSetting)
            #expect(error.message.contains("did you mean \"rateLimit\"?"), "\(error.message)")
        }
        do {
            _ = try SyncOverrides(parsing: ["crm.errorRate=2"], crm: .scalingTest)
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("errorRate '2': expected a number from 0 to 1"), "\(error.message)")
        }
    }
}
