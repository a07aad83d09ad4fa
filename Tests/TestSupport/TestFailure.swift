/// A test precondition that did not hold; thrown, so XCTest reports its description and stops the test.
public struct TestFailure: Error, CustomStringConvertible {
    /// What went wrong, with the values that show it.
    public let description: String

    /// A failure described by `description`.
    public init(_ description: String) {
        self.description = description
    }
}
