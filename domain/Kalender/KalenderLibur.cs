using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kinerja.Domain.Kalender;

/// <summary>Why a weekday is not a working day.</summary>
public enum JenisLibur
{
    /// <summary>A national holiday of the year's joint decree (SKB 3 Menteri).</summary>
    LiburNasional,

    /// <summary>A <i>cuti bersama</i> day of the same decree (binding for civil servants).</summary>
    CutiBersama,

    /// <summary>An office's own day off (a regional holiday), from the configuration.</summary>
    LiburKantor,
}

/// <summary>One day off. <see cref="Perkiraan"/> marks an estimated date (the decree of that year was not found).</summary>
public sealed record HariLibur(DateOnly Tanggal, string Nama, JenisLibur Jenis, bool Perkiraan = false);

/// <summary>One year of the decree: where it came from and how sure the data is.</summary>
public sealed record TahunLibur(int Tahun, string Sumber, string Keyakinan, IReadOnlyList<HariLibur> Hari);

/// <summary>The holiday file is invalid. <see cref="Kesalahan"/> names every bad entry (<c>tahun[1].libur[3].tanggal: …</c>).</summary>
public sealed class KalenderTidakValidException(string sumber, IReadOnlyList<string> kesalahan)
    : DomainException($"Kalender libur '{sumber}' tidak valid: {string.Join("; ", kesalahan)}")
{
    public IReadOnlyList<string> Kesalahan { get; } = kesalahan;
}

/// <summary>
/// The national holidays and <i>cuti bersama</i> per year (domain.md §8: "keep them as data"), read strictly from
/// the embedded <c>libur-nasional.json</c> like the scoring policy: every key known, every date a real date of its
/// year, no date twice. Keys starting with <c>_</c> are comments.
/// </summary>
public sealed class KalenderLibur
{
    public const string Keyakinan_Resmi = "resmi";
    public const string Keyakinan_Perkiraan = "perkiraan";

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    private readonly Dictionary<DateOnly, HariLibur> _hari = [];

    private KalenderLibur(IReadOnlyList<TahunLibur> tahun)
    {
        Tahun = tahun;
        foreach (var h in tahun.SelectMany(t => t.Hari))
        {
            _hari[h.Tanggal] = h;
        }
    }

    public IReadOnlyList<TahunLibur> Tahun { get; }

    /// <summary>Years the data covers; outside them only weekends are days off.</summary>
    public bool Mencakup(int tahun) => Tahun.Any(t => t.Tahun == tahun);

    public HariLibur? Cari(DateOnly tanggal) => _hari.GetValueOrDefault(tanggal);

    /// <summary>The data shipped in this assembly.</summary>
    public static KalenderLibur Bawaan()
    {
        using var stream = typeof(KalenderLibur).Assembly.GetManifestResourceStream("Kinerja.Domain.Kalender.libur-nasional.json")
            ?? throw new InvalidOperationException("libur-nasional.json tidak tertanam di assembly");
        using var reader = new StreamReader(stream);
        return Baca(reader.ReadToEnd(), "libur-nasional.json");
    }

    public static KalenderLibur Baca(string json, string sumber) => new([.. Urai(json, sumber, null).Select(t => t.Tahun)]);

    /// <summary>
    /// This calendar with a deployment's override file applied (<c>Kinerja:Kalender:Berkas</c>), read as strictly and of
    /// the same shape, per year: <c>sumber</c> and <c>keyakinan</c> replace the year's; the days of <c>libur</c> and
    /// <c>cutiBersama</c> (both optional) are added or replace the day of that date; the dates of <c>hapus</c> are
    /// removed (each must be a day of this calendar). A year this calendar lacks is added.
    /// </summary>
    public KalenderLibur DenganTimpaan(string json, string sumber)
    {
        var tahun = Tahun.ToDictionary(t => t.Tahun);
        foreach (var (t, hapus) in Urai(json, sumber, this))
        {
            var baru = t.Hari.Select(h => h.Tanggal).ToHashSet();
            var dasar = tahun.TryGetValue(t.Tahun, out var ada) ? ada.Hari : [];
            tahun[t.Tahun] = t with
            {
                Hari = [.. dasar.Where(h => !hapus.Contains(h.Tanggal) && !baru.Contains(h.Tanggal)).Concat(t.Hari).OrderBy(h => h.Tanggal)],
            };
        }

        return new KalenderLibur([.. tahun.Values.OrderBy(t => t.Tahun)]);
    }

