using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Testing.Builders;

/// <summary>
/// A small slice of the demo office for the SKP workflow: Kepala KPPN → Bagus (Kasi PDMS) → Lestari and Fajar; Maya
/// (Kasi Bank) is the usual Plt. of Bagus. Times are in WIB (UTC+7).
/// </summary>
public static class SkpContoh
{
    public const string Kantor = "KPPN-METRO";
    public const int Tahun = 2027;

    public static Nip Kepala { get; } = NipContoh.KepalaKppn;
    public static Nip Bagus { get; } = NipContoh.KasiPdms;
    public static Nip Maya { get; } = Nip.Parse("198502182007012003");
    public static Nip Lestari { get; } = Nip.Parse("199312012015032004");
    public static Nip Fajar { get; } = Nip.Parse("199806212020031006");

    public static KunciSkp KunciLestari { get; } = new(Kantor, Tahun, Lestari);

    public static DataKantor KantorPdms()
    {
        var data = new DataKantor();
        data.TambahUnit(new Unit(Kantor, "KPPN Metro", "KANWIL-LAMPUNG", LevelUnit.Three, ZonaWaktu.Wib));
        data.TambahUnit(new Unit("KPPN-METRO-PDMS", "Seksi PDMS", Kantor, LevelUnit.Four, ZonaWaktu.Wib));
        data.TambahUnit(new Unit("KPPN-METRO-BANK", "Seksi Bank", Kantor, LevelUnit.Four, ZonaWaktu.Wib));
        data.TambahPegawai(new Pegawai(Kepala, "Hendarto Wibisono", "hendarto@kemenkeu.example", "Kepala Kantor", Kantor, null, true));
        data.TambahPegawai(new Pegawai(Bagus, "Bagus Prasetyo Nugroho", "bagus@kemenkeu.example", "Kepala Seksi PDMS", "KPPN-METRO-PDMS", Kepala, true));
        data.TambahPegawai(new Pegawai(Maya, "Maya Kurniasari", "maya@kemenkeu.example", "Kepala Seksi Bank", "KPPN-METRO-BANK", Kepala, true));
        data.TambahPegawai(new Pegawai(Lestari, "Lestari Handayani", "lestari@kemenkeu.example", "Pelaksana Front Office", "KPPN-METRO-PDMS", Bagus, false));
        data.TambahPegawai(new Pegawai(Fajar, "Fajar Nugraha", "fajar@kemenkeu.example", "Pelaksana Middle Office", "KPPN-METRO-PDMS", Bagus, false));
        return data;
    }

    /// <summary>A moment in the office (WIB) on the given local date and hour.</summary>
    public static MomenKantor Pada(int tahun, int bulan, int hari, int jam = 9, int menit = 0) =>
        new(new DateTimeOffset(tahun, bulan, hari, jam, menit, 0, TimeSpan.FromHours(7)), "Asia/Jakarta", new DateOnly(tahun, bulan, hari));

    public static Pelaku Sebagai(Nip nip) => Pelaku.Dari(KantorPdms().CariPegawai(nip)!);

    public static Delegasi PltBagus(DateOnly mulai, DateOnly selesai, Nip? pelaksana = null, JenisDelegasi jenis = JenisDelegasi.Plt) =>
        new("plt-1", Kantor, pelaksana ?? Maya, Bagus, jenis, mulai, selesai, Kepala);

    /// <summary>Lestari's 2027 contract, started as a draft on 5 January 2027.</summary>
    public static PersetujuanSkp Draft() => PersetujuanSkp.Mulai(KunciLestari, StatusSkp.Draft, Pada(2027, 1, 5), Sebagai(Lestari), Saluran.Teams);

    /// <summary>Submitted by Lestari on 10 January 2027.</summary>
    public static PersetujuanSkp Diajukan()
    {
        var skp = Draft();
        skp.Ajukan(Sebagai(Lestari), Pada(2027, 1, 10), true, Saluran.Teams);
        return skp;
    }

    /// <summary>The atasan langsung's permission (asserts it is granted).</summary>
    public static IzinPemutus Izin(PersetujuanSkp skp, Nip? oleh = null, DateOnly? hariIni = null, params Delegasi[] delegasi)
    {
        var hasil = OtorisasiSkp.PeriksaKeputusan(KantorPdms(), skp, oleh ?? Bagus, delegasi, hariIni ?? new DateOnly(2027, 1, 12));
        return hasil.Izin ?? throw new InvalidOperationException(hasil.Alasan);
    }
}
