/// A sparse vector over term ids: indices ascending, with their weights.
struct SparseVector: Sendable, Hashable {
    /// Term ids, strictly ascending.
    var indices: [Int32]
    /// Weights, one per index.
    var values: [Float]

    /// The empty vector.
    static let empty = SparseVector(indices: [], values: [])

    /// Whether the vector has no non-zero entries.
    var isEmpty: Bool { indices.isEmpty }

    /// Dot product with another sparse vector (merge of the two sorted index lists).
    func dot(_ other: SparseVector) -> Float {
        var left = 0
        var right = 0
        var sum: Float = 0
        while left < indices.count && right < other.indices.count {
            let a = indices[left]
            let b = other.indices[right]
            if a == b {
                sum += values[left] * other.values[right]
                left += 1
                right += 1
            } else if a < b {
                left += 1
            } else {
                right += 1
            }
        }
        return sum
    }

    /// Dot product with a dense vector indexed by term id.
    func dot(dense: [Float]) -> Float {
        var sum: Float = 0
        for position in indices.indices {
            sum += values[position] * dense[Int(indices[position])]
        }
        return sum
    }

    /// Adds `scale` times this vector into a dense vector.
    func add(into dense: inout [Float], scale: Float = 1) {
        for position in indices.indices {
            dense[Int(indices[position])] += scale * values[position]
        }
    }
}
