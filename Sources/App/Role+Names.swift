import Authentication
import Forms

extension Role {
    /// The role's name as staff read it: "mødeleder", "facilitator".
    func name(in language: Language) -> String {
        switch (self, language) {
        case (.facilitator, .da): "mødeleder"
        case (.facilitator, .en): "facilitator"
        case (.analyst, .da): "analytiker"
        case (.analyst, .en): "analyst"
        case (.admin, _): "administrator"
        }
    }

    /// The people who have the role: "mødeledere", "facilitators".
    func pluralName(in language: Language) -> String {
        switch (self, language) {
        case (.facilitator, .da): "mødeledere"
        case (.facilitator, .en): "facilitators"
        case (.analyst, .da): "analytikere"
        case (.analyst, .en): "analysts"
        case (.admin, .da): "administratorer"
        case (.admin, .en): "administrators"
        }
    }

    /// Who has one of `roles`, as a phrase: "mødeledere og administratorer".
    static func peopleList(_ roles: Set<Role>, in language: Language) -> String {
        let names = [Role.facilitator, .analyst, .admin].filter(roles.contains).map { $0.pluralName(in: language) }
        guard let last = names.last else { return "" }
        let and = language == .da ? " og " : " and "
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + and + last
    }
}
