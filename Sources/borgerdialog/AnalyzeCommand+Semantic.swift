import ArgumentParser
import Foundation
import SemanticEmbedding
import ThemeAnalysis

/// Whether `analyze` reads the answers by meaning as well as by their words.
enum SemanticChoice: String, ExpressibleByArgument, CaseIterable {
    /// Use the model when it is installed; say so when it is not.
    case auto
    /// Require the model.
    case on
    /// Words only.
    case off
}

extension AnalyzeCommand {
    /// The semantic view's vectors (answers as passages; themes' name and description as queries),
    /// or nil for the word view alone. Reports on standard error which view is used and how long
    /// the vectors took (the benchmark reads it).
    func semanticVectors(answers: [AnswerText], themes: [GuidedTheme]) throws -> SemanticVectors? {
        guard semantic != .off else {
            note("semantic view: off")
            return nil
        }
        let directories = modelDir.map { [$0] } ?? SemanticEmbedder.defaultDirectories()
        var lastError: Error = SemanticModelError.notInstalled(directory: directories.joined(separator: ", "))
        for directory in directories {
            do {
                return try vectors(directory: directory, answers: answers, themes: themes)
            } catch SemanticModelError.notInstalled {
                continue
            } catch {
                lastError = error
                break
            }
        }
        if semantic == .on { throw ValidationError("\(lastError)") }
        note("semantic view: not used (\(lastError))")
        return nil
    }

    private func vectors(directory: String, answers: [AnswerText], themes: [GuidedTheme]) throws -> SemanticVectors {
        let loadStart = Date()
        let model = try E5Model(directory: directory)
        var cache: EmbeddingCache?
        if let vectorCache, FileManager.default.fileExists(atPath: vectorCache) {
            cache = try EmbeddingCache.load(from: vectorCache, dimensions: model.dimensions)
        }
        var embedder = SemanticEmbedder(model: model, cache: cache)
        let embedStart = Date()
        let answerRows = try embedder.vectors(of: answers.map(\.text), isQuery: false)
        let themeRows = try embedder.vectors(of: themes.map { [$0.name, $0.description].filter { !$0.isEmpty }.joined(separator: ". ") },
                                             isQuery: true)
        // Guided runs also compare the answers with the subjects citizens commonly raise.
        let subjectTexts = themes.isEmpty ? [] : SubjectInventory.texts
        let subjectRows = try embedder.vectors(of: subjectTexts, isQuery: true)
        let seconds = Date().timeIntervalSince(embedStart)
        if let vectorCache { try embedder.cache.save(to: vectorCache) }
        note(String(format: "semantic view: %@; %d texts embedded, %d from the cache, %.2f s (model load %.2f s)",
                    E5Model.viewName, embedder.computedCount, answers.count + themes.count + subjectTexts.count - embedder.computedCount,
                    seconds, embedStart.timeIntervalSince(loadStart)))
        return SemanticVectors(name: E5Model.viewName, dimensions: model.dimensions, answerRows: answerRows, themeRows: themeRows,
                                subjectRows: subjectRows)
    }

    private func note(_ text: String) {
        FileHandle.standardError.write(Data("note: \(text)\n".utf8))
    }
}
