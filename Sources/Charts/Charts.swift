// Charts: pure functions from values to self-contained SVG strings.
//
// Every chart is a value type with a `svg()` method: `LineChart`, `Heatmap`, `ImageGrid`, `BarChart`.
// The output embeds inline in an HTML page: no external fetches, no fonts, no scripts, no element ids
// (several charts share one page), a `viewBox` so it scales, `role="img"` with `<title>` and `<desc>`.
// Every drawn string is XML-escaped; non-finite numbers never reach an attribute; empty input yields a
// small, valid "No data" chart. The module knows nothing about training — it only draws numbers.
