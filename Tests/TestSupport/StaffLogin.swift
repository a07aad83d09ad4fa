import App
import Authentication
import Foundation
import HTTPServer

/// A logged-in staff member: the cookie to send and the CSRF token to echo.
public struct StaffLogin: Sendable {
    /// The account's e-mail address.
    public let email: String
    /// The account's role.
    public let role: Role
    /// The account's password.
    public let password: String
    /// `borgerdialog_session=<token>`, as a `Cookie` header value.
    public let cookie: String
    /// The token state-changing requests carry in `X-CSRF-Token`.
    public let csrfToken: String

    /// The header lines a raw request sends for this login (the CSRF token too when `writing`).
    public func headerLines(writing: Bool = false) -> [String] {
        ["Cookie: \(cookie)"] + (writing ? ["X-CSRF-Token: \(csrfToken)"] : [])
    }
}

extension RunningApplication {
    /// The password every test account gets (with its role, so it passes the password policy).
    public static func password(for role: Role) -> String {
        "lang-og-sikker-adgangskode-\(role.rawValue)"
    }

    /// Creates an account with `role` (a fresh address unless `email` is given) and logs it in through `POST /api/login`.
    public func logIn(_ role: Role, email: String? = nil) async throws -> StaffLogin {
        let address = email ?? "\(role.rawValue)-\(UUID().uuidString.prefix(8).lowercased())@kommune.dk"
        let password = Self.password(for: role)
        _ = try Administration.addUser(configuration: application.configuration, email: address, role: role, password: password)
        return try await logIn(email: address, password: password, role: role)
    }

    /// Logs an existing account in through `POST /api/login`; throws with the answer if that fails.
    public func logIn(email: String, password: String, role: Role) async throws -> StaffLogin {
        let answer = await post("/api/login", json: ["email": .string(email), "password": .string(password)])
        guard answer.status == .ok, let setCookie = answer.headers["Set-Cookie"] else {
            throw TestFailure("login as \(email) failed: \(answer.status) \(answer.text)")
        }
        let body = try answer.decode(API.Login.self)
        return StaffLogin(
            email: email, role: role, password: password, cookie: String(setCookie.prefix { $0 != ";" }), csrfToken: body.csrfToken)
    }
}
