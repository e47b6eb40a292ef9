namespace Kinerja.Testing;

/// <summary>
/// A synthetic Kanwil: the demo KPPN Metro's CSV files copied <c>jumlah</c> times, each with its own office code
/// (<c>KPPN-S01</c> … <c>KPPN-S10</c>, its units renamed alike) and its own e-mail domain, so the offices share nothing
/// in the store. Deterministic: the same folders every time.
/// </summary>
public static class KanwilSintetis
{
    /// <summary>The office codes of a Kanwil of <paramref name="jumlah"/> offices.</summary>
    public static IReadOnlyList<string> Kode(int jumlah) =>
        [.. Enumerable.Range(1, jumlah).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"KPPN-S{i:D2}"))];

    /// <summary>Writes one CSV folder per office under <paramref name="root"/>; returns the folders in office order.</summary>
    public static IReadOnlyList<string> Tulis(string root, int jumlah)
    {
        var hasil = new List<string>();
        foreach (var kode in Kode(jumlah))
        {
            var folder = Path.Combine(root, kode.ToLowerInvariant());
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.EnumerateFiles(RepoPaths.DemoData, "*.csv"))
            {
                var teks = File.ReadAllText(file)
                    .Replace("KPPN-METRO", kode, StringComparison.Ordinal)
                    .Replace("@kemenkeu.example", $"@{kode.ToLowerInvariant()}.kemenkeu.example", StringComparison.Ordinal);
                File.WriteAllText(Path.Combine(folder, Path.GetFileName(file)), teks);
            }

            hasil.Add(folder);
        }

        return hasil;
    }
}
