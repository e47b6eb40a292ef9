using Kinerja.Domain.Organisasi;
using Kinerja.Testing;

namespace KinerjaBot.Tests.Pengingat;

/// <summary>
/// Reads the demo office's CSV files directly (not through the importer), so planner tests compare with what the files
/// say rather than with numbers written into the test.
/// </summary>
internal static class DemoCsv
{
    public static List<Dictionary<string, string>> Baca(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.DemoData, file)).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => l.Split(',')).Select(c => header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => c[x.i]))];
    }

    public static IReadOnlyList<Nip> Pegawai => [.. Baca("pegawai.csv").Select(r => Nip.Parse(r["nip"]))];

    public static Nip? Atasan(Nip nip) => Baca("pegawai.csv").Single(r => r["nip"] == nip.Value)["nip_atasan"] is { Length: > 0 } a ? Nip.Parse(a) : null;

    public static IReadOnlyList<Nip> DenganStatus(int tahun, params string[] status) =>
        [.. Baca("skp.csv").Where(r => r["tahun"] == tahun.ToString(System.Globalization.CultureInfo.InvariantCulture) && status.Contains(r["status"])).Select(r => Nip.Parse(r["nip"]))];

    public static IReadOnlyList<Nip> Pimpinan => [.. Pegawai.Where(p => Pegawai.Any(b => Atasan(b) == p))];

    /// <summary>Owners with an IKU that has a target in the quarter of 2026 and no realisation for it, with those IKU codes.</summary>
    public static Dictionary<Nip, List<string>> TanpaRealisasi2026(int triwulan)
    {
        var tw = "TW" + triwulan.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var realisasi = Baca("realisasi.csv").Where(r => r["tahun"] == "2026" && r["periode"] == tw).Select(r => (r["nip_pemilik"], r["kode_iku"])).ToHashSet();
        return Baca("target.csv").Where(r => r["tahun"] == "2026" && r["periode"] == tw && !realisasi.Contains((r["nip_pemilik"], r["kode_iku"])))
            .GroupBy(r => Nip.Parse(r["nip_pemilik"]))
            .ToDictionary(g => g.Key, g => g.Select(r => r["kode_iku"]).ToList());
    }
}
