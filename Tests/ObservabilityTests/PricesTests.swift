import Observability
import Testing

@Suite("Prices for the cost estimate")
struct PricesTests {
    @Test("AWS's us-east-1 list prices by default; --price overrides one and keeps the others")
    func overrides() throws {
        #expect(Prices()["lambda.gbSecond"] == 0.0000166667)
        #expect(Prices()["lambda.requestsPerMillion"] == 0.20)
        #expect(Prices()["sqs.standardRequestsPerMillion"] == 0.40)
        let prices = try Prices(parsing: ["lambda.gbSecond=0.0000133334"])
        #expect(prices["lambda.gbSecond"] == 0.0000133334)
        #expect(prices["sqs.fifoRequestsPerMillion"] == 0.50)
    }

    @Test("a malformed override, an unknown key or a bad value is refused", arguments: [
        ("lambda.gbSecond", PriceError.Code.malformed), ("lambda.gbsecond=1", .unknownKey), ("lambda.gbSecond=-1", .badValue),
        ("lambda.gbSecond=abc", .badValue), ("lambda.gbSecond=inf", .badValue),
    ])
    func refused(_ text: String, _ code: PriceError.Code) {
        #expect(throws: PriceError.self) { try Prices(parsing: [text]) }
        do {
            _ = try Prices(parsing: [text])
        } catch {
            #expect(error.code == code)
        }
    }
}
