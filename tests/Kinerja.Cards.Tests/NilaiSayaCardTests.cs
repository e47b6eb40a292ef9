using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kinerja.Domain.Penilaian;
using Kinerja.Testing.CardLint;
using Xunit.Abstractions;

namespace Kinerja.Cards.Tests;

public sealed partial class NilaiSayaCardTests(ITestOutputHelper output)
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    private static JsonObject Render(NilaiSayaModel model) => NilaiSayaCard.Render(model).ToJson();

    private static string BarisDenganAwal(string teks, string awal) =>
        teks.Split('\n').Single(b => b.StartsWith(awal, StringComparison.Ordinal));

    private static decimal Angka(string s) => decimal.Parse(s, NumberStyles.Number, Id);

    [Fact]
    public async Task Pelaksana_Final_LolosLint()
    {
        var (kantor, p) = Contoh.Lestari();
        var card = NilaiSayaCard.Render(kantor.Model(p, 3, dihitungPada: new DateTimeOffset(2026, 11, 28, 10, 10, 0, TimeSpan.Zero)));

        await CardLinter.Shared.AssertValidAsync(card.ToJsonString());
        output.WriteLine($"Lestari TW III: {card.UkuranByte()} byte");
    }

    [Fact]
    public void Pelaksana_Final_KepalaNkpDanFakta()
    {
        var (kantor, p) = Contoh.Lestari();
        var model = kantor.Model(p, 3, dihitungPada: new DateTimeOffset(2026, 11, 28, 10, 10, 0, TimeSpan.Zero));

        var teks = Json.Teks(Render(model));

        Assert.Contains("Nilai Kinerja · TW III 2026", teks, StringComparison.Ordinal);
        Assert.Contains("Lestari Handayani", teks, StringComparison.Ordinal);
        Assert.Contains("Pelaksana Seksi Pencairan Dana · NIP 19850101 201001 1 002", teks, StringComparison.Ordinal);
        Assert.Contains("Data s.d. 30 September 2026", teks, StringComparison.Ordinal);
        Assert.Contains("Status: **Final**", teks, StringComparison.Ordinal);
        Assert.Contains("\n96,37\n", teks, StringComparison.Ordinal); // NKP 96,3686
        Assert.Contains("Sangat Baik", teks, StringComparison.Ordinal);
        Assert.Contains("CKP: 105,28", teks, StringComparison.Ordinal);
        Assert.Contains("NP sebelum pengurang: 85,00", teks, StringComparison.Ordinal);
        Assert.Contains("Pengurang NP: −2,00", teks, StringComparison.Ordinal);
        Assert.Contains("NP setelah pengurang: 83,00", teks, StringComparison.Ordinal);
        Assert.Contains("NPKP (PP 46/2011): 97,17", teks, StringComparison.Ordinal); // 105,281 × 60% + 85 × 40%
        Assert.Contains("Dihitung 28 November 2026 17.10 WIB", teks, StringComparison.Ordinal);
        Assert.Contains("NKO KPPN Contoh: **", teks, StringComparison.Ordinal);
        Assert.DoesNotContain("pemilik peta strategi", teks, StringComparison.Ordinal);
    }

    [Fact]
    public void Pelaksana_TabelIku_AngkaIdDanWarnaDariDomain()
    {
        var (kantor, p) = Contoh.Lestari();

        var tabel = Json.Bertipe(Render(kantor.Model(p, 3)), "Table").Single();
        var baris = tabel["rows"]!.AsArray();

        Assert.Equal(5, baris.Count); // header + 4 IKU
        Assert.Equal(["IKU-01", "100,00", "102,52", "102,52"], Sel(baris[1]!).Select(Ringkas));
        Assert.Equal("good", Warna(baris[1]!));
        Assert.Equal("warning", Warna(baris[2]!)); // 98,10
        Assert.Equal(["IKU-03", "60,00", "48,00", "120,00"], Sel(baris[3]!).Select(Ringkas)); // minimize, clamped 120
        Assert.Equal(["IKU-04", "95,00–105,00", "103,00", "100,00"], Sel(baris[4]!).Select(Ringkas)); // stabilize in range
        Assert.Contains("(menit, bobot 25)", Sel(baris[3]!)[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, "good")]
    [InlineData(99.995, "good")] // shown as 100,00: the colour follows the rounded value (domain's Warna)
    [InlineData(99.99, "warning")]
    [InlineData(80, "warning")]
    [InlineData(79.99, "attention")]
    [InlineData(0, "attention")]
    public void WarnaCapaian_BatasPita(decimal realisasi, string warna)
    {
        var kantor = new Kantor();
        var p = kantor.Pegawai("Dewi");
        Kantor.Iku(kantor.Kontrak(p), "IKU-01", 100, Contoh.Seratus, [realisasi]);
        kantor.Perilaku(p, 80);

        var baris = Json.Bertipe(Render(kantor.Model(p, 1)), "Table").Single()["rows"]!.AsArray();

        Assert.Equal(warna, Warna(baris[1]!));
    }

    [Fact]
    public void IkuDitinggalkan_AlasannyaDisebut()
    {
        var kantor = new Kantor();
        var p = kantor.Pegawai("Dewi");
        var k = kantor.Kontrak(p);
        Kantor.Iku(k, "IKU-01", 50, Contoh.Seratus, [100m, 100m]);
        Kantor.Iku(k, "IKU-02", 25, [null, 100m, null, 100m], [], nama: "Indeks semesteran");
        Kantor.Iku(k, "IKU-03", 25, Contoh.Seratus, [100m], nama: "Persentase belum lapor");
        kantor.Perilaku(p, 80);

        var json = Render(kantor.Model(p, 1));
        var baris = Json.Bertipe(json, "Table").Single()["rows"]!.AsArray();

        Assert.Equal("tanpa target TW ini", Sel(baris[2]!)[3]);
        Assert.Equal("—", Sel(baris[2]!)[1]);

        var json2 = Render(kantor.Model(p, 2));
        var baris2 = Json.Bertipe(json2, "Table").Single()["rows"]!.AsArray();
        Assert.Equal("realisasi belum ada", Sel(baris2[2]!)[3]);
        Assert.Equal("realisasi belum ada", Sel(baris2[3]!)[3]);
        Assert.Contains("tidak dihitung", Json.Teks(json2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sementara_DaftarKekuranganLengkap()
    {
        var kantor = new Kantor();
        var p = kantor.Pegawai("Dewi");
        var k = kantor.Kontrak(p);
        Kantor.Iku(k, "IKU-01", 50, Contoh.Seratus, [100m, 100m, 100m]);
        Kantor.Iku(k, "IKU-07", 50, Contoh.Seratus, [100m], nama: "Persentase dokumen terverifikasi");
        // No NP for 2026.

        var model = kantor.Model(p, 3);
        var json = Render(model);
        var teks = Json.Teks(json);

        Assert.Equal(StatusNilai.Sementara, model.Hasil.Status);
        Assert.Contains("Status: **Sementara**, data belum lengkap:", teks, StringComparison.Ordinal);
        Assert.Contains("- IKU-07 Persentase dokumen terverifikasi: realisasi TW II, TW III belum ada", teks, StringComparison.Ordinal);
        Assert.Contains("- Nilai perilaku (NP) tahun 2026 belum ada", teks, StringComparison.Ordinal);
        Assert.Contains("belum dapat dihitung", teks, StringComparison.Ordinal);
        Assert.Contains("NP: belum ada", teks, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(json.ToJsonString());
    }

    [Fact]
    public async Task TanpaKontrak_SementaraDanLolosLint()
    {
        var kantor = new Kantor();
        var p = kantor.Pegawai("Dewi");
        kantor.Perilaku(p, 80);

        var json = Render(kantor.Model(p, 1));

        Assert.Contains("- Kontrak kinerja tahun 2026 belum ada", Json.Teks(json), StringComparison.Ordinal);
        Assert.Contains("Belum ada IKU untuk periode ini.", Json.Teks(json), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(json.ToJsonString());
    }

    [Fact]
    public async Task PemilikPetaStrategi_CkpAdalahNkoUnit()
    {
        var kantor = new Kantor();
        var kepala = Contoh.KepalaDenganKontrak(kantor);
        var model = kantor.Model(kepala, 3);

        var json = Render(model);
        var teks = Json.Teks(json);

        Assert.NotNull(model.Hasil.CkpDariNko);
        var nko = Format.Angka(model.Hasil.CkpDariNko!.Nko!.Value);
        Assert.Contains($"Anda pemilik peta strategi KPPN Contoh: CKP Anda = NKO unit (**{nko}**, {model.Hasil.CkpDariNko.Predikat}).", teks, StringComparison.Ordinal);
        Assert.DoesNotContain("NKO KPPN Contoh: **", teks, StringComparison.Ordinal); // said once
        Assert.Contains("Capaian IKU unit", teks, StringComparison.Ordinal);
        Assert.Contains("Sebagai pemilik peta strategi, CKP = NKO KPPN Contoh.", teks, StringComparison.Ordinal);

        // NKO = Σ(bobot × Np) / Σ bobot with the numbers shown.
        var baris = BarisDenganAwal(teks, "- NKO = ");
        var m = RumusRegex().Match(baris);
        Assert.True(m.Success, baris);
        Assert.Equal(Angka(m.Groups["hasil"].Value), Hitung(m), 2);
        Assert.Equal(nko, m.Groups["hasil"].Value);
        await CardLinter.Shared.AssertValidAsync(json.ToJsonString());
    }

    [Fact]
    public void CaraMenghitung_AngkanyaMenghasilkanCkpDanNkp()
    {
        var (kantor, p) = Contoh.Lestari();
        var model = kantor.Model(p, 3);

        var json = Render(model);
        var cara = Json.DenganId(json, NilaiSayaCard.IdCaraMenghitung);
        var teks = Json.Teks(cara);

        Assert.False((bool)cara["isVisible"]!);
        var toggle = Json.Bertipe(json, "Action.ToggleVisibility").Single();
        Assert.Equal(NilaiSayaCard.IdCaraMenghitung, (string?)toggle["targetElements"]![0]);

        Assert.Contains("IC = realisasi ÷ target × 100", teks, StringComparison.Ordinal);
        Assert.Contains("IC = (2 − realisasi ÷ target) × 100", teks, StringComparison.Ordinal);
        Assert.Contains("Stabilize", teks, StringComparison.Ordinal);
        Assert.Contains("IC dibatasi 0 s.d. 120.", teks, StringComparison.Ordinal);

        var ckp = RumusRegex().Match(BarisDenganAwal(teks, "CKP = "));
        Assert.Equal("(30 × 102,52 + 25 × 98,10 + 25 × 120,00 + 20 × 100,00) / 100", ckp.Groups["rumus"].Value);
        Assert.Equal("105,28", ckp.Groups["hasil"].Value);
        Assert.Equal(Angka(ckp.Groups["hasil"].Value), Hitung(ckp), 2);

        var nkp = NkpRegex().Match(BarisDenganAwal(teks, "NKP = "));
        Assert.True(nkp.Success, teks);
        Assert.Equal("60", nkp.Groups["wc"].Value);
        Assert.Equal("40", nkp.Groups["wn"].Value);
        var hitung = (Angka(nkp.Groups["ckp"].Value) * 60 / 100) + (Angka(nkp.Groups["np"].Value) * 40 / 100);
        Assert.InRange(Math.Abs(hitung - Angka(nkp.Groups["hasil"].Value)), 0m, 0.01m);
        Assert.Equal(Format.Angka(model.Hasil.Nkp!.Value), nkp.Groups["hasil"].Value);
        Assert.Equal("83,00", nkp.Groups["np"].Value); // NP after the penalty
        Assert.Contains("NP setelah pengurang = 85,00 − 2,00 = **83,00** (pengurang paling banyak 10; hanya berlaku di NKP).", teks, StringComparison.Ordinal);
        Assert.Contains("Predikat **Sangat Baik**: NKP > 90.", teks, StringComparison.Ordinal);
        Assert.Contains("NPKP = CKP × 60% + NP sebelum pengurang × 40% = 105,28 × 60% + 85,00 × 40% = **97,17**", teks, StringComparison.Ordinal);
    }

    [Fact]
    public void CaraMenghitung_BobotDariKebijakanBukanLiteral()
    {
        var kebijakan = KebijakanPenilaianReader.BacaPreset("kmk467", """{"nkp":{"bobotCkp":70,"bobotNp":30}}""");
        var (kantor, p) = Contoh.Lestari(kebijakan);
        var model = kantor.Model(p, 3);

        var teks = Json.Teks(Json.DenganId(Render(model), NilaiSayaCard.IdCaraMenghitung));

        var nkp = NkpRegex().Match(BarisDenganAwal(teks, "NKP = "));
        Assert.Equal("70", nkp.Groups["wc"].Value);
        Assert.Equal("30", nkp.Groups["wn"].Value);
        var hitung = (Angka(nkp.Groups["ckp"].Value) * 70 / 100) + (Angka(nkp.Groups["np"].Value) * 30 / 100);
        Assert.InRange(Math.Abs(hitung - Angka(nkp.Groups["hasil"].Value)), 0m, 0.01m);
        Assert.Equal(Format.Angka(model.Hasil.Nkp!.Value), nkp.Groups["hasil"].Value);
    }

    [Fact]
    public void Predikat_PitaDisebutDariKebijakan()
    {
        var kantor = new Kantor();
        var p = kantor.Pegawai("Dewi");
        Kantor.Iku(kantor.Kontrak(p), "IKU-01", 100, Contoh.Seratus, [90m]);
        kantor.Perilaku(p, 80); // NKP = 90 × 60% + 80 × 40% = 86 → Baik

        var teks = Json.Teks(Render(kantor.Model(p, 1)));

        Assert.Contains("Predikat **Baik**: NKP > 75 dan ≤ 90.", teks, StringComparison.Ordinal);
        Assert.Contains("NP = **80,00**, tanpa pengurang.", teks, StringComparison.Ordinal);
    }

    [Fact]
    public void Tren_ChartLineDenganFallbackTeks()
    {
        var (kantor, p) = Contoh.Lestari();
        var model = kantor.Model(p, 3);

        var chart = Json.Bertipe(Render(model), "Chart.Line").Single();

        Assert.Equal("Triwulan", (string?)chart["xAxisTitle"]);
        Assert.Equal("Nilai", (string?)chart["yAxisTitle"]);
        var seri = chart["data"]!.AsArray();
        Assert.Equal(["NKP", "CKP"], seri.Select(s => (string)s!["legend"]!));
        var nkp = seri[0]!["values"]!.AsArray();
        Assert.Equal(["TW I", "TW II", "TW III"], nkp.Select(v => (string)v!["x"]!));
        Assert.Equal(model.Tren.Select(t => model.Kebijakan.Bulatkan(t.Nkp!.Value)), nkp.Select(v => (decimal)v!["y"]!));

        var fallback = chart["fallback"]!.AsObject();
        Assert.Equal("FactSet", (string?)fallback["type"]);
        var fakta = fallback["facts"]!.AsArray();
        Assert.Equal(3, fakta.Count);
        Assert.Equal("TW I", (string?)fakta[0]!["title"]);
        Assert.Equal($"NKP {Format.Angka(model.Tren[0].Nkp!.Value)} · CKP {Format.Angka(model.Tren[0].Ckp!.Value)}", (string?)fakta[0]!["value"]);
    }

    [Fact]
    public void Tren_SatuTriwulan_TeksSaja()
    {
        var (kantor, p) = Contoh.Lestari();

        var json = Render(kantor.Model(p, 1));

        Assert.Empty(Json.Bertipe(json, "Chart.Line"));
        Assert.Contains("TW I: NKP ", Json.Teks(json), StringComparison.Ordinal);
    }

    [Fact]
    public void TombolTriwulanLain_ExecuteDenganFallbackSubmit()
    {
        var (kantor, p) = Contoh.Lestari();

        var card = NilaiSayaCard.Render(kantor.Model(p, 2, tersedia: [1, 2, 3]));
        var actions = card.ToJson()["actions"]!.AsArray();

        Assert.Equal(2, actions.Count);
        foreach (var (action, tw) in actions.Zip([1, 3]))
        {
            Assert.Equal("Action.Execute", (string?)action!["type"]);
            Assert.Equal(CardVerbs.NilaiSaya, (string?)action["verb"]);
            var data = action["data"]!.ToJsonString();
            Assert.Equal($$"""{"verb":"nilaiSaya","tahun":2026,"triwulan":{{tw}}}""", data);
            Assert.Equal("Action.Submit", (string?)action["fallback"]!["type"]);
            Assert.Equal(data, action["fallback"]!["data"]!.ToJsonString());
            Assert.True(CardVerbs.TryParse(JsonDocument.Parse(data).RootElement, out var parsed));
            Assert.Equal(new NilaiSayaData(2026, tw), parsed);
        }

        Assert.Equal("Lihat TW I", (string?)actions[0]!["title"]);
    }

    [Fact]
    public async Task DuaPuluhIku_Di_Bawah28KB()
    {
        foreach (var belumAda in new[] { false, true })
        {
            var (kantor, p) = Contoh.DuaPuluhIku(belumAda);
            var card = NilaiSayaCard.Render(kantor.Model(p, 4, dihitungPada: new DateTimeOffset(2026, 11, 28, 10, 10, 0, TimeSpan.Zero)));
            var json = card.ToJsonString();
            var bytes = Encoding.UTF8.GetByteCount(json);

            output.WriteLine($"20 IKU ({(belumAda ? "sementara, realisasi TW III–IV belum ada" : "final")}): {bytes} byte");
            Assert.Equal(bytes, card.UkuranByte());
            Assert.Equal(20, Json.Bertipe(card.ToJson(), "Table").Single()["rows"]!.AsArray().Count - 1);
            Assert.InRange(bytes, 1, AdaptiveCard.MaksimalByte - 1);
            await CardLinter.Shared.AssertValidAsync(json);
        }
    }

    private static List<string> Sel(JsonNode row) =>
        row["cells"]!.AsArray().Select(c => (string)c!["items"]![0]!["text"]!).ToList();

    private static string Ringkas(string s) => s.StartsWith("**", StringComparison.Ordinal) ? s[2..s.IndexOf("**", 2, StringComparison.Ordinal)] : s;

    private static string? Warna(JsonNode row) => (string?)row["cells"]![3]!["items"]![0]!["color"];

    private static decimal Hitung(Match m)
    {
        var suku = m.Groups["rumus"].Value.Trim('(').Split(") / ");
        var pembagi = Angka(suku[1]);
        var jumlah = suku[0].Split(" + ").Sum(s =>
        {
            var ab = s.Split(" × ");
            return Angka(ab[0]) * Angka(ab[1]);
        });
        return Math.Round(jumlah / pembagi, 2, MidpointRounding.AwayFromZero);
    }

    [GeneratedRegex(@"= (?<rumus>\([^=]+\) / [\d.,]+) = \*\*(?<hasil>[\d.,]+)\*\*")]
    private static partial Regex RumusRegex();

    [GeneratedRegex(@"^NKP = CKP × (?<wc>[\d,]+)% \+ NP × (?<wn>[\d,]+)% = (?<ckp>[\d.,]+) × [\d,]+% \+ (?<np>[\d.,]+) × [\d,]+% = \*\*(?<hasil>[\d.,]+)\*\*$")]
    private static partial Regex NkpRegex();
}
