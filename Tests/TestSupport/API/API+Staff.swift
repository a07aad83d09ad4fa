import Forms

extension API {
    /// `POST /api/login` and `GET /api/me`: who is logged in and the CSRF token to echo.
    public struct Login: Decodable, Sendable {
        /// The account.
        public struct User: Decodable, Sendable {
            public let email: String
            public let role: String
        }

        public let user: User
        public let csrfToken: String
    }

    /// A session as the staff pages see it.
    public struct StaffSession: Decodable, Sendable {
        public let code: String
        public let title: String
        public let status: String
        public let place: String?
        /// ISO 8601 in UTC.
        public let startsAt: String?
        public let tables: [String]
        public let formId: String
        public let idleSeconds: Int
        public let hasKioskPin: Bool
        public let responseCount: Int
        public let lastResponseAt: String?
        /// The address a tablet opens: `--public-url`, else built from the request's `Host`.
        public let tabletURL: String
        /// `loopback` or `linkLocal` when tablets could not reach `tabletURL`.
        public let tabletURLProblem: String?
        /// When the (closed) meeting was archived.
        public let archivedAt: String?
        /// Whether it is the demo meeting of a first start.
        public let isDemo: Bool
    }

    /// `POST /api/staff/sessions`: the new draft and its kiosk PIN (shown once).
    public struct CreatedSession: Decodable, Sendable {
        public let session: StaffSession
        public let kioskPin: String
    }

    /// `GET /api/staff/sessions/{code}` and the answers to open and close.
    public struct SessionDocument: Decodable, Sendable {
        public let session: StaffSession
    }

    /// `GET /api/staff/sessions`.
    public struct SessionList: Decodable, Sendable {
        public let sessions: [StaffSession]
    }

    /// `GET /api/staff/sessions/{code}/live`.
    public struct Live: Decodable, Sendable {
        /// Responses from one table (nil: no table given).
        public struct TableCount: Decodable, Sendable {
            public let table: String?
            public let count: Int
        }

        /// One recent arrival.
        public struct Arrival: Decodable, Sendable {
            public let receivedAt: String
            public let table: String?
            public let late: Bool
        }

        public let status: String
        public let responseCount: Int
        public let lastResponseAt: String?
        public let perTable: [TableCount]
        public let recent: [Arrival]
        /// The newest free-text answers, masked, newest first.
        public let freeText: [FreeText]

        /// One free-text answer as the live view shows it.
        public struct FreeText: Decodable, Sendable {
            public let question: String
            public let text: String
            public let table: String?
            public let receivedAt: String
        }
    }

    /// `GET /api/staff/audit`: the newest staff actions first.
    public struct Audit: Decodable, Sendable {
        /// One recorded action.
        public struct Event: Decodable, Sendable {
            public let at: String
            public let actor: String
            public let action: String
            public let target: String?
            /// Further facts (a JSON object).
            public let details: JSONValue
        }

        public let events: [Event]
        /// Everyone the log holds, for the page's person choice.
        public let actors: [String]
        /// Every action the log holds.
        public let actions: [String]
        /// Meeting titles by join code, for the meetings the events name.
        public let sessionTitles: [String: String]
    }
}
