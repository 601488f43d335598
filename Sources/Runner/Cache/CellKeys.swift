import Crypto
import Datasets
import Foundation
import Notebook

/// The cache key of each cell: SHA-256 over the Folio build, the cell's text (directive and body,
/// after parameter substitution), its `#| label` (the other `#|` options change only how the report
/// shows the cell), its index, the notebook's seed, the previous cell's key, and the
/// SHA-256 of every file the cell reads (`CellInputs`). A cell whose inputs cannot be fingerprinted
/// has no key, and neither has any cell after it (their keys chain on it).
enum CellKeys {
    /// Bump when what a key covers changes.
    static let scheme = "folio-cell-key/2"

    static func keys(for document: Document, build: String, notebookDirectory: URL, environment: [String: String],
                     digests: inout FileDigests) -> [String?] {
        var keys: [String?] = []
        var previous: String? = ""
        for cell in document.cells {
            guard let before = previous,
                  let inputs = CellInputs.files(of: cell, notebookDirectory: notebookDirectory, environment: environment) else {
                previous = nil
                keys.append(nil)
                continue
            }
            // The `#|` lines are not in `source`; of them only `label` changes what the cell makes.
            var fields = [scheme, build, String(cell.index), String(document.seed), before, cell.name, cell.source,
                          cell.display.label ?? ""]
            var complete = true
            for input in inputs {
                guard let digest = digests.digest(of: input.url) else {
                    complete = false
                    break
                }
                fields += [input.role, digest]
            }
            let key = complete ? key(of: fields) : nil
            keys.append(key)
            previous = key
        }
        return keys
    }

    /// Each field length-prefixed, so no two different lists hash alike.
    static func key(of fields: [String]) -> String {
        var hasher = SHA256()
        for field in fields {
            let bytes = Data(field.utf8)
            hasher.update(data: Data("\(bytes.count):".utf8))
            hasher.update(data: bytes)
        }
        return Checksum.hex(hasher.finalize())
    }
}
