using System.Globalization;
using System.Text;
using Kinerja.Domain.Penilaian;
using MiniExcelLibs;

namespace KinerjaBot.Rekap;

/// <summary>One line of the recap: a map-owning unit (<c>jenis = unit</c>) or an employee (<c>pegawai</c>).</summary>
public sealed record RekapBaris(string Jenis, string Kode, decimal? Nko, decimal? Ckp, decimal? Np, decimal? Nkp, string? Predikat, string Status);

/// <summary>
/// The coordinators' recap (data-format.md, <c>rekap</c>): header <c>jenis,kode,nko,ckp,np,nkp,predikat,status</c>,
/// one row per unit that has an NKO then one per employee, in data order. Numbers are rounded by the policy (half away
/// from zero, 2 decimals in kmk467) and written with <c>.</c>; <c>np</c> is NP after the capped penalty (what NKP
/// uses); empty where not applicable. The scores themselves come from <see cref="Penilai.Rekap"/>: nothing is
/// recomputed here.
/// </summary>
public static class RekapExport
{
    public static readonly IReadOnlyList<string> Kolom = ["jenis", "kode", "nko", "ckp", "np", "nkp", "predikat", "status"];

    public static IReadOnlyList<RekapBaris> Baris(Kinerja.Domain.Penilaian.Rekap rekap, KebijakanPenilaian kebijakan)
    {
        ArgumentNullException.ThrowIfNull(rekap);
        ArgumentNullException.ThrowIfNull(kebijakan);
        var hasil = new List<RekapBaris>(rekap.Unit.Count + rekap.Pegawai.Count);
        foreach (var u in rekap.Unit)
        {
            hasil.Add(new RekapBaris("unit", u.Unit.Kode, Bulat(u.Nko), null, null, null, u.Predikat, Status(u.Status)));
        }

        foreach (var p in rekap.Pegawai)
        {
            hasil.Add(new RekapBaris("pegawai", p.Pegawai.Nip.Value, null, Bulat(p.Ckp), Bulat(p.NpSetelahPengurang), Bulat(p.Nkp), p.Predikat,
                Status(p.Status)));
        }

        return hasil;

        decimal? Bulat(decimal? nilai) => nilai is { } v ? kebijakan.Bulatkan(v) : null;
    }

    public static void TulisCsv(Kinerja.Domain.Penilaian.Rekap rekap, KebijakanPenilaian kebijakan, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var format = "F" + kebijakan.Desimal.ToString(CultureInfo.InvariantCulture);
        writer.Write(string.Join(",", Kolom));
        writer.Write('\n');
        var sb = new StringBuilder();
        foreach (var b in Baris(rekap, kebijakan))
        {
            sb.Clear();
            sb.Append(Csv(b.Jenis)).Append(',').Append(Csv(b.Kode)).Append(',')
                .Append(Angka(b.Nko)).Append(',').Append(Angka(b.Ckp)).Append(',').Append(Angka(b.Np)).Append(',').Append(Angka(b.Nkp)).Append(',')
                .Append(Csv(b.Predikat ?? "")).Append(',').Append(b.Status).Append('\n');
            writer.Write(sb.ToString());
        }

        string Angka(decimal? nilai) => nilai?.ToString(format, CultureInfo.InvariantCulture) ?? "";
    }

    public static string Csv(Kinerja.Domain.Penilaian.Rekap rekap, KebijakanPenilaian kebijakan)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        TulisCsv(rekap, kebijakan, writer);
        return writer.ToString();
    }

    /// <summary>The same recap as a workbook with one sheet <c>rekap</c>; numbers are real numbers, empty cells empty.</summary>
    public static void TulisXlsx(Kinerja.Domain.Penilaian.Rekap rekap, KebijakanPenilaian kebijakan, Stream stream)
    {
        var rows = Baris(rekap, kebijakan).Select(b => new Dictionary<string, object?>
        {
            ["jenis"] = b.Jenis,
            ["kode"] = b.Kode,
            ["nko"] = b.Nko,
            ["ckp"] = b.Ckp,
            ["np"] = b.Np,
            ["nkp"] = b.Nkp,
            ["predikat"] = b.Predikat,
            ["status"] = b.Status,
        }).ToList();
        stream.SaveAs(rows, sheetName: "rekap");
    }

    private static string Status(StatusNilai status) => status == StatusNilai.Final ? "final" : "sementara";

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
