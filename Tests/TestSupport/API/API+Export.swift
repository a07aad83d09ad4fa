import Forms

extension API {
    /// A JSON export of one session (`GET /api/analyst/export?format=json`, `borgerdialog export`).
    public struct Export: Decodable, Sendable {
        /// The session.
        public struct Session: Decodable, Sendable {
            public let code: String
            public let title: String
            public let status: String
            public let formId: String
            public let responseCount: Int
        }

        /// One submission; contact details are never part of it.
        public struct Response: Decodable, Sendable {
            public let submissionId: String
            public let submittedAt: String
            public let late: Bool
            public let table: String?
            /// Answers by question id, as stored (free text masked).
            public let answers: [String: JSONValue]
        }

        /// The themes of the newest analysis, with each answer's themes.
        public struct Themes: Decodable, Sendable {
            /// One theme.
            public struct Theme: Decodable, Sendable {
                public let key: String
                public let label: String
                /// The theme split by purpose: `{"purpose", "size", "quotes": [answer ids]}`.
                public let purposes: [PurposeGroup]
            }

            /// The answers of one purpose within a theme.
            public struct PurposeGroup: Decodable, Sendable {
                public let purpose: String
                public let size: Int
                public let quotes: [String]
            }

            /// Which themes one answer carries.
            public struct Assignment: Decodable, Sendable {
                public let answerId: String
                public let themes: [String]
            }

            public let themes: [Theme]
            public let assignments: [Assignment]
        }

        public let session: Session
        public let responses: [Response]
        public let themes: Themes?
    }
}
