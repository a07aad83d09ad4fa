extension API {
    /// `GET /api/sessions/{code}/form`: the session as a tablet sees it, and its form in one language.
    public struct TabletForm: Decodable, Sendable {
        /// The session part.
        public struct Session: Decodable, Sendable {
            public let code: String
            public let title: String
            public let status: String
            /// The form version's content hash.
            public let formVersion: String
            public let kiosk: Kiosk
        }

        /// How the tablet behaves in kiosk mode.
        public struct Kiosk: Decodable, Sendable {
            public let idleSeconds: Int
            public let exitNeedsPin: Bool
        }

        /// The form, every text in the asked language.
        public struct Form: Decodable, Sendable {
            public let id: String
            public let version: String
            public let language: String
            public let title: String
            public let questions: [Question]
        }

        /// One question of the form.
        public struct Question: Decodable, Sendable {
            public let id: String
            public let type: String
            public let required: Bool
            public let label: String
            public let options: [Option]?
        }

        /// One option of a choice question.
        public struct Option: Decodable, Sendable {
            public let value: String
            public let label: String
        }

        public let session: Session
        public let form: Form
    }

    /// `POST /api/sessions/{code}/responses`: 201 `stored` (with `late` for an answer made offline
    /// before the close) or 200 `duplicate`, each with the response's receipt code (`K7MX-4QPA`).
    public struct Receipt: Decodable, Sendable {
        public let status: String
        public let late: Bool?
        public let receipt: String?
    }

    /// A `{"status": ...}` answer (`/healthz`, kiosk exit, a withdrawn decision without a run).
    public struct Status: Decodable, Sendable {
        public let status: String
    }
}
