import Dispatch
import XCTest
import Authentication

final class LoginThrottleTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_800_000_000)
    private let office = "192.0.2.10"

    private func at(_ seconds: TimeInterval) -> Date {
        start.addingTimeInterval(seconds)
    }

    func testDelaysGrowExponentiallyUpToTheMaximum() {
        let throttle = LoginThrottle(policy: LoginThrottlePolicy(maximumFailuresPerAccount: 10, maximumFailuresPerAddress: 50))
        var delays: [TimeInterval] = []
        for attempt in 0..<8 {
            guard case .allowed(let delay) = throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(Double(attempt))) else {
                return XCTFail("attempt \(attempt) should be allowed")
            }
            delays.append(delay)
            throttle.recordFailure(account: "mette@hjoerring.dk", address: office, now: at(Double(attempt)))
        }
        XCTAssertEqual(delays, [0, 0.25, 0.5, 1, 2, 4, 4, 4])
    }

    func testAccountLocksAfterTheMaximumFailuresFromAnyAddress() {
        let throttle = LoginThrottle()
        for attempt in 0..<4 {
            throttle.recordFailure(account: "mette@hjoerring.dk", address: "198.51.100.\(attempt)", now: at(Double(attempt)))
        }
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(4)), .allowed(delay: 2))
        throttle.recordFailure(account: "mette@hjoerring.dk", address: "198.51.100.4", now: at(4))
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(4)), .locked(retryAfter: 900))
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(104)), .locked(retryAfter: 800))
        XCTAssertEqual(throttle.decision(account: "jens@hjoerring.dk", address: office, now: at(104)), .allowed(delay: 0))
    }

    func testAddressLocksAfterTheMaximumFailuresAcrossAccounts() {
        let throttle = LoginThrottle()
        for attempt in 0..<20 {
            throttle.recordFailure(account: "person\(attempt)@hjoerring.dk", address: office, now: at(Double(attempt)))
        }
        XCTAssertEqual(throttle.decision(account: "ny@hjoerring.dk", address: office, now: at(20)), .locked(retryAfter: 899))
        XCTAssertEqual(throttle.decision(account: "person3@hjoerring.dk", address: "203.0.113.7", now: at(20)), .allowed(delay: 0.25))
        XCTAssertEqual(throttle.decision(account: "ny@hjoerring.dk", address: "203.0.113.7", now: at(20)), .allowed(delay: 0))
    }

    func testIPv6ClientsAreCountedPerSlash64() {
        let throttle = LoginThrottle()
        for attempt in 1...20 {
            throttle.recordFailure(account: "person\(attempt)@hjoerring.dk", address: "2001:db8:1:2::\(attempt)", now: at(0))
        }
        XCTAssertEqual(throttle.decision(account: "ny@hjoerring.dk", address: "2001:DB8:1:2:abcd::99", now: at(1)), .locked(retryAfter: 899))
        XCTAssertEqual(throttle.decision(account: "ny@hjoerring.dk", address: "2001:db8:1:3::1", now: at(1)), .allowed(delay: 0))
    }

    func testAccountNamesAreComparedCaseInsensitively() {
        let throttle = LoginThrottle()
        let spellings = ["Mette@Hjoerring.DK", "mette@hjoerring.dk", "METTE@HJOERRING.DK", " mette@hjoerring.dk", "mette@Hjoerring.dk"]
        for (attempt, spelling) in spellings.enumerated() {
            throttle.recordFailure(account: spelling, address: "198.51.100.\(attempt)", now: at(0))
        }
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(1)), .locked(retryAfter: 899))
    }

    func testLockEndsAfterTheLockoutWithAFreshCount() {
        let throttle = LoginThrottle()
        for attempt in 0..<5 {
            throttle.recordFailure(account: "mette@hjoerring.dk", address: "198.51.100.\(attempt)", now: at(Double(attempt)))
        }
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(903)), .locked(retryAfter: 1))
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(904)), .allowed(delay: 0))
        throttle.recordFailure(account: "mette@hjoerring.dk", address: office, now: at(905))
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: "203.0.113.7", now: at(905)), .allowed(delay: 0.25))
    }

    func testFailuresDuringALockDoNotExtendIt() {
        let throttle = LoginThrottle()
        for attempt in 0..<5 {
            throttle.recordFailure(account: "mette@hjoerring.dk", address: "198.51.100.\(attempt)", now: at(0))
        }
        for second in stride(from: 100.0, to: 900, by: 100) {
            throttle.recordFailure(account: "mette@hjoerring.dk", address: "203.0.113.\(Int(second) / 100)", now: at(second))
        }
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(899)), .locked(retryAfter: 1))
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(900)), .allowed(delay: 0))
    }

    func testFailuresOutsideTheWindowNoLongerCount() {
        let throttle = LoginThrottle()
        for attempt in 0..<4 {
            throttle.recordFailure(account: "mette@hjoerring.dk", address: office, now: at(Double(attempt)))
        }
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(902)), .allowed(delay: 0.25))
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(903)), .allowed(delay: 0))
        throttle.recordFailure(account: "mette@hjoerring.dk", address: office, now: at(1000))
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(1000)), .allowed(delay: 0.25))
    }

    func testSuccessResetsTheAccountButNotTheAddress() {
        let throttle = LoginThrottle()
        for attempt in 0..<4 {
            throttle.recordFailure(account: "mette@hjoerring.dk", address: office, now: at(Double(attempt)))
        }
        throttle.recordSuccess(account: "METTE@hjoerring.dk", address: office)
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: "203.0.113.7", now: at(5)), .allowed(delay: 0))
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(5)), .allowed(delay: 2))
        for attempt in 0..<4 {
            throttle.recordFailure(account: "mette@hjoerring.dk", address: "203.0.113.\(attempt)", now: at(6))
        }
        XCTAssertEqual(
            throttle.decision(account: "mette@hjoerring.dk", address: "198.51.100.1", now: at(6)), .allowed(delay: 2),
            "after the reset the account needs five fresh failures to lock"
        )
    }

    func testExpiredEntriesArePruned() {
        let throttle = LoginThrottle()
        for index in 0..<1000 {
            throttle.recordFailure(account: "person\(index)@hjoerring.dk", address: "10.0.\(index / 256).\(index % 256)", now: at(0))
        }
        XCTAssertEqual(throttle.trackedEntryCount, 2000)
        throttle.recordFailure(account: "sidste@hjoerring.dk", address: office, now: at(901))
        XCTAssertEqual(throttle.trackedEntryCount, 2, "only the newest account and address remain")
    }

    func testTablesStayWithinTheCapAndKeepLocks() {
        let throttle = LoginThrottle(policy: LoginThrottlePolicy(maximumTrackedEntries: 50))
        for attempt in 0..<5 {
            throttle.recordFailure(account: "mette@hjoerring.dk", address: "198.51.100.\(attempt)", now: at(0))
        }
        for index in 0..<500 {
            throttle.recordFailure(account: "flood\(index)@example.com", address: "10.1.\(index / 256).\(index % 256)", now: at(1))
            XCTAssertLessThanOrEqual(throttle.trackedEntryCount, 100)
        }
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(2)), .locked(retryAfter: 898))
    }

    func testConcurrentFailuresAreAllCounted() {
        let throttle = LoginThrottle(policy: LoginThrottlePolicy(maximumFailuresPerAccount: 1000, maximumFailuresPerAddress: 10_000))
        let moment = at(0)
        DispatchQueue.concurrentPerform(iterations: 999) { index in
            throttle.recordFailure(account: "mette@hjoerring.dk", address: "10.2.\(index / 256).\(index % 256)", now: moment)
        }
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(0)), .allowed(delay: 4))
        throttle.recordFailure(account: "mette@hjoerring.dk", address: office, now: at(0))
        XCTAssertEqual(throttle.decision(account: "mette@hjoerring.dk", address: office, now: at(0)), .locked(retryAfter: 900))
    }

    func testPolicyDelayIsFiniteForHugeCounts() {
        let policy = LoginThrottlePolicy()
        XCTAssertEqual(policy.delay(afterFailures: 0), 0)
        XCTAssertEqual(policy.delay(afterFailures: 1), 0.25)
        XCTAssertEqual(policy.delay(afterFailures: Int.max), 4)
    }
}
