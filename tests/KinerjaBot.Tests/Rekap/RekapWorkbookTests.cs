using System.Globalization;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Penilaian;
using KinerjaBot.Import;
using KinerjaBot.Rekap;
using KinerjaBot.Tests.Import;
using MiniExcelLibs;

namespace KinerjaBot.Tests.Rekap;

public sealed class RekapWorkbookTests
{
    private static readonly KebijakanPenilaian Kmk467 = KebijakanPenilaianReader.BacaPreset("kmk467");

    [Theory]
    [InlineData("TW1", 1)]
    [InlineData("TW2", 2)]
    [InlineData("TW3", 3)]
    public void DemoSebagaiWorkbook_RekapSamaDenganFixture(string kode, int triwulan)
    {
        using var d = new DemoDataset();
        var hasil = new DataKantorReader(Kmk467).Read(d.KeXlsx());
        Assert.True(hasil.Success, string.Join("\n", hasil.Errors));
        Assert.Empty(hasil.Warnings);
        var rekap = new Penilai(Kmk467).Rekap(hasil.Data!, new Periode(2026, triwulan));
        RekapFixture.SamaDenganFixture(kode, RekapExport.Csv(rekap, Kmk467));
    }

    [Fact]
    public void NpSetelahPengurang_DiEkspor()
    {
        using var d = new DemoDataset();
        var data = new DataKantorReader(Kmk467).Read(d.Folder).Data!;
        var baris = RekapExport.Baris(new Penilai(Kmk467).Rekap(data, new Periode(2026, 3)), Kmk467);
        // perilaku.csv: 74.17 with pengurang 2 → 72.17; 82.23 with pengurang 5 → 77.23.
        Assert.Equal(72.17m, baris.Single(b => b.Kode == "197801152000031002").Np);
        Assert.Equal(77.23m, baris.Single(b => b.Kode == "199912242022061001").Np);
        var unit = baris[0];
        Assert.Equal(("unit", "KPPN-METRO", null, null, null), (unit.Jenis, unit.Kode, unit.Ckp, unit.Np, unit.Nkp));
    }

    [Fact]
    public void EksporXlsx_IsiSamaDenganCsv_AngkaSebagaiAngka()
    {
        using var d = new DemoDataset();
        var data = new DataKantorReader(Kmk467).Read(d.Folder).Data!;
        var rekap = new Penilai(Kmk467).Rekap(data, new Periode(2026, 3));
        using var stream = new MemoryStream();
        RekapExport.TulisXlsx(rekap, Kmk467, stream);
        stream.Position = 0;

        var rows = stream.Query(useHeaderRow: true, sheetName: "rekap").Cast<IDictionary<string, object?>>().ToList();
        var csv = RekapExport.Csv(rekap, Kmk467).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(csv.Length - 1, rows.Count);
        Assert.Equal(RekapExport.Kolom, rows[0].Keys);
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = csv[i + 1].Split(',');
            Assert.Equal(cells[1], rows[i]["kode"]);
            var nkp = rows[i]["nkp"];
            Assert.Equal(cells[5], nkp is double v ? v.ToString("F2", CultureInfo.InvariantCulture) : "");
            Assert.Equal(cells[7], rows[i]["status"]);
        }
    }
}
