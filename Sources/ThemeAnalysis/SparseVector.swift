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

/// Dense vector helpers on `[Float]`.
enum DenseVector {
    /// Scales the vector to unit length (leaves a zero vector alone).
    static func normalize(_ vector: inout [Float]) {
        var sum: Float = 0
        for value in vector { sum += value * value }
        guard sum > 0 else { return }
        let inverse = 1 / sum.squareRoot()
        for index in vector.indices { vector[index] *= inverse }
    }

    /// Dot product of two equally long slices.
    static func dot(_ left: ArraySlice<Float>, _ right: ArraySlice<Float>) -> Float {
        left.withUnsafeBufferPointer { leftBuffer in
            right.withUnsafeBufferPointer { rightBuffer in
                dot(leftBuffer.baseAddress!, rightBuffer.baseAddress!, count: left.count)
            }
        }
    }

    /// Dot product of `count` floats, eight lanes at a time (a fixed order, so results are the
    /// same on every run).
    static func dot(_ left: UnsafePointer<Float>, _ right: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var index = 0
        let leftRaw = UnsafeRawPointer(left)
        let rightRaw = UnsafeRawPointer(right)
        while index + 8 <= count {
            let a = leftRaw.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
            let b = rightRaw.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
            lanes += a * b
            index += 8
        }
        var sum = lanes.sum()
        while index < count {
            sum += left[index] * right[index]
            index += 1
        }
        return sum
    }
}
