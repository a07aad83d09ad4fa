import App
import TestSupport
import XCTest

/// Clients that send their requests very slowly hold up no one else, and are served once they finish.
///
/// The idle timeout is generous here (a dribbler delayed by a busy machine must not be dropped),
/// so nothing in the test depends on how fast anything runs; HostileRequestTests keeps it short.
final class SlowClientTests: OpenSessionTestCase {
    override class func configure(_ configuration: inout AppConfiguration) {
        configuration.connectionTimeoutSeconds = 30
    }

    func testAClientDribblingHeadersDoesNotHoldUpOthers() throws {
        // More dribblers than the server has threads (2), each sending a byte every 50 ms and
        // holding its request unfinished until told to end it.
        let dribble = HeaderDribbler(port: running.application.port, connections: 4, head: "GET /healthz HTTP/1.1\r\nHost: x\r\n")
        dribble.start()
        defer { dribble.finish() }
        XCTAssertTrue(Poll.blockingUntil { dribble.progress.value.rounds >= 5 || dribble.progress.value.failure != nil })
        XCTAssertNil(dribble.progress.value.failure)

        // While four heads are unfinished, everyone else is answered (a stalled server would run into the read timeout).
        let connection = try running.connect()
        for _ in 0..<10 {
            let answer = try connection.exchange(target: "/api/sessions/\(code!)/form")
            XCTAssertEqual(answer.status, 200)
        }
        // The dribblers end their requests only after this point, so the order is fixed by the test, not by timing.
        XCTAssertFalse(dribble.progress.value.closedByServer, "slow clients that keep sending are not dropped")

        dribble.finish()
        XCTAssertTrue(Poll.blockingUntil { dribble.progress.value.statuses.count == 4 || dribble.progress.value.closedByServer })
        XCTAssertEqual(dribble.progress.value.statuses, [200, 200, 200, 200], "slow clients are served once their request is complete")
    }
}
