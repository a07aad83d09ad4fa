import XCTest

// Placeholder: replaced as the module is written.
