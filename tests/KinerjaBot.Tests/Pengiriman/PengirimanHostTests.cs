using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kinerja.Cards;
using Kinerja.Domain.Kalender;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Kinerja.Testing.CardLint;
using KinerjaBot.Tests.Support;
using CardJson = KinerjaBot.Tests.Support.CardJson;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Pengiriman;

/// <summary>A working calendar of weekends only (the real one, with holidays, is the planners' part of issue 6).</summary>
public sealed class KalenderAkhirPekan : IKalenderKerja
{
    public bool HariKerja(string kodeKantor, DateOnly tanggal) => tanggal.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}

/// <summary>
/// <i>Ingatkan besok</i> and <c>status pengiriman</c> through the whole host (demo office KPPN Metro, Saturday
/// 28 November 2026 10.10 WIB). Identity is the sender's; the card names only the delivery.
/// </summary>
public sealed class PengirimanHostTests : IDisposable
{
    private static readonly Nip Bagus = Nip.Parse("198211052003121004");
    private static readonly Nip Lestari = Nip.Parse("199312012015032004");
    private static readonly Nip Fajar = Nip.Parse("199806212020031006");

    // No coordinator configured: the Kepala Subbagian Umum of the demo office (Ratna) is one by fallback, as she is the
    // recipient of the weekly digest.
    private readonly BotFactory _bot = new BotFactory()
        .WithServices(s => s.AddSingleton<IKalenderKerja, KalenderAkhirPekan>());

    private readonly ActivityDriver _bagus = new();
    private readonly ActivityDriver _lestari = ActivityDriver.Lestari();
    private readonly ActivityDriver _ratna = ActivityDriver.Ratna();

    public PengirimanHostTests()
    {
        _bot.Connector.Member(_bagus).Member(_lestari).Member(_ratna).AcceptActivities().AcceptUpdates();
    }

    public void Dispose() => _bot.Dispose();

    private IBukuPengirimanStore Buku
    {
        get
        {
            _ = _bot.Server;
            return _bot.Services.GetRequiredService<IBukuPengirimanStore>();
        }
    }

    private static KunciPengiriman Kunci(Nip nip) => new(JenisPengiriman.PengingatSkp, "2027-H7", "KPPN-METRO", nip);

