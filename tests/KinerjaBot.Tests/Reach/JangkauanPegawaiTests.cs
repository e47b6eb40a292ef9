using System.Net;
using Kinerja.Domain.Ports;
using KinerjaBot.Entra;
using KinerjaBot.Reach;
using KinerjaBot.Tests.Storage;
using KinerjaBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KinerjaBot.Tests.Reach;

/// <summary>
/// "Make sure the bot can write to this employee": the stored chat, else the app installed through Graph (recorded
/// answers, real SDK) and the chat it gives stored; refusals recorded with their reason.
/// </summary>
public sealed class JangkauanPegawaiTests : IDisposable
{
    private const string ManifestId = "5e1a9d3c-8b7f-4c2e-9a61-0d4b7e2f3a10";
    private const string KatalogId = "b1c5353a-7aca-41b3-830f-27d5218fe0e5";
    private const string TenantId = "7a1d4e2b-0000-4000-8000-00000000a001";
    private const string BotId = "28:" + ManifestId;
    private const string InstalasiBagus = "N2ExZDRlMmItMDAwMC00MDAwLTgwMDAtMDUyMDAzMTIxMDA0IyNiMWM1MzUzYS03YWNhLTQxYjMtODMwZi0yN2Q1MjE4ZmUwZTU=";
    private const string InstalasiMaya = "N2ExZDRlMmItMDAwMC00MDAwLTgwMDAtMTgyMDA3MDEyMDAzIyNiMWM1MzUzYS03YWNhLTQxYjMtODMwZi0yN2Q1MjE4ZmUwZTU=";
    private const string ChatBagus = "19:7a1d4e2b-0000-4000-8000-052003121004_0b5c7e1a-4d2f-4e8b-9a3c-6f1d2e0b7a55@unq.gbl.spaces";
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly string Bagus = KantorKecil.Aad(KantorKecil.Bagus);
    private static readonly string Maya = KantorKecil.Aad(KantorKecil.Maya);
    private static readonly string Teguh = "7a1d4e2b-0000-4000-8000-302002121001";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kinerja-jangkauan-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 3, 10, 0, TimeSpan.Zero));
    private readonly TestStore _store;
    private readonly FakeGraph _graph = new();

    public JangkauanPegawaiTests()
    {
        _store = new TestStore(Path.Combine(_dir.FullName, "kinerja.db"), _time);
        _graph.Get("/appCatalogs/teamsApps", "appcatalog-teamsapps.json", q => q.Contains($"$filter=externalId eq '{ManifestId}'", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private TeamsJangkauanPegawai Jangkauan(JangkauanOptions? options = null, string? manifestId = ManifestId)
    {
        var graphOptions = Options.Create(new GraphOptions { TenantId = TenantId, ManifestId = manifestId });
        return new TeamsJangkauanPegawai(_store.Percakapan, _store.Pengguna,
            new GraphDirectory(_graph.Client(), graphOptions, NullLogger<GraphDirectory>.Instance),
            Options.Create(options ?? new JangkauanOptions { BotId = BotId }), graphOptions, _time, NullLogger<TeamsJangkauanPegawai>.Instance);
    }

    private void BagusBisaDipasang(HttpStatusCode status = HttpStatusCode.Created) => _graph
        .Post($"/users/{Bagus}/teamwork/installedApps", status)
        .Get($"/users/{Bagus}/teamwork/installedApps", "installedapps-bagus.json",
            q => q.Contains("$expand=teamsApp", StringComparison.Ordinal) && q.Contains($"$filter=teamsApp/id eq '{KatalogId}'", StringComparison.Ordinal))
        .Get($"/users/{Bagus}/teamwork/installedApps/{InstalasiBagus}/chat", "chat-bagus.json");

    [Fact]
    public async Task BelumAdaPercakapan_Pasang201LaluChatDibaca_ReferensiProaktifDisimpan()
    {
        BagusBisaDipasang();

        var referensi = await Jangkauan().PastikanPercakapanAsync(Bagus, Ct);

        var diharapkan = new ReferensiPercakapan(Bagus, "https://smba.trafficmanager.net/teams/", ChatBagus, TenantId, null, BotId, "msteams", _time.GetUtcNow());
        Assert.Equal(diharapkan, referensi);
        Assert.Equal(diharapkan, (await _store.Percakapan.CariAsync(Bagus, Ct))!.Referensi);
        var pasang = Assert.Single(_graph.Requests, r => r.Method == HttpMethod.Post);
        Assert.Equal($"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{KatalogId}", pasang.Body!["teamsApp@odata.bind"]!.GetValue<string>());
        Assert.Equal("#microsoft.graph.userScopeTeamsAppInstallation", pasang.Body!["@odata.type"]!.GetValue<string>());
        _graph.AssertNoUnexpectedCalls();

        // The second time the stored chat is used: Graph is not asked again.
        var jumlah = _graph.Requests.Count;
        Assert.Equal(diharapkan, await Jangkauan().PastikanPercakapanAsync(Bagus, Ct));
        Assert.Equal(jumlah, _graph.Requests.Count);
    }

    [Fact]
    public async Task Pasang409_SudahTerpasang_DianggapBerhasil()
    {
        _graph.Post($"/users/{Maya}/teamwork/installedApps", HttpStatusCode.Conflict, "error-install-conflict.json")
            .Get($"/users/{Maya}/teamwork/installedApps", "installedapps-maya.json")
            .Get($"/users/{Maya}/teamwork/installedApps/{InstalasiMaya}/chat", "chat-maya.json");

        var referensi = await Jangkauan().PastikanPercakapanAsync(Maya, Ct);

        Assert.Equal("19:7a1d4e2b-0000-4000-8000-182007012003_0b5c7e1a-4d2f-4e8b-9a3c-6f1d2e0b7a55@unq.gbl.spaces", referensi!.ConversationId);
        Assert.Null((await _store.Percakapan.CariAsync(Maya, Ct))!.TidakTerjangkau);
        _graph.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task Pasang403_DicatatTidakTerjangkau_DicobaLagiSetelahJeda()
    {
        _graph.Post($"/users/{Teguh}/teamwork/installedApps", HttpStatusCode.Forbidden, "error-install-forbidden.json");

        Assert.Null(await Jangkauan().PastikanPercakapanAsync(Teguh, Ct));

        var dicatat = (await _store.Percakapan.CariAsync(Teguh, Ct))!;
        Assert.Equal(new TidakTerjangkau(AlasanTidakTerjangkau.DinonaktifkanAdmin, "Forbidden", _time.GetUtcNow()), dicatat.TidakTerjangkau);
        Assert.Null(dicatat.Referensi);

        // Within a day the refusal is believed: no Graph call. After it, the bot asks again.
        var jangkauan = Jangkauan();
        var jumlah = _graph.Requests.Count;
        _time.Advance(TimeSpan.FromHours(23));
        Assert.Null(await jangkauan.PastikanPercakapanAsync(Teguh, Ct));
        Assert.Equal(jumlah, _graph.Requests.Count);
        _time.Advance(TimeSpan.FromHours(2));
        Assert.Null(await jangkauan.PastikanPercakapanAsync(Teguh, Ct));
        Assert.Equal(2, _graph.Requests.Count(r => r.Method == HttpMethod.Post));
        Assert.Equal(_time.GetUtcNow(), (await _store.Percakapan.CariAsync(Teguh, Ct))!.TidakTerjangkau!.Pada);
    }

    [Fact]
    public async Task ReferensiTersimpan_DipakaiTanpaGraph()
    {
        var tersimpan = new ReferensiPercakapan(Bagus, "https://smba.trafficmanager.net/apac/", "a:1personal-bagus", TenantId, "29:1bagus", BotId, "msteams",
            _time.GetUtcNow().AddDays(-3));
        await _store.Percakapan.SimpanReferensiAsync(tersimpan, Ct);

        Assert.Equal(tersimpan, await Jangkauan().PastikanPercakapanAsync(Bagus, Ct));
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task AplikasiDihapusPengguna_TidakDipasangUlang_KecualiDikonfigurasi()
    {
        var dihapus = _time.GetUtcNow().AddDays(-1);
        await _store.Percakapan.SimpanReferensiAsync(
            new ReferensiPercakapan(Bagus, "https://smba.trafficmanager.net/apac/", "a:1personal-bagus", TenantId, "29:1bagus", BotId, "msteams", dihapus, dihapus), Ct);

        Assert.Null(await Jangkauan().PastikanPercakapanAsync(Bagus, Ct));
        Assert.Empty(_graph.Requests);

        BagusBisaDipasang(HttpStatusCode.Conflict);
        var referensi = await Jangkauan(new JangkauanOptions { BotId = BotId, PasangUlangBilaDihapus = true }).PastikanPercakapanAsync(Bagus, Ct);
        Assert.Equal(ChatBagus, referensi!.ConversationId);
        // The person's Teams id is kept from the chat we knew.
        Assert.Equal("29:1bagus", (await _store.Percakapan.CariAsync(Bagus, Ct))!.Referensi!.UserId);
    }

    [Fact]
    public async Task LewatNip_MemakaiAkunTeamsYangDitautkan()
    {
        BagusBisaDipasang();
        await _store.Pengguna.SimpanAsync(new PenggunaTerkait(Bagus, KantorKecil.Kode, KantorKecil.Bagus, "bagus.nugroho@kemenkeu.example", _time.GetUtcNow()), Ct);

        Assert.Equal(ChatBagus, (await Jangkauan().PastikanPercakapanAsync("kppn-metro", KantorKecil.Bagus, Ct))!.ConversationId);
        Assert.Null(await Jangkauan().PastikanPercakapanAsync("kppn-metro", KantorKecil.Maya, Ct));
    }

    [Fact]
    public async Task TanpaManifestId_TidakMemasang()
    {
        Assert.Null(await Jangkauan(manifestId: null).PastikanPercakapanAsync(Bagus, Ct));
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task AplikasiTidakAdaDiKatalog_GalatKonfigurasiYangJelas()
    {
        var graph = new FakeGraph().Get("/appCatalogs/teamsApps", "appcatalog-empty.json");
        var graphOptions = Options.Create(new GraphOptions { TenantId = TenantId, ManifestId = ManifestId });
        var direktori = new GraphDirectory(graph.Client(), graphOptions, NullLogger<GraphDirectory>.Instance);

        var e = await Assert.ThrowsAsync<DirektoriException>(() => direktori.PasangAplikasiAsync(Bagus, Ct));

        Assert.Equal($"Aplikasi Teams dengan id manifes {ManifestId} tidak ada di katalog aplikasi organisasi: unggah paketnya ke katalog dulu.", e.Message);
    }

    [Fact]
    public async Task GraphGagalSementara_Melempar_AgarJobMengulang_TanpaMencatatPenolakan()
    {
        _graph.Post($"/users/{Bagus}/teamwork/installedApps", HttpStatusCode.ServiceUnavailable, "error-install-forbidden.json");

        var e = await Assert.ThrowsAsync<DirektoriException>(() => Jangkauan().PastikanPercakapanAsync(Bagus, Ct));

        Assert.Equal(503, e.Status);
        Assert.Null(await _store.Percakapan.CariAsync(Bagus, Ct));
    }
}
