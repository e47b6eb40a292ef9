using System.Globalization;
using MiniExcelLibs;

namespace KinerjaBot.Import;

/// <summary>
/// Reads the sheets of one .xlsx workbook (MiniExcel) as raw tables. Numbers stay numbers (<see cref="RawCell.Number"/>)
/// so that an 18-digit NIP typed as a number (which Excel cannot hold exactly) is caught instead of silently rounded.
/// Row numbers are the sheet's: the header is row 1.
/// </summary>
internal static class XlsxTableReader
{
    public static IReadOnlyList<string> SheetNames(string path) => MiniExcel.GetSheetNames(path);

    public static RawTable Read(string path, string sheet, string name, string label)
    {
        var table = new RawTable(name, label);
        var line = 0;
        var headerDone = false;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet))
        {
            line++;
            var cells = new List<RawCell>();
            foreach (var (key, value) in row)
            {
                var index = ColumnIndex(key);
                while (cells.Count <= index)
                {
                    cells.Add(new RawCell("", null));
                }

                cells[index] = Cell(value);
            }

            if (cells.TrueForAll(c => c.IsEmpty))
            {
                continue;
            }

            if (!headerDone)
            {
                headerDone = true;
                table.HeaderLine = line;
                // Trailing empty header cells are formatting, not columns.
                var last = cells.FindLastIndex(c => !c.IsEmpty);
                table.SetHeader(cells.Take(last + 1).Select(c => c.Text));
                continue;
            }

            table.Rows.Add(new RawRow(line, cells.ToArray()));
        }

        return table;
    }

    private static RawCell Cell(object? value) => value switch
    {
        null => new RawCell("", null),
        string s => new RawCell(s, null),
        double d => new RawCell(d.ToString("R", CultureInfo.InvariantCulture), d),
        float f => new RawCell(f.ToString("R", CultureInfo.InvariantCulture), f),
        int n => new RawCell(n.ToString(CultureInfo.InvariantCulture), n),
        long n => new RawCell(n.ToString(CultureInfo.InvariantCulture), n),
        decimal m => new RawCell(m.ToString(CultureInfo.InvariantCulture), (double)m),
        DateTime t => new RawCell(t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null),
        bool b => new RawCell(b ? "ya" : "tidak", null),
        _ => new RawCell(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", null),
    };

    /// <summary>A → 0, B → 1, …, AA → 26.</summary>
    private static int ColumnIndex(string key)
    {
        var index = 0;
        foreach (var c in key)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
            }
        }

        return index - 1;
    }
}
