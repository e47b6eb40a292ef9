using System.Text;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Testing.Builders;
using Kinerja.Testing.CardLint;

namespace Kinerja.Cards.Tests;

/// <summary>The scheduled messages' cards and the team card at their largest: linted, under 28 KB, id-ID numbers.</summary>
public sealed class PengingatCardTests
{
    private static readonly KebijakanPenilaian Kebijakan = KebijakanPenilaianReader.BacaPreset("kmk467");

    private static HasilPegawai Hasil(int i, decimal? ckp, decimal? nkp)
    {
        var p = new Pegawai(NipContoh.Ke(i), $"Pegawai Nomor {i}", "p@x", "Pelaksana", "U", null, false);
        var predikat = nkp is { } n ? Kebijakan.PredikatPegawai.Untuk(n) : null;
        return new HasilPegawai(p, new Periode(2026, 3), [], ckp, null, 80, 0, nkp, nkp, predikat, []);
    }

    [Fact]
    public async Task NilaiTim_TimBesar_DiringkasDanLolosLinter()
    {
        var anggota = Enumerable.Range(1, 120).Select(i => Hasil(i, 80 + (i % 40), i % 10 == 0 ? null : 60 + (i % 40))).ToList();
        var kartu = NilaiTimCard.Render(new NilaiTimModel("Kepala Kantor", new Periode(2026, 3), anggota, Kebijakan)).ToJson();

        var sebaran = Json.Bertipe(kartu, "FactSet").Single(f => f["id"]?.GetValue<string>() == NilaiTimCard.IdSebaran);
        Assert.Equal(120, sebaran["facts"]!.AsArray().Sum(f => int.Parse(f!["value"]!.GetValue<string>(), Format.Budaya)));
        Assert.Contains(sebaran["facts"]!.AsArray(), f => f!["title"]!.GetValue<string>() == NilaiTimCard.BelumDihitung && f["value"]!.GetValue<string>() == "12");
        var bawah = Json.Bertipe(kartu, "FactSet").Single(f => f["id"]?.GetValue<string>() == NilaiTimCard.IdDiBawah100);
        Assert.Equal(NilaiTimCard.Maksimal, bawah["facts"]!.AsArray().Count);
        Assert.Equal("CKP 80,00 · NKP — (sementara)", bawah["facts"]![0]!["value"]!.GetValue<string>()); // lowest CKP first (member 40: no NKP yet)
        Assert.Contains($"dan {anggota.Count(a => a.Ckp < 100) - NilaiTimCard.Maksimal} lainnya.", kartu.ToJsonString(), StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(kartu.ToJsonString()) < 28 * 1024);
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
    }

    [Fact]
    public async Task RekapKoordinator_DaftarPanjangDanKosong_LolosLinter()
    {
        var banyak = Enumerable.Range(1, 200).Select(i => new BarisRekap($"Pegawai {i}", "draf; tenggat 31 Januari 2027")).ToList();
        var kartu = RekapKoordinatorCard.Render(new RekapKoordinatorModel("KPPN Metro", 2027, new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 31), banyak, [], banyak)).ToJson();

