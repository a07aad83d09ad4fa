extension API {
    /// A staff account as `GET /api/staff/users` lists it.
    public struct User: Decodable, Sendable {
        public let id: Int64
        public let email: String
        public let role: String
        /// `active`, `invited` or `disabled`.
        public let status: String
        public let createdAt: String
        public let lastLoginAt: String?
        public let linkExpiresAt: String?
        public let canDelete: Bool
        public let isYou: Bool
    }

    /// One password rule in both languages.
    public struct PasswordRule: Decodable, Sendable {
        public let da: String
        public let en: String
    }

    /// `GET /api/staff/users`.
    public struct UserList: Decodable, Sendable {
        public let users: [User]
        public let passwordRules: [PasswordRule]
    }

    /// The answers to role, disable and enable.
    public struct UserDocument: Decodable, Sendable {
        public let user: User
    }

    /// `POST /api/staff/users` (201) and `POST /api/staff/users/{id}/reset`: the account and its one-time link.
    public struct UserLink: Decodable, Sendable {
        public let user: User
        public let setPasswordURL: String
        public let linkExpiresAt: String

        /// The token in the link's fragment, as the page posts it.
        public var token: String {
            String(setPasswordURL.split(separator: "#", maxSplits: 1).last ?? "")
        }
    }

    /// `POST /api/setup/check` and `POST /api/password/check`.
    public struct LinkCheck: Decodable, Sendable {
        public let email: String?
        public let firstPassword: Bool
        public let expiresAt: String
        public let passwordRules: [PasswordRule]
    }
}
