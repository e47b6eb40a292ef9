using System.Text.Json;
using System.Text.Json.Nodes;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Testing.Builders;
using Kinerja.Testing.CardLint;

namespace Kinerja.Cards.Tests;

/// <summary>The SKP card's user-specific views and the approvals list: content, data, and the official renderer's lint.</summary>
public sealed class SkpCardTests
{
    private static readonly DataKantor Data = SkpContoh.KantorPdms();

    private static KontrakKinerja Kontrak() => KontrakBuilder.Untuk(SkpContoh.Lestari).Tahun(2027).Status(StatusSkp.Diajukan)
        .DenganIku(
            IkuBuilder.Maximize().Kode("IKU-1").Nama("Persentase SP2D tepat waktu").DenganBobot(60).DenganTarget(1, 95).DenganTarget(2, 96.5m).DenganTarget(3, 97).DenganTarget(4, 98),
            IkuBuilder.Stabilize().Kode("IKU-2").Nama("Deviasi halaman III DIPA").DenganBobot(40).DenganTarget(1, 5, 10))
        .Build();

    private static SkpModel Model(PersetujuanSkp alur, TampilanSkp tampilan, DateOnly? hariIni = null, string? pesan = null) => new(
        Data.CariPegawai(SkpContoh.Lestari)!,
        Data.CariPegawai(SkpContoh.Bagus),
        Kontrak(),
        alur,
        TenggatSkp.Untuk(2027),
        hariIni ?? new DateOnly(2027, 1, 20),
        tampilan,
        ["user-lestari", "user-bagus"],
        pesan);

    private static PersetujuanSkp Dikembalikan()
    {
        var skp = SkpContoh.Diajukan();
        skp.Kembalikan(SkpContoh.Izin(skp), SkpContoh.Pada(2027, 1, 12), 1, "Target IKU-1 TW4 terlalu rendah", Saluran.Teams);
        return skp;
    }

    public static TheoryData<string> SemuaTampilan() => ["draft-pemilik", "diajukan-pemilik", "diajukan-penyetuju", "diajukan-lainnya", "dikembalikan-pemilik", "disetujui-penyetuju", "pesan"];

    private static AdaptiveCard Kartu(string nama) => nama switch
    {
        "draft-pemilik" => SkpCard.Render(Model(SkpContoh.Draft(), TampilanSkp.Pemilik)),
        "diajukan-pemilik" => SkpCard.Render(Model(SkpContoh.Diajukan(), TampilanSkp.Pemilik)),
        "diajukan-penyetuju" => SkpCard.Render(Model(SkpContoh.Diajukan(), TampilanSkp.Penyetuju)),
        "diajukan-lainnya" => SkpCard.Render(Model(SkpContoh.Diajukan(), TampilanSkp.Lainnya)),
        "dikembalikan-pemilik" => SkpCard.Render(Model(Dikembalikan(), TampilanSkp.Pemilik)),
        "disetujui-penyetuju" => SkpCard.Render(Model(Disetujui(), TampilanSkp.Penyetuju)),
        _ => SkpCard.Render(Model(SkpContoh.Diajukan(), TampilanSkp.Penyetuju, pesan: "Keputusan untuk versi 1 tidak diproses")),
    };

    private static PersetujuanSkp Disetujui()
    {
        var skp = SkpContoh.Diajukan();
        skp.Setujui(SkpContoh.Izin(skp), SkpContoh.Pada(2027, 1, 12), 1, Saluran.Teams);
        return skp;
    }

    [Theory]
    [MemberData(nameof(SemuaTampilan))]
    public async Task SetiapTampilan_LolosLintRendererResmi_DanDiBawah28Kb(string nama)
    {
        var card = Kartu(nama);
        await CardLinter.Shared.AssertValidAsync(card.ToJsonString());
        Assert.True(card.UkuranByte() < AdaptiveCard.MaksimalByte);
    }

    [Fact]
    public void TampilanPemilik_Draft_MemintaPernyataanKesanggupanWajibDanTombolAjukan()
    {
        var kartu = Kartu("draft-pemilik");
        var json = kartu.ToJson();
        var teks = kartu.ToJsonString();
        var toggle = Cari(json, "Input.Toggle").Single();
        Assert.Equal("kesanggupan", toggle["id"]!.GetValue<string>());
        Assert.True(toggle["isRequired"]!.GetValue<bool>());
        var aksi = json["actions"]!.AsArray().Select(a => a!["verb"]?.GetValue<string>()).ToList();
        Assert.Contains("ajukanSkp", aksi);
        Assert.DoesNotContain("setujuiSkp", aksi);
        Assert.Contains("Tenggat 31 Januari 2027 (11 hari lagi)", teks, StringComparison.Ordinal);
        Assert.Contains("96,5", teks, StringComparison.Ordinal); // id-ID number
        Assert.Contains("5–10", teks, StringComparison.Ordinal);  // stabilize range
        Assert.Contains("bobot 60%", teks, StringComparison.Ordinal);
    }

