extension API {
    /// `GET /api/staff/sessions/{code}/contacts`: the meeting's contact list.
    public struct ContactList: Decodable, Sendable {
        /// One citizen's contact details, as given.
        public struct Contact: Decodable, Sendable {
            public let name: String
            public let email: String
            public let consentText: String
            /// ISO 8601 in UTC.
            public let givenAt: String
        }

        public let session: String
        public let contacts: [Contact]
    }

    /// `GET /api/staff/contacts?email=|phone=`: one person's contact details in every meeting.
    public struct FoundContacts: Decodable, Sendable {
        /// Contact details with their id (for erasure) and meeting.
        public struct Contact: Decodable, Sendable {
            /// The meeting.
            public struct Meeting: Decodable, Sendable {
                public let code: String
                public let title: String
            }

            public let id: Int64
            public let name: String
            public let email: String
            public let session: Meeting?
        }

        public let contacts: [Contact]
    }

    /// `GET /api/staff/receipts/{receipt}`: everything stored for one response.
    public struct StoredResponse: Decodable, Sendable {
        /// The meeting.
        public struct Meeting: Decodable, Sendable {
            public let code: String
            public let title: String
            public let formId: String
        }

        /// One answer with its question.
        public struct Answer: Decodable, Sendable {
            public let questionId: String
            /// The question's Danish text.
            public let question: String
            /// The answer in Danish words.
            public let answer: String
            /// The value as stored (JSON).
            public let value: String
        }

        /// The contact details left with it.
        public struct Contact: Decodable, Sendable {
            public let name: String
            public let email: String
            public let consentText: String
            public let givenAt: String
        }

        public let receipt: String
        public let session: Meeting
        public let receivedAt: String
        public let clientSubmittedAt: String?
        public let late: Bool
        public let table: String?
        public let answers: [Answer]
        public let contact: Contact?
    }

    /// `DELETE /api/staff/receipts/{receipt}` and `/contacts/{id}`: what went, by count.
    public struct Erased: Decodable, Sendable {
        public let status: String
        public let receipt: String?
        public let session: String
        public let responses: Int
        public let answers: Int
        public let contacts: Int
    }

    /// A retention rule (`PUT /api/staff/retention/rules` answers `{"rule"}`, the list `{"rules"}`).
    public struct RetentionRule: Decodable, Sendable {
        public let id: Int64
        public let formId: String?
        public let session: String?
        /// `contacts` or `answers`.
        public let target: String
        public let amount: Int
        /// `days` or `months`.
        public let unit: String
    }

    /// `{"rule": …}`.
    public struct RetentionRuleDocument: Decodable, Sendable {
        public let rule: RetentionRule
    }

    /// `GET /api/staff/sessions/{code}/retention`: what will be deleted when, and what was.
    public struct RetentionSchedule: Decodable, Sendable {
        /// A rule in force with its due time.
        public struct Entry: Decodable, Sendable {
            public let rule: RetentionRule
            /// ISO 8601; nil while the meeting is open.
            public let dueAt: String?
            /// How many of what it deletes are stored now.
            public let stored: Int
        }

        /// A purge the rules made.
        public struct Purge: Decodable, Sendable {
            public let at: String
            public let target: String
            public let responsesDeleted: Int
            public let contactsDeleted: Int
            public let rule: String?
        }

        public let session: String
        public let closedAt: String?
        public let rules: [Entry]
        public let purges: [Purge]
    }
}
