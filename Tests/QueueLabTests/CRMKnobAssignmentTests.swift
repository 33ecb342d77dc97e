import CRMMock
import QueueLab
import Testing

@Suite("--crm <crm>.<knob>=<value>: read and checked before anything starts")
struct CRMKnobAssignmentTests {
    @Test("knobs apply in order over each CRM's defaults; CRMs not named are left out")
    func settings() throws {
        let settings = try CRMKnobAssignment.settings(parsing: [
            "scaling-test.rateLimit=20/s", "pipedrive.records=50", "scaling-test.errorRate=0.05", "pipedrive.records=60",
        ])
        #expect(Set(settings.keys) == [.scalingTest, .pipedrive])
        var scalingTest = CRMSettings.defaults(for: .scalingTest)
        scalingTest.rateLimit = RateLimit(requests: 20, per: .second)
        scalingTest.errorRate = 0.05
        #expect(settings[.scalingTest] == scalingTest)
        #expect(settings[.pipedrive] == CRMSettings(records: 60))
    }

    @Test("a knob for a CRM known otherwise (the sync command's crm.<knob>=<value>)")
    func knobForKnownCRM() throws {
        let assignment = try CRMKnobAssignment(crm: .zoho, parsing: "latency=50ms")
        #expect(assignment.crm == .zoho && assignment.knob == "latency=50ms")
        var settings = CRMSettings.defaults(for: .zoho)
        try assignment.apply(to: &settings)
        #expect(settings.latency == .milliseconds(50))
    }

    @Test(
        "a bad assignment is refused with one line that says what is wrong",
        arguments: [
            ("pipedirve.records=5", #"'pipedirve.records=5': unknown CRM 'pipedirve'; did you mean "pipedrive"?"#),
            ("scalingtest.records=5", #"'scalingtest.records=5': unknown CRM 'scalingtest'; did you mean "scaling-test"?"#),
            ("hubspot.records=5", "'hubspot.records=5': unknown CRM 'hubspot'; the CRMs are pipedrive, attio, axiscare, zoho-crm, scaling-test"),
            ("scaling-test.ratelimit=20/s", #"unknown knob 'ratelimit' in 'scaling-test.ratelimit=20/s'; did you mean "rateLimit"?"#),
            ("attio.speed=3", "unknown knob 'speed' in 'attio.speed=3'; the knobs are records, latency, perRecordLatency, rateLimit, errorRate, poison"),
            ("scaling-test.rateLimit=20/x", "scaling-test.rateLimit '20/x': expected N/s, N/min or N/h with N at least 1, e.g. 20/s"),
            ("pipedrive.records=-1", "pipedrive.records '-1': expected a whole number from 0 to 999999"),
            ("records=5", "'records=5': expected <crm>.<knob>=<value>, e.g. scaling-test.rateLimit=20/s"),
            ("pipedrive.records", "'pipedrive.records': expected <crm>.<knob>=<value>, e.g. scaling-test.rateLimit=20/s"),
        ])
    func refused(text: String, message: String) {
        #expect(throws: CRMMockError(.invalidKnob, message)) { try CRMKnobAssignment(parsing: text) }
    }
}
