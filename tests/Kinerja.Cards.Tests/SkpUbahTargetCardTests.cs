using System.Globalization;
using System.Text.Json.Nodes;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Testing.Builders;
using Kinerja.Testing.CardLint;

namespace Kinerja.Cards.Tests;

/// <summary>The owner's edit card of the targets (revision and adendum), the owner's entry points, and old → new changes.</summary>
public sealed class SkpUbahTargetCardTests
{
    private static readonly DataKantor Data = SkpContoh.KantorPdms();

    private static KontrakKinerja Kontrak(int jumlahIku = 2)
    {
        var iku = new List<IkuBuilder>
        {
            IkuBuilder.Maximize().Kode("IKU-1").Nama("Persentase SP2D tepat waktu").DenganBobot(60).DenganTarget(1, 95).DenganTarget(2, 96.5m).DenganTarget(3, 97).DenganTarget(4, 98),
            IkuBuilder.Stabilize().Kode("IKU-2").Nama("Deviasi halaman III DIPA").DenganBobot(40).DenganTarget(1, 5, 10),
        };
        for (var i = 3; i <= jumlahIku; i++)
        {
            var b = (i % 3 == 0 ? IkuBuilder.Stabilize() : IkuBuilder.Maximize())
                .Kode("IKU-" + i.ToString(CultureInfo.InvariantCulture))
                .Nama("Indikator kinerja utama nomor " + i.ToString(CultureInfo.InvariantCulture) + " dengan nama yang cukup panjang seperti di data kantor")
                .DenganBobot(10);
            for (var tw = 1; tw <= 4; tw++)
            {
                b = i % 3 == 0 ? b.DenganTarget(tw, 1000.25m, 2000.75m) : b.DenganTarget(tw, 99.99m);
            }

            iku.Add(b);
        }

        return KontrakBuilder.Untuk(SkpContoh.Lestari).Tahun(2027).DenganIku([.. iku]).Build();
    }

    private static SkpModel Model(PersetujuanSkp alur, TampilanSkp tampilan, KontrakKinerja? kontrak = null) => new(
        Data.CariPegawai(SkpContoh.Lestari)!, Data.CariPegawai(SkpContoh.Bagus), kontrak ?? Kontrak(), alur, TenggatSkp.Untuk(2027),
        new DateOnly(2027, 1, 20), tampilan, ["user-lestari", "user-bagus"]);

    private static PersetujuanSkp Dikembalikan()
    {
        var skp = SkpContoh.Diajukan();
        skp.Kembalikan(SkpContoh.Izin(skp), SkpContoh.Pada(2027, 1, 12), 1, "Naikkan target IKU-1", Saluran.Teams);
        return skp;
    }

    private static PersetujuanSkp Disetujui()
    {
        var skp = SkpContoh.Diajukan();
        skp.Setujui(SkpContoh.Izin(skp), SkpContoh.Pada(2027, 1, 12), 1, Saluran.Teams);
        return skp;
    }

    private static PersetujuanSkp AdendumDiajukan()
    {
        var skp = Disetujui();
        skp.AjukanAdendum(SkpContoh.Sebagai(SkpContoh.Lestari), SkpContoh.Pada(2027, 6, 2),
            [new PerubahanTarget("IKU-1", 3, new Target(90m)), new PerubahanTarget("IKU-2", 1, new Target(4m, 8m))], "Pagu dipotong", true, Saluran.Teams);
        return skp;
    }

    private static PersetujuanSkp AdendumDisetujui()
    {
        var skp = AdendumDiajukan();
        skp.Setujui(SkpContoh.Izin(skp, hariIni: new DateOnly(2027, 6, 3)), SkpContoh.Pada(2027, 6, 3), 2, Saluran.Teams);
        return skp;
    }

    public static TheoryData<string> SemuaKartu() => ["ubah-draft", "ubah-dikembalikan", "adendum", "adendum-penyetuju", "adendum-pemilik", "disetujui-pemilik", "adendum-disetujui-pemilik", "adendum-disetujui-penyetuju", "adendum-disetujui-lainnya"];

