import Foundation
import Testing

@testable import CRMMock

@Suite struct CRMSettingsTests {
    @Test func readsEveryKnob() throws {
        let settings = try CRMSettings(
            .pipedrive, knobs: ["records=500", "latency=50ms", "perRecordLatency=0.5ms", "rateLimit=20/s", "errorRate=0.05", "poison=12, 57"])
        #expect(settings.records == 500)
        #expect(settings.latency == .milliseconds(50))
        #expect(settings.perRecordLatency == .microseconds(500))
        #expect(settings.rateLimit == RateLimit(requests: 20, per: .second))
        #expect(settings.errorRate == 0.05)
        #expect(settings.poison == [12, 57])
        #expect(try CRMSettings(.zoho, knobs: ["latency=1.5s", "rateLimit=600/min", "poison="]).latency == .milliseconds(1500))
        #expect(try CRMSettings(.scalingTest, knobs: []).records == 10_000)
        #expect(try CRMSettings(.attio, knobs: ["rateLimit=5/h", "rateLimit=off"]).rateLimit == nil)
    }

    @Test(arguments: [
        ("latency", "knob 'latency': expected name=value, e.g. rateLimit=20/s"),
        ("speed=fast", "unknown knob 'speed'; the knobs are records, latency, perRecordLatency, rateLimit, errorRate, poison"),
        ("records=-1", "records '-1': expected a whole number from 0 to 999999"),
        ("latency=50", "latency '50': expected a duration such as 50ms, 1.5s or 0"),
        ("perRecordLatency=-2ms", "perRecordLatency '-2ms': expected a duration such as 50ms, 1.5s or 0"),
        ("rateLimit=20", "rateLimit '20': expected N/s, N/min or N/h with N at least 1, e.g. 20/s"),
        ("rateLimit=0/s", "rateLimit '0/s': expected N/s, N/min or N/h with N at least 1, e.g. 20/s"),
        ("errorRate=5%", "errorRate '5%': expected a number from 0 to 1, e.g. 0.05"),
        ("errorRate=1.5", "errorRate '1.5': expected a number from 0 to 1, e.g. 0.05"),
        ("poison=12,x", "poison '12,x': expected person numbers (1 or more) separated by commas, e.g. 12,57"),
    ])
    func refusesBadKnobsClearly(knob: String, message: String) {
        #expect(throws: CRMMockError(.invalidKnob, message)) { try CRMSettings(.pipedrive, knobs: [knob]) }
    }

    @Test func roundTripsAsKnobsAndAsJSON() throws {
        let settings = try CRMSettings(.pipedrive, knobs: ["records=20", "latency=1.5ms", "rateLimit=3/min", "errorRate=0.1", "poison=2,1"])
        #expect(settings.knobs == ["records=20", "latency=1.5ms", "perRecordLatency=0ms", "rateLimit=3/min", "errorRate=0.1", "poison=1,2"])
        #expect(try CRMSettings(.pipedrive, knobs: settings.knobs) == settings)
        let json = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode(CRMSettings.self, from: json) == settings)
        let written = #"{"records": 7, "rateLimit": "20/s", "latency": "5ms"}"#
        let decoded = try JSONDecoder().decode(CRMSettings.self, from: Data(written.utf8))
        #expect(decoded == CRMSettings(records: 7, latency: .milliseconds(5), rateLimit: RateLimit(requests: 20, per: .second)))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CRMSettings.self, from: Data(#"{"rateLimit": "fast"}"#.utf8)) }
    }

    @Test func personIdsRoundTrip() {
        for crm in CRM.allCases {
            for kind in crm.personKinds {
                for number in [1, 42, CRMSettings.maximumRecords] {
                    let id = crm.personId(number: number, kind: kind)
                    #expect(crm.locate(personId: id)?.kind == kind && crm.locate(personId: id)?.number == number, "\(crm) \(id)")
                }
            }
            #expect(crm.locate(personId: "nobody") == nil)
        }
        #expect(CRM.attio.personId(number: 12) == "a77e0000-0000-4000-8000-000000000012")
        #expect(CRM.zoho.personId(number: 12, kind: .lead) == "4150868000002000012")
    }
}
