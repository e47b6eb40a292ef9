using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Protocol;

/// <summary>A Plt. set by a coordinator approves for the supervisor inside the assignment's dates, and only then.</summary>
public sealed class PltHostTests : IDisposable
{
    private const string NipBagus = "198211052003121004";
    private const string NipRatna = "198407222006122001";
    private const string NipLestari = "199312012015032004";

    private readonly BotFactory _bot = new();
    private readonly ActivityDriver _ratna = ActivityDriver.Ratna();

    public PltHostTests() =>
        _bot.Connector
            .Member(_ratna)
            .AcceptActivities()
            .AcceptUpdates();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task PltDalamTanggalnya_MenyetujuiAtasNamaAtasan_TercatatDiJejakAudit()
    {
        // The bot's clock says 28 November 2026 (WIB): an assignment covering that day.
        await PenugasanAsync(new DateOnly(2026, 11, 28), new DateOnly(2026, 12, 5));

        var response = await PostAsync(_ratna.Invoke("setujuiSkp", Data()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alur = await MuatAsync();
        Assert.Equal(StatusSkp.Disetujui, alur.Status);
        var keputusan = alur.JejakAudit[^1];
        Assert.Equal(NipRatna, keputusan.Oleh!.Nip.Value);
        Assert.Equal(NipBagus, keputusan.AtasNama!.Nip.Value);
        Assert.Equal(new DateOnly(2026, 11, 28), keputusan.TanggalLokal);
    }

    [Fact]
    public async Task PltSebelumTanggalnya_DitolakDenganAlasanDanTidakAdaYangBerubah()
    {
        await PenugasanAsync(new DateOnly(2026, 11, 29), new DateOnly(2026, 12, 5));
        var sebelum = (await MuatAsync()).Revisi;

        var response = await PostAsync(_ratna.Invoke("setujuiSkp", Data()));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Contains("Penugasan Plt. Anda berlaku 29 November", body["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var alur = await MuatAsync();
        Assert.Equal(StatusSkp.Diajukan, alur.Status);
        Assert.Equal(sebelum, alur.Revisi);
    }

    private async Task PenugasanAsync(DateOnly mulai, DateOnly selesai)
    {
        _ = _bot.Server;
        var store = _bot.Services.GetRequiredService<IKontrakStore>();
        await store.SimpanDelegasiAsync(new Delegasi("plt-uji", "KPPN-METRO", Nip.Parse(NipRatna), Nip.Parse(NipBagus), JenisDelegasi.Plt, mulai, selesai, Nip.Parse(NipRatna)), CancellationToken.None);
    }

    private async Task<PersetujuanSkp> MuatAsync()
    {
        _ = _bot.Server;
        var store = _bot.Services.GetRequiredService<IKontrakStore>();
        return (await store.MuatAsync(new KunciSkp("KPPN-METRO", 2027, Nip.Parse(NipLestari)), CancellationToken.None))!;
    }

    private static JsonObject Data() => new() { ["verb"] = "setujuiSkp", ["tahun"] = 2027, ["nip"] = NipLestari, ["versi"] = 1 };

    private Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        _bot.CreateClient().PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
}
