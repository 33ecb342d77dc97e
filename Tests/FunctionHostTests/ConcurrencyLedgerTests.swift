@testable import FunctionHost
import Testing

@Suite("Concurrency accounting")
struct ConcurrencyLedgerTests {
    @Test("reserved concurrency admits up to its limit, then throttles until one ends")
    func reserved() {
        var ledger = ConcurrencyLedger(reserved: ["a": 2], unreservedLimit: 10)
        #expect(ledger.admit("a") == .admitted)
        #expect(ledger.admit("a") == .admitted)
        #expect(ledger.admit("a") == .throttled(.reservedFunctionConcurrentInvocationLimitExceeded))
        ledger.release("a")
        #expect(ledger.admit("a") == .admitted)
        #expect(ledger.concurrentExecutions(of: "a") == 2)
    }

    @Test("functions without reservation share the unreserved pool; reserved ones do not draw from it")
    func unreservedPool() {
        var ledger = ConcurrencyLedger(reserved: ["r": 5], unreservedLimit: 2)
        #expect(ledger.admit("x") == .admitted)
        #expect(ledger.admit("y") == .admitted)
        #expect(ledger.admit("x") == .throttled(.concurrentInvocationLimitExceeded))
        #expect(ledger.admit("r") == .admitted)
        ledger.release("y")
        #expect(ledger.admit("x") == .admitted)
        #expect(ledger.unreservedInFlight == 2)
    }

    @Test("reserved concurrency 0 throttles everything")
    func zero() {
        var ledger = ConcurrencyLedger(reserved: ["off": 0], unreservedLimit: 10)
        #expect(ledger.admit("off") == .throttled(.reservedFunctionConcurrentInvocationLimitExceeded))
    }
}
