using System.Globalization;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;

namespace Kinerja.Cards.Tests;

/// <summary>
/// A small office built directly from domain objects (other engineers are writing the shared builders in
/// Kinerja.Testing at the same time): KPPN Contoh (level Three, its head owns the strategy map) with one section.
/// </summary>
internal sealed class Kantor
{
    public const string KodeKppn = "KPPN-CONTOH";
    public const string KodeSeksi = "SEKSI-PD";
    private int _urut;

    public Kantor(KebijakanPenilaian? kebijakan = null)
    {
        Kebijakan = kebijakan ?? KebijakanPenilaianReader.BacaPreset("kmk467");
        Penilai = new Penilai(Kebijakan);
        Data.TambahUnit(new Unit(KodeKppn, "KPPN Contoh", "KANWIL-LAMPUNG", LevelUnit.Three, ZonaWaktu.Wib));
        Data.TambahUnit(new Unit(KodeSeksi, "Seksi Pencairan Dana", KodeKppn, LevelUnit.Four, ZonaWaktu.Wib));
    }

    public DataKantor Data { get; } = new();

    public KebijakanPenilaian Kebijakan { get; }

    public Penilai Penilai { get; }

    public Pegawai Pegawai(string nama, string jabatan = "Pelaksana", string unit = KodeSeksi, bool kepala = false, Pegawai? atasan = null)
    {
        _urut++;
        var nip = Nip.Parse("19850101" + "201001" + "1" + _urut.ToString("000", CultureInfo.InvariantCulture));
        var p = new Pegawai(nip, nama, $"pegawai{_urut.ToString(CultureInfo.InvariantCulture)}@kemenkeu.go.id", jabatan, unit, atasan?.Nip, kepala);
        Data.TambahPegawai(p);
        return p;
    }

    public KontrakKinerja Kontrak(Pegawai p, int tahun = 2026)
    {
        var k = new KontrakKinerja(tahun, p.Nip, StatusSkp.Disetujui);
        Data.TambahKontrak(k);
        return k;
    }

    /// <summary>
    /// An IKU whose quarterly targets and realisations are given per quarter (null = none). Take Last Known Value, so
    /// the IC of quarter n is realisasi[n] against target[n].
    /// </summary>
    public static Iku Iku(KontrakKinerja kontrak, string kode, decimal bobot, decimal?[] target, decimal?[] realisasi,
        Polaritas polaritas = Polaritas.Maximize, string? nama = null, Perspektif perspektif = Perspektif.Stakeholder,
        string sasaran = "SS-1 Pengelolaan kas yang optimal", decimal?[]? targetAtas = null, string satuan = "%")
    {
        var iku = new Iku(kode, nama ?? $"Persentase capaian indikator {kode}", perspektif, sasaran, new Bobot(bobot), polaritas,
            JenisKonsolidasi.TakeLastKnownValue, satuan);
        for (var i = 0; i < 4; i++)
        {
            if (i < target.Length && target[i] is { } t)
            {
                iku.TetapkanTarget(i + 1, new Target(t, targetAtas?[i]));
            }

            if (i < realisasi.Length && realisasi[i] is { } r)
            {
                iku.CatatRealisasi(i + 1, r);
            }
        }

        kontrak.TambahIku(iku);
        return iku;
    }

    public void Perilaku(Pegawai p, decimal nilai, decimal pengurang = 0, int tahun = 2026) =>
        Data.TambahPerilaku(new NilaiPerilaku(tahun, p.Nip, nilai, pengurang));

    /// <summary>The model the handler will build: the quarter, the trend up to it, the unit's NKO for context.</summary>
    public NilaiSayaModel Model(Pegawai p, int triwulan, int tahun = 2026, IReadOnlyList<int>? tersedia = null,
        DateTimeOffset? dihitungPada = null)
    {
        var periode = new Periode(tahun, triwulan);
        return new NilaiSayaModel(
            Penilai.NilaiPegawai(Data, p, periode),
            Penilai.Tren(Data, p, periode),
            Penilai.NkoKonteks(Data, p, periode),
            Kebijakan,
            tersedia ?? Enumerable.Range(1, triwulan).ToList(),
            dihitungPada,
            dihitungPada is null ? null : ZonaWaktu.Wib);
    }
}

/// <summary>The people of the examples.</summary>
internal static class Contoh
{
    public static readonly decimal?[] Seratus = [100m, 100m, 100m, 100m];

