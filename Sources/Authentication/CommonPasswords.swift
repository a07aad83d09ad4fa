/// Passwords of ten or more characters that attackers try first, lowercased, with Danish ones.
///
/// Deliberately short: a full breach corpus would be megabytes in the binary. It catches the
/// obvious choices; the length minimum, argon2 and the login throttle do the rest.
enum CommonPasswords {
    /// Whether the lowercased password is on the list.
    static func contains(_ lowercasedPassword: String) -> Bool {
        list.contains(lowercasedPassword)
    }

    private static let list: Set<String> = [
        "password123", "password1234", "password12", "password!!", "passw0rd123", "p@ssw0rd123",
        "1q2w3e4r5t", "1qaz2wsx3edc", "qwerty1234", "qwerty12345", "qwerty123456", "qwertyuiop123",
        "iloveyou123", "welcome123", "welcome2024", "welcome2025", "welcome2026", "letmein123",
        "monkey1234", "dragon1234", "football123", "baseball123", "superman123", "princess123",
        "sunshine123", "administrator", "admin12345", "admin123456", "changeme123", "trustno1234",
        "abcd123456", "abc1234567", "a1b2c3d4e5", "1234567890a", "123456789a", "12345678910",
        "1234512345", "1122334455", "1111122222", "0987654321",
        // Danish favourites: the word for password, seasons with years, clubs, the country.
        "adgangskode", "adgangskode1", "adgangskode123", "kodeord123", "kodeord1234", "hemmelighed",
        "sommer2024", "sommer2025", "sommer2026", "vinter2024", "vinter2025", "vinter2026",
        "foraar2025", "efteraar2025", "danmark123", "danmark1234", "kobenhavn1", "københavn1",
        "velkommen1", "velkommen123", "velkommen2025", "fckobenhavn", "brondby123", "kommunen123",
        "kommune1234", "borgerdialog", "borgerdialog1", "borgerdialog123",
    ]
}
