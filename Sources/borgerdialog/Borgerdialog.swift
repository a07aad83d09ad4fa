import ArgumentParser

@main
struct Borgerdialog: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Citizen dialogue and survey collector.")
}
