import XCTest

// Placeholder: replaced as the commands are written.
