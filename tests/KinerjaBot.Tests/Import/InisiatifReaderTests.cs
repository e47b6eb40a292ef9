using Kinerja.Domain.Dialog;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using KinerjaBot.Import;

namespace KinerjaBot.Tests.Import;

/// <summary>
/// <c>inisiatif.csv</c> (sheet <c>inisiatif</c>): the strategic initiatives of a strategy-map owner's contract, each
/// attached to an SS of the owner's map as <c>iku.csv</c> names it; optional, read all or nothing like the other tables.
/// </summary>
public sealed class InisiatifReaderTests
{
    private static readonly DataKantorReader Reader = new(KebijakanPenilaianReader.BacaPreset("kmk467"));
    private static readonly Nip Hendarto = Nip.Parse("197603141998031002");
    private const string Header = "tahun,nip_pemilik,sasaran_strategis,nama,progres_persen,tenggat,keterangan";

    private static void SatuKesalahan(ImportResult hasil, string tempat, string pesan)
    {
        Assert.False(hasil.Success);
        var e = Assert.Single(hasil.Errors);
        Assert.Equal(tempat, $"{e.File}:{e.Line}: {e.Column}");
        Assert.Contains(pesan, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoCsv_TigaInisiatifKepalaKantor_UrutanDanIsiSesuaiBerkas()
    {
        using var d = new DemoDataset();
        var hasil = Reader.Read(d.Folder);

        Assert.True(hasil.Success, string.Join("\n", hasil.Errors));
        var inisiatif = hasil.Data!.Inisiatif(2026, Hendarto);
        var baris = d.Lines("inisiatif.csv").Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(baris.Count, inisiatif.Count);
        Assert.Equal(baris.Select(c => (c[2], c[3], decimal.Parse(c[4], System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(c[5], System.Globalization.CultureInfo.InvariantCulture), c[6].Length == 0 ? null : c[6])),
            inisiatif.Select(i => (i.SasaranStrategis, i.Nama, i.ProgresPersen, i.Tenggat!.Value, i.Keterangan)));
        Assert.Empty(hasil.Data.Inisiatif(2027, Hendarto));
    }

    [Fact]
    public void BerkasTidakAda_TanpaInisiatif_TanpaPeringatan()
    {
        using var d = new DemoDataset();
        File.Delete(Path.Combine(d.Folder, "inisiatif.csv"));
        var hasil = Reader.Read(d.Folder);

        Assert.True(hasil.Success, string.Join("\n", hasil.Errors));
        Assert.Empty(hasil.Warnings);
        Assert.Empty(hasil.Data!.SemuaInisiatif);
    }

    [Fact]
    public void TenggatDanKeteranganBolehTidakAdaDiHeader()
    {
        using var d = new DemoDataset();
        File.WriteAllText(Path.Combine(d.Folder, "inisiatif.csv"),
            "tahun,nip_pemilik,sasaran_strategis,nama,progres_persen\n2026,197603141998031002,Pengelolaan kas yang akurat,Dasbor kas harian,12.5\n");
        var hasil = Reader.Read(d.Folder);

        Assert.True(hasil.Success, string.Join("\n", hasil.Errors));
        Assert.Equal(new InisiatifStrategis("Dasbor kas harian", "Pengelolaan kas yang akurat", 12.5m), Assert.Single(hasil.Data!.Inisiatif(2026, Hendarto)));
    }

    [Theory]
    // Progress outside 0–100, or not a number ('.' is the decimal point in a CSV).
    [InlineData("2026,197603141998031002,Pengelolaan kas yang akurat,Dasbor kas,120,,", "progres_persen", "progres harus 0–100, bukan 120")]
    [InlineData("2026,197603141998031002,Pengelolaan kas yang akurat,Dasbor kas,-5,,", "progres_persen", "progres harus 0–100, bukan -5")]
    [InlineData("2026,197603141998031002,Pengelolaan kas yang akurat,Dasbor kas,\"12,5\",,", "progres_persen", "pakai titik sebagai pemisah desimal")]
    // The deadline is an ISO date.
    [InlineData("2026,197603141998031002,Pengelolaan kas yang akurat,Dasbor kas,10,31/12/2026,", "tenggat", "bukan tanggal YYYY-MM-DD")]
    // The SS must be one of the owner's map that year, spelled as in iku.csv.
    [InlineData("2026,197603141998031002,Kas yang akurat,Dasbor kas,10,,", "sasaran_strategis", "sasaran strategis 'Kas yang akurat' tidak ada di peta strategi 197603141998031002 tahun 2026")]
    // The owner must own a strategy map: a section head (level Four) does not.
    [InlineData("2026,198211052003121004,Layanan perbendaharaan yang prima,Antrean digital,10,,", "nip_pemilik", "198211052003121004 bukan pemilik peta strategi")]
    // ... and have a contract that year.
    [InlineData("2025,197603141998031002,Layanan perbendaharaan yang prima,Antrean digital,10,,", "tahun", "tidak punya IKU tahun 2025")]
    [InlineData("2026,198001012005011009,Layanan perbendaharaan yang prima,Antrean digital,10,,", "nip_pemilik", "NIP 198001012005011009 tidak ada di pegawai.csv")]
    [InlineData("2026,197603141998031002,Pengelolaan kas yang akurat,,10,,", "nama", "wajib diisi")]
    // Names are unique per owner and year (without regard to case).
    [InlineData("2026,197603141998031002,Pengelolaan kas yang akurat,DIGITALISASI ARSIP DOKUMEN SPM DAN SP2D,10,,", "nama", "sudah ada di baris 3")]
    public void BarisSalah_SatuKesalahanDenganBarisDanKolom_TidakAdaYangDiimpor(string baris, string kolom, string pesan)
    {
        using var d = new DemoDataset();
        d.Tambah("inisiatif.csv", baris, out var line);

        SatuKesalahan(Reader.Read(d.Folder), $"inisiatif.csv:{line}: {kolom}", pesan);
    }

    [Fact]
    public void KolomTidakDikenal_Kesalahan()
    {
        using var d = new DemoDataset();
        d.Edit("inisiatif.csv", 1, s => s + ",milestone");
        Assert.Equal(Header + ",milestone", d.Lines("inisiatif.csv")[0]);

        var hasil = Reader.Read(d.Folder);
        Assert.Contains(hasil.Errors, e => e.ToString().StartsWith("inisiatif.csv:1: milestone", StringComparison.Ordinal));
        Assert.Null(hasil.Data);
    }

    [Fact]
    public void Workbook_LembarInisiatifDibacaSepertiCsv_KesalahanMenyebutLembar()
    {
        using var d = new DemoDataset();
        var baik = Reader.Read(d.KeXlsx());
        Assert.True(baik.Success, string.Join("\n", baik.Errors));
        Assert.Equal(Reader.Read(d.Folder).Data!.Inisiatif(2026, Hendarto), baik.Data!.Inisiatif(2026, Hendarto));

        d.Tambah("inisiatif.csv", "2026,197603141998031002,Pengelolaan kas yang akurat,Dasbor kas,150,,", out var line);
        SatuKesalahan(Reader.Read(d.KeXlsx("salah.xlsx")), $"salah.xlsx[inisiatif]:{line}: progres_persen", "progres harus 0–100, bukan 150");
    }
}
