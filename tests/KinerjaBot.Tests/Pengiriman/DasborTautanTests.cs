using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using Kinerja.Testing.CardLint;
using KinerjaBot.Dialog;
using KinerjaBot.Handlers;
using KinerjaBot.Hosting;
using KinerjaBot.Penjadwalan;
using KinerjaBot.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Tests.Pengiriman;

/// <summary>
/// The dashboard in a browser: a coordinator types <c>dasbor jadwal</c> in Teams (through the bot's real activity path),
/// gets a single-use signed link, opens it, and the dashboard answers with the session cookie — read-only for
/// coordinators, full for administrators. Tampered, expired, used, another dashboard's cookie, no cookie, and a coordinator
/// removed between link and click are refused with 4xx, never 500. Demo office KPPN Metro, 28 November 2026 10.10 WIB.
/// </summary>
public sealed class DasborTautanTests : IDisposable
{
    private const string Penerbit = "https://login.microsoftonline.com/7a1d4e2b-0000-4000-8000-00000000a001/v2.0";
    private const string NipRatna = "198407222006122001";
    private const string NipHendarto = "197603141998031002";

    private readonly string _kunciDp = Directory.CreateTempSubdirectory("kinerjabot-dp-").FullName;
    private readonly List<BotFactory> _lain = [];
    private readonly ActivityDriver _ratna = ActivityDriver.Ratna();
    private readonly ActivityDriver _bagus = new();
    private readonly ActivityDriver _lestari = ActivityDriver.Lestari();
    private readonly BotFactory _bot;

    public DasborTautanTests()
    {
        _bot = Bot();
    }

    /// <summary>
    /// Ratna (by e-mail) and Hendarto (by NIP) coordinate KPPN Metro; Lestari's object id is an administrator's. All
    /// hosts of a test share one Data Protection key ring, as the instances of one deployment would.
    /// </summary>
    private BotFactory Bot(string jalur = "/hangfire", bool aktif = true)
    {
        var bot = new BotFactory()
            .With("Kinerja:Jadwal:Dasbor:Aktif", aktif ? "true" : "false")
            .With("Kinerja:Jadwal:Dasbor:Path", jalur)
            .With("Kinerja:Jadwal:Dasbor:Authority", Penerbit)
            .With("Kinerja:Jadwal:Dasbor:Audience", "api://kinerjabot-dasbor")
            .With("Kinerja:Jadwal:Dasbor:Administrator:0", ActivityDriver.Lestari().AadObjectId)
            .With("Kinerja:Koordinator:Kantor:KPPN-METRO:0", "ratna.anggraini@kemenkeu.example")
            .With("Kinerja:Koordinator:Kantor:KPPN-METRO:1", NipHendarto)
            .With("Kinerja:Dialog:UrlPublik", "https://kinerja.example.go.id/")
            .With("Kinerja:Dialog:KunciTautan", new string('k', 40))
            .WithServices(s => s.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(_kunciDp)).SetApplicationName("KinerjaBot"));
        bot.Connector.Member(_ratna).Member(_bagus).Member(_lestari).AcceptActivities();
        if (_bot is not null)
        {
            _lain.Add(bot);
        }