    /// <summary>
    /// The years that need the operator on <paramref name="hariIni"/>: this year, and from 1 October (the decree for the
    /// next year is normally out by then) next year too, when its data is missing or not <see cref="Keyakinan_Resmi"/>.
    /// <c>Keyakinan</c> is null for a missing year.
    /// </summary>
    public IReadOnlyList<(int Tahun, string? Keyakinan)> PerluDiperbarui(DateOnly hariIni)
    {
        int[] tahun = hariIni.Month >= 10 ? [hariIni.Year, hariIni.Year + 1] : [hariIni.Year];
        return [.. tahun.Select(t => (t, Tahun.FirstOrDefault(x => x.Tahun == t)?.Keyakinan)).Where(x => x.Keyakinan != Keyakinan_Resmi)];
    }

    /// <summary>Reads the years of a holiday file; with <paramref name="dasar"/>, an override of that calendar (<c>hapus</c> allowed, the day lists optional).</summary>
    private static List<(TahunLibur Tahun, HashSet<DateOnly> Hapus)> Urai(string json, string sumber, KalenderLibur? dasar)
    {
        var timpaan = dasar is not null;
        var salah = new List<string>();
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: Strict) as JsonObject ?? throw new KalenderTidakValidException(sumber, ["isi berkas harus objek JSON"]);
        }
        catch (JsonException e)
        {
            throw new KalenderTidakValidException(sumber, [$"JSON tidak valid: {e.Message}"]);
        }

        KunciDikenal(root, "", ["tahun"], salah);
        var daftar = new List<(TahunLibur Tahun, HashSet<DateOnly> Hapus)>();
        if (root["tahun"] is not JsonArray tahunArr || tahunArr.Count == 0)
        {
            salah.Add("tahun: harus daftar yang tidak kosong");
            throw new KalenderTidakValidException(sumber, salah);
        }

        var semua = new HashSet<DateOnly>();
        for (var i = 0; i < tahunArr.Count; i++)
        {
            var jalur = $"tahun[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (tahunArr[i] is not JsonObject t)
            {
                salah.Add($"{jalur}: harus objek");
                continue;
            }

            KunciDikenal(t, jalur, timpaan ? ["tahun", "sumber", "keyakinan", "libur", "cutiBersama", "hapus"] : ["tahun", "sumber", "keyakinan", "libur", "cutiBersama"], salah);
            var tahun = t["tahun"] is JsonValue v && v.TryGetValue<int>(out var th) && th is >= 2000 and <= 2100 ? th : 0;
            if (tahun == 0)
            {
                salah.Add($"{jalur}.tahun: harus bilangan 2000–2100");
                continue;
            }

            if (daftar.Any(d => d.Tahun.Tahun == tahun))
            {
                salah.Add($"{jalur}.tahun: {tahun.ToString(CultureInfo.InvariantCulture)} muncul dua kali");
            }

            var sumberTahun = Teks(t, "sumber", jalur, salah);
            var keyakinan = Teks(t, "keyakinan", jalur, salah);
            if (keyakinan is not (Keyakinan_Resmi or Keyakinan_Perkiraan or ""))
            {
                salah.Add($"{jalur}.keyakinan: '{keyakinan}' tidak dikenal ({Keyakinan_Resmi}, {Keyakinan_Perkiraan})");
            }

            var hari = new List<HariLibur>();
            BacaHari(t, "libur", JenisLibur.LiburNasional, tahun, jalur, hari, semua, salah, wajib: !timpaan);
            BacaHari(t, "cutiBersama", JenisLibur.CutiBersama, tahun, jalur, hari, semua, salah, wajib: !timpaan);
            var hapus = timpaan ? BacaHapus(t, tahun, jalur, dasar!, semua, salah) : [];
            daftar.Add((new TahunLibur(tahun, sumberTahun, keyakinan, hari.OrderBy(h => h.Tanggal).ToList()), hapus));
        }

        return salah.Count > 0 ? throw new KalenderTidakValidException(sumber, salah) : daftar;
    }

    /// <summary>An override's <c>hapus</c>: dates of the base calendar to remove, not also declared in the override.</summary>
    private static HashSet<DateOnly> BacaHapus(JsonObject t, int tahun, string jalur, KalenderLibur dasar, HashSet<DateOnly> semua, List<string> salah)
    {
        var hasil = new HashSet<DateOnly>();
        if (t["hapus"] is null)
        {
            return hasil;
        }

        if (t["hapus"] is not JsonArray arr)
        {
            salah.Add($"{jalur}.hapus: harus daftar tanggal");
            return hasil;
        }

        for (var j = 0; j < arr.Count; j++)
        {
            var p = $"{jalur}.hapus[{j.ToString(CultureInfo.InvariantCulture)}]";
            var teks = arr[j] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (!DateOnly.TryParseExact(teks, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var tanggal))
            {
                salah.Add($"{p}: '{teks}' bukan tanggal yyyy-MM-dd");
            }
            else if (tanggal.Year != tahun)
            {
                salah.Add($"{p}: {teks} bukan di tahun {tahun.ToString(CultureInfo.InvariantCulture)}");
            }
            else if (dasar.Cari(tanggal) is null)
            {
                salah.Add($"{p}: {teks} tidak ada di kalender bawaan");
            }
            else if (!semua.Add(tanggal))
            {
                salah.Add($"{p}: {teks} juga ditambahkan di berkas ini");
            }
            else
            {
                hasil.Add(tanggal);
            }
        }

        return hasil;
    }

    private static void BacaHari(JsonObject t, string kunci, JenisLibur jenis, int tahun, string jalur, List<HariLibur> hasil, HashSet<DateOnly> semua, List<string> salah, bool wajib)
    {
        if (!wajib && t[kunci] is null)
        {
            return;
        }

        if (t[kunci] is not JsonArray arr)
        {
            salah.Add($"{jalur}.{kunci}: harus daftar (boleh kosong)");
            return;
        }

        for (var j = 0; j < arr.Count; j++)
        {
            var p = $"{jalur}.{kunci}[{j.ToString(CultureInfo.InvariantCulture)}]";
            if (arr[j] is not JsonObject e)
            {
                salah.Add($"{p}: harus objek");
                continue;
            }

            KunciDikenal(e, p, ["tanggal", "nama", "perkiraan"], salah);
            var teksTanggal = e["tanggal"] is JsonValue tv && tv.TryGetValue<string>(out var s) ? s : null;
            if (!DateOnly.TryParseExact(teksTanggal, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var tanggal))
            {
                salah.Add($"{p}.tanggal: '{teksTanggal}' bukan tanggal yyyy-MM-dd");
                continue;
            }

            if (tanggal.Year != tahun)
            {
                salah.Add($"{p}.tanggal: {teksTanggal} bukan di tahun {tahun.ToString(CultureInfo.InvariantCulture)}");
            }

            if (!semua.Add(tanggal))
            {
                salah.Add($"{p}.tanggal: {teksTanggal} sudah ada");
            }

            var nama = Teks(e, "nama", p, salah);
            var perkiraan = false;
            if (e["perkiraan"] is { } pk && !(pk is JsonValue pv && pv.TryGetValue(out perkiraan)))
            {
                salah.Add($"{p}.perkiraan: harus true atau false");
            }

            hasil.Add(new HariLibur(tanggal, nama, jenis, perkiraan));
        }
    }

    private static string Teks(JsonObject o, string kunci, string jalur, List<string> salah)
    {
        if (o[kunci] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s))
        {
            return s.Trim();
        }

        salah.Add($"{(jalur.Length > 0 ? jalur + "." : "")}{kunci}: harus teks yang tidak kosong");
        return "";
    }

    private static void KunciDikenal(JsonObject o, string jalur, string[] dikenal, List<string> salah)
    {
        foreach (var (kunci, _) in o)
        {
            if (!kunci.StartsWith('_') && !dikenal.Contains(kunci, StringComparer.Ordinal))
            {
                salah.Add($"{(jalur.Length > 0 ? jalur + "." : "")}{kunci}: kunci tidak dikenal");
            }
        }
    }
}
