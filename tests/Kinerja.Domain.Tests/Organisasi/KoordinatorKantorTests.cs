using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Testing.Builders;

namespace Kinerja.Domain.Tests.Organisasi;

/// <summary>One notion of an office's coordinators: configured NIPs or e-mails, else the heads of the Umum units.</summary>
public sealed class KoordinatorKantorTests
{
    private static readonly Nip Pengelola = NipContoh.Pelaksana;

    /// <summary>A KPPN: the head, the Subbagian Umum with its head and a pelaksana, a Seksi whose head is not a coordinator.</summary>
    private static DataKantor Kppn()
    {
        var data = new DataKantor();
        data.TambahUnit(new Unit("KPPN-X", "KPPN X", null, LevelUnit.Three, ZonaWaktu.Wib));
        data.TambahUnit(new Unit("KPPN-X-PD", "Seksi Pencairan Dana", "KPPN-X", LevelUnit.Four, ZonaWaktu.Wib));
        data.TambahUnit(new Unit("KPPN-X-UMUM", "Subbagian Umum", "KPPN-X", LevelUnit.Four, ZonaWaktu.Wib));
        data.TambahPegawai(new Pegawai(NipContoh.KepalaKppn, "Kepala", "kepala@kemenkeu.example", "Kepala Kantor", "KPPN-X", null, true));
        data.TambahPegawai(new Pegawai(NipContoh.KasiPdms, "Kasi", "kasi@kemenkeu.example", "Kepala Seksi", "KPPN-X-PD", NipContoh.KepalaKppn, true));
        data.TambahPegawai(new Pegawai(NipContoh.KasubbagUmum, "Kasubbag", "kasubbag@kemenkeu.example", "Kepala Subbagian Umum", "KPPN-X-UMUM", NipContoh.KepalaKppn, true));
        data.TambahPegawai(new Pegawai(Pengelola, "Pengelola", "Pengelola.Kinerja@Kemenkeu.example", "Pelaksana", "KPPN-X-UMUM", NipContoh.KasubbagUmum, false));
        return data;
    }

    private static KoordinatorKantor Dengan(string kantor, params string[] isi) =>
        new([KeyValuePair.Create(kantor, (IReadOnlyList<string>)isi)]);

    [Fact]
    public void TanpaKonfigurasi_KepalaSubbagianUmum()
    {
        var koordinator = new KoordinatorKantor([]);

        Assert.Equal([NipContoh.KasubbagUmum], koordinator.Untuk(Kppn()).Select(p => p.Nip));
        Assert.True(koordinator.Adalah(Kppn(), NipContoh.KasubbagUmum));
        Assert.False(koordinator.Adalah(Kppn(), NipContoh.KasiPdms));
        Assert.False(koordinator.Adalah(Kppn(), Pengelola));
    }

    [Fact]
    public void DikonfigurasiDenganNipAtauEmail_MenggantikanKepalaUmum_KodeKantorTanpaPedulikanHuruf()
    {
        var koordinator = Dengan("kppn-x", NipContoh.KasiPdms.Value, " pengelola.kinerja@kemenkeu.example ");

        Assert.Equal([NipContoh.KasiPdms, Pengelola], koordinator.Untuk(Kppn()).Select(p => p.Nip));
        Assert.False(koordinator.Adalah(Kppn(), NipContoh.KasubbagUmum));
    }

    [Fact]
    public void DaftarKantorLain_TidakBerlaku()
    {
        var koordinator = Dengan("KPPN-Y", NipContoh.KasiPdms.Value);

        Assert.Equal([NipContoh.KasubbagUmum], koordinator.Untuk(Kppn()).Select(p => p.Nip));
    }

    [Fact]
    public void EntriTidakAdaLagiDiKantor_KembaliKeKepalaUmum()
    {
        var koordinator = Dengan("KPPN-X", "pensiun@kemenkeu.example", NipContoh.Ke(7).Value);

        Assert.Equal([NipContoh.KasubbagUmum], koordinator.Untuk(Kppn()).Select(p => p.Nip));
    }

    [Theory]
    [InlineData("198407222006122001", true)]
    [InlineData("ratna.anggraini@kemenkeu.example", true)]
    [InlineData("12345", false)]
    [InlineData("KPPN-METRO:198407222006122001", false)]
    [InlineData("ratna@", false)]
    [InlineData("", false)]
    public void EntriSah_NipAtauEmail(string entri, bool sah) => Assert.Equal(sah, KoordinatorKantor.EntriSah(entri));
}
