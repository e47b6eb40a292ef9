using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;

namespace KinerjaBot.Tests.Import;

/// <summary>The optional <c>tanggal_mulai</c> column of pegawai.csv (our extension, bot/Import/README.md): the 15-day SKP deadline.</summary>
public sealed class TanggalMulaiTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly Nip Lestari = Nip.Parse("199312012015032004");

    private static DemoDataset DenganKolom(string nilaiLestari)
    {
        var d = new DemoDataset();
        d.Edit("pegawai.csv", 1, h => h + ",tanggal_mulai");
        for (var line = 2; line <= d.Lines("pegawai.csv").Count; line++)
        {
            d.Edit("pegawai.csv", line, l => l + (l.StartsWith(Lestari.Value, StringComparison.Ordinal) ? "," + nilaiLestari : ","));
        }

        return d;
    }

    [Fact]
    public async Task KolomDiisi_TanggalMulaiTersimpanDanTenggat15Hari()
    {
        using var d = DenganKolom("2027-07-01");
        using var store = new Storage.TestStore(d.DbPath);
        await store.Importer.ImporAsync(d.Folder, Ct);

        var pegawai = (await store.Kantor.MuatAsync("KPPN-METRO", Ct))!.CariPegawai(Lestari)!;

        Assert.Equal(new DateOnly(2027, 7, 1), pegawai.TanggalMulai);
        Assert.Equal(new DateOnly(2027, 7, 16), TenggatSkp.Untuk(2027, pegawai.TanggalMulai).Tanggal);
    }

    [Fact]
    public void KolomTidakAda_DataDemoTetapSah_TanpaTanggalMulai()
    {
        using var d = new DemoDataset();
        using var store = new Storage.TestStore(d.DbPath);

        Assert.All(store.Baca(d.Folder).Pegawai, p => Assert.Null(p.TanggalMulai));
    }

    [Theory]
    [InlineData("01-07-2027", "'01-07-2027' bukan tanggal YYYY-MM-DD")]
    [InlineData("2027-02-30", "'2027-02-30' bukan tanggal YYYY-MM-DD")]
    [InlineData("2014-05-01", "tanggal mulai 2014-05-01 sebelum TMT CPNS 2015-03")]
    public void NilaiSalah_Dilaporkan(string nilai, string pesan)
    {
        using var d = DenganKolom(nilai);
        using var store = new Storage.TestStore(d.DbPath);

        var hasil = store.Reader.Read(d.Folder);

        Assert.False(hasil.Success);
        var galat = Assert.Single(hasil.Errors);
        Assert.StartsWith("pegawai.csv:", galat.ToString(), StringComparison.Ordinal);
        Assert.Contains($": tanggal_mulai: {pesan}", galat.ToString(), StringComparison.Ordinal);
    }
}
