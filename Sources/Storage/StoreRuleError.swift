/// An error by which the store refuses a change that breaks one of its rules (the last
/// administrator, a meeting's form once it is open); it reaches the caller as it is, not as a
/// `StorageError`, and the transaction it was thrown in is rolled back.
public protocol StoreRuleError: Error, Sendable {}

extension AccountError: StoreRuleError {}
