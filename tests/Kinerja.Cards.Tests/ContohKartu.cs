namespace Kinerja.Cards.Tests;

/// <summary>
/// Writes the example cards as JSON files when <c>KINERJA_CARD_DUMP</c> names a folder (for a look in the Adaptive
/// Cards designer or tests/tools/card-screenshot.js); does nothing otherwise.
/// </summary>
public sealed class ContohKartu
{
    [Fact]
    public void TulisContohBilaDiminta()
    {
        if (Environment.GetEnvironmentVariable("KINERJA_CARD_DUMP") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var waktu = new DateTimeOffset(2026, 11, 28, 10, 10, 0, TimeSpan.Zero);
        var (k1, lestari) = Contoh.Lestari();
        var (k2, rizky) = Contoh.DuaPuluhIku();
        var (k3, rizkySementara) = Contoh.DuaPuluhIku(semuaBelumAdaRealisasi: true);
        var k4 = new Kantor();
        var kepala = Contoh.KepalaDenganKontrak(k4);
        var kartu = new Dictionary<string, AdaptiveCard>
        {
            ["nilai-saya-lestari-tw3"] = NilaiSayaCard.Render(k1.Model(lestari, 3, tersedia: [1, 2, 3], dihitungPada: waktu)),
            ["nilai-saya-20-iku"] = NilaiSayaCard.Render(k2.Model(rizky, 4, dihitungPada: waktu)),
            ["nilai-saya-20-iku-sementara"] = NilaiSayaCard.Render(k3.Model(rizkySementara, 4, dihitungPada: waktu)),
            ["nilai-saya-kepala-kppn"] = NilaiSayaCard.Render(k4.Model(kepala, 3, dihitungPada: waktu)),
            ["bantuan"] = BantuanCard.Render(new BantuanModel()),
            ["bantuan-maksud"] = BantuanCard.Render(new BantuanModel("nilai sya", "nilai saya")),
            ["tidak-terdaftar"] = TidakTerdaftarCard.Render(new TidakTerdaftarModel("Rina Wulandari", "rina.w@kemenkeu.go.id", "Manajer Kinerja Pegawai (Subbagian Umum)", "umum.kppnmetro@kemenkeu.go.id")),
        };
        foreach (var (nama, card) in kartu)
        {
            File.WriteAllText(Path.Combine(folder, nama + ".json"), card.ToJsonString());
        }
    }
}
