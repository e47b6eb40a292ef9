using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;

namespace KinerjaBot.Tests.Reach;

/// <summary>
/// Seven people of the demo office KPPN Metro, as the directory tests need them: their Entra ID object ids end with
/// the last 12 digits of their NIP (tests/fixtures/graph/README.md).
/// </summary>
public static class KantorKecil
{
    public const string Kode = "KPPN-METRO";

    public static readonly Nip Hendarto = Nip.Parse("197603141998031002");
    public static readonly Nip Ratna = Nip.Parse("198407222006122001");
    public static readonly Nip Bagus = Nip.Parse("198211052003121004");
    public static readonly Nip Maya = Nip.Parse("198502182007012003");
    public static readonly Nip Dimas = Nip.Parse("199505112018031005");
    public static readonly Nip Siti = Nip.Parse("199708032019032002");
    public static readonly Nip Rizky = Nip.Parse("199601272018031008");

    /// <summary>The Entra ID object id of the person with this NIP in the recorded Graph answers.</summary>
    public static string Aad(Nip nip) => "7a1d4e2b-0000-4000-8000-" + nip.Value[6..];

    public static DataKantor Data()
    {
        var data = new DataKantor();
        data.TambahUnit(new Unit(Kode, "KPPN Metro", "KANWIL-DJPB-LAMPUNG", LevelUnit.Three, ZonaWaktu.Wib));
        data.TambahUnit(new Unit("KPPN-METRO-UMUM", "Subbagian Umum", Kode, LevelUnit.Four, ZonaWaktu.Wib));
        data.TambahUnit(new Unit("KPPN-METRO-PDMS", "Seksi Pencairan Dana dan Manajemen Satker", Kode, LevelUnit.Four, ZonaWaktu.Wib));
        data.TambahUnit(new Unit("KPPN-METRO-BANK", "Seksi Bank", Kode, LevelUnit.Four, ZonaWaktu.Wib));
        data.TambahPegawai(new Pegawai(Hendarto, "Hendarto Wibisono", "hendarto.wibisono@kemenkeu.example", "Kepala Kantor", Kode, null, true));
        data.TambahPegawai(new Pegawai(Ratna, "Ratna Dewi Anggraini", "ratna.anggraini@kemenkeu.example", "Kepala Subbagian Umum", "KPPN-METRO-UMUM", Hendarto, true));
        data.TambahPegawai(new Pegawai(Bagus, "Bagus Prasetyo Nugroho", "bagus.nugroho@kemenkeu.example", "Kepala Seksi PDMS", "KPPN-METRO-PDMS", Hendarto, true));
        data.TambahPegawai(new Pegawai(Maya, "Maya Kurniasari", "maya.kurniasari@kemenkeu.example", "Kepala Seksi Bank", "KPPN-METRO-BANK", Hendarto, true));
        data.TambahPegawai(new Pegawai(Dimas, "Dimas Arya Pratama", "dimas.pratama@kemenkeu.example", "Pelaksana Pengelola Kinerja", "KPPN-METRO-UMUM", Ratna, false));
        data.TambahPegawai(new Pegawai(Siti, "Siti Nurhaliza Putri", "siti.putri@kemenkeu.example", "Pelaksana Kepegawaian", "KPPN-METRO-UMUM", Ratna, false));
        data.TambahPegawai(new Pegawai(Rizky, "Rizky Ramadhan", "rizky.ramadhan@kemenkeu.example", "Pelaksana Keuangan dan BMN", "KPPN-METRO-UMUM", Ratna, false));
        return data;
    }
}