    [Fact]
    public void TampilanPenyetuju_PunyaSetujuiDanKembalikanDenganCatatan_SemuanyaBerFallbackSubmitDataSama()
    {
        var json = Kartu("diajukan-penyetuju").ToJson();
        Assert.Single(Cari(json, "Input.Text"));
        var aksi = json["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(["setujuiSkp", "kembalikanSkp", "lihatSkp"], aksi.Select(a => a["verb"]!.GetValue<string>()));
        foreach (var a in aksi)
        {
            Assert.Equal("Action.Execute", a["type"]!.GetValue<string>());
            Assert.Equal("Action.Submit", a["fallback"]!["type"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(a["data"], a["fallback"]!["data"]));
            // Which contract and version only: never who acts.
            Assert.Equal(["verb", "tahun", "nip", "versi"], a["data"]!.AsObject().Select(p => p.Key));
            Assert.Equal("199312012015032004", a["data"]!["nip"]!.GetValue<string>());
        }

        Assert.Contains("Pengajuan pertama", json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_MemakaiLihatSkpDanUserIdsPemilikDanPenyetuju()
    {
        var json = Kartu("diajukan-lainnya").ToJson();
        Assert.Equal("Action.Execute", json["refresh"]!["action"]!["type"]!.GetValue<string>());
        Assert.Equal("lihatSkp", json["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal(["user-lestari", "user-bagus"], json["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
    }

    [Fact]
    public void TampilanLainnya_HanyaRingkasanTanpaTombolKeputusanDanTanpaTarget()
    {
        var json = Kartu("diajukan-lainnya").ToJson();
        Assert.Empty(Cari(json, "Input.Text"));
        Assert.Empty(Cari(json, "Table"));
        Assert.Equal(["lihatSkp"], json["actions"]!.AsArray().Select(a => a!["verb"]!.GetValue<string>()));
    }

    [Fact]
    public void TampilanPemilik_Dikembalikan_MenampilkanCatatanAtasanDanBolehDiajukanLagi()
    {
        var json = Kartu("dikembalikan-pemilik").ToJson();
        var teks = json.ToJsonString();
        Assert.Contains("Target IKU-1 TW4 terlalu rendah", teks, StringComparison.Ordinal);
        Assert.Contains("dikembalikan oleh Bagus Prasetyo Nugroho pada 12 Januari 2027", teks, StringComparison.Ordinal);
        Assert.Contains("ajukanSkp", teks, StringComparison.Ordinal);
    }

    [Fact]
    public void Terlambat_DitandaiSetelahTenggat()
    {
        var card = SkpCard.Render(Model(SkpContoh.Diajukan(), TampilanSkp.Pemilik, new DateOnly(2027, 2, 3))).ToJson();
        var tenggat = Cari(card, "TextBlock").Single(t => t["id"]?.GetValue<string>() == SkpCard.IdTenggat);
        Assert.Equal("Tenggat 31 Januari 2027 (terlambat 3 hari)", tenggat["text"]!.GetValue<string>());
        Assert.Equal("attention", tenggat["color"]!.GetValue<string>());
    }

    [Fact]
    public void SkpData_DataKartuDanInputDibacaKembali_DataLainDiabaikan()
    {
        using var doc = JsonDocument.Parse("""{"verb":"kembalikanSkp","tahun":"2027","nip":"199312012015032004","versi":2,"catatan":"  perbaiki TW4 ","oleh":"198211052003121004"}""");
        Assert.True(CardVerbs.TryParse(doc.RootElement, out var data));
        var skp = Assert.IsType<SkpData>(data);
        Assert.Equal(new SkpData("kembalikanSkp", 2027, "199312012015032004", 2) { Catatan = "perbaiki TW4" }, skp);

        using var rusak = JsonDocument.Parse("""{"verb":"setujuiSkp","tahun":2027,"nip":"bukan-nip","versi":1}""");
        Assert.False(CardVerbs.TryParse(rusak.RootElement, out _));
    }

    [Fact]
    public async Task DaftarPersetujuan_TerlamaDuluDenganTenggatDanPlt_LolosLint()
    {
        var lestari = Data.CariPegawai(SkpContoh.Lestari)!;
        var fajar = Data.CariPegawai(SkpContoh.Fajar)!;
        var model = new PersetujuanModel("Maya Kurniasari",
        [
            new SkpMenungguItem(lestari, 2027, 1, new DateOnly(2027, 1, 10), TenggatSkp.Untuk(2027), "Bagus Prasetyo Nugroho"),
            new SkpMenungguItem(fajar, 2027, 2, new DateOnly(2027, 1, 15), TenggatSkp.Untuk(2027), null),
        ], new DateOnly(2027, 2, 1));
        var card = PersetujuanCard.Render(model);
        var teks = card.ToJsonString();
        Assert.True(teks.IndexOf("Lestari", StringComparison.Ordinal) < teks.IndexOf("Fajar", StringComparison.Ordinal));
        Assert.Contains("diajukan 10 Januari 2027", teks, StringComparison.Ordinal);
        Assert.Contains("Tenggat 31 Januari 2027 (terlambat 1 hari)", teks, StringComparison.Ordinal);
        Assert.Contains("Sebagai Plt./Plh. Bagus Prasetyo Nugroho", teks, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(teks);

        var kosong = PersetujuanCard.Render(new PersetujuanModel("Bagus", [], new DateOnly(2027, 2, 1)));
        Assert.Contains("Tidak ada SKP yang menunggu", kosong.ToJsonString(), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kosong.ToJsonString());
    }

    private static List<JsonObject> Cari(JsonNode node, string type)
    {
        var hasil = new List<JsonObject>();
        void Jalan(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    if (o["type"]?.GetValueKind() == JsonValueKind.String && o["type"]!.GetValue<string>() == type)
                    {
                        hasil.Add(o);
                    }

                    foreach (var (_, v) in o)
                    {
                        Jalan(v);
                    }

                    break;
                case JsonArray a:
                    foreach (var v in a)
                    {
                        Jalan(v);
                    }

                    break;
            }
        }

        Jalan(node);
        return hasil;
    }
}
