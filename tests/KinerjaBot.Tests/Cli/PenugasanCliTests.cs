using KinerjaBot.Hosting.Cli;
using KinerjaBot.Tests.Import;
using Microsoft.Data.Sqlite;

namespace KinerjaBot.Tests.Cli;

/// <summary>Coordinators set Plt./Plh. assignments from the command line; bad input is answered and saves nothing.</summary>
public sealed class PenugasanCliTests
{
    private const string Bagus = "198211052003121004";
    private const string Ratna = "198407222006122001";
    private const string Dimas = "199505112018031005";

    private static async Task<(int Kode, string Stdout, string Stderr)> Jalankan(string db, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var kode = await KinerjaCli.RunAsync([.. args, $"--Kinerja:Storage:SqlitePath={db}"], stdout, stderr);
        SqliteConnection.ClearAllPools();
        return (kode, stdout.ToString(), stderr.ToString());
    }

    private static string[] Tambah(string pelaksana = Ratna, string menggantikan = Bagus, string mulai = "2027-03-01", string selesai = "2027-03-31", string penetap = Ratna) =>
        ["penugasan", "tambah", "--kantor", "KPPN-METRO", "--jenis", "plt", "--pelaksana", pelaksana, "--menggantikan", menggantikan,
            "--mulai", mulai, "--selesai", selesai, "--ditetapkan-oleh", penetap];

    [Fact]
    public async Task Tambah_DitetapkanOlehBukanKoordinator_Ditolak_KoordinatorDariKonfigurasiDiterima()
    {
        using var d = new DemoDataset();
        Assert.Equal(0, (await Jalankan(d.DbPath, "import", d.Folder)).Kode);

        // Ratna (Kepala Subbagian Umum) is the coordinator by default; Bagus, a Kasi, is not.
        var bagus = await Jalankan(d.DbPath, Tambah(penetap: Bagus));
        Assert.Equal(2, bagus.Kode);
        Assert.Contains("--ditetapkan-oleh: Bagus Prasetyo Nugroho bukan koordinator kinerja KPPN-METRO", bagus.Stderr, StringComparison.Ordinal);

        // Named in Kinerja:Koordinator:Kantor (by e-mail), Dimas is the coordinator instead.
        var dimas = await Jalankan(d.DbPath, [.. Tambah(penetap: Dimas), "--Kinerja:Koordinator:Kantor:KPPN-METRO:0=dimas.pratama@kemenkeu.example"]);
        Assert.Equal(0, dimas.Kode);
        Assert.Contains("KPPN-METRO: 1 penugasan", (await Jalankan(d.DbPath, "penugasan", "daftar")).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tambah_LaluDaftar_LaluHapus()
    {
        using var d = new DemoDataset();
        Assert.Equal(0, (await Jalankan(d.DbPath, "import", d.Folder)).Kode);

        var tambah = await Jalankan(d.DbPath, Tambah());

        Assert.Equal(0, tambah.Kode);
        Assert.Contains("Plt. Ratna Dewi Anggraini menggantikan Bagus Prasetyo Nugroho, 1 Maret 2027 s.d. 31 Maret 2027", tambah.Stdout, StringComparison.Ordinal);
        var daftar = await Jalankan(d.DbPath, "penugasan", "daftar", "--kantor", "KPPN-METRO");
        Assert.Contains("KPPN-METRO: 1 penugasan", daftar.Stdout, StringComparison.Ordinal);
        var id = daftar.Stdout.Split('\n')[1].Trim().Split(' ')[0];

        var hapus = await Jalankan(d.DbPath, "penugasan", "hapus", "--kantor", "KPPN-METRO", "--id", id);

        Assert.Equal(0, hapus.Kode);
        Assert.Contains("KPPN-METRO: 0 penugasan", (await Jalankan(d.DbPath, "penugasan", "daftar")).Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("19840722200612200", Bagus, "2027-03-01", "2027-03-31", "--pelaksana: NIP '19840722200612200' harus 18 digit")]
    [InlineData("199912242022061001", "199001012015011001", "2027-03-01", "2027-03-31", "--menggantikan: NIP 19900101 201501 1 001 tidak ada di data KPPN-METRO")]
    [InlineData(Ratna, Dimas, "2027-03-01", "2027-03-31", "tidak punya bawahan")]
    [InlineData(Ratna, Bagus, "2027-03-31", "2027-03-01", "berakhir (1 Maret 2027) sebelum dimulai (31 Maret 2027)")]
    [InlineData(Ratna, Bagus, "01/03/2027", "2027-03-31", "--mulai '01/03/2027' bukan tanggal YYYY-MM-DD")]
    [InlineData(Bagus, Bagus, "2027-03-01", "2027-03-31", "tidak dapat ditugaskan menggantikan dirinya sendiri")]
    public async Task Tambah_MasukanSalah_Exit2DenganPesanDanTidakMenyimpan(string pelaksana, string menggantikan, string mulai, string selesai, string pesan)
    {
        using var d = new DemoDataset();
        Assert.Equal(0, (await Jalankan(d.DbPath, "import", d.Folder)).Kode);

        var hasil = await Jalankan(d.DbPath, Tambah(pelaksana, menggantikan, mulai, selesai));

        Assert.Equal(2, hasil.Kode);
        Assert.Contains(pesan, hasil.Stderr, StringComparison.Ordinal);
        Assert.Contains("KPPN-METRO: 0 penugasan", (await Jalankan(d.DbPath, "penugasan", "daftar")).Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("penugasan perlu tambah, daftar atau hapus", "penugasan")]
    [InlineData("penugasan tidak mengenal 'ubah'", "penugasan", "ubah")]
    [InlineData("penugasan tambah perlu --jenis", "penugasan", "tambah", "--kantor", "KPPN-METRO")]
    [InlineData("penugasan hapus perlu --kantor dan --id", "penugasan", "hapus", "--kantor", "KPPN-METRO")]
    [InlineData("penugasan tidak mengenal opsi --tahun", "penugasan", "daftar", "--tahun", "2027")]
    public async Task ArgumenSalah_Exit2(string pesan, params string[] args)
    {
        using var d = new DemoDataset();

        var hasil = await Jalankan(d.DbPath, args);

        Assert.Equal(2, hasil.Kode);
        Assert.Contains(pesan, hasil.Stderr, StringComparison.Ordinal);
    }
}
