using Kinerja.Domain.Penilaian;
using KinerjaBot.Import;
using Xunit.Abstractions;

namespace KinerjaBot.Tests.Import;

public sealed class ImportErrorTests(ITestOutputHelper output)
{
    private static readonly DataKantorReader Reader = new(KebijakanPenilaianReader.BacaPreset("kmk467"));

    [Fact]
    public void BanyakKesalahan_SemuaDilaporkanDenganBerkasBarisDanKolom()
    {
        using var d = new DemoDataset();
        var diharapkan = ImportErrorDataset.Buat(d);

        var hasil = Reader.Read(d.Folder);

        Assert.False(hasil.Success);
        Assert.Null(hasil.Data);
        var dilaporkan = hasil.Errors.Select(e => e.ToString()).ToList();
        dilaporkan.ForEach(output.WriteLine);
        foreach (var (tempat, pesan) in diharapkan)
        {
            Assert.True(dilaporkan.Exists(x => x.StartsWith(tempat + ": ", StringComparison.Ordinal) && x.Contains(pesan, StringComparison.Ordinal)),
                $"tidak dilaporkan: {tempat}: …{pesan}…\nyang dilaporkan:\n{string.Join("\n", dilaporkan)}");
        }

        // Nothing else: every reported error is one of the mistakes made (no cascade of follow-up errors).
        var tempatDiharapkan = diharapkan.Select(x => x.Tempat).ToHashSet();
        var lain = dilaporkan.Where(x => !tempatDiharapkan.Any(t => x.StartsWith(t + ": ", StringComparison.Ordinal))).ToList();
        Assert.True(lain.Count == 0, "kesalahan yang tidak diharapkan:\n" + string.Join("\n", lain));
        Assert.True(diharapkan.Select(x => x.Tempat).Distinct().Count() >= 12);
    }
}