    private static AdaptiveCard Kartu(string nama) => nama switch
    {
        "ubah-draft" => SkpCard.RenderUbah(Model(SkpContoh.Draft(), TampilanSkp.Pemilik)),
        "ubah-dikembalikan" => SkpCard.RenderUbah(Model(Dikembalikan(), TampilanSkp.Pemilik)),
        "adendum" => SkpCard.RenderUbah(Model(Disetujui(), TampilanSkp.Pemilik)),
        "adendum-penyetuju" => SkpCard.Render(Model(AdendumDiajukan(), TampilanSkp.Penyetuju)),
        "adendum-pemilik" => SkpCard.Render(Model(AdendumDiajukan(), TampilanSkp.Pemilik)),
        "adendum-disetujui-pemilik" => SkpCard.Render(Model(AdendumDisetujui(), TampilanSkp.Pemilik)),
        "adendum-disetujui-penyetuju" => SkpCard.Render(Model(AdendumDisetujui(), TampilanSkp.Penyetuju)),
        "adendum-disetujui-lainnya" => SkpCard.Render(Model(AdendumDisetujui(), TampilanSkp.Lainnya)),
        _ => SkpCard.Render(Model(Disetujui(), TampilanSkp.Pemilik)),
    };

    [Theory]
    [MemberData(nameof(SemuaKartu))]
    public async Task SetiapKartu_LolosLintRendererResmi_DanDiBawah28Kb(string nama)
    {
        var card = Kartu(nama);
        await CardLinter.Shared.AssertValidAsync(card.ToJsonString());
        Assert.True(card.UkuranByte() < AdaptiveCard.MaksimalByte);
    }

    [Fact]
    public async Task KartuUbah_10Iku_SemuaTriwulan_TetapDiBawah28Kb_DanLolosLint()
    {
        var kartu = SkpCard.RenderUbah(Model(Disetujui(), TampilanSkp.Pemilik, Kontrak(10)));
        var json = kartu.ToJson();
        // IKU-1: 4 quarters; IKU-2 (stab): TW I, two bounds; IKU-3/6/9 (stab): 4 × 2; IKU-4/5/7/8/10: 4 each.
        Assert.Equal(4 + 2 + (3 * 4 * 2) + (5 * 4), Cari(json, "Input.Number").Count);
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
        Assert.True(kartu.UkuranByte() < AdaptiveCard.MaksimalByte, $"{kartu.UkuranByte()} byte");
        Console.WriteLine($"Kartu ubah target 10 IKU: {kartu.UkuranByte()} byte");
    }

