extension CellBody {
    /// Where each readable `key: value` line's value starts, by key (the first line for a key).
    var optionValueLocations: [String: SourceLocation] {
        var locations: [String: SourceLocation] = [:]
        for line in lines {
            guard case .option(let option) = OptionLineLexeme.read(line.bytes, line: line.number),
                  locations[option.key.text] == nil else { continue }
            locations[option.key.text] = SourceLocation(file: fence.file, line: line.number, column: option.value.column)
        }
        return locations
    }
}