        return bot;
    }

    public void Dispose()
    {
        foreach (var bot in _lain)
        {
            bot.Dispose();
        }

        _bot.Dispose();
        try
        {
            Directory.Delete(_kunciDp, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    /// <summary>A browser: HTTPS (the cookie is Secure), its own cookie jar, redirects not followed.</summary>
    private static HttpClient Peramban(BotFactory bot) =>
        bot.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    private static async Task KirimAsync(BotFactory bot, JsonObject activity)
    {
        using var response = await bot.CreateClient().PostAsync(new Uri("/api/messages", UriKind.Relative),
            new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
    }

    private static JsonNode Balasan(BotFactory bot, ActivityDriver orang) =>
        bot.Connector.Requests.Last(r => r.Method == HttpMethod.Post
            && r.Uri.AbsolutePath.Contains($"/v3/conversations/{Uri.EscapeDataString(orang.ConversationId)}/activities", StringComparison.Ordinal)).Body!;

    /// <summary>Types <c>dasbor jadwal</c> as <paramref name="orang"/> and returns the card's link (a relative URL on the test host).</summary>
    private static async Task<(Uri Tautan, JsonObject Kartu)> MintaTautanAsync(BotFactory bot, ActivityDriver orang)
    {
        await KirimAsync(bot, orang.Message("Dasbor jadwal"));
        var kartu = CardJson.CardOf(Balasan(bot, orang));
        var url = kartu["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>();
        var tautan = new Uri(url);
        Assert.Equal(("https", "kinerja.example.go.id", TautanDasbor.Jalur), (tautan.Scheme, tautan.Host, tautan.AbsolutePath));
        return (new Uri(tautan.PathAndQuery, UriKind.Relative), kartu);
    }

    private static async Task<HttpStatusCode> PicuAsync(HttpClient peramban, string dasbor = "/hangfire")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{dasbor}/recurring/trigger")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("jobs[]", Kinerja.Jobs.Jadwal.SinkronJadwalJob.Id)]),
        };
        using var response = await peramban.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<(HttpStatusCode Status, string Isi)> GetAsync(HttpClient peramban, Uri alamat)
    {
        using var response = await peramban.GetAsync(alamat);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Uri Alamat(string s) => new(s, UriKind.Relative);

    [Fact]
    public async Task Koordinator_MintaTautan_Membuka_KukiAman_Dasbor200HanyaBaca_TautanSekaliPakai()
    {
        var (tautan, kartu) = await MintaTautanAsync(_bot, _ratna);

        var teks = CardJson.AllText(kartu);
        Assert.Contains("hanya dapat dibuka sekali, dan berlaku sampai 28 November 2026 10.20 WIB", teks, StringComparison.Ordinal);
        Assert.Contains("Sebagai koordinator, Anda dapat melihat jadwal dan pengiriman (hanya baca). Setelah dibuka, sesi dasbor berlaku 30 menit.", teks, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
        // Bound to the sender of the activity: her object id, office and NIP.
        var query = System.Web.HttpUtility.ParseQueryString(tautan.OriginalString[(tautan.OriginalString.IndexOf('?', StringComparison.Ordinal) + 1)..]);
        Assert.Equal((_ratna.AadObjectId, "KPPN-METRO", NipRatna), (query["o"], query["k"], query["n"]));

        var peramban = Peramban(_bot);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(peramban, Alamat("/hangfire"))).Status);

        using var masuk = await peramban.GetAsync(tautan);
        Assert.Equal(HttpStatusCode.OK, masuk.StatusCode);
        var kuki = Assert.Single(masuk.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(DasborHangfire.NamaKuki + "=", kuki, StringComparison.Ordinal);
        foreach (var atribut in new[] { "path=/hangfire", "secure", "samesite=strict", "httponly" })
        {
            Assert.Contains(atribut, kuki.Split(';', StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("expires=", kuki, StringComparison.OrdinalIgnoreCase); // a browser session, gone with the browser
        Assert.True(masuk.Headers.CacheControl!.NoStore);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"0;url=/hangfire\">", await masuk.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (status, halaman) = await GetAsync(peramban, Alamat("/hangfire"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("KinerjaBot — jadwal dan pengiriman", halaman, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(peramban, Alamat("/hangfire/recurring"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await PicuAsync(peramban)); // read-only: Hangfire refuses the action

        // The same link a second time, even in another browser: no second session.
        var kedua = await GetAsync(Peramban(_bot), tautan);
        Assert.Equal(HttpStatusCode.Gone, kedua.Status);
        Assert.Contains("sudah pernah dibuka", kedua.Isi, StringComparison.Ordinal);
        Assert.Contains("<b>dasbor jadwal</b>", kedua.Isi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_LewatTautan_BolehMemicuJob()
    {
        var (tautan, kartu) = await MintaTautanAsync(_bot, _lestari);
        Assert.Contains("Sebagai administrator", CardJson.AllText(kartu), StringComparison.Ordinal);

        var peramban = Peramban(_bot);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(peramban, tautan)).Status);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(peramban, Alamat("/hangfire"))).Status);
        Assert.Equal(HttpStatusCode.NoContent, await PicuAsync(peramban));
    }

    [Fact]
    public async Task PegawaiBiasa_DitolakDalamBahasaIndonesia_TanpaTautan()
    {
        await KirimAsync(_bot, _bagus.Message("dasbor jadwal"));

        var balasan = Balasan(_bot, _bagus);
        Assert.Equal(DasborHandler.PesanBukanKoordinator, balasan["text"]!.GetValue<string>());
        Assert.Null(balasan["attachments"]);
    }

    [Fact]
    public async Task DiChatGrup_TautanTidakDikirim()
    {
        var grup = new ActivityDriver
        {
            UserId = _ratna.UserId, AadObjectId = _ratna.AadObjectId, UserName = _ratna.UserName, Email = _ratna.Email,
            ConversationId = "19:grup-kinerja@thread.v2", ConversationType = "groupChat",
        };

        await KirimAsync(_bot, grup.Message("dasbor jadwal"));

        Assert.Equal(KinerjaActivityHandler.PesanDasborPribadi, Balasan(_bot, grup)["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("n", NipHendarto)] // another coordinator's NIP
    [InlineData("k", "KPPN-LAIN")]
    [InlineData("e", "9999999999")] // a later expiry
    [InlineData("o", "7a1d4e2b-0000-4000-8000-012015032004")] // the administrator's object id
    [InlineData("s", "00")]
    public async Task TautanDiubah_403_TanpaKuki(string parameter, string nilai)
    {
        var (tautan, _) = await MintaTautanAsync(_bot, _ratna);
        var diubah = Regex.Replace(tautan.OriginalString, $"([?&]{parameter}=)[^&]*", m => m.Groups[1].Value + Uri.EscapeDataString(nilai));
        Assert.NotEqual(tautan.OriginalString, diubah);

        var peramban = Peramban(_bot);
        using var response = await peramban.GetAsync(Alamat(diubah));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Tautan dasbor ini tidak sah", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(peramban, Alamat("/hangfire"))).Status);

        // The untouched link still works: the refusal used nothing up.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(peramban, tautan)).Status);
    }

    [Fact]
    public async Task TautanTerpotong_403()
    {
        var (tautan, _) = await MintaTautanAsync(_bot, _ratna);
        var terpotong = Regex.Replace(tautan.OriginalString, "&j=[^&]*", "");

        var (status, isi) = await GetAsync(Peramban(_bot), Alamat(terpotong));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("tidak sah", isi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TautanKedaluwarsa_410_DenganPetunjuk()
    {
        var (tautan, _) = await MintaTautanAsync(_bot, _ratna);
        _bot.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var peramban = Peramban(_bot);
        var (status, isi) = await GetAsync(peramban, tautan);

        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("Tautan dasbor ini sudah kedaluwarsa. Ketik <b>dasbor jadwal</b> di chat pribadi Anda dengan KinerjaBot untuk mendapat tautan baru.", isi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(peramban, Alamat("/hangfire"))).Status);
    }

    [Fact]
    public async Task SesiBerakhirSetelah30Menit()
    {
        var (tautan, _) = await MintaTautanAsync(_bot, _ratna);
        var peramban = Peramban(_bot);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(peramban, tautan)).Status);
        _bot.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(peramban, Alamat("/hangfire"))).Status);

        _bot.Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(peramban, Alamat("/hangfire"))).Status);
    }

    [Fact]
    public async Task KukiHanyaUntukJalurDasbor_KukiDasborLainDitolak_TanpaKuki401()
    {
        var (tautan, _) = await MintaTautanAsync(_bot, _ratna);
        var peramban = new HttpClient(_bot.Server.CreateHandler()) { BaseAddress = new Uri("https://localhost") };
        using var masuk = await peramban.GetAsync(tautan);
        Assert.Equal(HttpStatusCode.OK, masuk.StatusCode);
        var toples = new CookieContainer();
        toples.SetCookies(new Uri("https://localhost" + TautanDasbor.Jalur), Assert.Single(masuk.Headers.GetValues("Set-Cookie")));

        // A browser sends it to the dashboard only: not to the bot's other addresses, not over plain HTTP.
        Assert.NotEmpty(toples.GetCookieHeader(new Uri("https://localhost/hangfire/jobs/enqueued")));
        foreach (var lain in new[] { "https://localhost/", "https://localhost/api/messages", "https://localhost/dialog/notula", "http://localhost/hangfire" })
        {
            Assert.Empty(toples.GetCookieHeader(new Uri(lain)));
        }

        // The same cookie at another deployment's dashboard path (one key ring, as instances share it): not a session there.
        var lainBot = Bot("/jadwal-kinerja");
        var kukiHeader = toples.GetCookieHeader(new Uri("https://localhost/hangfire"));
        foreach (var (bot, jalur, harus) in new[] { (lainBot, "/jadwal-kinerja", HttpStatusCode.Unauthorized), (_bot, "/hangfire", HttpStatusCode.OK) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, jalur);
            request.Headers.Add("Cookie", kukiHeader);
            using var response = await new HttpClient(bot.Server.CreateHandler()) { BaseAddress = new Uri("https://localhost") }.SendAsync(request);
            Assert.Equal(harus, response.StatusCode);
        }

        // A forged or damaged cookie, and none at all: 401.
        foreach (var kuki in new[] { $"{DasborHangfire.NamaKuki}=CfDJ8" + new string('A', 200), "" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
            if (kuki.Length > 0)
            {
                request.Headers.Add("Cookie", kuki);
            }

            using var response = await new HttpClient(_bot.Server.CreateHandler()) { BaseAddress = new Uri("https://localhost") }.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task KoordinatorDihapusAntaraTautanDanKlik_Ditolak_SesiYangTerbukaPunBerhenti()
    {
        var (tautan, _) = await MintaTautanAsync(_bot, _ratna);
        var (tautanKedua, _) = await MintaTautanAsync(_bot, _ratna);
        var sesi = Peramban(_bot);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(sesi, tautanKedua)).Status);

        // Ratna is named by her e-mail; the office's data now gives her another one: Hendarto remains the coordinator.
        await GantiEmailAsync(NipRatna, "ratna.pindah@kemenkeu.example");

        var peramban = Peramban(_bot);
        var (status, isi) = await GetAsync(peramban, tautan);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Dasbor jadwal hanya dapat dibuka oleh koordinator kinerja kantor dan administrator KinerjaBot.", isi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(peramban, Alamat("/hangfire"))).Status);

        // The session opened before: known, no longer allowed.
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(sesi, Alamat("/hangfire"))).Status);
    }

    private async Task GantiEmailAsync(string nip, string email)
    {
        var store = _bot.Services.GetRequiredService<IKantorStore>();
        var lama = (await store.MuatAsync("KPPN-METRO", CancellationToken.None))!;
        var baru = new DataKantor();
        foreach (var unit in lama.Unit)
        {
            baru.TambahUnit(unit);
        }

        foreach (var p in lama.Pegawai)
        {
            baru.TambahPegawai(p.Nip.Value == nip ? p with { Email = email } : p);
        }

        await store.SimpanAsync(baru, CancellationToken.None);
        var dimuat = await store.MuatAsync("KPPN-METRO", CancellationToken.None);
        Assert.Equal(email, dimuat!.CariPegawai(Nip.Parse(nip))!.Email);
    }

    [Fact]
    public async Task DasborTidakAktif_KoordinatorDiberitahu_TautanTidakDilayani()
    {
        var mati = Bot(aktif: false);

        await KirimAsync(mati, _ratna.Message("dasbor jadwal"));

        Assert.Equal(DasborHandler.PesanTidakAktif, Balasan(mati, _ratna)["text"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Peramban(mati), Alamat(TautanDasbor.Jalur + "?o=x"))).Status);
    }

    [Fact]
    public async Task TanpaAlamatPublik_KoordinatorDiberitahu()
    {
        var tanpa = Bot().With("Kinerja:Dialog:UrlPublik", null);

        await KirimAsync(tanpa, _ratna.Message("dasbor jadwal"));

        Assert.Equal(DasborHandler.PesanTanpaAlamat, Balasan(tanpa, _ratna)["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Kinerja:Jadwal:Dasbor:Administrator:0", "admin@kemenkeu.example", "Kinerja:Jadwal:Dasbor:Administrator:0 'admin@kemenkeu.example' bukan object id Entra ID (GUID).")]
    [InlineData("Kinerja:Jadwal:Dasbor:MasaBerlakuTautan", "02:00:00", "Kinerja:Jadwal:Dasbor:MasaBerlakuTautan harus 1–60 menit.")]
    [InlineData("Kinerja:Jadwal:Dasbor:MasaSesi", "00:01:00", "Kinerja:Jadwal:Dasbor:MasaSesi harus 5 menit – 8 jam.")]
    public void KonfigurasiDasborSalah_MenolakStartDenganNamaKunci(string kunci, string nilai, string pesan)
    {
        var bot = Bot().With(kunci, nilai);

        var e = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        while (e.InnerException is not null && e is not OptionsValidationException)
        {
            e = e.InnerException;
        }

        Assert.Contains(pesan, Assert.IsType<OptionsValidationException>(e).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TautanSatuTujuan_TidakSahUntukTujuanLain()
    {
        var tautan = new TautanBertanda(Options.Create(new DialogOptions { UrlPublik = new Uri("https://kinerja.example.go.id/"), KunciTautan = new string('k', 40) }), _bot.Time);
        var sampai = _bot.Time.GetUtcNow().AddMinutes(10);
        var url = tautan.Buat("notula", "/x", [new("k", "KPPN-METRO"), new("d", "a\nb")], sampai)!;
        var q = System.Web.HttpUtility.ParseQueryString(url.Query);

        Assert.Equal(HasilTautan.Sah, tautan.Periksa("notula", [q["k"], q["d"]], q["e"], q["s"]));
        Assert.Equal(HasilTautan.TidakSah, tautan.Periksa("dasbor", [q["k"], q["d"]], q["e"], q["s"]));
        // The separator cannot be moved between values.
        Assert.Equal(HasilTautan.TidakSah, tautan.Periksa("notula", ["KPPN-METRO\na", "b"], q["e"], q["s"]));
        Assert.Equal(HasilTautan.TidakLengkap, tautan.Periksa("notula", [q["k"], null], q["e"], q["s"]));
    }
}