    /// <summary>
    /// Lestari, pelaksana, TW III 2026 final: IC 102,52 (max) · 98,10 (max) · 120 (min, T 60 R 48) · 100 (stab
    /// [95, 105] R 103); weights 30/25/25/20; NP 85 with penalty 2. CKP 105,281 → NKP 96,3686 (Sangat Baik).
    /// </summary>
    public static (Kantor Kantor, Pegawai Pegawai) Lestari(KebijakanPenilaian? kebijakan = null)
    {
        var kantor = new Kantor(kebijakan);
        var kepala = KepalaDenganKontrak(kantor);
        var lestari = kantor.Pegawai("Lestari Handayani", "Pelaksana Seksi Pencairan Dana", atasan: kepala);
        var k = kantor.Kontrak(lestari);
        Kantor.Iku(k, "IKU-01", 30, Seratus, [95m, 101m, 102.52m], nama: "Persentase ketepatan waktu penyaluran SP2D");
        Kantor.Iku(k, "IKU-02", 25, Seratus, [90m, 97m, 98.10m], nama: "Persentase kualitas pengelolaan rekening");
        Kantor.Iku(k, "IKU-03", 25, [60m, 60m, 60m, 60m], [66m, 54m, 48m], Polaritas.Minimize, "Rata-rata waktu layanan", satuan: "menit");
        Kantor.Iku(k, "IKU-04", 20, [95m, 95m, 95m, 95m], [90m, 110m, 103m], Polaritas.Stabilize, "Deviasi proyeksi kas",
            targetAtas: [105m, 105m, 105m, 105m], satuan: "indeks");
        kantor.Perilaku(lestari, 85m, 2m);
        return (kantor, lestari);
    }

    /// <summary>The head of the KPPN (map owner) with a small unit contract and NP.</summary>
    public static Pegawai KepalaDenganKontrak(Kantor kantor)
    {
        var kepala = kantor.Pegawai("Bagus Santoso", "Kepala KPPN", Kantor.KodeKppn, kepala: true);
        var k = kantor.Kontrak(kepala);
        Kantor.Iku(k, "KPPN-01", 60, Seratus, [100m, 104m, 110m], nama: "Indeks kepuasan pengguna layanan", perspektif: Perspektif.Stakeholder, sasaran: "SS-1 Layanan prima");
        Kantor.Iku(k, "KPPN-02", 40, Seratus, [98m, 100m, 101m], nama: "Persentase penyaluran dana tepat waktu", perspektif: Perspektif.Stakeholder, sasaran: "SS-1 Layanan prima");
        Kantor.Iku(k, "KPPN-03", 100, Seratus, [95m, 99m, 103m], nama: "Persentase satker dengan IKPA baik", perspektif: Perspektif.Pelanggan, sasaran: "SS-2 Satker patuh");
        Kantor.Iku(k, "KPPN-04", 100, Seratus, [100m, 100m, 100m], nama: "Persentase SOP yang dijalankan", perspektif: Perspektif.ProsesBisnisInternal, sasaran: "SS-3 Proses efektif");
        Kantor.Iku(k, "KPPN-05", 100, [null, 100m, null, 100m], [null, 90m, null], nama: "Indeks kompetensi pegawai", perspektif: Perspektif.PembelajaranDanPertumbuhan, sasaran: "SS-4 SDM kompeten");
        kantor.Perilaku(kepala, 88m);
        return kepala;
    }

    /// <summary>An employee with 20 IKU with long names: the card must still fit in 28 KB.</summary>
    public static (Kantor Kantor, Pegawai Pegawai) DuaPuluhIku(bool semuaBelumAdaRealisasi = false)
    {
        var kantor = new Kantor();
        var kepala = KepalaDenganKontrak(kantor);
        var p = kantor.Pegawai("Muhammad Rizky Pratama Wicaksono Adiningrat", "Pelaksana Seksi Manajemen Satker dan Kepatuhan Internal", atasan: kepala);
        var k = kantor.Kontrak(p);
        for (var i = 1; i <= 20; i++)
        {
            var n = i.ToString("00", CultureInfo.InvariantCulture);
            decimal?[] realisasi = semuaBelumAdaRealisasi ? [101m, 99m, null, null] : [101m, 99m, 80m + i, 90m + i];
            Kantor.Iku(k, $"IKU-PD-{n}", 5, Seratus, realisasi,
                nama: $"Persentase satuan kerja mitra KPPN yang menyampaikan laporan pertanggungjawaban bendahara tepat waktu (indikator {n})");
        }

        kantor.Perilaku(p, 90.25m, 4m);
        return (kantor, p);
    }
}
