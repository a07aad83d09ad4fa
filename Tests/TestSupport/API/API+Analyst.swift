extension API {
    /// An analysis run's state.
    public struct Run: Decodable, Sendable {
        public let id: Int64
        public let formId: String
        public let sessions: [String]
        public let status: String
        public let message: String?
    }

    /// `POST /api/analyst/runs` (202).
    public struct StartedRun: Decodable, Sendable {
        public let run: Run
    }

    /// `GET /api/analyst/runs/{id}`: the run, and its result (decisions applied) once it is done.
    public struct RunDocument: Decodable, Sendable {
        public let run: Run
        public let result: AnalysisResult?
    }

    /// `POST /api/analyst/forms/{formId}/decisions` (201): the decision and the re-applied result.
    public struct Decided: Decodable, Sendable {
        /// The stored decision.
        public struct Decision: Decodable, Sendable {
            public let id: Int64
            public let kind: String
        }

        public let decision: Decision
        public let result: AnalysisResult
    }

    /// `DELETE /api/analyst/decisions/{id}?run=`: the result without the withdrawn decision.
    public struct Withdrawn: Decodable, Sendable {
        public let result: AnalysisResult
    }

    /// A run's result as the analyst pages get it.
    public struct AnalysisResult: Decodable, Sendable {
        /// A theme with its quotes.
        public struct Theme: Decodable, Sendable {
            public let key: String
            public let label: String
            /// `guided` (a policy theme of the form), `discovered`, `emerging`, `other`, `analyst` or `offTopic`.
            public let kind: String
            public let terms: [String]
            public let size: Int
            public let quotes: [Quote]
            /// The theme split by what the questions asked for (`works`, `change`, `idea`, `none`).
            public let purposes: [PurposeGroup]
        }

        /// The answers of one purpose within a theme.
        public struct PurposeGroup: Decodable, Sendable {
            public let purpose: String
            public let size: Int
            public let quotes: [Quote]
        }

        /// A quote: one answer's (masked) text.
        public struct Quote: Decodable, Sendable {
            public let answerId: String
            public let text: String
            public let session: String
        }

        /// One free-text answer with its themes.
        public struct Answer: Decodable, Sendable {
            public let answerId: String
            public let question: String
            public let session: String
            /// The text with personal data masked.
            public let text: String
            /// What the question asked for, when the form says.
            public let purpose: String?
            public let themes: [String]
            /// Whether an analyst's decision placed it.
            public let decided: Bool
        }

        /// The charts, as SVG text.
        public struct Charts: Decodable, Sendable {
            public let themes: String
            public let bySession: String
        }

        /// An analyst's decision as replayed on this result.
        public struct Decision: Decodable, Sendable {
            public let id: Int64
            public let kind: String
            public let summary: String
            /// Whether it still applies to this result (its theme or answer is there).
            public let applied: Bool
        }

        public let answerCount: Int
        /// How the run read the answers: `lexical`, and the semantic model's name when it was used.
        public let views: [String]
        public let themes: [Theme]
        public let answers: [Answer]
        public let charts: Charts
        public let decisions: [Decision]
        /// Analysed answers deleted since the run (erased or purged); left out of this result.
        public let removedSinceRun: Int
    }
}

extension API {
    /// `GET /api/analyst/runs/{id}/search?q=[&theme=]`.
    public struct SearchResult: Decodable, Sendable {
        public let query: String
        public let theme: String?
        public let count: Int
        public let answers: [AnalysisResult.Answer]
    }
}
