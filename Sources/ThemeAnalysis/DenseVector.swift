/// Dense vector helpers: `[Float]` for embeddings, `Double` kernels for the latent-space fit.
enum DenseVector {
    /// Scales the vector to unit length (leaves a zero vector alone).
    static func normalize(_ vector: inout [Float]) {
        var sum: Float = 0
        for value in vector { sum += value * value }
        guard sum > 0 else { return }
        let inverse = 1 / sum.squareRoot()
        for index in vector.indices { vector[index] *= inverse }
    }

    /// The unit mean of some rows of a row-major matrix (`dimensions` long each).
    static func unitMean(of members: [Int], rows: [Float], dimensions: Int) -> [Float] {
        var sum = Array(repeating: Float(0), count: dimensions)
        for member in members {
            let offset = member * dimensions
            for dimension in 0..<dimensions { sum[dimension] += rows[offset + dimension] }
        }
        normalize(&sum)
        return sum
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

    /// Dot product of `count` doubles, eight lanes at a time (a fixed order, so results are the
    /// same on every run; a plain loop cannot be vectorised without reordering the sum).
    static func dot(_ left: UnsafePointer<Double>, _ right: UnsafePointer<Double>, count: Int) -> Double {
        var low = SIMD4<Double>()
        var high = SIMD4<Double>()
        var index = 0
        let leftRaw = UnsafeRawPointer(left)
        let rightRaw = UnsafeRawPointer(right)
        while index + 8 <= count {
            low += leftRaw.loadUnaligned(fromByteOffset: index * 8, as: SIMD4<Double>.self)
                * rightRaw.loadUnaligned(fromByteOffset: index * 8, as: SIMD4<Double>.self)
            high += leftRaw.loadUnaligned(fromByteOffset: (index + 4) * 8, as: SIMD4<Double>.self)
                * rightRaw.loadUnaligned(fromByteOffset: (index + 4) * 8, as: SIMD4<Double>.self)
            index += 8
        }
        var sum = (low + high).sum()
        while index < count {
            sum += left[index] * right[index]
            index += 1
        }
        return sum
    }

    /// target += scale × source over `count` doubles.
    static func add(_ source: UnsafePointer<Double>, scaledBy scale: Double, to target: UnsafeMutablePointer<Double>, count: Int) {
        for index in 0..<count { target[index] += scale * source[index] }
    }
}
