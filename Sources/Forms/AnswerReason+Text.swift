import Foundation

/// The citizen's words for each answer problem, Danish first.
extension AnswerReason {
    /// What the citizen reads at the field: what is wrong and what to do, in Danish and English.
    public var text: LocalizedText {
        switch self {
        case .unknownQuestion:
            LocalizedText(da: "Dette spørgsmål findes ikke i spørgeskemaet.", en: "This question is not part of the questionnaire.")
        case .takesNoAnswer:
            LocalizedText(da: "Her skal der ikke svares.", en: "This part takes no answer.")
        case .required:
            LocalizedText(da: "Dette spørgsmål skal besvares.", en: "This question must be answered.")
        case .unreadable(let shape):
            LocalizedText(da: "Svaret kunne ikke læses: \(shape.text.da). Prøv at svare igen.",
                          en: "The answer could not be read: \(shape.text.en). Please answer again.")
        case .textTooLong(let length, let maximum):
            LocalizedText(da: "Dit svar er for langt (\(length) tegn). Skriv højst \(maximum) tegn.",
                          en: "Your answer is too long (\(length) characters). Write at most \(maximum) characters.")
        case .otherTextTooLong(let length, let maximum):
            LocalizedText(da: "Dit eget svar er for langt (\(length) tegn). Skriv højst \(maximum) tegn.",
                          en: "Your own answer is too long (\(length) characters). Write at most \(maximum) characters.")
        case .notAnOption(let value):
            LocalizedText(da: "»\(value)« er ikke en af svarmulighederne. Vælg en af de viste muligheder.",
                          en: "“\(value)” is not one of the choices. Pick one of the choices shown.")
        case .noOtherAnswer:
            LocalizedText(da: "Her kan du ikke skrive dit eget svar. Vælg en af de viste muligheder.",
                          en: "You cannot write your own answer here. Pick one of the choices shown.")
        case .selectedTwice(let value):
            LocalizedText(da: "»\(value)« er valgt to gange. Vælg den kun én gang.",
                          en: "“\(value)” is selected twice. Select it only once.")
        case .tooFewSelected(let minimum, let selected):
            LocalizedText(da: "Vælg mindst \(minimum) (du har valgt \(selected)).",
                          en: "Pick at least \(minimum) (you have picked \(selected)).")
        case .tooManySelected(let maximum, let selected):
            LocalizedText(da: "Vælg højst \(maximum) (du har valgt \(selected)).",
                          en: "Pick at most \(maximum) (you have picked \(selected)).")
        case .outsideScale(let minimum, let maximum, let allowsDontKnow):
            LocalizedText(da: "Vælg et tal fra \(minimum) til \(maximum)\(allowsDontKnow ? " eller »Ved ikke«" : "").",
                          en: "Pick a number from \(minimum) to \(maximum)\(allowsDontKnow ? " or “Don't know”" : "").")
        case .notWholeNumber:
            LocalizedText(da: "Skriv et helt tal uden decimaler.", en: "Enter a whole number without decimals.")
        case .belowMinimum(let minimum):
            LocalizedText(da: "Tallet skal være mindst \(Self.danishNumber(minimum)).",
                          en: "The number must be at least \(JSONValue.numberText(minimum)).")
        case .aboveMaximum(let maximum):
            LocalizedText(da: "Tallet må højst være \(Self.danishNumber(maximum)).",
                          en: "The number must be at most \(JSONValue.numberText(maximum)).")
        case .notAnItem(let value):
            LocalizedText(da: "»\(value)« er ikke et af punkterne.", en: "“\(value)” is not one of the items.")
        case .rankedTwice(let value):
            LocalizedText(da: "»\(value)« står to gange i rækkefølgen.", en: "“\(value)” appears twice in the order.")
        case .tooFewRanked(let minimum, let ranked):
            LocalizedText(da: "Sæt mindst \(minimum) punkter i rækkefølge (du har sat \(ranked)).",
                          en: "Put at least \(minimum) items in order (you have ordered \(ranked)).")
        case .notAllRanked(let count, let ranked):
            LocalizedText(da: "Sæt alle \(count) punkter i rækkefølge (du har sat \(ranked)).",
                          en: "Put all \(count) items in order (you have ordered \(ranked)).")
        case .pointsOutOfRange(let item, let total):
            LocalizedText(da: "Giv »\(item)« et helt antal point fra 0 til \(total).",
                          en: "Give “\(item)” a whole number of points from 0 to \(total).")
        case .tooManyPoints(let given, let total):
            LocalizedText(da: "Du har givet \(given) point, men har kun \(total). Tag nogle point væk.",
                          en: "You have given \(given) points but have only \(total). Take some points away.")
        case .pointsNotAllUsed(let given, let total):
            LocalizedText(da: "Du har givet \(given) point. Fordel alle \(total).",
                          en: "You have given \(given) points. Distribute all \(total).")
        case .contactNotOffered:
            LocalizedText(da: "Dette spørgeskema beder ikke om kontaktoplysninger.",
                          en: "This questionnaire does not ask for contact details.")
        case .unknownContactField(let field):
            LocalizedText(da: "Kontaktoplysningerne har et felt, der ikke kendes: »\(field)«.",
                          en: "The contact details have a field that is not known: “\(field)”.")
        case .consentMissing:
            LocalizedText(da: "Sæt kryds ved samtykket for at give dine kontaktoplysninger.",
                          en: "Tick the consent box to leave your contact details.")
        case .emailMissing:
            LocalizedText(da: "Skriv din e-mailadresse for at give dine kontaktoplysninger.",
                          en: "Write your e-mail address to leave your contact details.")
        case .emailInvalid:
            LocalizedText(da: "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.",
                          en: "Write a valid e-mail address, e.g. name@example.com.")
        case .nameTooLong(let maximum):
            LocalizedText(da: "Navnet er for langt. Skriv højst \(maximum) tegn.",
                          en: "The name is too long. Write at most \(maximum) characters.")
        }
    }

    /// A number as Danish writes it: a decimal comma, "2,5".
    private static func danishNumber(_ number: Double) -> String {
        JSONValue.numberText(number).replacingOccurrences(of: ".", with: ",")
    }
}

extension AnswerReason.AnswerShape {
    /// What the answer should have been, completing "The answer could not be read: ...".
    public var text: LocalizedText {
        switch self {
        case .text: LocalizedText(da: "her skulle stå en tekst", en: "a text was expected")
        case .option: LocalizedText(da: "her skulle være valgt én mulighed", en: "one choice was expected")
        case .options: LocalizedText(da: "her skulle være valgt en eller flere muligheder", en: "a list of choices was expected")
        case .otherAnswer: LocalizedText(da: "her skulle stå dit eget svar", en: "your own answer was expected")
        case .yesOrNo: LocalizedText(da: "her skulle stå ja eller nej", en: "yes or no was expected")
        case .number: LocalizedText(da: "her skulle stå et tal", en: "a number was expected")
        case .order: LocalizedText(da: "her skulle stå en rækkefølge", en: "an order of items was expected")
        case .points: LocalizedText(da: "her skulle stå point for hvert punkt", en: "points for each item were expected")
        case .contactDetails:
            LocalizedText(da: "her skulle stå navn, e-mail og samtykke", en: "name, e-mail and consent were expected")
        }
    }
}