        Assert.Contains("Tidak ada.", kartu.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("200 belum diajukan", kartu["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(kartu.ToJsonString()) < 28 * 1024);
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
    }

    [Fact]
    public async Task KontrakBelumDimuat_TanggalDanAngkaIndonesia_LangkahImpor_LolosLinter()
    {
        var keadaan = new KontrakBelumDimuat("KPPN Makassar I", 2027, new DateOnly(2027, 1, 31), 11, 1204);
        var kartu = KontrakBelumDimuatCard.Render(new PengingatKontrakBelumDimuatModel("Ratna Dewi Anggraini", keadaan)).ToJson();
        var json = kartu.ToJsonString();

        Assert.Contains("Yth. Ratna Dewi Anggraini,", json, StringComparison.Ordinal);
        Assert.Contains("belum dimuat di KinerjaBot, sehingga **tidak ada pegawai yang dapat mengajukan SKP 2027**", json, StringComparison.Ordinal);
        var fakta = Json.Bertipe(kartu, "FactSet").Single()["facts"]!.AsArray().ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());
        Assert.Equal("31 Januari 2027", fakta["Tenggat SKP"]);
        Assert.Equal("11 hari kerja lagi, termasuk hari ini", fakta["Sisa waktu"]);
        Assert.Equal("1.204 orang", fakta["Pegawai terdampak"]);
        Assert.Contains("**iku.csv** dan **target.csv** berisi baris tahun 2027", json, StringComparison.Ordinal);
        Assert.Contains($"**{KontrakBelumDimuatCard.PerintahImpor}**", json, StringComparison.Ordinal);
        Assert.Equal("Kontrak kinerja (IKU) 2027 KPPN Makassar I belum dimuat: 1.204 pegawai belum dapat mengajukan SKP 2027. Tenggat 31 Januari 2027 (11 hari kerja lagi, termasuk hari ini).",
            kartu["fallbackText"]!.GetValue<string>());
        Assert.Empty(Json.Bertipe(kartu, "Action.Submit")); // Ingatkan besok is added by the engine (BisaDitunda)
        await CardLinter.Shared.AssertValidAsync(json);

        var h1 = KontrakBelumDimuatCard.Render(new PengingatKontrakBelumDimuatModel("Ratna", keadaan with { SisaHariKerja = 1 })).ToJson();
        Assert.Contains("(tinggal hari ini)", h1["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RekapKoordinator_KontrakBelumDimuat_DiAtas_TanpaDaftarSkp_LolosLinter()
    {
        var tidak = new List<BarisRekap> { new("Pegawai 1", "belum terhubung dengan akun Teams") };
        var model = new RekapKoordinatorModel("KPPN Metro", 2027, new DateOnly(2027, 1, 11), new DateOnly(2027, 1, 31), [], [], tidak)
        {
            KontrakBelumDimuat = new KontrakBelumDimuat("KPPN Metro", 2027, new DateOnly(2027, 1, 31), 15, 25),
        };
        var kartu = RekapKoordinatorCard.Render(model).ToJson();
        var json = kartu.ToJsonString();

        var body = kartu["body"]!.AsArray();
        Assert.Contains("tidak ada pegawai yang dapat mengajukan SKP 2027", body[2]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Belum mengajukan SKP", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Menunggu persetujuan atasan", json, StringComparison.Ordinal);
        Assert.Contains("Tidak dapat dihubungi KinerjaBot (1)", json, StringComparison.Ordinal);
        Assert.Equal("Rekap SKP 2027 KPPN Metro: Kontrak kinerja (IKU) 2027 KPPN Metro belum dimuat: 25 pegawai belum dapat mengajukan SKP 2027. Tenggat 31 Januari 2027 (15 hari kerja lagi, termasuk hari ini). 1 tidak terjangkau.",
            kartu["fallbackText"]!.GetValue<string>());
        await CardLinter.Shared.AssertValidAsync(json);
    }

    [Fact]
    public async Task PengingatSkpDanRealisasi_TanggalIndonesia_LolosLinter()
    {
        var skp = PengingatSkpCard.Render(new PengingatSkpModel("Lestari Handayani", 2027, new DateOnly(2027, 1, 31), 1, false)).ToJson();
        var realisasi = PengingatRealisasiCard.Render(new PengingatRealisasiModel("Lestari", "TW III 2026", new DateOnly(2026, 10, 10), [new("1a", "IKPA")])).ToJson();

        Assert.Contains("**31 Januari 2027** (besok)", skp.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("**10 Oktober 2026**", realisasi.ToJsonString(), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(skp.ToJsonString());
        await CardLinter.Shared.AssertValidAsync(realisasi.ToJsonString());
    }
}
