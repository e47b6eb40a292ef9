using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Penilaian;
using Kinerja.Testing;
using KinerjaBot.Import;
using KinerjaBot.Rekap;

namespace KinerjaBot.Tests.Rekap;

public sealed class RekapAcceptanceTests
{
    private static readonly KebijakanPenilaian Kmk467 = KebijakanPenilaianReader.BacaPreset("kmk467");

    [Theory]
    [InlineData("TW1", 1)]
    [InlineData("TW2", 2)]
    [InlineData("TW3", 3)]
    public void DemoCsv_RekapSamaDenganFixture(string kode, int triwulan)
    {
        var hasil = new DataKantorReader(Kmk467).Read(RepoPaths.DemoData);
        Assert.True(hasil.Success, string.Join("\n", hasil.Errors));
        var rekap = new Penilai(Kmk467).Rekap(hasil.Data!, new Periode(2026, triwulan));
        RekapFixture.SamaDenganFixture(kode, RekapExport.Csv(rekap, Kmk467));
    }
}
