extension StorageSchema {
    // The analysis's semantic view reads each text through a sentence-embedding model, which is
    // slow, so each vector is computed once and kept, keyed by the view (model and version), the
    // kind of text (an answer is a `passage`, a theme's name a `query`) and the SHA-256 of the text
    // as the analysis reads it (masked). The same text in two answers shares one row; a new model
    // version is a new view, so old vectors are never mixed in. Vectors are little-endian Float32.
    static let createTextVectors = """
        CREATE TABLE text_vector (
            view TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('passage', 'query')),
            text_sha256 TEXT NOT NULL CHECK (length(text_sha256) = 64),
            dimensions INTEGER NOT NULL CHECK (dimensions > 0),
            vector BLOB NOT NULL CHECK (length(vector) = 4 * dimensions),
            created_at TEXT NOT NULL,
            PRIMARY KEY (view, kind, text_sha256)
        ) WITHOUT ROWID;
        """
}
