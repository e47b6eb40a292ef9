using System.Globalization;
using Kinerja.Domain.Kinerja;

namespace KinerjaBot.Import;

/// <summary>
/// One problem in an office's data, shown as <c>file:line: column: what is wrong</c> (data-format.md, Errors).
/// <see cref="File"/> is the CSV file name (<c>pegawai.csv</c>) or, for a workbook, the workbook's file name with the
/// sheet in brackets (<c>kppn-metro.xlsx[pegawai]</c>). <see cref="Line"/> is the 1-based line (CSV: the line where
/// the record starts; workbook: the row number; the header is line 1); 0 means the file or sheet as a whole.
/// <see cref="Column"/> is the column's header name, or <c>*</c> for the whole row or file.
/// </summary>
public sealed record ImportIssue(string File, int Line, string Column, string Message)
{
    public override string ToString() => $"{File}:{Line.ToString(CultureInfo.InvariantCulture)}: {Column}: {Message}";
}

/// <summary>
/// What reading an office's data gave: a validated <see cref="DataKantor"/> when there is no error, and every error and
/// warning found (all of them at once). Warnings (e.g. more IKU than the policy's maximum) do not stop an import.
/// </summary>
public sealed record ImportResult(DataKantor? Data, IReadOnlyList<ImportIssue> Errors, IReadOnlyList<ImportIssue> Warnings)
{
    public bool Success => Errors.Count == 0 && Data is not null;
}

/// <summary>The data had errors; nothing was stored. <see cref="Errors"/> lists them all.</summary>
public sealed class ImportFailedException(string path, IReadOnlyList<ImportIssue> errors)
    : Exception($"Data kantor di '{path}' tidak valid ({errors.Count.ToString(CultureInfo.InvariantCulture)} kesalahan); tidak ada yang disimpan.")
{
    public IReadOnlyList<ImportIssue> Errors { get; } = errors;
}
