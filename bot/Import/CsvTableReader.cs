using System.Globalization;
using System.Text;

namespace KinerjaBot.Import;

/// <summary>
/// A small RFC 4180 reader: comma separator, fields optionally in double quotes (a quote inside is doubled, a quoted
/// field may hold commas and line breaks), CRLF or LF line ends, UTF-8 with or without BOM. Every record remembers
/// the line it starts on so errors can point at it. Syntax problems become <see cref="ImportIssue"/>s; reading goes on.
/// </summary>
internal static class CsvTableReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static RawTable Read(string path, string name, string label, List<ImportIssue> errors)
    {
        var table = new RawTable(name, label);
        string text;
        try
        {
            text = StrictUtf8.GetString(File.ReadAllBytes(path));
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new ImportIssue(label, 0, "*", "berkas bukan UTF-8; simpan ulang sebagai CSV UTF-8"));
            return table;
        }

        Fill(table, text, errors);
        return table;
    }

    /// <summary>Parses <paramref name="text"/> into <paramref name="table"/>: first non-empty record is the header.</summary>
    public static void Fill(RawTable table, string text, List<ImportIssue> errors)
    {
        var headerDone = false;
        foreach (var (line, cells) in Parse(text, table.Label, errors))
        {
            if (cells.TrueForAll(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (!headerDone)
            {
                headerDone = true;
                table.HeaderLine = line;
                table.SetHeader(cells);
                continue;
            }

            table.Rows.Add(new RawRow(line, cells.Select(c => new RawCell(c, null)).ToArray()));
        }
    }

    private static IEnumerable<(int Line, List<string> Cells)> Parse(string text, string label, List<ImportIssue> errors)
    {
        var i = 0;
        var line = 1;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        var field = new StringBuilder();
        while (i < text.Length)
        {
            var start = line;
            var cells = new List<string>();
            var endOfRecord = false;
            while (!endOfRecord)
            {
                field.Clear();
                if (i < text.Length && text[i] == '"')
                {
                    i++;
                    var closed = false;
                    while (i < text.Length)
                    {
                        var c = text[i];
                        if (c == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            closed = true;
                            break;
                        }

                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                        i++;
                    }

                    if (!closed)
                    {
                        errors.Add(new ImportIssue(label, start, Kolom(cells.Count), "tanda kutip pembuka tidak ditutup sampai akhir berkas"));
                    }
                    else if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        errors.Add(new ImportIssue(label, line, Kolom(cells.Count), "ada karakter setelah tanda kutip penutup"));
                        while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                        {
                            field.Append(text[i++]);
                        }
                    }
                }
                else
                {
                    var quoteReported = false;
                    while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        if (text[i] == '"' && !quoteReported)
                        {
                            quoteReported = true;
                            errors.Add(new ImportIssue(label, line, Kolom(cells.Count),
                                "tanda kutip di tengah nilai: nilai yang berisi tanda kutip harus diapit tanda kutip (\"\") seluruhnya"));
                        }

                        field.Append(text[i++]);
                    }
                }

                cells.Add(field.ToString());
                if (i >= text.Length)
                {
                    endOfRecord = true;
                }
                else if (text[i] == ',')
                {
                    i++;
                }
                else
                {
                    // \r\n, \n or a lone \r ends the record.
                    i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    endOfRecord = true;
                }
            }

            yield return (start, cells);
        }
    }

    private static string Kolom(int index) => $"kolom {(index + 1).ToString(CultureInfo.InvariantCulture)}";
}
