using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kinerja.Domain.Ports;
using KinerjaBot.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KinerjaBot.Tests.Reach;

/// <summary>
/// Conversation references captured at the protocol edge (<c>POST /api/messages</c>), from what Teams sends:
/// installation, membership changes and every message of the 1:1 chat.
/// </summary>
public sealed class ConversationReferenceCaptureTests : IDisposable
{
    private const string GroupChat = "19:a1b2c3d4e5f6@thread.v2";

    private readonly BotFactory _bot = new();
    private readonly ActivityDriver _driver = new();

    public void Dispose() => _bot.Dispose();

    private IPercakapanStore Store => _bot.Services.GetRequiredService<IPercakapanStore>();

    private Task<Percakapan?> BagusAsync() => Store.CariAsync(_driver.AadObjectId!, CancellationToken.None);

    [Fact]
    public async Task InstallationUpdateAdd_MenyimpanReferensiChatPribadi_DanTetapMenyapa()
    {
        _bot.Connector.AcceptActivities();
        var install = _driver.Base("installationUpdate");
        install["action"] = "add";

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(install)).StatusCode);

        var referensi = (await BagusAsync())?.Referensi;
        Assert.Equal(
            new ReferensiPercakapan(_driver.AadObjectId!, ActivityDriver.ServiceUrl, ActivityDriver.PersonalConversation, ActivityDriver.TenantId,
                _driver.UserId, ActivityDriver.BotId, "msteams", _bot.Time.GetUtcNow()),
            referensi);
        Assert.Single(_bot.Connector.Requests, r => r.Method == HttpMethod.Post); // the greeting (after the member lookup that links the installer)
    }

    [Fact]
    public async Task InstallationUpdateRemove_MenandaiDihapus_Dijawab200TanpaPanggilanConnector()
    {
        _bot.Connector.AcceptActivities();
        var install = _driver.Base("installationUpdate");
        install["action"] = "add";
        await PostAsync(install);
        _bot.Time.Advance(TimeSpan.FromHours(1));

        var remove = _driver.Base("installationUpdate");
        remove["action"] = "remove";
        remove["timestamp"] = "2026-11-28T04:10:00.000Z";
        var response = await PostAsync(remove);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var referensi = (await BagusAsync())!.Referensi!;
        Assert.True(referensi.Dihapus);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 4, 10, 0, TimeSpan.Zero), referensi.DihapusPada);
        Assert.Single(_bot.Connector.Requests, r => r.Method == HttpMethod.Post); // only the greeting of the install
    }

    [Fact]
    public async Task ConversationUpdate_BotDitambahkan_MenyimpanReferensiPengguna_BotDikeluarkan_MenandaiDihapus()
    {
        var ditambah = _driver.Base("conversationUpdate");
        ditambah["membersAdded"] = new JsonArray(
            new JsonObject { ["id"] = _driver.UserId, ["aadObjectId"] = _driver.AadObjectId },
            new JsonObject { ["id"] = ActivityDriver.BotId });

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ditambah)).StatusCode);
        var referensi = (await BagusAsync())!.Referensi!;
        Assert.Equal((ActivityDriver.PersonalConversation, _driver.UserId, false), (referensi.ConversationId, referensi.UserId, referensi.Dihapus));

        _bot.Time.Advance(TimeSpan.FromMinutes(5));
        var dikeluarkan = _driver.Base("conversationUpdate");
        dikeluarkan["timestamp"] = "2026-11-28T03:15:00.000Z";
        dikeluarkan["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = ActivityDriver.BotId });
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(dikeluarkan)).StatusCode);

        Assert.True((await BagusAsync())!.Referensi!.Dihapus);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task ConversationUpdateTanpaBot_TidakMenyimpanApaPun()
    {
        var lain = _driver.Base("conversationUpdate");
        lain["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:1orang-lain", ["aadObjectId"] = "7a1d4e2b-0000-4000-8000-000000000999" });

        await PostAsync(lain);

        Assert.Null((await BagusAsync())?.Referensi);
        Assert.Null(await Store.CariAsync("7a1d4e2b-0000-4000-8000-000000000999", CancellationToken.None));
    }

    [Fact]
    public async Task PesanDenganClientInfo_MenyimpanLocaleDanZonaWaktu_DanMemperbaruiServiceUrl()
    {
        _bot.Connector.AcceptActivities();
        var install = _driver.Base("installationUpdate");
        install["action"] = "add";
        install["timestamp"] = "2026-11-28T03:00:00.000Z";
        await PostAsync(install);

        // Teams moved the chat to another connector endpoint; the client is in Makassar (WITA).
        var pesan = _driver.Message("bantuan", new JsonArray(new JsonObject
        {
            ["type"] = "clientInfo", ["locale"] = "id-ID", ["country"] = "ID", ["platform"] = "Windows", ["timezone"] = "Asia/Makassar",
        }));
        pesan["serviceUrl"] = "http://127.0.0.1:56150/_connector";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(pesan)).StatusCode);

        var percakapan = await BagusAsync();
        Assert.Equal(new LokalPengguna("id-ID", "Asia/Makassar", _bot.Time.GetUtcNow()), percakapan!.Lokal);
        Assert.Equal("http://127.0.0.1:56150/_connector", percakapan.Referensi!.ServiceUrl);
        Assert.Equal(_bot.Time.GetUtcNow(), percakapan.Referensi.DiperbaruiPada);
    }

    [Fact]
    public async Task PesanDiGroupChat_TidakMenimpaReferensiPribadi_TetapiLocaleDisimpan()
    {
        _bot.Connector.AcceptActivities();
        var install = _driver.Base("installationUpdate");
        install["action"] = "add";
        install["timestamp"] = "2026-11-28T03:00:00.000Z";
        await PostAsync(install);
        var sebelum = (await BagusAsync())!.Referensi;

        var diGrup = new ActivityDriver { ConversationId = GroupChat, ConversationType = "groupChat" }.Message("bantuan", new JsonArray(new JsonObject
        {
            ["type"] = "clientInfo", ["locale"] = "id-ID", ["timezone"] = "Asia/Jayapura",
        }));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(diGrup)).StatusCode);

        var sesudah = await BagusAsync();
        Assert.Equal(sebelum, sesudah!.Referensi);
        Assert.Equal(ActivityDriver.PersonalConversation, sesudah.Referensi!.ConversationId);
        Assert.Equal("Asia/Jayapura", sesudah.Lokal!.ZonaWaktu);
        Assert.Contains(_bot.Connector.Requests, r => r.Uri.AbsolutePath.Contains(Uri.EscapeDataString(GroupChat), StringComparison.Ordinal));
    }

    [Fact]
    public async Task PesanLamaYangDikirimUlang_TidakMenimpaReferensiYangLebihBaru()
    {
        _bot.Connector.AcceptActivities();
        var baru = _driver.Message("bantuan");
        baru["serviceUrl"] = "http://127.0.0.1:56150/_connector";
        await PostAsync(baru);

        var lama = _driver.Message("bantuan");
        lama["timestamp"] = "2026-11-28T03:05:00.000Z";
        await PostAsync(lama);

        Assert.Equal("http://127.0.0.1:56150/_connector", (await BagusAsync())!.Referensi!.ServiceUrl);
    }

    [Fact]
    public async Task InvokeDiChatPribadi_MenyegarkanReferensi()
    {
        var invoke = _driver.Invoke("hapusSemua", new JsonObject { ["verb"] = "hapusSemua" });

        await PostAsync(invoke);

        Assert.Equal(ActivityDriver.PersonalConversation, (await BagusAsync())!.Referensi!.ConversationId);
    }

    [Fact]
    public async Task PenyimpananGagal_GilirannyaTetapDijawab()
    {
        using var bot = _bot.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<IPercakapanStore>();
            s.AddSingleton<IPercakapanStore, PenyimpananRusak>();
        }));
        _bot.Connector.AcceptActivities();

        var response = await bot.CreateClient().PostAsync(new Uri("/api/messages", UriKind.Relative),
            new StringContent(_driver.Message("bantuan").ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_bot.Connector.Requests); // the help card
    }

    private Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        _bot.CreateClient().PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    private sealed class PenyimpananRusak : IPercakapanStore
    {
        public Task<Percakapan?> CariAsync(string aadObjectId, CancellationToken cancellationToken) => throw new IOException("disk penuh");

        public Task<bool> SimpanReferensiAsync(ReferensiPercakapan referensi, CancellationToken cancellationToken) => throw new IOException("disk penuh");

        public Task<bool> SimpanLokalAsync(string aadObjectId, LokalPengguna lokal, CancellationToken cancellationToken) => throw new IOException("disk penuh");

        public Task<bool> TandaiTidakTerjangkauAsync(string aadObjectId, TidakTerjangkau tidakTerjangkau, CancellationToken cancellationToken) =>
            throw new IOException("disk penuh");

        public Task<IReadOnlyList<PegawaiTidakTerjangkau>> DaftarTidakTerjangkauAsync(string kodeKantor, CancellationToken cancellationToken) =>
            throw new IOException("disk penuh");
    }
}
