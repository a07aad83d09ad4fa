/// The fixed texts of the tablet page (buttons and messages), in every form language.
///
/// They live in code, not in the forms, so that every form speaks the same way. The keys are the
/// ones the tablet page (`Static/js`) reads; it keeps its own copy only as a fallback.
public enum ClientInterfaceText {
    /// The texts in one language, keyed as the tablet page reads them.
    public static func texts(in language: Language) -> [String: String] {
        entries.mapValues { $0.text(in: language) }
    }

    /// Every key with its Danish and English text.
    public static let entries: [String: LocalizedText] = [
        "submit": LocalizedText(da: "Send svar", en: "Send answers"),
        "next": LocalizedText(da: "Næste", en: "Next"),
        "back": LocalizedText(da: "Tilbage", en: "Back"),
        "required": LocalizedText(da: "skal besvares", en: "required"),
        "optional": LocalizedText(da: "valgfrit", en: "optional"),
        // The same words as the server's own problem, so the tablet and the server say it alike.
        "requiredError": AnswerReason.required.text,
        "fixErrors": LocalizedText(da: "Ret de markerede svar.", en: "Please correct the marked answers."),
        "thankYou": LocalizedText(da: "Tak for dine svar!", en: "Thank you for your answers!"),
        "nextCitizen": LocalizedText(da: "Klar til næste borger …", en: "Ready for the next citizen …"),
        "yes": LocalizedText(da: "Ja", en: "Yes"),
        "no": LocalizedText(da: "Nej", en: "No"),
        "other": LocalizedText(da: "Andet", en: "Other"),
        "otherPlaceholder": LocalizedText(da: "Skriv dit eget svar", en: "Write your own answer"),
        "dontKnow": LocalizedText(da: "Ved ikke", en: "Don't know"),
        "rankInstruction": LocalizedText(
            da: "Sæt punkterne i rækkefølge – det vigtigste øverst.",
            en: "Put the items in order – the most important at the top."
        ),
        "moveUp": LocalizedText(da: "Flyt op", en: "Move up"),
        "moveDown": LocalizedText(da: "Flyt ned", en: "Move down"),
        "keepOrder": LocalizedText(da: "Behold rækkefølgen", en: "Keep this order"),
        "pointsLeft": LocalizedText(da: "Point tilbage", en: "Points left"),
        "morePoints": LocalizedText(da: "Flere point", en: "More points"),
        "fewerPoints": LocalizedText(da: "Færre point", en: "Fewer points"),
        "contactToggle": LocalizedText(
            da: "Jeg vil gerne give mine kontaktoplysninger", en: "I would like to leave my contact details"
        ),
        "consent": LocalizedText(da: "Jeg giver samtykke", en: "I consent"),
        "pending": LocalizedText(da: "svar venter på at blive sendt", en: "answers waiting to be sent"),
        "savedOffline": LocalizedText(
            da: "Dit svar er gemt på tabletten og sendes, så snart der er forbindelse.",
            en: "Your answer is saved on the tablet and will be sent as soon as there is a connection."
        ),
        "closed": LocalizedText(
            da: "Mødet er lukket, og der modtages ikke flere svar.", en: "The meeting is closed and no more answers are accepted."
        ),
        "notFound": LocalizedText(da: "Der findes ikke et møde med den kode.", en: "There is no meeting with that code."),
        "loadFailed": LocalizedText(
            da: "Spørgeskemaet kunne ikke hentes. Tjek forbindelsen, og prøv igen.",
            en: "The form could not be loaded. Check the connection and try again."
        ),
        "retry": LocalizedText(da: "Prøv igen", en: "Try again"),
        // The button that switches language names the other language, in that language.
        "switchTo": LocalizedText(da: "English", en: "Dansk"),
    ]
}
