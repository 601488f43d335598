import Foundation
import Limits

/// Reading whole files into byte arrays, with errors that name the file.
enum FileReading {
    /// The contents of the file at `url`; fails with `DatasetError.fileUnreadable`, or with
    /// `imageFileTooLarge` when `limit` is given and the file is bigger, and with
    /// `MemoryBudgetError.dataTooLarge` when its contents do not fit in memory.
    static func bytes(of url: URL, limit: Int? = nil) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw DatasetError.fileUnreadable(path: url.path, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw DatasetError.fileUnreadable(path: url.path, reason: "it is a folder")
        }
        // A FIFO or a device would block the read or never end.
        if let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType,
           type != .typeRegular {
            throw DatasetError.fileUnreadable(path: url.path, reason: "it is not a regular file")
        }
        if let limit,
           let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber,
           size.intValue > limit {
            throw DatasetError.imageFileTooLarge(source: url.path, limit: limit)
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber {
            // Read into `Data`, then copied into the array: twice the file's size at once.
            try MemoryBudget.require("contents of \(url.lastPathComponent)", bytes: size.intValue.multipliedReportingOverflow(by: 2).overflow ? nil : size.intValue * 2)
        }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw DatasetError.fileUnreadable(path: url.path, reason: String(describing: error))
        }
    }
}
