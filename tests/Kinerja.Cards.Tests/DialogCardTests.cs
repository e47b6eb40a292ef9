using System.Text.Json;
using System.Text.Json.Nodes;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Testing.CardLint;

namespace Kinerja.Cards.Tests;

/// <summary>The dialog cards in the states the host tests do not reach, each through the official renderer's lint; and the verbs' data round trip.</summary>
public sealed class DialogCardTests
{
    private static readonly DateOnly HariIni = new(2026, 11, 28);
    private static readonly Pegawai Kepala = new(Nip.Parse("197603141998031002"), "Hendarto Wibisono", "h@x.example", "Kepala Kantor", "K", null, true);
    private static readonly Pegawai Kasi = new(Nip.Parse("198211052003121004"), "Bagus Prasetyo Nugroho", "b@x.example", "Kepala Seksi PDMS", "S", Kepala.Nip, true);
    private static readonly Pegawai Kasi2 = new(Nip.Parse("198502182007012003"), "Maya Kurniasari", "m@x.example", "Kepala Seksi Bank", "B", Kepala.Nip, true);

    private static AgendaDialog AgendaDko() => new(SeriDialog.Dko(Kepala.Nip, "K"), new Periode(2026, 3),
    [
        new ItemAgenda(JenisItemAgenda.IkuMerah, "IKU 2b SP2D tepat waktu", "Capaian 72,00 merah (di bawah 80,00)", "s.d. TW III 2026: target 99,40 %, realisasi 71,57 %, selisih -27,83"),
        new ItemAgenda(JenisItemAgenda.TrenNko, "Tren NKO KPPN Metro 2026", "NKO turun 1,03 poin", "TW I 2026: 103,87 → TW II 2026: 102,84"),
    ]);

    private static TindakLanjut Tl(string id, DateOnly tenggat) =>
        new(id, "K", "dlg-1", SeriDialog.Dki(Kepala.Nip, Kasi.Nip), "Rekonsiliasi UAKPA", new Pelaku(Kasi.Nip, Kasi.Nama), tenggat, new DateOnly(2026, 10, 1));

