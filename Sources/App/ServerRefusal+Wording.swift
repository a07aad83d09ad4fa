import Forms
import HTTPServer

/// The HTTP server's own answers in Danish and English, so a tablet or a staff page that meets a
/// 413, a 400, a 404 or a 405 reads it in its own language like every other reason.
extension ServerRefusal {
    /// The words for the router: the refusal in the request's language (`?lang=`, `Accept-Language`, Danish).
    static let wordedInRequestLanguage: RefusalWording = { refusal, request in
        refusal.wording.text(in: RequestLanguage.of(request))
    }

    /// The refusal in both languages.
    var wording: LocalizedText {
        switch self {
        case .bodyTooLarge(let limit):
            LocalizedText(da: "Det sendte er for stort: højst \(Self.kilobytes(limit)) kB kan modtages.",
                          en: "What was sent is too large: at most \(Self.kilobytes(limit)) kB can be received.")
        case .severalContentLengths:
            LocalizedText(da: "Forespørgslen har mere end én Content-Length og kan ikke læses.",
                          en: "The request has more than one Content-Length and cannot be read.")
        case .contentLengthWithTransferEncoding:
            LocalizedText(da: "Forespørgslen har både Content-Length og Transfer-Encoding og kan ikke læses.",
                          en: "The request has both Content-Length and Transfer-Encoding and cannot be read.")
        case .malformedTarget(let problem):
            problem.wording
        case .noSuchResource(let path):
            LocalizedText(da: "Adressen \(path) findes ikke.", en: "The address \(path) does not exist.")
        case .methodNotAllowed(let method, let path):
            LocalizedText(da: "Adressen \(path) tager ikke imod \(method).", en: "The address \(path) does not accept \(method).")
        case .internalError:
            LocalizedText(da: "Der opstod en intern fejl. Prøv igen om lidt.", en: "An internal error occurred. Try again shortly.")
        case .stopping:
            LocalizedText(da: "Serveren er ved at lukke ned. Prøv igen om lidt.", en: "The server is shutting down. Try again shortly.")
        }
    }

    /// Bytes as whole kilobytes, rounded down: the limit is never overstated.
    private static func kilobytes(_ bytes: Int) -> Int {
        bytes / 1024
    }
}

extension ServerRefusal.TargetProblem {
    /// The problem in both languages.
    var wording: LocalizedText {
        switch self {
        case .pathNotAbsolute:
            LocalizedText(da: "Adressen skal begynde med /.", en: "The address must start with /.")
        case .pathNotText:
            LocalizedText(da: "Adressen er ikke gyldig UTF-8 eller indeholder en NUL-byte.",
                          en: "The address is not valid UTF-8 or contains a NUL byte.")
        case .queryNotText:
            LocalizedText(da: "En parameter i adressen er ikke gyldig UTF-8 eller indeholder en NUL-byte.",
                          en: "A parameter in the address is not valid UTF-8 or contains a NUL byte.")
        case .malformedEscape:
            LocalizedText(da: "Adressen har et %-tegn, der ikke efterfølges af to hexcifre.",
                          en: "The address has a % sign not followed by two hex digits.")
        case .encodedSlash:
            LocalizedText(da: "Adressen har en kodet skråstreg (%2F eller %5C), som ikke er tilladt.",
                          en: "The address has an encoded slash (%2F or %5C), which is not allowed.")
        }
    }
}