    /// <summary>A ledger row as the engine leaves it after sending at 09.00 WIB.</summary>
    private async Task TerkirimAsync(Nip nip)
    {
        var pada = new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);
        var baru = CatatanPengiriman.Baru(new RencanaKirim(Kunci(nip), pada), pada);
        Assert.True(await Buku.TambahAsync(baru, CancellationToken.None));
        var mulai = baru.MulaiKirim("uji", pada);
        Assert.True(await Buku.GantiAsync(mulai, CancellationToken.None));
        Assert.True(await Buku.GantiAsync(mulai.Terkirim(ActivityDriver.ServiceUrl, "a:personal", "1:kartu", pada), CancellationToken.None));
    }

    [Fact]
    public async Task IngatkanBesok_OlehPenerima_DikirimLagiHariKerjaBerikut_KartuBerubahDiTempat()
    {
        await TerkirimAsync(Bagus);

        var response = await PostAsync(_bagus.Invoke(CardVerbs.IngatkanBesok, new IngatkanBesokData(Kunci(Bagus)).ToData(), "1:kartu"));

        // Saturday → Sunday is not a working day → Monday 30 November, 08.00 in the office's zone.
        var kartu = await KartuInvokeAsync(response);
        Assert.Contains("Baik, pengingat ini akan dikirim lagi pada 30 November 2026 08.00 WIB.", CardJson.AllText(kartu), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
        var c = await Buku.CariAsync(Kunci(Bagus), CancellationToken.None);
        Assert.Equal((StatusPengiriman.Direncanakan, new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero), 1), (c!.Status, c.KirimSetelah, c.Ditunda));

        // A second click (or the submit fallback) says the same and postpones nothing more.
        var kedua = await KartuInvokeAsync(await PostAsync(_bagus.Invoke(CardVerbs.IngatkanBesok, new IngatkanBesokData(Kunci(Bagus)).ToData(), "1:kartu")));
        Assert.Equal(CardJson.AllText(kartu), CardJson.AllText(kedua));
        Assert.Equal(c, await Buku.CariAsync(Kunci(Bagus), CancellationToken.None));
    }

    [Fact]
    public async Task IngatkanBesok_OlehOrangLain_DitolakDalamBahasaIndonesia_TidakAdaYangBerubah()
    {
        await TerkirimAsync(Bagus);
        var sebelum = await Buku.CariAsync(Kunci(Bagus), CancellationToken.None);

        // Lestari clicks a card naming Bagus's delivery: the card data is not who acts.
        var pesan = await PesanInvokeAsync(await PostAsync(_lestari.Invoke(CardVerbs.IngatkanBesok, new IngatkanBesokData(Kunci(Bagus)).ToData(), "1:kartu")));

        Assert.Equal(Kinerja.Jobs.Pengiriman.PenundaanPengiriman.PesanBukanPenerima, pesan);
        Assert.Equal(sebelum, await Buku.CariAsync(Kunci(Bagus), CancellationToken.None));
    }

    [Fact]
    public async Task IngatkanBesok_PengingatYangBelumTerkirim_TidakDapatDitunda()
    {
        var pada = new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);
        await Buku.TambahAsync(CatatanPengiriman.Baru(new RencanaKirim(Kunci(Bagus), pada), pada), CancellationToken.None);

        var pesan = await PesanInvokeAsync(await PostAsync(_bagus.Invoke(CardVerbs.IngatkanBesok, new IngatkanBesokData(Kunci(Bagus)).ToData(), "1:kartu")));

        Assert.Equal(Kinerja.Jobs.Pengiriman.PenundaanPengiriman.PesanTidakBisa, pesan);
    }

    [Fact]
    public async Task StatusPengiriman_KasubbagUmumTanpaKonfigurasi_MelihatKemajuanDanSiapaYangTidakTerjangkau()
    {
        await TerkirimAsync(Bagus);
        await TerkirimAsync(Fajar);
        var pada = new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);
        var lestari = CatatanPengiriman.Baru(new RencanaKirim(Kunci(Lestari), pada), pada);
        await Buku.TambahAsync(lestari, CancellationToken.None);
        await Buku.GantiAsync(lestari.TidakTerjangkau(AlasanTidakTerjangkau.DiblokirPengguna, "MessageWritesBlocked", pada), CancellationToken.None);

        await PostAsync(_ratna.Message("status pengiriman"));

        var kartu = CardJson.CardOf(Terakhir("a:personal-ratna").Body);
        var teks = CardJson.AllText(kartu);
        Assert.Contains("Status pengiriman — KPPN Metro", teks, StringComparison.Ordinal);
        Assert.Contains("Pengingat SKP · 2027-H7", teks, StringComparison.Ordinal);
        Assert.Contains("terkirim 2 dari 3, 1 tidak terjangkau", teks, StringComparison.Ordinal);
        Assert.Contains("Lestari Handayani (199312012015032004)", teks, StringComparison.Ordinal);
        Assert.Contains("memblokir KinerjaBot", teks, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
    }

    [Fact]
    public async Task StatusPengiriman_BukanKoordinator_DiberitahuTidakBoleh()
    {
        await TerkirimAsync(Bagus);

        await PostAsync(_bagus.Message("status pengiriman"));

        Assert.Equal(Handlers.PengirimanHandler.PesanBukanKoordinator, Terakhir(ActivityDriver.PersonalConversation).Body!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task KartuStatus_AngkaRibuanIdId_DanDaftarDibatasi()
    {
        var bermasalah = Enumerable.Range(0, 30).Select(i => new PenerimaBermasalah($"Pegawai {i}", "1980", "memblokir KinerjaBot")).ToList();
        var kartu = StatusPengirimanCard.Render("KPPN Metro", [new KemajuanPengiriman(JenisPengiriman.PengingatSkp, "2027-H7", 1204, 812, 12, 18, 3, 0, 362, bermasalah)]);
        var teks = CardJson.AllText(kartu.ToJson());

        Assert.Contains("terkirim 812 dari 1.204, 12 tidak terjangkau, 18 gagal, 362 menunggu", teks, StringComparison.Ordinal);
        Assert.Contains("… dan 10 lainnya.", teks, StringComparison.Ordinal);
        Assert.True(kartu.UkuranByte() < AdaptiveCard.MaksimalByte);
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
    }

    private ConnectorRequest Terakhir(string conversationId) =>
        _bot.Connector.Requests.Last(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.Contains($"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", StringComparison.Ordinal));

    private static async Task<JsonObject> KartuInvokeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive", body.ToJsonString());
        return body["value"]!.AsObject();
    }

    private static async Task<string> PesanInvokeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["type"]!.GetValue<string>() == "application/vnd.microsoft.activity.message", body.ToJsonString());
        return body["value"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        var client = _bot.CreateClient();
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
    }
}
