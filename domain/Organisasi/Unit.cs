namespace Kinerja.Domain.Organisasi;

/// <summary>Strategy-map level of a unit (domain.md §2): Kemenkeu-One (Eselon I) … Four (Eselon IV).</summary>
public enum LevelUnit
{
    One = 1,
    Two = 2,
    Three = 3,
    Four = 4,
}

/// <summary>An organisation unit. <see cref="ZonaWaktu"/> is the IANA id of the office's zone (WIB, WITA, WIT).</summary>
public sealed record Unit(string Kode, string Nama, string? KodeInduk, LevelUnit Level, ZonaWaktu ZonaWaktu);

/// <summary>The three Indonesian time zones (domain.md §8).</summary>
public sealed record ZonaWaktu
{
    public static readonly ZonaWaktu Wib = new("Asia/Jakarta", "WIB");
    public static readonly ZonaWaktu Wita = new("Asia/Makassar", "WITA");
    public static readonly ZonaWaktu Wit = new("Asia/Jayapura", "WIT");

    private static readonly ZonaWaktu[] Semua = [Wib, Wita, Wit];

    private ZonaWaktu(string ianaId, string singkatan)
    {
        IanaId = ianaId;
        Singkatan = singkatan;
    }

    public string IanaId { get; }

    /// <summary>WIB, WITA or WIT.</summary>
    public string Singkatan { get; }

    public static bool TryParse(string? ianaId, out ZonaWaktu zona)
    {
        zona = Array.Find(Semua, z => string.Equals(z.IanaId, ianaId?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return zona is not null;
    }

    public override string ToString() => IanaId;
}
