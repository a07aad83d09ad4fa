import Forms

/// The Danish words exports use for codes: theme kinds, yes/no, "don't know", scale ends.
///
/// One place, so the report, the spreadsheets and the codebook never show `guided` or `dont_know`
/// (analysts' decisions are described in Danish where they are made, by the App's `DecisionWording`).
public enum ReportWording {
    /// "Andet": a citizen's own answer to a choice question, and the analysis's catch-all theme.
    public static let other = "Andet"
    /// "Ved ikke", a scale's "don't know" when the form gives no label of its own.
    public static let dontKnow = "Ved ikke"

    /// "Ja" or "Nej".
    public static func yesNo(_ value: Bool) -> String { value ? "Ja" : "Nej" }

    /// A theme kind (`guided`, `emerging`, …) in Danish.
    public static func themeKind(_ kind: String) -> String {
        switch kind {
        case "guided": "Politikkens tema"
        case "emerging": "Nyt tema fra borgerne"
        case "discovered": "Fundet i svarene"
        case "analyst": "Oprettet af analytikeren"
        case "other": "Øvrige svar"
        case "offTopic": "Uden for emnet"
        default: "Tema"
        }
    }

    /// What a question asked for (`works`, `change`, `idea`), as the report splits a theme by it.
    public static func purpose(_ purpose: String) -> String {
        switch purpose {
        case "works": "Det virker"
        case "change": "Det skal ændres"
        case "idea": "Idéer"
        case ReportPurposeGroup.withoutPurpose: "Øvrige svar"
        default: purpose
        }
    }

    /// The meaning of a scale's lowest value, from the form, else the number itself.
    public static func lowEnd(_ settings: ScaleSettings) -> String {
        settings.minLabel?.da ?? String(settings.min)
    }

    /// The meaning of a scale's highest value, from the form, else the number itself.
    public static func highEnd(_ settings: ScaleSettings) -> String {
        settings.maxLabel?.da ?? String(settings.max)
    }

    /// A scale's ends, e.g. "1 = Helt uenig … 5 = Helt enig", or "1–5" without labels.
    public static func scaleEnds(_ settings: ScaleSettings) -> String {
        guard settings.minLabel != nil || settings.maxLabel != nil else { return "\(settings.min)–\(settings.max)" }
        return "\(settings.min) = \(lowEnd(settings)) … \(settings.max) = \(highEnd(settings))"
    }

    /// "1 person" or "N personer".
    public static func people(_ count: Int) -> String {
        count == 1 ? "1 person" : "\(count) personer"
    }
}
