import NIOCore
@testable import ServerSupport
import Testing

@Suite("When a connection has waited too long")
struct ConnectionStateTests {
    static let timeouts = HTTPServer.Timeouts(idle: .seconds(60), request: .seconds(20), linger: .seconds(2))
    let start = NIODeadline.uptimeNanoseconds(1_000_000_000)

    func at(_ seconds: Int64) -> NIODeadline {
        start + .seconds(seconds)
    }

    @Test("idle: checked at least every request timeout, closed once idle for the idle timeout")
    func idle() {
        let state = ConnectionState(timeouts: Self.timeouts, now: start)
        #expect(state.check(at: start) == .checkAgain(at: at(20)))
        #expect(state.check(at: at(50)) == .checkAgain(at: at(60)))
        #expect(state.check(at: at(60)) == .close)
    }

    @Test("a request that started stalls out a request timeout after its last bytes")
    func stalledRequest() {
        var state = ConnectionState(timeouts: Self.timeouts, now: start)
        state.bytesRead(at: at(5))
        state.bytesRead(at: at(10))
        #expect(state.check(at: at(20)) == .checkAgain(at: at(30)))
        #expect(state.check(at: at(30)) == .requestTimedOut)
    }

    @Test("a request being answered is never timed out; idleness counts from its answer")
    func answering() {
        var state = ConnectionState(timeouts: Self.timeouts, now: start)
        state.bytesRead(at: at(1))
        state.requestRead()
        state.bytesRead(at: at(1))
        #expect(state.check(at: at(900)) == .checkAgain(at: at(920)))
        let closes = state.answerWritten(at: at(900))
        #expect(!closes)
        #expect(state.check(at: at(920)) == .checkAgain(at: at(940)))
        #expect(state.check(at: at(960)) == .close)
    }

    @Test("shutdown closes at once when no answer is owed, otherwise after the last one")
    func quiescing() {
        var idle = ConnectionState(timeouts: Self.timeouts, now: start)
        let idleCloses = idle.quiesce()
        #expect(idleCloses)
        var busy = ConnectionState(timeouts: Self.timeouts, now: start)
        busy.requestRead()
        busy.requestRead()
        let closesAtOnce = busy.quiesce()
        let closesAfterFirst = busy.answerWritten(at: start)
        let closesAfterSecond = busy.answerWritten(at: start)
        #expect([closesAtOnce, closesAfterFirst, closesAfterSecond] == [false, false, true])
    }

    @Test("after its output closed, a connection lingers while the client keeps sending, until it is silent for the linger time")
    func lingering() {
        var state = ConnectionState(timeouts: Self.timeouts, now: start)
        state.requestRead()
        _ = state.answerWritten(at: at(1))
        let until = state.outputClosed(at: at(1))
        #expect(until == at(3))
        state.bytesRead(at: at(2))
        #expect(state.check(at: at(3)) == .checkAgain(at: at(4)))
        #expect(state.check(at: at(4)) == .close)
    }

    @Test("a client that never stops sending is cut off at the linger maximum")
    func lingeringEnds() {
        var state = ConnectionState(timeouts: Self.timeouts, now: start)
        state.requestRead()
        _ = state.answerWritten(at: at(1))
        _ = state.outputClosed(at: at(1))
        for second in Int64(2)...40 { state.bytesRead(at: at(second)) }
        #expect(state.check(at: at(30)) == .checkAgain(at: at(31)))
        #expect(state.check(at: at(31)) == .close)
    }
}