    [Fact]
    public async Task CatatDko_PilihPejabatHadir_PicDariKandidat_NotulaPerKunciButir_JamSekarangDibulatkan_LolosLint()
    {
        var agenda = AgendaDko();
        var kartu = CatatDialogCard.Render(new CatatDialogModel("DKO KPPN Metro", "dlg-abc", agenda, [(Kepala, true), (Kasi, false), (Kasi2, false)],
            ZonaWaktu.Wita, HariIni, new TimeOnly(14, 38, 59), [], new Dictionary<string, string> { [DialogData.InputNotula(agenda.Item[1].Kunci)] = "NKO turun" }));
        var json = kartu.ToJson();

        await CardLinter.Shared.AssertValidAsync(json.ToJsonString());
        var peserta = Cari(json, "peserta")!;
        Assert.Equal((true, $"{Kasi.Nip.Value},{Kasi2.Nip.Value}"), (peserta["isMultiSelect"]!.GetValue<bool>(), peserta["value"]!.GetValue<string>()));
        Assert.Equal(3, Cari(json, "tl0p")!["choices"]!.AsArray().Count);
        Assert.Contains("Jam (WITA)", json.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("14:35", Cari(json, "jam")!["value"]!.GetValue<string>());

        // One minutes box per item, keyed by the item (not its position); what was typed is back in its own box.
        Assert.NotNull(Cari(json, "n-" + agenda.Item[0].Kunci));
        Assert.Equal("NKO turun", Cari(json, "n-" + agenda.Item[1].Kunci)!["value"]!.GetValue<string>());
        Assert.Null(Cari(json, "n0"));
        var simpan = Assert.Single(CariAksi(json, CardVerbs.SimpanDialog));
        Assert.Equal((agenda.Sidik, "dlg-abc"), (simpan["data"]!["sidik"]!.GetValue<string>(), simpan["data"]!["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(0, 0, "00:00")]
    [InlineData(9, 4, "09:00")]
    [InlineData(9, 5, "09:05")]
    [InlineData(23, 59, "23:55")]
    public void JamBawaan_DibulatkanKeBawahLimaMenit(int jam, int menit, string harapan)
    {
        var kartu = CatatDialogCard.Render(new CatatDialogModel("DKI", "dlg-abc", AgendaDko(), [(Kepala, true)], ZonaWaktu.Wib, HariIni, new TimeOnly(jam, menit),
            [], new Dictionary<string, string>()));

        Assert.Equal(harapan, Cari(kartu.ToJson(), "jam")!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task DialogPegawai_TindakLanjutTerbukaDiDaftar_TerlambatDulu_PalingBanyakLima_LolosLint()
    {
        var item = new List<TindakLanjutItem>
        {
            new(Tl("c", new DateOnly(2026, 12, 20)), "DKI Hendarto dengan Bagus, 1 Oktober 2026", true),
            new(Tl("a", new DateOnly(2026, 11, 25)), "DKI Hendarto dengan Bagus, 1 Oktober 2026", true),
            new(Tl("b", new DateOnly(2026, 12, 1)), "DKO KPPN Metro", true),
        };
        for (var i = 0; i < 4; i++)
        {
            item.Add(new(Tl("z" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2027, 1, 10 + i)), "DKO KPPN Metro", true));
        }

        var json = DialogCard.Render(new DialogModel("Bagus", [], [], item, null, HariIni)).ToJson();
        var teks = Teks(json);

        Assert.Contains("Anda punya 7 tindak lanjut terbuka, 1 terlambat.", teks, StringComparison.Ordinal);
        Assert.Contains("Terlambat 3 hari (tenggat 25 November 2026) · DKI Hendarto dengan Bagus, 1 Oktober 2026", teks, StringComparison.Ordinal);
        Assert.Contains("Tenggat 1 Desember 2026 (3 hari lagi) · DKO KPPN Metro", teks, StringComparison.Ordinal);
        Assert.True(teks.IndexOf("25 November 2026", StringComparison.Ordinal) < teks.IndexOf("1 Desember 2026", StringComparison.Ordinal));
        Assert.Contains("Tenggat 11 Januari 2027", teks, StringComparison.Ordinal);    // the 5th
        Assert.DoesNotContain("Tenggat 12 Januari 2027", teks, StringComparison.Ordinal); // the 6th is only counted
        Assert.Contains("… dan 2 lainnya di Tindak lanjut saya.", teks, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(json.ToJsonString());
    }

    private static string Teks(JsonNode json) => json.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Fact]
    public async Task DialogPegawaiTanpaRiwayat_TindakLanjutKosong_NotulaTanpaTautan_LolosLint()
    {
        var kosong = DialogCard.Render(new DialogModel("Lestari", [], [], [], null, HariIni));
        Assert.Contains("Belum ada dialog kinerja yang tercatat.", kosong.ToJson().ToJsonString(), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kosong.ToJson().ToJsonString());

        var tl = TindakLanjutCard.Render(new TindakLanjutModel("Bagus", [new TindakLanjutItem(Tl("a", new DateOnly(2026, 11, 25)), "DKI", true),
            new TindakLanjutItem(Tl("b", new DateOnly(2026, 12, 31)), "DKI", false)], HariIni, "Tindak lanjut ini sudah berubah", PesanGagal: true));
        var teks = tl.ToJson().ToJsonString();
        Assert.Contains("Terlambat 3 hari (tenggat 25 November 2026)", teks, StringComparison.Ordinal);
        Assert.Single(CariAksi(tl.ToJson(), CardVerbs.SelesaiTindakLanjut));
        await CardLinter.Shared.AssertValidAsync(teks);

        var seri = SeriDialog.Dko(Kepala.Nip, "K");
        var hasil = DialogKinerja.Catat(new CatatanDialog("dlg-x", "K", AgendaDko(), new Pelaku(Kepala.Nip, Kepala.Nama), [new Pelaku(Kasi.Nip, Kasi.Nama)],
            new DateOnly(2026, 11, 27), new TimeOnly(14, 0), new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero), "Asia/Makassar", ["dibahas", "turun"], null, [],
            HariIni, new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero)), KebijakanDialog.Bawaan());
        Assert.True(hasil.Berhasil, string.Join("; ", hasil.Kesalahan));
        // Held in a WITA office: the time says WITA whoever reads it (the card has no reader's zone to get wrong).
        var notula = NotulaDialogCard.Render(new NotulaDialogModel(hasil.Dialog!, "DKO KPPN Metro", HariIni, null)).ToJson().ToJsonString();
        Assert.Contains("27 November 2026 pukul 14.00 WITA", notula, StringComparison.Ordinal);
        Assert.DoesNotContain("Action.OpenUrl", notula, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(notula);
    }

    [Fact]
    public void DataVerbDialog_PulangPergi_MasukanDibaca_IdAnehDitolak()
    {
        var data = new DialogData(CardVerbs.SimpanDialog, "dki|1|2", "dlg-1") { Sidik = "0123456789abcdef" }.ToData();
        data["n-0a1b2c3d4e5f"] = "notula";
        data["tl0t"] = "31/12/2026";

        Assert.True(CardVerbs.TryParse(JsonDocument.Parse(data.ToJsonString()).RootElement, out var hasil));
        var d = Assert.IsType<DialogData>(hasil);
        Assert.Equal(("dlg-1", "0123456789abcdef", "notula", "31/12/2026"), (d.Id, d.Sidik, d.Baca(DialogData.InputNotula("0a1b2c3d4e5f")), d.Baca("tl0t")));
        Assert.Null(d.Baca("sidik"));

        var sidikAneh = (JsonObject)data.DeepClone();
        sidikAneh["sidik"] = "<script>";
        Assert.False(CardVerbs.TryParse(JsonDocument.Parse(sidikAneh.ToJsonString()).RootElement, out _));

        data["id"] = "../x";
        Assert.False(CardVerbs.TryParse(JsonDocument.Parse(data.ToJsonString()).RootElement, out _));
        var tl = new TindakLanjutData("dlg-1-1", 2).ToData();
        tl["c|dlg-1-1"] = "  beres  ";
        Assert.True(CardVerbs.TryParse(JsonDocument.Parse(tl.ToJsonString()).RootElement, out var t));
        Assert.Equal(new TindakLanjutData("dlg-1-1", 2) { Catatan = "beres" }, t);
    }

    private static JsonObject? Cari(JsonNode? node, string id) => node switch
    {
        JsonObject o when o["id"]?.ToString() == id => o,
        JsonObject o => o.Select(p => Cari(p.Value, id)).FirstOrDefault(x => x is not null),
        JsonArray a => a.Select(c => Cari(c, id)).FirstOrDefault(x => x is not null),
        _ => null,
    };

    private static List<JsonObject> CariAksi(JsonNode? node, string verb)
    {
        var hasil = new List<JsonObject>();
        void Jelajah(JsonNode? n)
        {
            if (n is JsonObject o && o["type"]?.ToString() == "Action.Execute" && o["verb"]?.ToString() == verb)
            {
                hasil.Add(o);
            }
            else if (n is JsonObject o2)
            {
                foreach (var (_, c) in o2)
                {
                    Jelajah(c);
                }
            }
            else if (n is JsonArray a)
            {
                foreach (var c in a)
                {
                    Jelajah(c);
                }
            }
        }

        Jelajah(node);
        return hasil;
    }
}
