namespace KinerjaBot.Import;

/// <summary>
/// A cell as read: its text, and the number when a workbook cell held a real number (a CSV cell never does).
/// </summary>
internal readonly record struct RawCell(string Text, double? Number)
{
    public bool IsEmpty => Number is null && string.IsNullOrWhiteSpace(Text);
}

internal sealed record RawRow(int Line, RawCell[] Cells);

/// <summary>One table (a CSV file or a workbook sheet) before any meaning is given to it.</summary>
internal sealed class RawTable(string name, string label)
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary><c>unit</c>, <c>pegawai</c>, …</summary>
    public string Name { get; } = name;

    /// <summary>How errors name it: <c>pegawai.csv</c> or <c>kantor.xlsx[pegawai]</c>.</summary>
    public string Label { get; } = label;

    public int HeaderLine { get; set; } = 1;

    /// <summary>Normalised header names (trimmed, lower case) in file order.</summary>
    public List<string> Header { get; } = [];

    public List<RawRow> Rows { get; } = [];

    public void SetHeader(IEnumerable<string> names)
    {
        Header.Clear();
        _index.Clear();
        foreach (var n in names)
        {
            var name = n.Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant();
            _index.TryAdd(name, Header.Count);
            Header.Add(name);
        }
    }

    public int? Index(string column) => _index.TryGetValue(column, out var i) ? i : null;
}