    [Fact]
    public void KartuUbah_InputPerIkuDanTriwulanBerisiTargetSekarang_StabDuaBatas_DataTanpaPelaku()
    {
        var json = Kartu("ubah-dikembalikan").ToJson();
        var angka = Cari(json, "Input.Number").ToDictionary(n => n["id"]!.GetValue<string>(), n => n["value"]!.GetValue<decimal>());
        Assert.Equal(96.5m, angka["t|IKU-1|2"]);
        Assert.Equal(5m, angka["t|IKU-2|1"]);
        Assert.Equal(10m, angka["t|IKU-2|1|atas"]);
        Assert.DoesNotContain("t|IKU-2|2", angka.Keys); // no target in TW II: no input
        Assert.Equal(6, angka.Count);
        Assert.Single(Cari(json, "Input.Toggle"), t => t["id"]!.GetValue<string>() == "kesanggupan" && t["isRequired"]!.GetValue<bool>());
        var aksi = json["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(["ajukanSkp", "lihatSkp"], aksi.Select(a => a["verb"]!.GetValue<string>()));
        Assert.All(aksi, a => Assert.Equal(["verb", "tahun", "nip", "versi"], a["data"]!.AsObject().Select(p => p.Key)));
        Assert.Equal("none", aksi[1]["associatedInputs"]!.GetValue<string>());
        Assert.Null(json["refresh"]); // a refresh would replace the form while the owner types
    }

    [Fact]
    public void KartuAdendum_AlasanWajib_TombolAjukanAdendum()
    {
        var json = Kartu("adendum").ToJson();
        var alasan = Assert.Single(Cari(json, "Input.Text"));
        Assert.Equal("alasan", alasan["id"]!.GetValue<string>());
        Assert.True(alasan["isRequired"]!.GetValue<bool>());
        Assert.Equal("ajukanAdendumSkp", json["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Contains("SKP versi 1 tetap berlaku", json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TampilanPemilik_DraftDanDikembalikanPunyaUbahTarget_DisetujuiPunyaAjukanAdendum()
    {
        Assert.Contains("ubahTargetSkp", Verbs(SkpCard.Render(Model(SkpContoh.Draft(), TampilanSkp.Pemilik))));
        Assert.Contains("ubahTargetSkp", Verbs(SkpCard.Render(Model(Dikembalikan(), TampilanSkp.Pemilik))));
        var disetujui = SkpCard.Render(Model(Disetujui(), TampilanSkp.Pemilik)).ToJson();
        Assert.Contains("Ajukan adendum", disetujui["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()));
        Assert.DoesNotContain("ubahTargetSkp", Verbs(SkpCard.Render(Model(SkpContoh.Diajukan(), TampilanSkp.Pemilik))));
        Assert.DoesNotContain("ubahTargetSkp", Verbs(SkpCard.Render(Model(Disetujui(), TampilanSkp.Penyetuju))));
    }

    [Fact]
    public void TampilanPenyetuju_AdendumMenunjukkanTargetLamaKeBaru_DanVersiYangMasihBerlaku()
    {
        var teks = Json.Teks(Kartu("adendum-penyetuju").ToJson());
        Assert.Contains("Adendum (versi 2)", teks, StringComparison.Ordinal);
        Assert.Contains("IKU-1 TW III: 97 → 90", teks, StringComparison.Ordinal);
        Assert.Contains("IKU-2 TW I: 5–10 → 4–8", teks, StringComparison.Ordinal);
        Assert.Contains("Alasan adendum: Pagu dipotong", teks, StringComparison.Ordinal);
        Assert.Contains("yang berlaku tetap versi 1", teks, StringComparison.Ordinal);
    }

    private static List<string?> Verbs(AdaptiveCard kartu) => [.. kartu.ToJson()["actions"]!.AsArray().Select(a => a!["verb"]?.GetValue<string>())];

    private static List<JsonObject> Cari(JsonNode node, string type)
    {
        var hasil = new List<JsonObject>();
        Kunjungi(node);
        return hasil;

        void Kunjungi(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    if (o["type"] is JsonValue v && v.GetValue<string>() == type)
                    {
                        hasil.Add(o);
                    }

                    foreach (var (_, c) in o)
                    {
                        Kunjungi(c);
                    }

                    break;
                case JsonArray a:
                    foreach (var c in a)
                    {
                        Kunjungi(c);
                    }

                    break;
            }
        }
    }
}

/// <summary>The target inputs travel as raw text; the server parses them.</summary>
public sealed class SkpDataTargetTests
{
    [Fact]
    public void SkpData_InputTargetDanAlasanDibaca_AngkaDanTeksMentah_PelakuDiabaikan()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""
            {"verb":"ajukanAdendumSkp","tahun":2027,"nip":"199312012015032004","versi":3,"alasan":"  pagu dipotong ","kesanggupan":"true",
             "t|IKU-1|3":"96,5","t|IKU-2|1":4,"t|IKU-2|1|atas":"8.5","oleh":"198211052003121004"}
            """);
        Assert.True(CardVerbs.TryParse(doc.RootElement, out var data));
        var skp = Assert.IsType<SkpData>(data);
        Assert.Equal("ajukanAdendumSkp", skp.Verb);
        Assert.Equal("pagu dipotong", skp.Alasan);
        Assert.True(skp.Kesanggupan);
        Assert.Equal(new Dictionary<string, string> { ["t|IKU-1|3"] = "96,5", ["t|IKU-2|1"] = "4", ["t|IKU-2|1|atas"] = "8.5" }, skp.Target);
    }

    [Fact]
    public void SkpData_TerlaluBanyakInputTarget_Ditolak()
    {
        var o = new JsonObject { ["verb"] = "ajukanSkp", ["tahun"] = 2027, ["nip"] = "199312012015032004", ["versi"] = 1 };
        for (var i = 0; i <= SkpData.TargetMaksimal; i++)
        {
            o["t|X" + i.ToString(CultureInfo.InvariantCulture) + "|1"] = "1";
        }

        using var doc = System.Text.Json.JsonDocument.Parse(o.ToJsonString());
        Assert.False(CardVerbs.TryParse(doc.RootElement, out _));
    }
}
