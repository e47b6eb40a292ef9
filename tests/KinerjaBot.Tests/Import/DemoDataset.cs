using System.Globalization;
using Kinerja.Testing;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;

namespace KinerjaBot.Tests.Import;

/// <summary>
/// A copy of the demo office's CSV files in a temp folder, to edit line by line (line numbers as an editor shows
/// them: the header is line 1), and to turn into a workbook. Disposing deletes the folder.
/// </summary>
public sealed class DemoDataset : IDisposable
{
    /// <summary>Columns that a workbook holds as real numbers (data-format.md: "a workbook holds real numbers").</summary>
    private static readonly HashSet<string> KolomAngka = ["tahun", "bobot", "target", "target_atas", "realisasi", "nilai", "pengurang", "progres_persen"];

    public DemoDataset()
    {
        Root = Path.Combine(Path.GetTempPath(), "kinerja-test-" + Guid.NewGuid().ToString("N"));
        Folder = Path.Combine(Root, "kppn-metro");
        Directory.CreateDirectory(Folder);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.DemoData, "*.csv"))
        {
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
        }
    }

    /// <summary>The temp folder that holds <see cref="Folder"/>; free for databases and outputs too.</summary>
    public string Root { get; }

    /// <summary>The CSV folder.</summary>
    public string Folder { get; }

    public string DbPath => Path.Combine(Root, "kinerja.db");

    public List<string> Lines(string file) => [.. File.ReadAllText(Path.Combine(Folder, file)).Split('\n').Where(l => l.Length > 0)];

    /// <summary>Replaces line <paramref name="line"/> (1-based) after checking it is the one the test means.</summary>
    public DemoDataset Ganti(string file, int line, string startsWith, string replacement)
    {
        var lines = Lines(file);
        Assert.True(lines[line - 1].StartsWith(startsWith, StringComparison.Ordinal), $"{file}:{line} is '{lines[line - 1]}'");
        lines[line - 1] = replacement;
        Tulis(file, lines);
        return this;
    }

    public DemoDataset Edit(string file, int line, Func<string, string> edit)
    {
        var lines = Lines(file);
        lines[line - 1] = edit(lines[line - 1]);
        Tulis(file, lines);
        return this;
    }

    /// <summary>Appends a line; returns its line number through <paramref name="line"/>.</summary>
    public DemoDataset Tambah(string file, string text, out int line)
    {
        var lines = Lines(file);
        lines.Add(text);
        Tulis(file, lines);
        line = lines.Count;
        return this;
    }

    public DemoDataset Tambah(string file, string text) => Tambah(file, text, out _);

    /// <summary>Keeps the header and the rows <paramref name="keep"/> accepts.</summary>
    public DemoDataset Saring(string file, Func<string, bool> keep)
    {
        var lines = Lines(file);
        Tulis(file, [lines[0], .. lines.Skip(1).Where(keep)]);
        return this;
    }

    private void Tulis(string file, List<string> lines) => File.WriteAllText(Path.Combine(Folder, file), string.Join("\n", lines) + "\n");

    /// <summary>
    /// The same data as one workbook (one sheet per CSV, same names): numbers as numbers, NIPs and codes as text.
    /// </summary>
    public string KeXlsx(string name = "kppn-metro.xlsx")
    {
        var path = Path.Combine(Root, name);
        var sheets = new Dictionary<string, object>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var rows = CsvSederhana(File.ReadAllText(file));
            var header = rows[0];
            var data = new List<Dictionary<string, object?>>();
            foreach (var row in rows.Skip(1))
            {
                var d = new Dictionary<string, object?>();
                for (var i = 0; i < header.Count; i++)
                {
                    var text = i < row.Count ? row[i] : "";
                    d[header[i]] = text.Length == 0 ? null
                        : KolomAngka.Contains(header[i]) ? decimal.Parse(text, CultureInfo.InvariantCulture)
                        : text;
                }

                data.Add(d);
            }

            sheets[Path.GetFileNameWithoutExtension(file)] = data;
        }

        MiniExcel.SaveAs(path, sheets);
        return path;
    }

    /// <summary>Enough CSV for the demo files (quoted commas, no quoted line breaks).</summary>
    private static List<List<string>> CsvSederhana(string text)
    {
        var rows = new List<List<string>>();
        foreach (var line in text.Split('\n').Where(l => l.Length > 0))
        {
            var cells = new List<string>();
            var cell = new System.Text.StringBuilder();
            var quoted = false;
            foreach (var c in line)
            {
                if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (c == ',' && !quoted)
                {
                    cells.Add(cell.ToString());
                    cell.Clear();
                }
                else
                {
                    cell.Append(c);
                }
            }

            cells.Add(cell.ToString());
            rows.Add(cells);
        }

        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow CI machine: the temp folder is cleaned by the OS.
        }
    }
}
