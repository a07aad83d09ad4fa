import Forms

/// The summaries of a bundle's questions (the type and its counting live in `Forms`).
extension QuestionSummary {
    /// One summary per answerable question of the bundle's form, over every response, in form order.
    public static func summaries(for bundle: ExportBundle, language: Language = .da) -> [QuestionSummary] {
        bundle.form.summaries(of: bundle.responses.map(\.answers), language: language)
    }
}
