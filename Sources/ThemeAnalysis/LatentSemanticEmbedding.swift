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

    /// Fits the basis on (a sample of) `vectors` over `termCount` terms; samples of up to
    /// `exactUpTo` answers are decomposed exactly instead of by a randomized range.
    init(vectors: [SparseVector], termCount: Int, dimensions requested: Int, sampleLimit: Int = 20_000, exactUpTo: Int = 0, random: inout SplitMix64) {
        let drawn = random.sampleIndices(count: sampleLimit, from: vectors.count).map { vectors[$0] }.filter { !$0.isEmpty }
        // The fit works on the terms the sample uses (most terms of a large input occur once and
        // are not in it); the others get zero rows in the basis, as they would in the full space.
        let (sample, usedTerms) = Self.compacted(drawn, termCount: termCount)
        // A sample of up to `exactUpTo` answers gets its whole row space (the SVD is then exact,
        // whatever the seed); a larger one a randomized range of `requested` + 10 columns.
        let width = min(sample.count <= exactUpTo ? sample.count : requested + 10, sample.count, usedTerms.count)
        guard width >= 1 else {
            dimensions = 0
            basis = []
            return
        }
        let fitted = Self.fit(sample, termCount: usedTerms.count, width: width, requested: requested, random: &random)
        dimensions = fitted.dimensions
        var basis = Array(repeating: Float(0), count: termCount * fitted.dimensions)
        for (compact, term) in usedTerms.enumerated() {
            for dimension in 0..<fitted.dimensions {
                basis[Int(term) * fitted.dimensions + dimension] = fitted.basis[compact * fitted.dimensions + dimension]
            }
        }
        self.basis = basis
    }

    /// The vectors with their terms renumbered 0..<n in ascending order, and the original ids.
    private static func compacted(_ vectors: [SparseVector], termCount: Int) -> (vectors: [SparseVector], terms: [Int32]) {
        var used = Array(repeating: false, count: termCount)
        for vector in vectors { for term in vector.indices { used[Int(term)] = true } }
        var compactIndex = Array(repeating: Int32(-1), count: termCount)
        var terms: [Int32] = []
        for term in 0..<termCount where used[term] {
            compactIndex[term] = Int32(terms.count)
            terms.append(Int32(term))
        }
        let renumbered = vectors.map { SparseVector(indices: $0.indices.map { compactIndex[Int($0)] }, values: $0.values) }
        return (renumbered, terms)
    }

    /// Randomized SVD of the sample (rows over `termCount` terms): the row-major term-by-dimension basis.
    private static func fit(_ sample: [SparseVector], termCount: Int, width: Int, requested: Int, random: inout SplitMix64) -> (basis: [Float], dimensions: Int) {
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
            let base = z.baseAddress!
            for row in 0..<width {
                for column in row..<width {
                    let sum = DenseVector.dot(base + row * termCount, base + column * termCount, count: termCount)
                    gram[row * width + column] = sum
                    gram[column * width + row] = sum
                }
            }
        }
        let (values, vectors) = SymmetricEigen.decompose(gram, size: width)
        let kept = (0..<min(requested, width)).filter { values[$0] > 1e-9 }
        var basis = Array(repeating: Float(0), count: termCount * kept.count)
        var column = Array(repeating: 0.0, count: termCount)
        for (dimension, component) in kept.enumerated() {
            let scale = 1 / values[component].squareRoot()
            for index in 0..<termCount { column[index] = 0 }
            projected.withUnsafeBufferPointer { z in
                column.withUnsafeMutableBufferPointer { target in
                    for source in 0..<width {
                        DenseVector.add(z.baseAddress! + source * termCount, scaledBy: vectors[component][source] * scale,
                                        to: target.baseAddress!, count: termCount)
                    }
                }
            }
            for term in 0..<termCount { basis[term * kept.count + dimension] = Float(column[term]) }
        }
        return (basis, kept.count)
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
            let base = matrix.baseAddress!
            for _ in 0..<2 {
                for index in 0..<width {
                    let current = base + index * length
                    for previous in 0..<index {
                        let other = base + previous * length
                        let dot = DenseVector.dot(current, other, count: length)
                        DenseVector.add(other, scaledBy: -dot, to: current, count: length)
                    }
                    let norm = DenseVector.dot(current, current, count: length).squareRoot()
                    let scale = norm > 1e-10 ? 1 / norm : 0
                    for row in 0..<length { current[row] *= scale }
                }
            }
        }
    }
}
