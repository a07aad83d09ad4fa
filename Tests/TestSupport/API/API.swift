/// The service's JSON answers as test-side `Decodable` types, named after the requests that give them.
///
/// Written from the contract in docs/architecture.md, not from App's encoders, so a change to what
/// the service sends breaks a test instead of passing silently. Fields keep the API's names; only
/// the fields tests read are listed (decoding ignores the rest).
public enum API {}
