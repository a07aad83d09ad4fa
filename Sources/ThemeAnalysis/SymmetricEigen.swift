/// Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (deterministic,
/// accurate, and fast enough for the ≤ 150 × 150 matrices of the latent semantic step).
enum SymmetricEigen {
    /// Eigenvalues (descending) and the matching eigenvectors (`vectors[k]` is the k-th vector)
    /// of the symmetric `size` × `size` matrix in row-major `matrix`.
    static func decompose(_ matrix: [Double], size: Int) -> (values: [Double], vectors: [[Double]]) {
        var a = matrix
        var v = Array(repeating: 0.0, count: size * size)
        for index in 0..<size { v[index * size + index] = 1 }
        for _ in 0..<60 {
            var offDiagonal = 0.0
            for row in 0..<size { for column in (row + 1)..<max(size, row + 1) { offDiagonal += a[row * size + column] * a[row * size + column] } }
            if offDiagonal < 1e-22 { break }
            for p in 0..<size {
                for q in (p + 1)..<max(size, p + 1) {
                    let apq = a[p * size + q]
                    guard abs(apq) > 1e-300 else { continue }
                    let theta = (a[q * size + q] - a[p * size + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<size {
                        let akp = a[k * size + p]
                        let akq = a[k * size + q]
                        a[k * size + p] = c * akp - s * akq
                        a[k * size + q] = s * akp + c * akq
                    }
                    for k in 0..<size {
                        let apk = a[p * size + k]
                        let aqk = a[q * size + k]
                        a[p * size + k] = c * apk - s * aqk
                        a[q * size + k] = s * apk + c * aqk
                    }
                    for k in 0..<size {
                        let vkp = v[k * size + p]
                        let vkq = v[k * size + q]
                        v[k * size + p] = c * vkp - s * vkq
                        v[k * size + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let order = (0..<size).sorted { left, right in
            let a1 = a[left * size + left]
            let a2 = a[right * size + right]
            return a1 != a2 ? a1 > a2 : left < right
        }
        let values = order.map { a[$0 * size + $0] }
        let vectors = order.map { column in (0..<size).map { v[$0 * size + column] } }
        return (values, vectors)
    }
}
