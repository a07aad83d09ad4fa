/// Latent semantic analysis by randomized SVD: maps sparse TF-IDF vectors to a few dense, unit
/// length dimensions where answers that use co-occurring words come close even without sharing one.
///
/// The basis is fitted on a deterministic sample of at most `sampleLimit` answers, so large inputs
/// cost one sparse projection per answer on top of a fixed-size fit.
struct LatentSemanticEmbedding {
    /// Number of dimensions of the embedding.
    let dimensions: Int
    /// Term-by-dimension basis, row-major (`termCount` × `dimensions`).
    private let basis: [Float]

    /// Fits the basis on (a sample of) `vectors` over `termCount` terms.
    init(vectors: [SparseVector], termCount: Int, dimensions requested: Int, sampleLimit: Int = 20_000, random: inout SplitMix64) {
        let sample = random.sampleIndices(count: sampleLimit, from: vectors.count).map { vectors[$0] }.filter { !$0.isEmpty }
        let width = min(requested + 10, sample.count, termCount)
        guard width >= 1 else {
            dimensions = 0
            basis = []
            return
        }
        // Range finder with two power iterations: Y = S (Sᵀ S)² Ω, columns kept orthonormal.
        let rowCount = sample.count
        var omega = (0..<(width * termCount)).map { _ in random.nextUnit() * 2 - 1 }
        var range = Self.multiply(sample, columns: omega, width: width, termCount: termCount)
        Self.orthonormalize(&range, length: rowCount, width: width)
        for _ in 0..<2 {
            omega = Self.multiplyTransposed(sample, columns: range, width: width, termCount: termCount)
            Self.orthonormalize(&omega, length: termCount, width: width)
            range = Self.multiply(sample, columns: omega, width: width, termCount: termCount)
            Self.orthonormalize(&range, length: rowCount, width: width)
        }
        // Z = Sᵀ Q; the eigenvectors of Zᵀ Z give the right singular vectors Z U / σ.
        let projected = Self.multiplyTransposed(sample, columns: range, width: width, termCount: termCount)
        var gram = Array(repeating: 0.0, count: width * width)
        projected.withUnsafeBufferPointer { z in
            for row in 0..<width {
                for column in row..<width {
                    var sum = 0.0
                    let left = row * termCount
                    let right = column * termCount
                    for term in 0..<termCount { sum += z[left + term] * z[right + term] }
                    gram[row * width + column] = sum
                    gram[column * width + row] = sum
                }
            }
        }
        let (values, vectors) = SymmetricEigen.decompose(gram, size: width)
        let kept = (0..<min(requested, width)).filter { values[$0] > 1e-9 }
        dimensions = kept.count
        var basis = Array(repeating: Float(0), count: termCount * kept.count)
        var column = Array(repeating: 0.0, count: termCount)
        for (dimension, component) in kept.enumerated() {
            let scale = 1 / values[component].squareRoot()
            for index in 0..<termCount { column[index] = 0 }
            projected.withUnsafeBufferPointer { z in
                for source in 0..<width {
                    let weight = vectors[component][source] * scale
                    let offset = source * termCount
                    for term in 0..<termCount { column[term] += z[offset + term] * weight }
                }
            }
            for term in 0..<termCount { basis[term * kept.count + dimension] = Float(column[term]) }
        }
        self.basis = basis
    }

    /// The unit-length embedding of one vector (all zeros for an empty vector).
    func embed(_ vector: SparseVector) -> [Float] {
        var result = Array(repeating: Float(0), count: dimensions)
        for position in vector.indices.indices {
            let offset = Int(vector.indices[position]) * dimensions
            let weight = vector.values[position]
            for dimension in 0..<dimensions { result[dimension] += weight * basis[offset + dimension] }
        }
        DenseVector.normalize(&result)
        return result
    }

    /// S · Ω for column-major Ω (`width` columns of `termCount`): column-major result of
    /// `width` columns of `rows.count`.
    private static func multiply(_ rows: [SparseVector], columns: [Double], width: Int, termCount: Int) -> [Double] {
        var result = Array(repeating: 0.0, count: width * rows.count)
        columns.withUnsafeBufferPointer { omega in
            result.withUnsafeMutableBufferPointer { output in
                for column in 0..<width {
                    let offset = column * termCount
                    for (rowIndex, row) in rows.enumerated() {
                        var sum = 0.0
                        for position in row.indices.indices {
                            sum += Double(row.values[position]) * omega[offset + Int(row.indices[position])]
                        }
                        output[column * rows.count + rowIndex] = sum
                    }
                }
            }
        }
        return result
    }

    /// Sᵀ · Y for column-major Y (`width` columns of `rows.count`): `width` columns of `termCount`.
    private static func multiplyTransposed(_ rows: [SparseVector], columns: [Double], width: Int, termCount: Int) -> [Double] {
        var result = Array(repeating: 0.0, count: width * termCount)
        columns.withUnsafeBufferPointer { input in
            result.withUnsafeMutableBufferPointer { output in
                for column in 0..<width {
                    let offset = column * termCount
                    for (rowIndex, row) in rows.enumerated() {
                        let weight = input[column * rows.count + rowIndex]
                        for position in row.indices.indices {
                            output[offset + Int(row.indices[position])] += Double(row.values[position]) * weight
                        }
                    }
                }
            }
        }
        return result
    }

    /// Modified Gram–Schmidt on `width` column-major columns of `length`, repeated once for
    /// stability; dependent columns become zero.
    private static func orthonormalize(_ columns: inout [Double], length: Int, width: Int) {
        columns.withUnsafeMutableBufferPointer { matrix in
            for _ in 0..<2 {
                for index in 0..<width {
                    let current = index * length
                    for previous in 0..<index {
                        let other = previous * length
                        var dot = 0.0
                        for row in 0..<length { dot += matrix[current + row] * matrix[other + row] }
                        for row in 0..<length { matrix[current + row] -= dot * matrix[other + row] }
                    }
                    var norm = 0.0
                    for row in 0..<length { norm += matrix[current + row] * matrix[current + row] }
                    norm = norm.squareRoot()
                    let scale = norm > 1e-10 ? 1 / norm : 0
                    for row in 0..<length { matrix[current + row] *= scale }
                }
            }
        }
    }
}
