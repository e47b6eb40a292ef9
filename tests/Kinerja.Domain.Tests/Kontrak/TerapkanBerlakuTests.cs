using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Tests.Kontrak;

public sealed class TerapkanBerlakuTests
{
    [Fact]
    public void TanpaVersiDisetujui_TargetImporTidakBerubah()
    {
        var kontrak = new KontrakKinerja(2027, Nip.Parse("199312012015032004"), StatusSkp.Draft);
        var iku = new Iku("1b", "Penyaluran", Perspektif.Stakeholder, "SS", new Bobot(100), Polaritas.Maximize, JenisKonsolidasi.TakeLastKnownValue, "nilai");
        iku.TetapkanTarget(3, new Target(91.8m));
        kontrak.TambahIku(iku);
        var alur = PersetujuanSkp.Mulai(new KunciSkp("KPPN-METRO", 2027, kontrak.Pemilik), StatusSkp.Draft,
            new MomenKantor(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero), "Asia/Jakarta", new DateOnly(2026, 11, 28)), null, Saluran.Impor, "awal");

        TargetSkp.TerapkanBerlaku(kontrak, alur);

        Assert.Equal(91.8m, iku.TargetTriwulan(3)!.Value.Nilai);
    }
}
